import Foundation

extension MFAService {
    /// Readies the store for this service, once at start: loads the hash key
    /// (creating it on a new database), makes rows written before keyed hashes
    /// keyed, and re-seals values sealed under older keys or before key ids.
    ///
    /// Workflows load the hash key themselves when this was not called, but
    /// only this re-seals.
    ///
    /// - Returns: what the re-seal pass did; values it could not open need the
    ///   keys that sealed them.
    /// - Throws: ``MFAError/unavailable``.
    @discardableResult
    public func prepare() async throws(MFAError) -> Resealing.Report {
        try await perform {
            _ = try await hashKey()
            return try await Resealing.pass(over: store, with: sealer.keys.keyRing())
        }
    }

    /// Whether this service's keys open the hash key the store holds (storing
    /// one on a new database). Servers that share a database must share one
    /// key file; a server whose keys do not open the stored hash key could
    /// neither find an account's limits nor check a recovery code.
    ///
    /// - Throws: ``MFAError/unavailable`` when the store cannot answer.
    public func keysOpenStoredHashKey() async throws(MFAError) -> Bool {
        try await perform {
            do {
                _ = try await hashKey()
                return true
            } catch SecretKeyError.cannotOpen {
                return false
            }
        }
    }

    /// The hash key, loaded (or created) and the store's legacy rows upgraded on first use.
    func hashKey() async throws -> HashKey {
        if let key = loadedHashKey.withLock({ $0 }) { return key }
        let candidate = sealer.seal(random.bytes(count: HashKey.byteCount), for: .dataKey, context: HashKey.context)
        let sealed = try await store.hashKey(storingIfAbsent: candidate)
        let key = try HashKey(bytes: sealer.open(sealed, for: .dataKey, context: HashKey.context))
        try await store.upgradeLegacyRows(LegacyRowUpgrade(
            recoveryCodeHash: { key.recoveryCode(unkeyedHash: $0, accountID: $1) },
            registrationSubject: { key.registrationSubject(emailKey: $0) }
        ))
        loadedHashKey.withLock { $0 = key }
        return key
    }

    /// The form in which the store keeps a limit key: keyed, so that a stolen
    /// database does not tell which addresses or clients were counted.
    func limitKey(_ text: String) async throws -> String {
        try await hashKey().limitKey(text)
    }

    /// The stored form of a recovery code of `accountID`, given as its letters.
    func recoveryCodeHash(normalized code: String, accountID: String) async throws -> [UInt8] {
        try await hashKey().recoveryCode(unkeyedHash: RecoveryCode.unkeyedHash(normalized: code, accountID: accountID), accountID: accountID)
    }
}
