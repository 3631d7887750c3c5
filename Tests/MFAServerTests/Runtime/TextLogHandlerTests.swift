import Logging
import Synchronization
import Testing
@testable import MFAServerKit

@Suite struct TextLogHandlerTests {
    /// Collects what a `StreamLogHandler` writes.
    final class Lines: TextOutputStream, Sendable {
        private let written = Mutex<[String]>([])
        func write(_ string: String) { written.withLock { $0.append(string) } }
        /// Each line without its first word, the time, which may differ between two handlers.
        var withoutTimes: [String] { written.withLock { $0.map { String($0.drop { $0 != " " }) } } }
    }

    /// Counts how often its text is asked for.
    final class CountedText: CustomStringConvertible, Sendable {
        let asked = Atomic(0)
        var description: String {
            asked.add(1, ordering: .relaxed)
            return "r1"
        }
    }

    @Test func itWritesTheLinesThatStreamLogHandlerWrites() {
        let (ours, theirs) = (Lines(), Lines())
        var loggers = [
            Logger(label: "test") { TextLogHandler(StreamLogHandler(label: $0, stream: ours, metadataProvider: nil)) },
            Logger(label: "test") { StreamLogHandler(label: $0, stream: theirs, metadataProvider: nil) },
        ]
        for index in loggers.indices {
            loggers[index].logLevel = .info
            loggers[index].info("no metadata")
            loggers[index][metadataKey: "request"] = "r1"
            loggers[index][metadataKey: "client"] = "127.0.0.1"
            loggers[index].warning("Mail written", metadata: ["path": "/tmp/a.eml", "request": "own"])
            loggers[index].info("with the logger's metadata")
            loggers[index].debug("not at info level")
        }
        #expect(ours.withoutTimes.count == 3)
        #expect(ours.withoutTimes == theirs.withoutTimes)
        #expect(ours.withoutTimes[1] == " warning test: client=127.0.0.1 path=/tmp/a.eml request=own [MFAServerTests] Mail written\n")
    }

    /// Hummingbird sets a request id on every request's logger: setting it must
    /// not format it, only a line that is written does.
    @Test func metadataIsFormattedOnlyWhenALineIsWritten() {
        let requestID = CountedText()
        var logger = Logger(label: "test") { TextLogHandler(StreamLogHandler(label: $0, stream: Lines(), metadataProvider: nil)) }
        logger.logLevel = .info
        logger[metadataKey: "hb.request.id"] = .stringConvertible(requestID)
        logger.debug("not written")
        #expect(requestID.asked.load(ordering: .relaxed) == 0)
        logger.info("written")
        #expect(requestID.asked.load(ordering: .relaxed) == 1)
    }
}
