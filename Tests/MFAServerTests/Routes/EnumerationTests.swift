import Foundation
import HummingbirdTesting
import MFACore
import Testing

/// Whether an address has an account must not show in any answer.
@Suite struct EnumerationTests {
    @Test(arguments: ["/users/create/", "/users/login/", "/users/mfa/new_totp_code/", "/users/delete/", "/users/password/reset/"])
    func knownAndUnknownAddressesGetTheSameAnswer(path: String) async throws {
        let server = try TestServer()
        try await server.run { client in
            let account = try await client.signUp("ada@example.com")
            let known = try await client.post(path, json: ["email": account.email, "password": account.password])
            let unknown = try await client.post(path, json: ["email": "nobody@example.com", "password": account.password])
            #expect(known.status == .accepted)
            #expect(known.status == unknown.status)
            #expect(known.text == unknown.text)
            #expect(known.headers == unknown.headers)
        }
    }
}
