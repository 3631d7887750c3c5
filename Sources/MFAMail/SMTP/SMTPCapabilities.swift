/// What a server offers in its EHLO reply, as far as this client cares.
struct SMTPCapabilities: Sendable, Hashable {
    var offersStartTLS = false
    /// Upper-cased SASL mechanism names, such as `PLAIN` and `LOGIN`.
    var authenticationMechanisms: Set<String> = []

    /// The capabilities of a server that answered HELO: none.
    init() {}

    init(ehloReply: SMTPReply) {
        // The first line is the server's name; each further line is one extension.
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ")
            guard let keyword = words.first else { continue }
            if keyword == "STARTTLS" {
                offersStartTLS = true
            } else if keyword == "AUTH" {
                authenticationMechanisms.formUnion(words.dropFirst().map(String.init))
            } else if keyword.hasPrefix("AUTH=") {
                // The pre-standard form some servers still send: AUTH=PLAIN LOGIN.
                authenticationMechanisms.insert(String(keyword.dropFirst(5)))
                authenticationMechanisms.formUnion(words.dropFirst().map(String.init))
            }
        }
    }
}
