import Foundation
import MFATestSupport

/// aiosmtpd running Fixtures/smtp-test-server.py on a free loopback port.
///
/// Use ``run(_:in:_:)``: it waits until the port accepts connections and
/// stops the server when the test's body returns or throws.
struct SMTPTestServer {
    struct Options {
        var tls = "none"
        var certificate: TestCertificates.KeyPair?
        var requiredCredentials: (username: String, password: String)?
        var authMechanisms = ["PLAIN", "LOGIN"]
        var offersAuthWithoutTLS = false
        var ehloReply: String?
        var rcptReply: String?
        var dataReply: String?
        var dataDelaySeconds: Double?
        /// A fixed port, so that a test can start the server where a transport already points.
        var port: Int?

        var arguments: [String] {
            var arguments = ["--tls", tls]
            if let certificate { arguments += ["--cert", certificate.certificate, "--key", certificate.key] }
            if let requiredCredentials {
                arguments += ["--require-auth", "\(requiredCredentials.username):\(requiredCredentials.password)",
                              "--auth-mechanisms", authMechanisms.joined(separator: ",")]
            }
            if offersAuthWithoutTLS { arguments.append("--auth-without-tls") }
            if let ehloReply { arguments += ["--reject-ehlo", ehloReply] }
            if let rcptReply { arguments += ["--reject-rcpt", rcptReply] }
            if let dataReply { arguments += ["--reject-data", dataReply] }
            if let dataDelaySeconds { arguments += ["--stall-data", String(dataDelaySeconds)] }
            if let port { arguments += ["--port", String(port)] }
            return arguments
        }
    }

    let port: Int
    private let spool: URL

    /// Starts a server with `options` in `directory`, runs `body`, and stops the server.
    static func run<Result>(
        _ options: Options = Options(),
        in directory: URL,
        _ body: (SMTPTestServer) async throws -> Result
    ) async throws -> Result {
        let python = try TestEnvironment.python()
        let spool = directory.appendingPathComponent("spool")
        let portFile = directory.appendingPathComponent("port")
        let logFile = directory.appendingPathComponent("server.log")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let process = try SpawnedProcess(
            python.executable,
            [TestEnvironment.serverScript, "--spool", spool.path, "--port-file", portFile.path] + options.arguments,
            outputPath: logFile.path, errorPath: nil
        )
        defer {
            process.signal(SIGTERM)
            _ = process.exitStatus(waiting: true)
        }

        let port = try await waitForPort(in: portFile, of: process, log: logFile)
        return try await body(SMTPTestServer(port: port, spool: spool))
    }

    private static func waitForPort(in portFile: URL, of process: SpawnedProcess, log: URL) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text),
               LoopbackSocket.acceptsConnections(port: port)
            {
                return port
            }
            if let status = process.exitStatus(waiting: false) {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw TestSetupError("the SMTP test server exited with status \(status):\n\(output)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestSetupError("the SMTP test server did not accept connections within 30 s")
    }

    /// The messages the server accepted, in order.
    func receivedMessages() throws -> [ReceivedMessage] {
        let files = try FileManager.default.contentsOfDirectory(atPath: spool.path)
            .filter { $0.hasSuffix(".json") }
            .sorted { Int($0.dropLast(5))! < Int($1.dropLast(5))! }
        return try files.map { name in
            try JSONDecoder().decode(ReceivedMessage.self, from: Data(contentsOf: spool.appendingPathComponent(name)))
        }
    }

    /// Every AUTH attempt the server saw: its mechanism and whether the credentials matched.
    func authenticationAttempts() throws -> [AuthenticationAttempt] {
        let file = spool.appendingPathComponent("auth-attempts.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(AuthenticationAttempt.self, from: Data(line.utf8))
        }
    }

    /// What Python's `email` package makes of an `.eml` file.
    static func parse(messageFile path: String) throws -> ParsedMessage {
        let output = try TestEnvironment.python().run([TestEnvironment.serverScript, "--parse", path])
        return try JSONDecoder().decode(ParsedMessage.self, from: output)
    }
}

struct AuthenticationAttempt: Decodable, Equatable {
    let mechanism: String
    let accepted: Bool
}

/// A message as Python's `email` package (policy `default`) reads it.
struct ParsedMessage: Decodable {
    let raw: String
    let subject: String
    let to: String
    let fromAddress: String
    let fromDisplayName: String
    let date: String
    let messageID: String
    let mimeVersion: String
    let contentType: String
    let charset: String?
    let transferEncoding: String
    let body: String
    let defects: [String]

    var rawBytes: [UInt8] { Array(Data(base64Encoded: raw)!) }

    /// The decoded body's lines, without line breaks.
    var bodyLines: [String] {
        var lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A message the test server accepted: its envelope, the session, and the parsed message.
struct ReceivedMessage: Decodable {
    let mailFrom: String
    let recipients: [String]
    let heloName: String
    let encrypted: Bool
    let authenticatedUser: String?
    let message: ParsedMessage

    private enum CodingKeys: String, CodingKey {
        case mailFrom, recipients, heloName, encrypted, authenticatedUser
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mailFrom = try container.decode(String.self, forKey: .mailFrom)
        recipients = try container.decode([String].self, forKey: .recipients)
        heloName = try container.decode(String.self, forKey: .heloName)
        encrypted = try container.decode(Bool.self, forKey: .encrypted)
        authenticatedUser = try container.decodeIfPresent(String.self, forKey: .authenticatedUser)
        message = try ParsedMessage(from: decoder)
    }
}
