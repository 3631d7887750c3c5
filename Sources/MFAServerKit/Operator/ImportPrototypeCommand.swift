import ArgumentParser
import MFACore
import MFASQLite

/// `mfa-server import-prototype PATH [--dry-run]`: one account per enabled
/// user of the Python prototype's database, keeping password and authenticator.
struct ImportPrototypeCommand: OperatorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import-prototype",
        abstract: "Create an account for every enabled user of the Python prototype's database.",
        discussion: """
            Reads PATH (the prototype's twofactor_app.db) read-only. Each enabled user gets an account with the same \
            address and name; the bcrypt password hash is kept and replaced by Argon2id at the next sign-in; the TOTP \
            secret is sealed with the prototype's 120-second period, so the authenticator app keeps working. Imported \
            accounts have no recovery codes until their users create them (POST /users/recovery-codes). Disabled \
            users are reported and skipped. Addresses that have an account already are left alone, so a second run \
            imports nothing twice. See Docs/Migrating.md.
            """
    )

    /// The TOTP period the prototype used with pyotp.
    static let prototypePeriod = 120

    @Argument(help: "The prototype's SQLite file.")
    var path: String

    @Flag(help: "Print what would be imported; change nothing.")
    var dryRun = false

    @OptionGroup var settings: SettingFlags

    func run(in context: OperatorContext) async throws {
        let users: [PrototypeUser]
        do {
            users = try PrototypeDatabase(path: path).users()
        } catch {
            throw OperatorRefusal(message: "cannot read the prototype's users from \(path): \(error)")
        }
        var tally = Tally()
        for user in users {
            tally.record(try await importing(user, with: context.service), for: user)
        }
        print(tally.summary(dryRun: dryRun))
        context.securityEvent(dryRun ? "prototype_import_rehearsed" : "prototype_imported", [
            "path": .string(path), "imported": "\(tally.imported)", "present": "\(tally.present)",
            "disabled": "\(tally.disabled)", "refused": "\(tally.refused)",
        ])
    }

    /// What became of one user.
    enum Result {
        case imported, alreadyPresent, disabled
        case refused(String)
    }

    private func importing(_ user: PrototypeUser, with service: MFAService) async throws -> Result {
        if user.disabled { return .disabled }
        let account = ImportedAccount(
            email: user.email, fullName: user.fullName, passwordHash: user.hashedPassword,
            totpSecret: user.otpSecret, period: Self.prototypePeriod
        )
        let outcome: AccountImportOutcome?
        do {
            if dryRun {
                outcome = try await service.checkImport(account)
            } else {
                outcome = try await service.importAccount(account)
            }
        } catch {
            return .refused(try Self.refusal(error))
        }
        return outcome == .alreadyPresent ? .alreadyPresent : .imported
    }

    /// The reasons an account cannot be imported, or the error itself when it is not about the data.
    private static func refusal(_ error: MFAError) throws(MFAError) -> String {
        if case .invalidFields(let errors) = error { return errors.map(\.message).joined(separator: " ") }
        throw error
    }

    /// The counts, and one line per user on standard output.
    struct Tally {
        var imported = 0, present = 0, disabled = 0, refused = 0

        mutating func record(_ result: Result, for user: PrototypeUser) {
            let line: String
            switch result {
            case .imported: imported += 1; line = "imported"
            case .alreadyPresent: present += 1; line = "already present, left alone"
            case .disabled: disabled += 1; line = "disabled in the prototype, skipped"
            case .refused(let reason): refused += 1; line = "refused: \(reason)"
            }
            print("user \(user.id) <\(user.email)>: \(line)")
        }

        func summary(dryRun: Bool) -> String {
            let verb = dryRun ? "would import" : "imported"
            return "\(verb) \(imported), already present \(present), disabled and skipped \(disabled), refused \(refused)"
                + (dryRun ? " (dry run: nothing was changed)" : "")
        }
    }
}
