extension String {
    /// The text with everything that looks like an email address replaced by
    /// `<redacted>`: an address in angle brackets (`<bob@example.com>`, a quoted
    /// local part or a source route included), or a bare one (`bob@example.com`,
    /// `bob@[192.0.2.1]`).
    ///
    /// Servers put the recipient in their replies (`550 5.1.1 <bob@example.com>:
    /// Recipient address rejected`), and reply texts end up in logs, which must
    /// not name who gets mail. Anything with an `@` between the two parts of an
    /// address counts: better an odd word redacted than an address kept.
    var redactingAddresses: String {
        let bracketed = #/<[^<>]*@[^<>]*>/#
        let bare = #/(?:"[^"]*"|[^\s<>()\[\],;:"@]+)@(?:\[[^\]\s]*\]|[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*)/#
        return replacing(bracketed, with: "<redacted>").replacing(bare, with: "<redacted>")
    }
}
