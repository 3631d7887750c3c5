import Foundation
import MFACore
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for the live server, on URLSession.
struct HTTP {
    let baseURL: String

    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: Data

        var json: [String: Any] {
            get throws {
                guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                    throw TestFailure("not a JSON object: \(String(decoding: body, as: UTF8.self))")
                }
                return object
            }
        }
    }

    func post(_ path: String, json fields: [String: String] = [:], bearer: String? = nil) async throws -> Answer {
        try await send("POST", path, body: try JSONSerialization.data(withJSONObject: fields), bearer: bearer)
    }

    func get(_ path: String, bearer: String? = nil) async throws -> Answer {
        try await send("GET", path, body: nil, bearer: bearer)
    }

    private func send(_ method: String, _ path: String, body: Data?, bearer: String?) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var headers: [String: String] = [:]
        for case (let name as String, let value as String) in response.allHeaderFields {
            headers[name.lowercased()] = value
        }
        return Answer(status: response.statusCode, headers: headers, body: data)
    }
}

/// An account signed up over HTTP, with the authenticator app and recovery codes its owner set up.
struct LiveAccount {
    let email: String
    let password: String
    let authenticator: TOTP
    let recoveryCodes: [String]
}

extension HTTP {
    /// Signs `email` up through `/users/create/` and the link in `outbox`.
    func signUp(_ email: String, password: String, outbox: Outbox) async throws -> LiveAccount {
        guard try await post("/users/create/", json: ["email": email, "password": password]).status == 202 else {
            throw TestFailure("/users/create/ refused \(email)")
        }
        let created = try await post(
            "/users/create/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/create/mfa/"))", json: ["password_again": password]
        )
        guard let uri = (try created.json["totp"] as? [String: Any])?["otpauth_uri"] as? String,
              let authenticator = try OTPAuthURI(parsing: uri).totp,
              let recoveryCodes = try created.json["recovery_codes"] as? [String]
        else { throw TestFailure("no enrolment: \(String(decoding: created.body, as: UTF8.self))") }
        return LiveAccount(email: email, password: password, authenticator: authenticator, recoveryCodes: recoveryCodes)
    }

    /// The path of a fresh sign-in link of `email`, from `outbox`.
    func loginLink(_ email: String, outbox: Outbox) async throws -> String {
        guard try await post("/users/login/", json: ["email": email]).status == 202 else { throw TestFailure("/users/login/ refused \(email)") }
        return "/users/login/mfa/?one_time_url=\(try await outbox.token(linkingTo: "/users/login/mfa/"))"
    }
}

/// Reads the emails the server wrote into its outbox.
final class Outbox: Sendable {
    let directory: String
    private let taken = Mutex<Set<String>>([])

    init(directory: String) {
        self.directory = directory
    }

    /// The `.eml` files, as text with quoted-printable soft line breaks undone.
    func messages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.compactMap {
            (try? String(contentsOfFile: directory + "/" + $0, encoding: .utf8)).map(Self.decodingQuotedPrintable)
        }
    }

    /// Waits for a message with a link to `path` not taken before, and takes its token.
    func token(linkingTo path: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            for message in messages() {
                guard let range = message.range(of: path + "?one_time_url=") else { continue }
                let token = String(message[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                if taken.withLock({ $0.insert(token).inserted }) { return token }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("no new link to \(path) arrived in \(directory)")
    }

    /// Undoes quoted-printable soft line breaks and `=3D`, should the transport use them.
    private static func decodingQuotedPrintable(_ text: String) -> String {
        text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
    }
}
