import Foundation
import MFATestSupport
import Testing

/// `mfa-server import-prototype` on a database the prototype's own libraries
/// wrote (passlib's bcrypt at cost 12, pyotp secrets), while a server runs.
@Suite(.serialized) struct PrototypeImportTests {
    struct PrototypeUser: Decodable {
        let email: String
        let password: String
        let disabled: Bool
        let otp_secret: String
    }

    /// Two enabled users (one with a mixed-case address and no name) and a disabled one.
    static let users = """
        [{"email": "ada@example.com", "full_name": "Ada Lovelace", "password": "correct horse battery staple", "disabled": false},
         {"email": "Grace.Hopper@Example.com", "full_name": null, "password": "a ship in port is safe", "disabled": false},
         {"email": "eve@example.com", "full_name": "Eve", "password": "disabled user password", "disabled": true}]
        """

    static let script = ExternalTool.repositoryRoot.appending(path: "Tests/TestSupport/prototype_db.py").path

    @Test func everyEnabledUserSignsInWithPasswordAndAppThenHasArgon2idAndASecondImportAddsNothing() async throws {
        let server = try await LiveServer()
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        let python = try ExternalTool.venvPython()
        let database = server.dataDirectory.path + "/twofactor_app.db"
        let made = try python.run([Self.script, "make", database], input: Data(Self.users.utf8))
        let users = try JSONDecoder().decode([PrototypeUser].self, from: made)

        let rehearsal = try OperatorRun(["import-prototype", database, "--dry-run"], on: server)
        #expect(rehearsal.status == 0)
        #expect(rehearsal.reportLines.last == "would import 2, already present 0, disabled and skipped 1, refused 0 (dry run: nothing was changed)")
        #expect(try OperatorRun(["accounts", "list"], on: server).reportLines.first == "accounts: 0")

        let imported = try OperatorRun(["import-prototype", database], on: server)
        #expect(imported.status == 0)
        #expect(imported.reportLines.contains("user 3 <eve@example.com>: disabled in the prototype, skipped"))
        #expect(imported.reportLines.last == "imported 2, already present 0, disabled and skipped 1, refused 0")
        #expect(imported.errors.contains("Prototype imported"))

        for user in users where !user.disabled {
            let before = try OperatorRun(["accounts", "show", user.email], on: server)
            #expect(before.reportLines.contains("password: bcrypt (imported; becomes Argon2id at the next sign-in)"))
            #expect(before.reportLines.contains("authenticator: TOTP SHA1, 6 digits, 120 s"))
            #expect(before.reportLines.contains("recovery codes: 0 unused"))

            #expect(try await http.post("/users/login/", json: ["email": user.email]).status == 202)
            let link = "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))"
            let code = try python.run([Self.script, "code", user.otp_secret], input: "").trimmingCharacters(in: .whitespacesAndNewlines)
            let login = try await http.post(link, json: ["password": user.password, "totp_code": code])
            #expect(login.status == 200, "\(user.email): \(String(decoding: login.body, as: UTF8.self))")
            // No recovery codes yet, and the answer says so.
            #expect(try login.json["recovery_codes_remaining"] as? Int == 0)

            let after = try OperatorRun(["accounts", "show", user.email], on: server)
            #expect(after.reportLines.contains("password: argon2id"))
        }
        #expect(try OperatorRun(["accounts", "show", "eve@example.com"], on: server).status == 1)

        let again = try OperatorRun(["import-prototype", database], on: server)
        #expect(again.reportLines.last == "imported 0, already present 2, disabled and skipped 1, refused 0")
        #expect(try OperatorRun(["accounts", "list"], on: server).reportLines.first == "accounts: 2")
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }

    @Test func aFileThatIsNotThePrototypesIsRefusedInOneLine() async throws {
        let server = try await LiveServer()
        let missing = try OperatorRun(["import-prototype", server.dataDirectory.path + "/nothing.db"], on: server)
        #expect(missing.status == 1)
        #expect(missing.errorLines.count == 1)
        #expect(missing.errorLines.first?.hasPrefix("mfa-server: cannot read the prototype's users from") == true)
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }
}
