import Foundation
import Logging
import Synchronization
@testable import MFAServerKit

/// A logger whose lines are kept as JSON objects, as `MFA_LOG_FORMAT=json` writes them.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at `level` writing JSON lines here.
    func logger(level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "mfa-server") { label in
            JSONLinesLogHandler(label: label) { line in self.lines.withLock { $0.append(line) } }
        }
        logger.logLevel = level
        return logger
    }

    /// Every line so far, as written.
    var text: [String] { lines.withLock { $0 } }

    /// Every line so far, parsed.
    func objects() throws -> [[String: Any]] {
        try text.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TestFailure("not a JSON object: \(line)")
            }
            return object
        }
    }

    /// The security lines so far, parsed.
    func securityLines() throws -> [[String: Any]] {
        try objects().filter { $0["event"] as? String == "security" }
    }
}
