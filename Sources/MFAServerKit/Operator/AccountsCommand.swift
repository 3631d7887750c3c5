import ArgumentParser
import Foundation
import MFACore
import MFAFormats

/// `mfa-server accounts …`: look at and help one account, or count them all.
///
/// The service records unlock, reset-authenticator, revoke-sessions and delete
/// as security events; show and list log their own security lines.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Look at or help an account: show, unlock, reset-authenticator, revoke-sessions, delete; list counts.",
        subcommands: [Show.self, Unlock.self, ResetAuthenticator.self, RevokeSessions.self, Delete.self, List.self]
    )

    /// The account an operator names, by address.
    struct Address: ParsableArguments {
        @Argument(help: "The account's email address.")
        var email: String
    }

    struct Show: OperatorSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Creation, last sign-in, lock state and failures, factors present (never a secret), sessions."
        )
        @OptionGroup var address: Address
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            guard let account = try await context.service.accountReport(email: address.email) else {
                throw OperatorRefusal.unknown(address.email)
            }
            print(AccountsCommand.describe(account))
            context.securityEvent("account_viewed", [SecurityLogField.account: .string(account.id)])
        }
    }

    struct Unlock: OperatorSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear the account's lock and failure count, lifting the failure ceiling."
        )
        @OptionGroup var address: Address
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            guard try await context.service.unlockAccount(email: address.email) != nil else { throw OperatorRefusal.unknown(address.email) }
            print("unlocked \(address.email): no lock, no failures counted")
        }
    }

    struct ResetAuthenticator: OperatorSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the account out everywhere and mail its owner a link to set up a new authenticator without the old one.",
            discussion: """
                For an owner who lost both the authenticator and the recovery codes: check who they are first, \
                out of band, since the link asks for no second factor. It works once, for as long as any link \
                (MFA_LINK_TTL_SECONDS); tell the owner to expect the email. A running server sends it.
                """
        )
        @OptionGroup var address: Address
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            guard let (_, revoked) = try await context.service.resetAuthenticator(email: address.email) else {
                throw OperatorRefusal.unknown(address.email)
            }
            let lifetime = Int(context.service.configuration.linkLifetime)
            print("mailed \(address.email) a link to set up a new authenticator (once, within \(lifetime) s); revoked \(AccountsCommand.sessions(revoked))")
        }
    }

    struct RevokeSessions: OperatorSubcommand {
        static let configuration = CommandConfiguration(abstract: "Sign the account out everywhere.")
        @OptionGroup var address: Address
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            guard let (_, revoked) = try await context.service.revokeSessions(email: address.email) else {
                throw OperatorRefusal.unknown(address.email)
            }
            print("revoked \(AccountsCommand.sessions(revoked)) of \(address.email)")
        }
    }

    struct Delete: OperatorSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the account and everything it owns; the owner is told by email.",
            discussion: "Asks for confirmation on the terminal unless --yes is given."
        )
        @OptionGroup var address: Address
        @Flag(help: "Delete without asking.")
        var yes = false
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            if !yes {
                print("Delete the account of \(address.email) and everything it owns? Type yes to confirm: ", terminator: "")
                guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                    throw OperatorRefusal(message: "not confirmed; nothing was deleted")
                }
            }
            guard try await context.service.deleteAccount(email: address.email) != nil else { throw OperatorRefusal.unknown(address.email) }
            print("deleted \(address.email); the owner is told by email")
        }
    }

    struct List: OperatorSubcommand {
        static let configuration = CommandConfiguration(abstract: "Count accounts, locked accounts, pending registrations and queued mail.")
        @OptionGroup var settings: SettingFlags

        func run(in context: OperatorContext) async throws {
            let summary = try await context.service.storeSummary()
            print("""
                accounts: \(summary.accounts)
                locked: \(summary.lockedAccounts)
                pending registrations: \(summary.pendingRegistrations)
                queued mail: \(summary.queuedMail)
                """)
            context.securityEvent("counts_listed")
        }
    }

    /// "1 session", "2 sessions".
    static func sessions(_ count: Int) -> String {
        "\(count) session\(count == 1 ? "" : "s")"
    }

    /// `show`'s report: one `name: value` line per fact.
    static func describe(_ account: AccountReport) -> String {
        let lock = account.lockedUntil.map { "locked until \(RFC3339.string(from: $0))" } ?? "not locked"
        let password = account.passwordAlgorithm.hasPrefix("2") ? "bcrypt (imported; becomes Argon2id at the next sign-in)" : account.passwordAlgorithm
        return """
            email: \(account.email)
            id: \(account.id)
            created: \(RFC3339.string(from: account.createdAt))
            last sign-in: \(account.lastLogin.map { RFC3339.string(from: $0) } ?? "never")
            lock: \(lock)
            consecutive failures: \(account.consecutiveFailures)\(account.atFailureCeiling ? " (at the ceiling: TOTP codes refused until unlocked)" : "")
            password: \(password)
            authenticator: TOTP \(account.totpAlgorithm.rawValue), \(account.totpDigits) digits, \(account.totpPeriod) s
            recovery codes: \(account.recoveryCodes) unused
            sessions: \(account.sessions)
            """
    }
}

extension OperatorRefusal {
    /// The one line for an address with no account.
    static func unknown(_ email: String) -> OperatorRefusal {
        OperatorRefusal(message: "no account has the address \(email)")
    }
}
