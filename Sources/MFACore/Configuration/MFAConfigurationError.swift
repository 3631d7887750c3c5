/// A setting of ``MFAConfiguration`` that cannot work, named.
public struct MFAConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting, e.g. `totpPeriod`.
    public var setting: String
    /// What is wrong with it.
    public var problem: String

    /// Creates an error.
    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting): \(problem)" }
}

extension MFAConfiguration {
    /// The link lifetimes allowed: at most ten minutes, the ceiling OWASP ASVS 5.0
    /// §6.5.5 sets for out-of-band secrets; a second at least, so tests can watch one expire.
    public static let linkLifetimes: ClosedRange<Double> = 1...600
    /// The session lifetimes allowed: a second to thirty days.
    public static let sessionLifetimes: ClosedRange<Double> = 1...2_592_000

    /// Checks that every setting can work, as ``MFAService/init(configuration:store:secretKey:passwordHasher:clock:random:observer:)``
    /// does, so that a program can refuse bad settings before it opens a store.
    ///
    /// - Throws: ``MFAConfigurationError`` naming the first setting that cannot work.
    public func validate() throws(MFAConfigurationError) {
        func require(_ condition: Bool, _ setting: String, _ problem: String) throws(MFAConfigurationError) {
            if !condition { throw MFAConfigurationError(setting: setting, problem: problem) }
        }
        try require(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://"), "publicURL", "must start with http:// or https://")
        try require(!issuer.isEmpty && !issuer.contains(":"), "issuer", "must be non-empty and contain no colon")
        try require(Self.linkLifetimes.contains(linkLifetime), "linkLifetime", "must be 1 to 600 seconds")
        try require(Self.sessionLifetimes.contains(sessionLifetime), "sessionLifetime", "must be 1 to 2592000 seconds")
        try require((6...8).contains(totpDigits), "totpDigits", "must be 6, 7 or 8")
        try require((1...120).contains(totpPeriod), "totpPeriod", "must be 1 to 120 seconds")
        for (name, limit) in [
            ("linksPerAddress", linksPerAddress), ("linksPerAddressTotal", linksPerAddressTotal), ("requestsPerClient", requestsPerClient),
        ] {
            try require(limit.count >= 1 && limit.window >= 1, name, "needs a count and a window of at least 1")
        }
        try require(attemptsPerLink >= 1, "attemptsPerLink", "must be at least 1")
        try require(lockPolicy.failuresPerLock >= 1, "lockPolicy.failuresPerLock", "must be at least 1")
        try require(lockPolicy.firstLock >= 1, "lockPolicy.firstLock", "must be at least 1 second")
        try require(lockPolicy.maxLock >= lockPolicy.firstLock, "lockPolicy.maxLock", "must be at least the first lock")
        try require(lockPolicy.ceiling >= lockPolicy.failuresPerLock, "lockPolicy.ceiling", "must be at least the failures per lock")
        try require(concurrentPasswordHashes >= 1, "concurrentPasswordHashes", "must be at least 1")
        try require(queuedPasswordHashes >= 0, "queuedPasswordHashes", "must not be negative")
        try validatePasskeys()
    }
}
