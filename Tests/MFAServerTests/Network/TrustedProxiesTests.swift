import Testing
@testable import MFAServerKit

/// Who the client is behind a proxy: only a trusted peer's headers count, and
/// the client is the right-most forwarded address that is not a trusted proxy.
@Suite struct TrustedProxiesTests {
    let proxies = TrustedProxies(parsing: "10.0.0.0/8,2001:db8:ffff::/48")!

    @Test func anUntrustedPeerIsTheClientWhateverItsHeadersSay() {
        let client = proxies.client(peer: "198.51.100.7", forwardedFor: ["203.0.113.9"], forwardedProto: "https")
        #expect(client == ForwardedClient(address: "198.51.100.7", scheme: nil))
        let none = TrustedProxies().client(peer: "10.0.0.1", forwardedFor: ["203.0.113.9"], forwardedProto: "https")
        #expect(none == ForwardedClient(address: "10.0.0.1", scheme: nil))
    }

    @Test func behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() {
        // The client wrote 192.0.2.66 itself; the first proxy appended what it saw, 203.0.113.9.
        let client = proxies.client(
            peer: "10.1.2.3", forwardedFor: ["192.0.2.66, 203.0.113.9", "10.4.5.6"], forwardedProto: "HTTPS"
        )
        #expect(client == ForwardedClient(address: "203.0.113.9", scheme: "https"))
    }

    @Test func anIPv4MappedPeerMatchesItsIPv4RangeAndIPv6RangesMatchByPrefix() {
        #expect(proxies.client(peer: "::ffff:10.9.9.9", forwardedFor: ["203.0.113.9"], forwardedProto: nil).address == "203.0.113.9")
        #expect(proxies.client(peer: "2001:db8:ffff:1::2", forwardedFor: ["2001:db8:1::5"], forwardedProto: nil).address == "2001:db8:1::5")
        #expect(proxies.client(peer: "2001:db8:fffe::2", forwardedFor: ["2001:db8:1::5"], forwardedProto: nil).address == "2001:db8:fffe::2")
    }

    @Test func withoutAForwardedAddressTheTrustedPeerIsTheClientAndAnOddSchemeIsDropped() {
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: [], forwardedProto: "gopher") == ForwardedClient(address: "10.0.0.1", scheme: nil))
        // Every hop trusted: the left-most is as far back as anyone can tell.
        #expect(proxies.client(peer: "10.0.0.1", forwardedFor: ["10.0.0.2, 10.0.0.3"], forwardedProto: nil).address == "10.0.0.2")
    }

    @Test(arguments: ["10.0.0.0/8", "192.0.2.1", "::1", "2001:db8::/32", "0.0.0.0/0", "::/0"])
    func rangesThatParse(_ text: String) {
        #expect(IPRange(parsing: text)?.description == text)
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/+8", "[::1]", "host.example", "10.0.0.1:80", ""])
    func rangesThatDoNot(_ text: String) {
        #expect(IPRange(parsing: text) == nil)
    }
}
