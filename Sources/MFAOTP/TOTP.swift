import Foundation

/// Time-based one-time passwords (RFC 6238): HOTP codes whose counter is the
/// number of whole periods since the Unix epoch.
///
/// The HMAC's key schedule is computed once, in the initializer, so that
/// ``verify(_:at:window:)`` costs about one bare HMAC per time step it checks.
///
/// ```swift
/// let totp = try TOTP(key: secret)            // SHA1, 6 digits, 30 s
/// totp.code(at: Date())                       // e.g. "054621"
/// totp.verify("054621", at: Date())           // the matched time step, or nil
/// ```
public struct TOTP: Sendable, Hashable {
    /// The length of a time step in seconds.
    public let period: Int

    private let hotp: HOTP

    /// The shared secret.
    public var key: [UInt8] { hotp.key }
    /// The hash function of the HMAC.
    public var algorithm: OTPAlgorithm { hotp.algorithm }
    /// The number of digits of every code, 6 to 8.
    public var digits: Int { hotp.digits }

    /// Creates a generator and verifier for `key`.
    ///
    /// Any period of at least one second is accepted, so that secrets imported
    /// from elsewhere keep working; call ``validateForEnrollment()`` before
    /// handing out a new secret.
    ///
    /// - Parameters:
    ///   - key: The shared secret as bytes (decode Base32 text with ``Base32``).
    ///   - algorithm: The HMAC's hash function.
    ///   - digits: The length of each code, 6 to 8.
    ///   - period: The length of a time step in seconds, at least 1.
    /// - Throws: ``OTPParameterError``.
    public init(
        key: [UInt8], algorithm: OTPAlgorithm = .sha1, digits: Int = 6, period: Int = 30
    ) throws(OTPParameterError) {
        try OTPParameterRules.checkPeriod(period)
        hotp = try HOTP(key: key, algorithm: algorithm, digits: digits)
        self.period = period
    }

    /// The number of whole periods between the Unix epoch and `date`; dates
    /// before the epoch give step 0.
    public func timeStep(at date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0 else { return 0 }
        guard seconds < 0x1p64 else { return UInt64.max / UInt64(period) }
        return UInt64(seconds) / UInt64(period)
    }

    /// The code an authenticator app shows at `date`.
    public func code(at date: Date) -> String {
        code(timeStep: timeStep(at: date))
    }

    /// The code of time step `timeStep`.
    public func code(timeStep: UInt64) -> String {
        hotp.code(counter: timeStep)
    }

    /// Checks a submitted code against the time steps around `date`.
    ///
    /// Every step of the window is computed and compared in constant time, even
    /// after a match, so the time taken does not tell which step matched. A code
    /// that is not exactly ``digits`` ASCII digits is refused before any HMAC is
    /// computed; strip spaces or separators before calling.
    ///
    /// - Parameters:
    ///   - code: The code the user typed.
    ///   - date: The time of the check.
    ///   - window: The steps to accept, relative to the step of `date`; the
    ///     default accepts one step of clock drift either way.
    /// - Returns: The time step whose code matched, or `nil`. Store it and refuse
    ///   codes of that step or older afterwards, so that a code works only once.
    ///   If several steps match (a one-in-a-million coincidence), the latest is
    ///   returned, the safer choice against replays.
    public func verify(_ code: String, at date: Date, window: ClosedRange<Int> = -1...1) -> UInt64? {
        guard let submitted = DecimalCode.value(of: code, digits: digits) else { return nil }
        let current = timeStep(at: date)
        var matchedStep: UInt64?
        for offset in window {
            guard let step = Self.step(current, offsetBy: offset) else { continue }
            if constantTimeEquals(hotp.value(counter: step), submitted) {
                matchedStep = step
            }
        }
        return matchedStep
    }

    /// `step + offset`, or `nil` where that falls outside `UInt64`.
    private static func step(_ step: UInt64, offsetBy offset: Int) -> UInt64? {
        let (result, overflow) = offset < 0
            ? step.subtractingReportingOverflow(UInt64(offset.magnitude))
            : step.addingReportingOverflow(UInt64(offset))
        return overflow ? nil : result
    }
}

extension TOTP: CustomStringConvertible, CustomReflectable {
    /// The parameters without the key, so that logging a TOTP leaks no secret.
    public var description: String {
        "TOTP(algorithm: \(algorithm.rawValue), digits: \(digits), period: \(period))"
    }

    /// The parameters without the key, for `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(self, children: ["algorithm": algorithm, "digits": digits, "period": period])
    }
}
