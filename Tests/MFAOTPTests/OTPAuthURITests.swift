import MFAOTP
import PropertyBased
import Testing

@Suite struct OTPAuthURITests {
    static let contractKey: [UInt8] = [0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x21, 0xDE, 0xAD, 0xBE, 0xEF]  // JBSWY3DPEHPK3PXP

    @Test func buildsTheHTTPContractsExample() throws {
        let totp = try TOTP(key: Self.contractKey)
        let uri = try OTPAuthURI(totp: totp, accountName: "ada@example.com", issuer: "MFAServer")
        #expect(uri.string == """
            otpauth://totp/MFAServer:ada%40example.com?secret=JBSWY3DPEHPK3PXP\
            &issuer=MFAServer&algorithm=SHA1&digits=6&period=30
            """)
    }

    @Test func percentEncodesLabelAndIssuer() throws {
        let totp = try TOTP(key: Self.contractKey, algorithm: .sha512, digits: 8, period: 60)
        let uri = try OTPAuthURI(totp: totp, accountName: "Zoë Doe+1@example.com", issuer: "ACME & Co")
        #expect(uri.string == """
            otpauth://totp/ACME%20%26%20Co:Zo%C3%AB%20Doe%2B1%40example.com?secret=JBSWY3DPEHPK3PXP\
            &issuer=ACME%20%26%20Co&algorithm=SHA512&digits=8&period=60
            """)
    }

    @Test func buildsHOTPURIsWithACounterAndNoPeriod() throws {
        let hotp = try HOTP(key: Self.contractKey, digits: 8)
        let uri = try OTPAuthURI(hotp: hotp, counter: 42, accountName: "ada", issuer: nil)
        #expect(uri.string == "otpauth://hotp/ada?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=8&counter=42")
        #expect(uri.totp == nil)
    }

    @Test func refusesLabelsThatWouldBeAmbiguous() throws {
        let totp = try TOTP(key: Self.contractKey)
        #expect(throws: OTPAuthURIError.colonInLabel) { try OTPAuthURI(totp: totp, accountName: "a:b", issuer: "X") }
        #expect(throws: OTPAuthURIError.colonInLabel) { try OTPAuthURI(totp: totp, accountName: "a", issuer: "X:Y") }
        #expect(throws: OTPAuthURIError.emptyAccountName) { try OTPAuthURI(totp: totp, accountName: "", issuer: "X") }
        #expect(throws: OTPAuthURIError.emptyIssuer) { try OTPAuthURI(totp: totp, accountName: "a", issuer: "") }
    }

    @Test func parsesWhatItBuilds() throws {
        let totp = try TOTP(key: TOTP.generateKey(), algorithm: .sha256, digits: 7, period: 45)
        let uri = try OTPAuthURI(totp: totp, accountName: "ada@example.com", issuer: "MFA Server")
        let parsed = try OTPAuthURI(parsing: uri.string)
        #expect(parsed == uri)
        #expect(parsed.totp == totp)
        #expect(parsed.accountName == "ada@example.com")
        #expect(parsed.issuer == "MFA Server")

        let hotp = try OTPAuthURI(hotp: HOTP(key: [1, 2, 3]), counter: .max, accountName: "ada", issuer: "X")
        #expect(try OTPAuthURI(parsing: hotp.string) == hotp)
    }

    @Test func roundTripsArbitraryLabelsAndSecrets() async {
        let text = Gen.letterOrNumber.string(of: 1...12)
        await propertyCheck(count: 200, input: Gen.uint8().array(of: 1...64), text, text, Gen<OTPAlgorithm>.case) {
            key, account, issuer, algorithm in
            let totp = try TOTP(key: key, algorithm: algorithm)
            let uri = try OTPAuthURI(totp: totp, accountName: account + " @é/?&=#%", issuer: issuer + " +")
            #expect(try OTPAuthURI(parsing: uri.string) == uri)
        }
    }

    @Test func neverShowsTheSecretWhenPrinted() throws {
        let uri = try OTPAuthURI(totp: TOTP(key: Self.contractKey), accountName: "ada", issuer: "X")
        var dumped = ""
        dump(uri, to: &dumped)
        for text in ["\(uri)", String(reflecting: uri), dumped] {
            #expect(!text.contains("JBSWY3DPEHPK3PXP"), "\(text)")
            #expect(!text.contains("72"), "\(text)")
            #expect(text.contains("ada"))
        }
        #expect("\(uri)" == "otpauth://totp/X:ada?secret=REDACTED&issuer=X&algorithm=SHA1&digits=6&period=30")
    }
}
