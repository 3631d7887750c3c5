import Foundation
import MFACore
import MFATestSupport
import Testing

/// `mfa-server migrate-store` from the SQLite file of a real server into
/// PostgreSQL, and a server on PostgreSQL that carries on where it stopped.
@Suite(.serialized, .needsPostgres) struct MigrateStoreLiveTests {
    static let password = "correct horse battery staple"

    @Test func accountsSessionsCodesAndLinksCarryOverAndANonEmptyTargetIsRefused() async throws {
        let old = try await LiveServer()
        let http = HTTP(baseURL: old.baseURL)
        let outbox = Outbox(directory: old.outbox)
        let email = "ada@example.com"
        let ada = try await http.signUp(email, password: Self.password, outbox: outbox)
        let login = try await http.post(
            try await http.loginLink(email, outbox: outbox), json: ["password": Self.password, "totp_code": ada.authenticator.code(at: Date())]
        )
        let session = try #require(try login.json["session_token"] as? String)
        // Left pending: a registration and its link.
        #expect(try await http.post("/users/create/", json: ["email": "bob@example.com", "password": Self.password]).status == 202)
        let bobsLink = try await outbox.token(linkingTo: "/users/create/mfa/")
        #expect(try await old.terminate(within: .seconds(10)) == 0)

        try await TestPostgres.withDatabase { database in
            let file = "sqlite://\(old.dataDirectory.path)/mfa.sqlite"
            let migration = try OperatorRun(["migrate-store", "--from", file, "--to", database], on: old)
            #expect(migration.status == 0, "\(migration.errors)")
            #expect(migration.reportLines.first?.contains("account: 1") == true, "\(migration.report)")
            #expect(migration.reportLines.first?.contains("recovery_code: \(ada.recoveryCodes.count)") == true)
            #expect(migration.reportLines.first?.contains("data_key: 1") == true)
            #expect(migration.errors.contains("Store migrated"))

            // Into a database that holds rows: one line, nothing written.
            let again = try OperatorRun(["migrate-store", "--from", file, "--to", database], on: old)
            #expect(again.status == 1)
            #expect(again.errorLines.last?.hasPrefix("mfa-server: postgres://") == true, "\(again.errors)")
            #expect(again.errorLines.last?.hasSuffix("; migrate-store copies only into an empty database") == true)

            // The server on PostgreSQL, with the old key file, carries on.
            let new = try await LiveServer(environment: [
                "MFA_DATABASE_URL": database, "MFA_SECRET_KEY_FILE": old.dataDirectory.path + "/secret.key",
            ])
            let moved = HTTP(baseURL: new.baseURL)
            let newOutbox = Outbox(directory: new.outbox)
            #expect(try await moved.get("/users/me", bearer: session).status == 200)
            let bob = try await moved.post("/users/create/mfa/?one_time_url=\(bobsLink)", json: ["password_again": Self.password])
            #expect(bob.status == 201)
            let withCode = try await moved.post(
                try await moved.loginLink(email, outbox: newOutbox), json: ["password": Self.password, "recovery_code": ada.recoveryCodes[0]]
            )
            #expect(withCode.status == 200, "\(String(decoding: withCode.body, as: UTF8.self))")
            #expect(try await new.terminate(within: .seconds(10)) == 0)
        }
    }

    @Test func aMissingSourceOrABadURLIsRefusedWithOneLine() async throws {
        let directory = try TemporaryDirectory()
        for (arguments, line) in [
            (["--from", "sqlite://\(directory.path)/none.sqlite", "--to", "postgres://u@127.0.0.1/x"],
             "mfa-server: --from: there is no SQLite file at \(directory.path)/none.sqlite"),
            (["--from", "sqlite://\(directory.path)/a.sqlite", "--to", "mysql://x"],
             "mfa-server: --to: must be sqlite://PATH or postgres://user:password@host:port/database"),
        ] {
            let run = try OperatorRun(["migrate-store"] + arguments, dataDirectory: directory.path)
            #expect(run.status == 1)
            #expect(run.errorLines == [line])
        }
    }
}
