import Foundation

/// An account brought over from another system with its credentials: the
/// password hash as that system kept it (verified at the next sign-in, then
/// replaced by a hash of the configured scheme) and the TOTP secret with the
/// parameters the user's app already uses.
public struct ImportedAccount: Sendable {
    /// The address.
    public var email: String
    /// The optional display name.
    public var fullName: String?
    /// The stored password hash: a PHC string or a bcrypt string.
    public var passwordHash: String
    /// The TOTP secret in base32, as authenticator apps were given it.
    public var totpSecret: String
    /// The TOTP parameters the user's app uses.
    public var algorithm: OTPAlgorithm
    /// Digits per code.
    public var digits: Int
    /// Seconds per time step.
    public var period: Int

    /// Creates an account to import.
    public init(
        email: String, fullName: String?, passwordHash: String, totpSecret: String,
        algorithm: OTPAlgorithm = .sha1, digits: Int = 6, period: Int
    ) {
        self.email = email
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }
}

/// What importing one account did.
public enum AccountImportOutcome: Sendable, Hashable {
    /// The account was created.
    case imported
    /// An account has the address already; nothing changed.
    case alreadyPresent
}

extension MFAService {
    /// Checks an account to import without storing anything: the address, the
    /// name, the TOTP secret and parameters, and that the password hash is one
    /// the hasher can verify.
    ///
    /// - Returns: whether an account with the address exists already.
    /// - Throws: ``MFAError/invalidFields(_:)`` naming what cannot be imported, ``MFAError/unavailable``.
    public func checkImport(_ imported: ImportedAccount) async throws(MFAError) -> AccountImportOutcome? {
        let (address, _) = try validateImport(imported)
        return try await perform {
            try await store.account(emailKey: address.key) == nil ? nil : .alreadyPresent
        }
    }

    /// Creates an account from another system's credentials, with no recovery
    /// codes: the user creates them after signing in. An address that has an
    /// account already is left alone, so importing twice imports nothing twice.
    ///
    /// - Throws: ``MFAError/invalidFields(_:)`` naming what cannot be imported, ``MFAError/unavailable``.
    public func importAccount(_ imported: ImportedAccount) async throws(MFAError) -> AccountImportOutcome {
        let (address, fullName) = try validateImport(imported)
        return try await perform {
            let now = clock.now()
            if try await store.account(emailKey: address.key) != nil { return .alreadyPresent }
            let accountID = random.uuidString()
            let key = try Base32.decode(imported.totpSecret)
            let account = AccountRecord(
                id: accountID, email: address.value, emailKey: address.key, fullName: fullName,
                passwordHash: imported.passwordHash,
                authenticator: SealedAuthenticator(
                    sealedSecret: sealer.seal(key, for: .totpSecret, context: accountID),
                    algorithm: imported.algorithm, digits: imported.digits, period: imported.period
                ),
                createdAt: now
            )
            do {
                try await store.importAccount(account)
            } catch MFAStoreError.emailTaken {
                // Another import (or a registration) took the address meanwhile.
                return .alreadyPresent
            }
            record(SecurityEvent(.accountCreated, accountID: accountID, reason: .imported))
            return .imported
        }
    }

    /// The address and trimmed name, once name, secret, parameters and hash are known to be usable.
    private func validateImport(_ imported: ImportedAccount) throws(MFAError) -> (address: EmailAddress, fullName: String?) {
        var validation = FieldValidation()
        let address = validation.check { () throws(MFAError) in try EmailAddress(imported.email) }
        let fullName = validation.check { () throws(MFAError) in try FullName.validate(imported.fullName) }
        validation.check { () throws(MFAError) in
            guard let key = try? Base32.decode(imported.totpSecret),
                (try? TOTP(key: key, algorithm: imported.algorithm, digits: imported.digits, period: imported.period)) != nil
            else { throw .invalid(.totpCode, "The TOTP secret or its parameters cannot be used.") }
        }
        validation.check { () throws(MFAError) in
            guard passwordHasher.recognizes(imported.passwordHash) else {
                throw .invalid(.password, "The password hash is of no algorithm this server verifies.")
            }
        }
        try validation.finish()
        guard let address else { throw .internal }
        return (address, fullName ?? nil)
    }
}
