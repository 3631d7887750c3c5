import Foundation
import MFAWebAuthn

extension MFAConfiguration {
    /// The relying party passkeys are registered with: ``passkeyRelyingPartyID`` (or the
    /// public URL's host), named after the ``issuer``, for ``passkeyOrigins`` (or the
    /// public URL's origin).
    ///
    /// `nil` means passkeys are off: the public URL's host is an IP address and no
    /// relying party id was set. Browsers refuse an IP address as relying party id
    /// (`http://localhost:8000` works, `http://127.0.0.1:8000` does not).
    public var relyingParty: RelyingParty? {
        guard let publicOrigin = WebOrigin(url: publicURL) else { return nil }
        let id = passkeyRelyingPartyID ?? publicOrigin.host
        guard !WebOrigin.isIPAddress(id) else { return nil }
        return RelyingParty(id: id, name: issuer, origins: passkeyOrigins.isEmpty ? [publicOrigin.text] : passkeyOrigins)
    }

    /// Checks the passkey settings that were given; with none, ``relyingParty`` derives them.
    func validatePasskeys() throws(MFAConfigurationError) {
        if let id = passkeyRelyingPartyID {
            let isDomain = !id.isEmpty && id == id.lowercased() && !WebOrigin.isIPAddress(id)
                && id.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                    !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                }
            guard isDomain else {
                throw MFAConfigurationError(
                    setting: "passkeyRelyingPartyID", problem: "must be a lowercase domain name such as example.com, with no scheme, port or IP address")
            }
        }
        for origin in passkeyOrigins {
            guard let parsed = WebOrigin(url: origin), parsed.text == origin else {
                throw MFAConfigurationError(
                    setting: "passkeyOrigins", problem: "\(origin) is not an origin such as https://example.com or http://localhost:8000")
            }
        }
        guard let relyingParty else { return }
        for origin in relyingParty.origins.sorted() {
            // Origins are valid here: given ones were checked above, the default one is the public URL's.
            let host = WebOrigin(url: origin)?.host ?? ""
            guard host == relyingParty.id || host.hasSuffix("." + relyingParty.id) else {
                throw MFAConfigurationError(
                    setting: passkeyOrigins.isEmpty ? "passkeyRelyingPartyID" : "passkeyOrigins",
                    problem: "the origin \(origin) is not on the relying party id \(relyingParty.id) or a subdomain of it")
            }
        }
    }
}

/// The origin of a URL, as browsers send it in `Origin` headers and WebAuthn's
/// client data: `scheme://host[:port]`, lowercase, without a default port.
public struct WebOrigin: Sendable, Hashable {
    /// `https` or `http`.
    public let scheme: String
    /// The host, lowercase; an IPv6 address without brackets.
    public let host: String
    /// The origin as text.
    public let text: String

    /// The origin of `url`, or `nil` when it is not an http or https URL with a host.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port.flatMap { port in (scheme == "http" && port == 80) || (scheme == "https" && port == 443) ? nil : port }
        self.scheme = scheme
        self.host = host
        let authority = host.contains(":") ? "[\(host)]" : host
        text = "\(scheme)://\(authority)" + (port.map { ":\($0)" } ?? "")
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    static func isIPAddress(_ host: String) -> Bool {
        IPAddressText.ipv4(Substring(host)) != nil || IPAddressText.ipv6(host) != nil
    }
}
