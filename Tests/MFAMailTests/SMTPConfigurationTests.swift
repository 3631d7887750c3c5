import MFAMail
import Testing

@Suite struct SMTPConfigurationTests {
    @Test func parsesEveryPartOfAFullURL() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://user%40example.com:p%3As%40%2Fw%C3%B6rd@mail.example.com:2525?tls=tls",
            sender: Fixtures.sender)
        #expect(configuration.host == "mail.example.com")
        #expect(configuration.port == 2525)
        #expect(configuration.security == .tls)
        #expect(configuration.credentials == .init(username: "user@example.com", password: "p:s@/wörd"))
        #expect(configuration.sender == Fixtures.sender)
    }

    @Test(arguments: [
        ("smtp://mail.example.com", SMTPConfiguration.TransportSecurity.startTLS, 587),
        ("smtp://mail.example.com:25", .startTLS, 25),
        ("smtp://mail.example.com:465", .tls, 465),
        ("smtp://mail.example.com?tls=none", .none, 25),
        ("smtp://mail.example.com?tls=STARTTLS", .startTLS, 587),
        ("smtp://mail.example.com?tls=tls", .tls, 465),
        ("smtp://mail.example.com:465?tls=starttls", .startTLS, 465),
        ("smtp://mail.example.com/", .startTLS, 587),
    ])
    func picksDefaultsForSecurityAndPort(url: String, security: SMTPConfiguration.TransportSecurity, port: Int) throws {
        let configuration = try SMTPConfiguration(url: url, sender: Fixtures.sender)
        #expect(configuration.security == security)
        #expect(configuration.port == port)
        #expect(configuration.credentials == nil)
    }

    @Test func acceptsAnIPv6Literal() throws {
        let configuration = try SMTPConfiguration(url: "smtp://[::1]:2525?tls=none", sender: Fixtures.sender)
        #expect(configuration.host == "::1")
    }

    @Test(arguments: [
        ("smtp://mail.example.com:smtp", SMTPConfigurationError.malformedURL),
        ("smtp://[::1", .malformedURL),
        ("not a url at all", .unsupportedScheme),
        ("smtps://mail.example.com", .unsupportedScheme),
        ("http://mail.example.com", .unsupportedScheme),
        ("mail.example.com:25", .unsupportedScheme),
        ("smtp://", .missingHost),
        ("smtp://mail.example.com:0", .invalidPort),
        ("smtp://mail.example.com:70000", .invalidPort),
        ("smtp://mail.example.com/inbox", .unexpectedPathOrFragment),
        ("smtp://mail.example.com#top", .unexpectedPathOrFragment),
        ("smtp://mail.example.com?tls=ssl", .invalidTLSMode("ssl")),
        ("smtp://mail.example.com?tls", .invalidTLSMode("")),
        ("smtp://mail.example.com?tls=tls&tls=none", .repeatedParameter("tls")),
        ("smtp://mail.example.com?timeout=5", .unknownParameter("timeout")),
        ("smtp://user@mail.example.com", .incompleteCredentials),
        ("smtp://:secret@mail.example.com", .incompleteCredentials),
    ])
    func refusesMalformedURLs(url: String, expected: SMTPConfigurationError) {
        #expect(throws: expected) { try SMTPConfiguration(url: url, sender: Fixtures.sender) }
    }

    @Test(arguments: [
        "smtp://user:hunter2@mail.example.com:99999",
        "smtp://user:hunter2@mail.example.com?tls=hunter",
        "smtp://user:hunter2@mail.example.com/path",
        "smtp://user:hunter2@mail.example.com:port",
        "smtps://user:hunter2@mail.example.com",
    ])
    func neverRepeatsThePasswordInAnError(url: String) {
        let error = #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: url, sender: Fixtures.sender) }
        #expect(error.map { "\($0)" }?.contains("hunter2") == false)
    }

    @Test func neverShowsThePasswordWhenPrinted() throws {
        let configuration = try SMTPConfiguration(url: "smtp://user:hunter2@mail.example.com", sender: Fixtures.sender)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [dumped, "\(configuration)", String(reflecting: configuration)] {
            #expect(!text.contains("hunter2"))
            #expect(text.contains("user"))
        }
    }

    @Test(arguments: ["", "bad name", "host\r\nRCPT", "-"])
    func refusesAnInvalidEHLOName(name: String) {
        var configuration = SMTPConfiguration(host: "mail.example.com", security: .none, sender: Fixtures.sender)
        configuration.clientHostname = name
        #expect(throws: SMTPConfigurationError.invalidClientHostname) { try SMTPMailTransport(configuration: configuration) }
    }
}
