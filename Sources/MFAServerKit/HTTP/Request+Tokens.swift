import Hummingbird

extension Request {
    /// The one-time token of an emailed link, from its ``ServerLinks/tokenParameter`` query
    /// parameter; `""` when absent, which no link matches.
    var oneTimeToken: String {
        uri.queryParameters[Substring(ServerLinks.tokenParameter)].map(String.init) ?? ""
    }

    /// The session token of an `Authorization: Bearer` header; `""` when
    /// absent or of another scheme, which no session matches.
    var bearerToken: String {
        guard let authorization = headers[.authorization] else { return "" }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return "" }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
