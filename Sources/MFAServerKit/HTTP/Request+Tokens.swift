import Hummingbird

extension Request {
    /// The one-time token of an emailed link, from its ``ServerLinks/tokenParameter`` query
    /// parameter; `""` when absent, which no link matches.
    var oneTimeToken: String {
        uri.queryParameters[Substring(ServerLinks.tokenParameter)].map(String.init) ?? ""
    }

    /// The session token of an `Authorization: Bearer` header; `""` when
    /// absent or of another scheme, which no session matches.
    ///
    /// Read byte by byte rather than with Foundation's case folding and
    /// trimming, which cost more than the session lookup it leads to.
    var bearerToken: String {
        guard let authorization = headers[.authorization] else { return "" }
        let parts = authorization.utf8.split(separator: UInt8(ascii: " "), maxSplits: 1)
        // `| 0x20` folds ASCII capitals to lower case, and only those onto letters.
        guard parts.count == 2, parts[0].elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }) else { return "" }
        var token = parts[1].drop { $0.isWhitespace }
        while let last = token.last, last.isWhitespace { token = token.dropLast() }
        return String(decoding: token, as: UTF8.self)
    }
}

extension UInt8 {
    /// A space or a tab: HTTP's optional whitespace.
    fileprivate var isWhitespace: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}
