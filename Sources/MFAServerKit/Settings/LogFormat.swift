/// How log lines are written.
public enum LogFormat: String, Sendable, CaseIterable {
    /// Human-readable lines.
    case text
    /// One JSON object a line, for log collectors.
    case json
}
