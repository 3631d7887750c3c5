import Crypto
import Foundation
import GRDB
import MFACore
import MFACoreTesting
import MFASQLite
import MFATestSupport
import Testing

/// Runs every workflow on a SQLite file, then reads the files as a thief
/// would: no address, client address, recovery code or token the run used
/// is in them in any encoding, except an address in the one row that needs it.
@Suite struct SQLiteDatabaseScanTests {
    static let password = "correct horse battery staple"
    static let newPassword = "a brand new passphrase here"

    @Test func theFilesHoldNothingTheRunUsedExceptAddressesInTheirOwnRows() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let run = try Run(store: try database.open())

        // Ada goes through every workflow and deletes her account.
        let ada = try await run.createAccount("Ada@Example.com")
        try await run.mfa.requestLogin(email: "ada@example.com", from: .testClient)
        let session = try await run.mfa.completeLogin(
            token: run.nextToken(), password: Self.password, secondFactor: .totpCode(run.code(ada)), from: .testClient
        )
        try await run.mfa.requestLogin(email: "ADA@example.com", from: .testClient)
        let recovery = try await run.mfa.completeLogin(
            token: run.nextToken(), password: Self.password, secondFactor: .recoveryCode(ada.recoveryCodes[0]), from: .testClient
        )
        run.sessions += [session.sessionToken, recovery.sessionToken]
        _ = try await run.mfa.authenticate(sessionToken: session.sessionToken)
        run.clock.advance(by: 30)
        try await run.mfa.changePassword(
            sessionToken: session.sessionToken, currentPassword: Self.password, newPassword: Self.newPassword, secondFactor: .totpCode(run.code(ada)),
            from: .testClient
        )
        try await run.mfa.logout(sessionToken: session.sessionToken, from: .testClient)
        run.clock.advance(by: 900)  // past the window of link requests per address
        try await run.mfa.requestPasswordReset(email: "ada@example.com", from: .testClient)
        try await run.mfa.confirmPasswordReset(
            token: run.nextToken(), newPassword: Self.password, secondFactor: .totpCode(run.code(ada)), from: .testClient
        )
        try await run.mfa.requestNewAuthenticator(email: "ada@example.com", password: Self.password, from: .testClient)
        run.clock.advance(by: 30)
        let renewed = try await run.mfa.confirmNewAuthenticator(token: run.nextToken(), secondFactor: .totpCode(run.code(ada)), from: .testClient)
        run.recoveryCodes += renewed.recoveryCodes
        try await run.mfa.requestDeletion(email: "ada@example.com", password: Self.password, from: .testClient)
        try await run.mfa.confirmDeletion(token: run.nextToken(), secondFactor: .recoveryCode(renewed.recoveryCodes[0]), from: .testClient)

        // Bob keeps his account and a session; Grace's registration is pending;
        // nobody has an account for the last address.
        let bob = try await run.createAccount("bob@example.org")
        try await run.mfa.requestLogin(email: "bob@example.org", from: .testClient)
        let bobsLogin = try await run.mfa.completeLogin(
            token: run.nextToken(), password: Self.password, secondFactor: .totpCode(run.code(bob)), from: .testClient
        )
        run.sessions.append(bobsLogin.sessionToken)
        try await run.mfa.requestAccountCreation(email: "Grace@Example.net", password: Self.password, from: .testClient)
        run.linkTokens.append(try await run.nextToken())
        try await run.mfa.requestLogin(email: "nobody@example.com", from: .testClient)
        for client in ["192.0.2.7", "2001:db8::1"] { try await run.mfa.admitRequest(from: ClientNetwork(ipAddress: client)!) }
        _ = try await run.worker.deliverDueMail()

        let raw = Data(try database.rawBytes())
        func found(_ forms: [[UInt8]]) -> Bool { forms.contains { raw.range(of: Data($0)) != nil } }
        for text in ["ada@example.com", "nobody@example.com", "192.0.2.7", "2001:db8::1", "2001:db8::/64", ClientNetwork.testClient.key] {
            #expect(!found(Self.encodings(of: text)), "\(text) is in the database files")
        }
        // Tokens are stored as their SHA-256 (256 random bits need no key), never as themselves.
        for token in run.linkTokens + run.sessions {
            #expect(!found(Array(Self.encodings(of: token).prefix(3))), "a token is in the database files")
        }
        for code in run.recoveryCodes {
            let letters = code.replacingOccurrences(of: "-", with: "")
            #expect(!found(Self.encodings(of: code) + Self.encodings(of: letters)), "a recovery code is in the database files")
        }
        // The addresses that still need a row: only in it, and never hashed or hex-encoded.
        for address in ["bob@example.org", "grace@example.net"] {
            #expect(!found(Array(Self.encodings(of: address).dropFirst())), "\(address) is encoded in the files")
        }
        #expect(try await Self.columns(holding: "bob@example.org", in: database) == ["account.email", "account.email_key"])
        #expect(try await Self.columns(holding: "grace@example.net", in: database) == ["pending_registration.email_key"])
        #expect(try await Self.columns(holding: "Grace@Example.net", in: database) == ["pending_registration.email"])
        // The scan reads the data: the address it may find, it finds.
        #expect(found([Array("bob@example.org".utf8)]))
    }

    /// The text, its hex in both cases, then its SHA-256's hex in both cases and the SHA-256 itself.
    static func encodings(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        let digest = Array(SHA256.hash(data: bytes))
        return [bytes] + [bytes, digest].flatMap { bytes -> [[UInt8]] in
            let hex = bytes.map { String(format: "%02x", $0) }.joined()
            return [Array(hex.utf8), Array(hex.uppercased().utf8)]
        } + [digest]
    }

    /// Every `table.column` with a value that contains `text`, read through SQLite.
    static func columns(holding text: String, in database: TemporaryDatabase) async throws -> Set<String> {
        let needle = Array(text.utf8)
        return try await DatabaseQueue(path: database.path).read { db in
            var found = Set<String>()
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for (column, value) in row {
                        let bytes: [UInt8]? = switch value.storage {
                        case .string(let string): Array(string.utf8)
                        case .blob(let data): Array(data)
                        default: nil
                        }
                        if bytes?.containsBytes(needle) == true { found.insert("\(table).\(column)") }
                    }
                }
            }
            return found
        }
    }
}

/// A service on the store with a manual clock, and what the run handed out.
private final class Run {
    let clock = ManualClock()
    let mailer = RecordingMailTransport()
    let mfa: MFAService
    let worker: MailDeliveryWorker
    var linkTokens: [String] = []
    var sessions: [String] = []
    var recoveryCodes: [String] = []

    init(store: SQLiteStore) throws {
        mfa = try MFAService(
            configuration: .init(), store: store, keys: SecretKey.generate(), links: TestLinkBuilder(),
            passwordHasher: PHCPasswordHasher.fastForTesting, clock: clock
        )
        worker = MailDeliveryWorker(service: mfa, transport: mailer)
    }

    func nextToken() async throws -> String {
        _ = try await worker.deliverDueMail()
        let token = try #require(mailer.messages.last?.oneTimeToken)
        linkTokens.append(token)
        return token
    }

    func createAccount(_ email: String) async throws -> Enrollment {
        try await mfa.requestAccountCreation(email: email, password: SQLiteDatabaseScanTests.password, from: .testClient)
        let enrollment = try await mfa.confirmAccountCreation(token: nextToken(), passwordAgain: SQLiteDatabaseScanTests.password, from: .testClient)
        recoveryCodes += enrollment.recoveryCodes
        return enrollment
    }

    func code(_ enrollment: Enrollment) throws -> String {
        try #require(try OTPAuthURI(parsing: enrollment.otpauthURI).totp).code(at: clock.now())
    }
}
