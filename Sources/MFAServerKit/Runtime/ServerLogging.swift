import Foundation
import Logging

/// The process's logging: text or JSON lines on standard output (the server)
/// or standard error (operator commands, whose standard output is their report).
public enum ServerLogging {
    /// Bootstraps swift-log once for the whole process.
    public static func bootstrap(format: LogFormat, level: Logger.Level, toStandardError: Bool = false) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = switch (format, toStandardError) {
            case (.text, false): TextLogHandler(.standardOutput(label: label))
            case (.text, true): TextLogHandler(.standardError(label: label))
            case (.json, false): JSONLinesLogHandler(label: label)
            case (.json, true): JSONLinesLogHandler(label: label, write: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
            }
            handler.logLevel = level
            return handler
        }
    }
}
