import Foundation
import MFACore
import MFASQLite
import Synchronization
import Testing

/// `mfa-server rotate-key` on a real SQLite file while a real server keeps
/// answering: no request fails, and afterwards the old key is gone from the
/// key file and everything opens under the new one.
@Suite(.serialized) struct KeyRotationLiveTests {
    static let password = "correct horse battery staple"

    @Test func aServerKeepsAnsweringThroughARotationAndEverythingOpensUnderTheNewKey() async throws {
        let server = try await LiveServer(environment: ["MFA_LIMIT_REQUESTS_PER_CLIENT": "100000/60"])
        let http = HTTP(baseURL: server.baseURL)
        let outbox = Outbox(directory: server.outbox)
        let keyFile = server.dataDirectory.path + "/secret.key"
        let oldKey = try Data(contentsOf: URL(fileURLWithPath: keyFile))

        #expect(try await http.post("/users/create/", json: ["email": "ada@example.com", "password": Self.password]).status == 202)
        let created = try await http.post(
            "/users/create/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/create/mfa/"))", json: ["password_again": Self.password]
        )
        let uri = try #require((try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String)
        let authenticator = try #require(try OTPAuthURI(parsing: uri).totp)

        // Registrations (mail sealed, limits hashed) before, through and after the
        // rotation: the traffic stops only once the rotation has ended and a
        // request was answered after it, however slowly the hashes of a busy
        // machine let the requests go.
        let rotating = Atomic(true)
        let answered = Atomic(0)
        let traffic = Task {
            var statuses: [Int] = []
            var index = 0
            var answeredAfterRotation = false
            while !answeredAfterRotation {
                let rotationHadEnded = !rotating.load(ordering: .acquiring)
                index += 1
                let answer = try await http.post("/users/create/", json: ["email": "user\(index)@example.com", "password": Self.password])
                statuses.append(answer.status)
                answered.add(1, ordering: .releasing)
                answeredAfterRotation = rotationHadEnded
                try await Task.sleep(for: .milliseconds(20))
            }
            return statuses
        }
        while answered.load(ordering: .acquiring) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        let (rotation, output) = try LiveServer.start(arguments: ["rotate-key"], environment: [
            "MFA_DATA_DIR": server.dataDirectory.path, "MFA_LOG_FORMAT": "json",
        ])
        let rotationStatus = try await rotation.waitForExit()
        rotating.store(false, ordering: .releasing)
        let statuses = try await traffic.value
        #expect(rotationStatus == 0, "\(output.text)")
        #expect(statuses.count >= 2 && statuses.allSatisfy { $0 == 202 }, "\(statuses)")

        // The key file holds one new key; every sealed value is under it.
        let newKey = try Data(contentsOf: URL(fileURLWithPath: keyFile))
        #expect(newKey.count == 32 && newKey != oldKey)
        let current = try SecretKey(bytes: newKey)
        let store = try SQLiteStore(path: server.dataDirectory.path + "/mfa.sqlite")
        #expect(try await store.sealedValues(notStartingWith: current.id).isEmpty)

        // The server follows: the TOTP secret opens, mail queued before and after goes out.
        try await Task.sleep(for: .milliseconds(1_100))
        #expect(try await http.post("/users/login/", json: ["email": "ada@example.com"]).status == 202)
        let login = try await http.post(
            "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))",
            json: ["password": Self.password, "totp_code": authenticator.code(at: Date())]
        )
        #expect(login.status == 200)
        try await Task.sleep(for: .seconds(2))
        #expect(outbox.messages().count >= statuses.count + 2)
        #expect(!server.log.contains("cannot be opened"))
        #expect(try await server.terminate(within: .seconds(10)) == 0)
    }
}
