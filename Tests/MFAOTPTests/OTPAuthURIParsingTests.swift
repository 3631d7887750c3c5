import MFAOTP
import Testing

@Suite struct OTPAuthURIParsingTests {
    @Test func readsTheContractsExample() throws {
        let uri = try OTPAuthURI(parsing: """
            otpauth://totp/MFAServer:ada%40example.com?secret=JBSWY3DPEHPK3PXP\
            &issuer=MFAServer&algorithm=SHA1&digits=6&period=30
            """)
        #expect(uri.accountName == "ada@example.com")
        #expect(uri.issuer == "MFAServer")
        #expect(try uri.totp == TOTP(key: OTPAuthURITests.contractKey))
    }

    @Test func appliesTheKeyUriFormatsDefaults() throws {
        let uri = try OTPAuthURI(parsing: "otpauth://totp/alice@google.com?secret=JBSWY3DPEHPK3PXP")
        #expect(uri.accountName == "alice@google.com")
        #expect(uri.issuer == nil)
        #expect(try uri.totp == TOTP(key: OTPAuthURITests.contractKey, algorithm: .sha1, digits: 6, period: 30))
    }

    @Test func isLenientWhereAuthenticatorAppsAre() throws {
        let uri = try OTPAuthURI(parsing: """
            OTPAUTH://TOTP/Example%3A%20%20alice?Secret=jbsw%20y3dp%20ehpk%203pxp====\
            &algorithm=sha256&image=https%3A%2F%2Fexample.com%2Flogo.png&counter=7&
            """)
        #expect(uri.issuer == "Example")
        #expect(uri.accountName == "alice")
        #expect(try uri.totp == TOTP(key: OTPAuthURITests.contractKey, algorithm: .sha256))
    }

    @Test func takesTheIssuerFromEitherPlace() throws {
        let prefixOnly = try OTPAuthURI(parsing: "otpauth://totp/ACME:ada?secret=JBSWY3DPEHPK3PXP")
        let parameterOnly = try OTPAuthURI(parsing: "otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&issuer=ACME")
        #expect(prefixOnly.issuer == "ACME")
        #expect(parameterOnly.issuer == "ACME")
        #expect(prefixOnly == parameterOnly)
    }

    @Test func readsHOTPWithItsCounter() throws {
        let uri = try OTPAuthURI(parsing: "otpauth://hotp/ACME:ada?secret=JBSWY3DPEHPK3PXP&counter=18446744073709551615&digits=8")
        guard case .hotp(let hotp, let counter) = uri.generator else {
            Issue.record("expected an HOTP generator, got \(uri.generator)")
            return
        }
        #expect(counter == .max)
        #expect(try hotp == HOTP(key: OTPAuthURITests.contractKey, digits: 8))
    }

    static let malformed: [(String, OTPAuthURIError)] = [
        ("https://totp/a?secret=JBSWY3DPEHPK3PXP", .notOTPAuthScheme),
        ("otpauth:/totp/a?secret=JBSWY3DPEHPK3PXP", .notOTPAuthScheme),
        ("otpauth://motp/a?secret=JBSWY3DPEHPK3PXP", .unsupportedType("motp")),
        ("otpauth://totp?secret=JBSWY3DPEHPK3PXP", .missingLabel),
        ("otpauth://totp/?secret=JBSWY3DPEHPK3PXP", .missingLabel),
        ("otpauth://totp/ACME:?secret=JBSWY3DPEHPK3PXP", .emptyAccountName),
        ("otpauth://totp/:ada?secret=JBSWY3DPEHPK3PXP", .emptyIssuer),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&issuer=", .emptyIssuer),
        ("otpauth://totp/A:b:c?secret=JBSWY3DPEHPK3PXP", .colonInLabel),
        ("otpauth://totp/ACME:ada?secret=JBSWY3DPEHPK3PXP&issuer=Evil", .issuerMismatch(labelPrefix: "ACME", parameter: "Evil")),
        ("otpauth://totp/ada%2?secret=JBSWY3DPEHPK3PXP", .invalidPercentEncoding),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&issuer=%FF", .invalidPercentEncoding),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&secret=MZXW6YTBOI", .duplicateParameter("secret")),
        ("otpauth://totp/ada?issuer=ACME", .missingSecret),
        ("otpauth://totp/ada?secret=", .missingSecret),
        ("otpauth://totp/ada", .missingSecret),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PX1", .invalidSecret(.invalidCharacter("1", position: 15))),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PX", .invalidSecret(.nonZeroTrailingBits)),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", .unsupportedAlgorithm("MD5")),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&digits=six", .invalidDigits("six")),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&digits=9", .invalidParameters(.digitsOutOfRange(9))),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&period=30s", .invalidPeriod("30s")),
        ("otpauth://totp/ada?secret=JBSWY3DPEHPK3PXP&period=0", .invalidParameters(.periodNotPositive(0))),
        ("otpauth://hotp/ada?secret=JBSWY3DPEHPK3PXP&period=30", .missingCounter),
        ("otpauth://hotp/ada?secret=JBSWY3DPEHPK3PXP&counter=-1", .invalidCounter("-1")),
        ("otpauth://hotp/ada?secret=JBSWY3DPEHPK3PXP&counter=18446744073709551616", .invalidCounter("18446744073709551616")),
    ]

    @Test(arguments: malformed)
    func refusesMalformedURIsWithAClearError(text: String, error: OTPAuthURIError) {
        #expect(throws: error) { try OTPAuthURI(parsing: text) }
    }

    @Test func errorMessagesNeverContainTheSecret() {
        for (text, _) in Self.malformed {
            do {
                _ = try OTPAuthURI(parsing: text)
            } catch {
                #expect(!"\(error)".contains("JBSWY3DPEHPK3PX"), "\(error)")
            }
        }
    }
}
