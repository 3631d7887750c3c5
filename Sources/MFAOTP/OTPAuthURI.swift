/// An `otpauth://` URI in the Key Uri Format that authenticator apps read from
/// QR codes: a TOTP or HOTP generator plus the account it belongs to.
///
/// ```swift
/// let uri = try OTPAuthURI(totp: totp, accountName: "ada@example.com", issuer: "MFAServer")
/// uri.string
/// // otpauth://totp/MFAServer:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=MFAServer&algorithm=SHA1&digits=6&period=30
/// ```
///
/// The issuer goes both into the label prefix and into the `issuer` parameter,
/// since apps differ in which one they read; label and issuer are
/// percent-encoded. Every parameter is written, defaults included, so that apps
/// with other defaults compute the same codes.
public struct OTPAuthURI: Sendable, Hashable {
    /// The generator a URI describes, with its type's own state.
    public enum Generator: Sendable, Hashable {
        /// `otpauth://totp/...`, with its period in the generator.
        case totp(TOTP)
        /// `otpauth://hotp/...`, with the counter of the next code.
        case hotp(HOTP, counter: UInt64)
    }

    /// The generator, secret and parameters included.
    public let generator: Generator
    /// The user's account name at the issuer, e.g. an email address.
    public let accountName: String
    /// The service the secret belongs to, as authenticator apps display it.
    public let issuer: String?

    /// A URI for a TOTP secret.
    ///
    /// - Throws: ``OTPAuthURIError/emptyAccountName``,
    ///   ``OTPAuthURIError/emptyIssuer`` or ``OTPAuthURIError/colonInLabel``.
    public init(totp: TOTP, accountName: String, issuer: String?) throws(OTPAuthURIError) {
        try self.init(generator: .totp(totp), accountName: accountName, issuer: issuer)
    }

    /// A URI for an HOTP secret whose next code is that of `counter`.
    ///
    /// - Throws: ``OTPAuthURIError/emptyAccountName``,
    ///   ``OTPAuthURIError/emptyIssuer`` or ``OTPAuthURIError/colonInLabel``.
    public init(hotp: HOTP, counter: UInt64, accountName: String, issuer: String?) throws(OTPAuthURIError) {
        try self.init(generator: .hotp(hotp, counter: counter), accountName: accountName, issuer: issuer)
    }

    init(generator: Generator, accountName: String, issuer: String?) throws(OTPAuthURIError) {
        guard !accountName.isEmpty else { throw .emptyAccountName }
        guard issuer?.isEmpty != true else { throw .emptyIssuer }
        guard !accountName.contains(":"), issuer?.contains(":") != true else { throw .colonInLabel }
        self.generator = generator
        self.accountName = accountName
        self.issuer = issuer
    }

    /// The TOTP generator, or `nil` for an HOTP URI.
    public var totp: TOTP? {
        guard case .totp(let totp) = generator else { return nil }
        return totp
    }

    /// The URI text, for a QR code. It contains the secret.
    public var string: String {
        rendered(secret: Base32.encode(key))
    }

    private var key: [UInt8] {
        switch generator {
        case .totp(let totp): totp.key
        case .hotp(let hotp, _): hotp.key
        }
    }

    private func rendered(secret: String) -> String {
        let (type, algorithm, digits, lastParameter) = switch generator {
        case .totp(let totp): ("totp", totp.algorithm, totp.digits, "period=\(totp.period)")
        case .hotp(let hotp, let counter): ("hotp", hotp.algorithm, hotp.digits, "counter=\(counter)")
        }
        let account = PercentEncoding.encode(accountName)
        let encodedIssuer = issuer.map(PercentEncoding.encode)
        let label = encodedIssuer.map { "\($0):\(account)" } ?? account
        let issuerParameter = encodedIssuer.map { "&issuer=\($0)" } ?? ""
        return "otpauth://\(type)/\(label)?secret=\(secret)\(issuerParameter)"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&\(lastParameter)"
    }
}

extension OTPAuthURI: CustomStringConvertible, CustomReflectable {
    /// The URI with its secret replaced by `REDACTED`, safe to log.
    public var description: String {
        rendered(secret: "REDACTED")
    }

    /// The label and parameters without the secret, for `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(self, children: ["generator": generator, "accountName": accountName, "issuer": issuer as Any])
    }
}
