import Foundation
import MFACore

/// The SMTP dialogue for one message on one connection (RFC 5321, RFC 3207, RFC 4954).
struct SMTPSession {
    let connection: SMTPConnection
    let configuration: SMTPConfiguration
    let tls: TLSClientSetup?

    /// Greeting, EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO and DATA; returns once the server accepted the message.
    func deliver(_ data: [UInt8], to recipient: String) async throws(MailDeliveryError) {
        let timeout = configuration.commandTimeout
        let greetingStep = configuration.security == .tls ? "TLS handshake and greeting" : "greeting"
        let greeting = try await Self.step(greetingStep) { try await connection.greeting() }
        try Self.expect(220, from: greeting, in: greetingStep)
        var capabilities = try await hello()
        if configuration.security == .startTLS, let tls {
            guard capabilities.offersStartTLS else { throw .transient("the server does not offer STARTTLS") }
            let reply = try await Self.step("STARTTLS") { try await connection.startTLS(tls, timeout: timeout) }
            try Self.expect(220, from: reply, in: "STARTTLS")
            capabilities = try await hello()
        }
        if let credentials = configuration.credentials {
            try await authenticate(with: credentials, offered: capabilities.authenticationMechanisms)
        }
        try await command("MAIL FROM:<\(configuration.sender.address)>", expecting: [250], step: "MAIL FROM")
        try await command("RCPT TO:<\(recipient)>", expecting: [250, 251], step: "RCPT TO")
        try await command("DATA", expecting: [354], step: "DATA")
        let dataTimeout = configuration.dataTimeout
        let accepted = try await Self.step("sending the message") {
            try await connection.send(data: data, timeout: dataTimeout)
        }
        try Self.expect(250, from: accepted, in: "sending the message")
    }

    /// Says goodbye, if the connection still works, and closes it.
    ///
    /// Nothing here can fail a delivery: after a success the server has the
    /// message; after a failure, the failure is what counts.
    func quit() async {
        _ = try? await connection.send("QUIT", timeout: configuration.commandTimeout)
        await connection.close()
    }

    /// EHLO, or HELO when the server rejects EHLO with a 5xx reply.
    private func hello() async throws(MailDeliveryError) -> SMTPCapabilities {
        let name = configuration.clientHostname
        let timeout = configuration.commandTimeout
        let ehlo = try await Self.step("EHLO") { try await connection.send("EHLO \(name)", timeout: timeout) }
        if ehlo.code == 250 { return SMTPCapabilities(ehloReply: ehlo) }
        guard (500..<600).contains(ehlo.code) else { throw Self.failure(ehlo, in: "EHLO") }
        try await command("HELO \(name)", expecting: [250], step: "HELO")
        return SMTPCapabilities()
    }

    /// AUTH PLAIN if offered, else AUTH LOGIN (RFC 4616; draft-murchison-sasl-login).
    ///
    /// Failures name only the reply code: a server's text might echo what it was sent.
    private func authenticate(
        with credentials: SMTPConfiguration.Credentials,
        offered mechanisms: Set<String>
    ) async throws(MailDeliveryError) {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(credentials.username)\0\(credentials.password)")
            try await command("AUTH PLAIN \(token)", expecting: [235], step: "AUTH PLAIN", showingReplyText: false)
        } else if mechanisms.contains("LOGIN") {
            try await command("AUTH LOGIN", expecting: [334], step: "AUTH LOGIN", showingReplyText: false)
            try await command(base64(credentials.username), expecting: [334], step: "AUTH LOGIN user name",
                              showingReplyText: false)
            try await command(base64(credentials.password), expecting: [235], step: "AUTH LOGIN password",
                              showingReplyText: false)
        } else {
            throw .transient("the server offers no AUTH mechanism this client supports (PLAIN, LOGIN)")
        }
    }

    private func command(
        _ line: String,
        expecting codes: Set<Int>,
        step: String,
        showingReplyText: Bool = true
    ) async throws(MailDeliveryError) {
        let timeout = configuration.commandTimeout
        let reply = try await Self.step(step) { try await connection.send(line, timeout: timeout) }
        guard codes.contains(reply.code) else { throw Self.failure(reply, in: step, showingText: showingReplyText) }
    }

    /// Runs one step; any error but a ``MailDeliveryError`` is transient and named after the step.
    static func step<Result>(
        _ name: String,
        _ body: () async throws -> Result
    ) async throws(MailDeliveryError) -> Result {
        do {
            return try await body()
        } catch let error as MailDeliveryError {
            throw error
        } catch {
            throw .transient("\(name): \(error)")
        }
    }

    private static func expect(_ code: Int, from reply: SMTPReply, in step: String) throws(MailDeliveryError) {
        guard reply.code == code else { throw failure(reply, in: step) }
    }

    /// 5xx is permanent; 4xx, and any reply that makes no sense at this point, transient.
    private static func failure(_ reply: SMTPReply, in step: String, showingText: Bool = true) -> MailDeliveryError {
        let text = "\(step) failed: \(showingText ? reply.description : String(reply.code))"
        return (500..<600).contains(reply.code) ? .permanent(text) : .transient(text)
    }
}
