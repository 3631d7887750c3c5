import Foundation
import MFAWebAuthn

/// A second factor that matched, and what the store must burn for it.
struct AcceptedFactor {
    var timeStep: UInt64?
    var recoveryCodeHash: [UInt8]?
    var passkeyUse: PasskeyUse?
    var usedRecoveryCode: Bool { recoveryCodeHash != nil }
}

extension MFAService {
    /// Checks the shape of a second factor before anything is counted.
    func validateShape(of factor: SecondFactor) throws(MFAError) -> SecondFactor {
        switch factor {
        case .totpCode(let code):
            let digits = code.filter { !$0.isWhitespace }
            guard (6...8).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
                throw .invalid(.totpCode, "A code has 6 to 8 digits.")
            }
            return .totpCode(digits)
        case .recoveryCode(let code):
            guard let letters = RecoveryCode.normalize(code) else {
                throw .invalid(.recoveryCode, "A recovery code has 16 letters and digits, as printed.")
            }
            return .recoveryCode(letters)
        case .passkey:
            // Its shape was checked as it was decoded; everything else is the verification's.
            return factor
        }
    }

    /// The factor that matched for `account` at `now`.
    ///
    /// A TOTP code of a time step the account already used is refused here
    /// and, atomically, again by the store. A recovery code is only hashed
    /// here; the store refuses an unknown or used one. A passkey must answer a
    /// challenge issued for `binding` (the session or link the request comes
    /// with), which it uses up either way; its counter is checked here and,
    /// atomically, again by the store.
    ///
    /// - Throws: ``RefusedCredential`` for a wrong or replayed TOTP code or a wrong passkey assertion.
    func accept(_ factor: SecondFactor, for account: AccountRecord, binding: String, now: Date) async throws -> AcceptedFactor {
        switch factor {
        case .totpCode(let code):
            let totp = try authenticator(of: account)
            guard let step = totp.verify(code, at: now) else { throw RefusedCredential(reason: .wrongTOTPCode) }
            if let last = account.lastAcceptedTimeStep, step <= last { throw RefusedCredential(reason: .reusedTOTPCode) }
            return AcceptedFactor(timeStep: step)
        case .recoveryCode(let letters):
            return AcceptedFactor(recoveryCodeHash: try await recoveryCodeHash(normalized: letters, accountID: account.id))
        case .passkey(let response):
            return AcceptedFactor(passkeyUse: try await verifyPasskeyAssertion(
                response, of: account, ceremony: .secondFactor, binding: binding, requireUserVerification: false, now: now
            ))
        }
    }

    func authenticator(of account: AccountRecord) throws -> TOTP {
        let sealed = account.authenticator
        let key = try sealer.open(sealed.sealedSecret, for: .totpSecret, context: account.id)
        return try TOTP(key: key, algorithm: sealed.algorithm, digits: sealed.digits, period: sealed.period)
    }

    /// Draws a new TOTP secret and recovery codes for `accountID`.
    func enroll(accountID: String, email: String) async throws -> (Enrollment, SealedAuthenticator, [[UInt8]]) {
        let key = TOTP.generateKey(using: random)
        // The configuration was validated at init, so these parameters are valid.
        let totp = try! TOTP(
            key: key, algorithm: configuration.totpAlgorithm,
            digits: configuration.totpDigits, period: configuration.totpPeriod
        )
        // The Key Uri Format forbids a colon in the label; a (quoted) address may have one.
        // The issuer was validated at init, so the URI is valid.
        let uri = try! OTPAuthURI(totp: totp, accountName: email.replacingOccurrences(of: ":", with: "_"), issuer: configuration.issuer)
        let (codes, hashes) = try await drawRecoveryCodes(accountID: accountID)
        let enrollment = Enrollment(
            email: email, secret: Base32.encode(key), otpauthURI: uri.string,
            algorithm: totp.algorithm, digits: totp.digits, period: totp.period, recoveryCodes: codes
        )
        let sealed = SealedAuthenticator(
            sealedSecret: sealer.seal(key, for: .totpSecret, context: accountID),
            algorithm: totp.algorithm, digits: totp.digits, period: totp.period
        )
        return (enrollment, sealed, hashes)
    }

    /// Draws a full set of recovery codes for `accountID`: the codes to show once, and what the store keeps.
    func drawRecoveryCodes(accountID: String) async throws -> (codes: [String], hashes: [[UInt8]]) {
        let codes = (0..<RecoveryCode.perAccount).map { _ in RecoveryCode.generate(using: random) }
        var hashes: [[UInt8]] = []
        // Generated codes are in the printed shape, so they normalise.
        for code in codes { hashes.append(try await recoveryCodeHash(normalized: RecoveryCode.normalize(code)!, accountID: accountID)) }
        return (codes, hashes)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
