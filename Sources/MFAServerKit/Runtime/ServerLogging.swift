import Logging

/// The process's logging: text or JSON lines on standard output.
public enum ServerLogging {
    /// Bootstraps swift-log once for the whole process.
    public static func bootstrap(format: LogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = switch format {
            case .text: StreamLogHandler.standardOutput(label: label)
            case .json: JSONLinesLogHandler(label: label)
            }
            handler.logLevel = level
            return handler
        }
    }
}
