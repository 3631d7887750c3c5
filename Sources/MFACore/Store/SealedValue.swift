import Foundation

/// A value the store keeps sealed under a server key, and where it lives:
/// what a key rotation re-seals.
public struct SealedValue: Sendable, Hashable {
    /// Where a sealed value lives.
    public enum Location: Sendable, Hashable {
        /// The TOTP secret of the account with this id.
        case totpSecret(accountID: String)
        /// The queued email with this id (finished or not).
        case mail(id: String)
        /// The hash key behind recovery-code hashes, limit keys and registration subjects.
        case hashKey
    }

    /// Where it lives.
    public var location: Location
    /// The sealed bytes as stored.
    public var sealed: [UInt8]

    /// Creates a sealed value.
    public init(location: Location, sealed: [UInt8]) {
        self.location = location
        self.sealed = sealed
    }

    /// The purpose it is sealed for.
    var purpose: SealingPurpose {
        switch location {
        case .totpSecret: .totpSecret
        case .mail: .mail
        case .hashKey: .dataKey
        }
    }

    /// The context its box is bound to.
    var context: String {
        switch location {
        case .totpSecret(let accountID): accountID
        case .mail(let id): id
        case .hashKey: HashKey.context
        }
    }
}

/// How rows written before keyed hashes become keyed: applied once, by the
/// first service to start on a database that has such rows.
public struct LegacyRowUpgrade: Sendable {
    /// The stored form of a recovery code, from its old unkeyed hash and account id.
    public var recoveryCodeHash: @Sendable (_ unkeyedHash: [UInt8], _ accountID: String) -> [UInt8]
    /// The subject of a pending registration's link, from the registration's address key.
    public var registrationSubject: @Sendable (_ emailKey: String) -> String

    /// Creates an upgrade.
    public init(
        recoveryCodeHash: @escaping @Sendable ([UInt8], String) -> [UInt8],
        registrationSubject: @escaping @Sendable (String) -> String
    ) {
        self.recoveryCodeHash = recoveryCodeHash
        self.registrationSubject = registrationSubject
    }
}
