import Foundation
import Logging
import MFAFormats

/// Writes each log event as one JSON object on one line of standard output,
/// for log collectors: `time`, `level`, `label`, `message` and the metadata.
public struct JSONLinesLogHandler: LogHandler {
    /// The logger's metadata.
    public var metadata: Logger.Metadata = [:]
    /// The least severe level written.
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// Creates a handler for the logger `label` that passes each line to `write`.
    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLinesLogHandler.standardOutput) {
        self.label = label
        self.write = write
    }

    /// One item of the logger's metadata.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line; event metadata wins over the logger's, and
    /// neither replaces `time`, `level`, `label` or `message`.
    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": RFC3339.string(from: Date(), fractionalSeconds: true),
            "level": event.level.rawValue,
            "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) where object[key] == nil {
            object[key] = Self.json(value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return
        }
        write(String(decoding: data, as: UTF8.self))
    }

    private static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }

    /// Writes a line to standard output and flushes it, so that lines reach a
    /// pipe as they happen.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
