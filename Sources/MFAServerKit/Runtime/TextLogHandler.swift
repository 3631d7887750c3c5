import Logging

/// swift-log's `StreamLogHandler` text lines, with the logger's metadata kept
/// as set and written out only when a line is logged.
///
/// `StreamLogHandler` formats its whole metadata again each time an item is
/// set. Hummingbird sets one (`hb.request.id`) on every request's logger, so
/// every request paid for formatting a line that, at the usual levels, is never
/// written. The lines are the same: the logger's metadata goes to
/// `StreamLogHandler` with each event, where the event's own items win.
public struct TextLogHandler: LogHandler {
    /// The logger's metadata.
    public var metadata: Logger.Metadata = [:]
    private var lines: StreamLogHandler

    /// Creates a handler that writes its lines with `lines`, whose own metadata it leaves empty.
    public init(_ lines: StreamLogHandler) {
        self.lines = lines
    }

    /// The least severe level written.
    public var logLevel: Logger.Level {
        get { lines.logLevel }
        set { lines.logLevel = newValue }
    }

    /// One item of the logger's metadata.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as `StreamLogHandler` writes it, with the logger's metadata.
    public func log(event: LogEvent) {
        var event = event
        if !metadata.isEmpty { event.metadata = metadata.merging(event.metadata ?? [:]) { _, own in own } }
        lines.log(event: event)
    }
}
