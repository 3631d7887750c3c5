import Foundation
import Logging
import Synchronization
import Testing
@testable import MFAServerKit

@Suite struct JSONLinesLogHandlerTests {
    @Test func eachEventIsOneJSONObjectWithItsMetadata() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "test") { label in
            JSONLinesLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "request"] = "r1"
        logger.info("Mail written\nto disk", metadata: ["path": "/tmp/a \"b\".eml", "sizes": ["1", "2"]])
        logger.debug("not at info level")

        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "test")
        #expect(object["message"] as? String == "Mail written\nto disk")
        #expect(object["request"] as? String == "r1")
        #expect(object["path"] as? String == "/tmp/a \"b\".eml")
        #expect(object["sizes"] as? [String] == ["1", "2"])
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }
}
