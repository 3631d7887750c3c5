/// HMAC-based one-time passwords (RFC 4226): codes derived from a shared key and
/// a counter that both sides advance.
///
/// The key schedule of the HMAC is computed once, in the initializer, so keep a
/// generator around rather than rebuilding it for every code.
///
/// ```swift
/// let hotp = try HOTP(key: Array("12345678901234567890".utf8))
/// hotp.code(counter: 1) // "287082"
/// ```
public struct HOTP: Sendable {
    /// The shared secret.
    public let key: [UInt8]
    /// The hash function of the HMAC.
    public let algorithm: OTPAlgorithm
    /// The number of digits of every code, 6 to 8.
    public let digits: Int

    private let hmac: KeyedHMAC
    private let modulus: UInt32

    /// Creates a generator for `key`.
    ///
    /// - Parameters:
    ///   - key: The shared secret as bytes (decode Base32 text with ``Base32``).
    ///   - algorithm: The HMAC's hash function.
    ///   - digits: The length of each code, 6 to 8.
    /// - Throws: ``OTPParameterError/emptyKey`` or
    ///   ``OTPParameterError/digitsOutOfRange(_:)``.
    public init(key: [UInt8], algorithm: OTPAlgorithm = .sha1, digits: Int = 6) throws(OTPParameterError) {
        guard !key.isEmpty else { throw .emptyKey }
        try OTPParameterRules.checkDigits(digits)
        self.key = key
        self.algorithm = algorithm
        self.digits = digits
        hmac = KeyedHMAC(key: key, algorithm: algorithm)
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        self.modulus = modulus
    }

    /// The code for `counter`, zero-padded to ``digits`` digits.
    public func code(counter: UInt64) -> String {
        DecimalCode.string(value(counter: counter), digits: digits)
    }

    /// The code for `counter` as a number, for comparisons without strings.
    func value(counter: UInt64) -> UInt32 {
        hmac.truncatedValue(counter: counter) % modulus
    }
}

extension HOTP: Hashable {
    /// Two generators are equal when they produce the same codes.
    public static func == (lhs: HOTP, rhs: HOTP) -> Bool {
        lhs.key == rhs.key && lhs.algorithm == rhs.algorithm && lhs.digits == rhs.digits
    }

    /// Hashes the parameters that ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(algorithm)
        hasher.combine(digits)
    }
}

extension HOTP: CustomStringConvertible, CustomReflectable {
    /// The parameters without the key, so that logging a generator leaks no secret.
    public var description: String {
        "HOTP(algorithm: \(algorithm.rawValue), digits: \(digits))"
    }

    /// The parameters without the key, for `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(self, children: ["algorithm": algorithm, "digits": digits])
    }
}
