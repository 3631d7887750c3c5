/// What can go wrong on an SMTP connection below the level of reply codes.
enum SMTPConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server did not answer within the step's timeout.
    case timedOut
    /// The server closed the connection.
    case connectionClosed
    /// The server sent something that is not an SMTP reply.
    case malformedReply
    /// The server sent a reply nobody asked for.
    case unsolicitedReply
    /// The server sent more bytes right after agreeing to STARTTLS; they could
    /// have been injected by a man in the middle (CVE-2011-0411), so the
    /// connection is given up.
    case dataAfterStartTLS

    var description: String {
        switch self {
        case .timedOut: "timed out"
        case .connectionClosed: "the server closed the connection"
        case .malformedReply: "the server's reply is not valid SMTP"
        case .unsolicitedReply: "the server sent a reply that was not asked for"
        case .dataAfterStartTLS: "the server sent data after agreeing to STARTTLS"
        }
    }
}
