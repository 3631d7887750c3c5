import InMemoryLogging
import Logging
import MFACore
import MFAMail
import Testing

@Suite struct LogMailTransportTests {
    @Test func logsTheWholeMessageAtTheChosenLevel() async throws {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "mail") { _ in handler }
        try await LogMailTransport(logger: logger, level: .notice).send(Fixtures.message)

        #expect(handler.entries.count == 1)
        #expect(handler.entries.first?.level == .notice)
        #expect(handler.entries.first?.metadata["mail.recipient"] == "alice@example.com")
        #expect(handler.entries.first.map { "\($0.message)" }?.contains("\n\(Fixtures.link)\n") == true)
    }
}
