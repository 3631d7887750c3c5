import MFACore
import Testing

@Suite struct ClientNetworkTests {
    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("10.0.0.1", "10.0.0.1"),
    ])
    func anIPv4AddressIsItsOwnNetwork(text: String, key: String) {
        #expect(ClientNetwork(ipAddress: text)?.key == key)
    }

    /// Every spelling of one IPv6 /64 — full, zero-compressed anywhere, any case,
    /// with leading zeros, with a dotted tail or a zone id — is one network.
    @Test(arguments: [
        "2001:db8:1:2:3:4:5:6",
        "2001:0db8:0001:0002:0003:0004:0005:0006",
        "2001:DB8:1:2:ffff:ffff:ffff:ffff",
        "2001:db8:1:2::",
        "2001:db8:1:2::1",
        "2001:db8:1:2::5:6",
        "2001:db8:1:2:0:0:0:0",
        "2001:db8:1:2:3::",
        "2001:db8:1:2:3:4:5::",
        "2001:db8:1:2:3:4::6",
        "2001:db8:1:2:3:4:192.0.2.1",
        "2001:db8:1:2::192.0.2.1",
        "2001:db8:1:2::1%eth0",
    ])
    func everySpellingOfAnIPv6NetworkIsOneNetwork(text: String) {
        #expect(ClientNetwork(ipAddress: text)?.key == "2001:db8:1:2::/64")
    }

    @Test(arguments: [
        ("::", "0:0:0:0::/64"),
        ("::1", "0:0:0:0::/64"),
        ("fe80::1%en0", "fe80:0:0:0::/64"),
        ("1::", "1:0:0:0::/64"),
        ("1::2:3:4:5:6:7", "1:0:2:3::/64"),
        ("2001:db8::1:0:0:1", "2001:db8:0:0::/64"),
        ("::2001:db8:1:2:3", "0:0:0:2001::/64"),
    ])
    func zeroCompressionExpandsToTheRightGroups(text: String, key: String) {
        #expect(ClientNetwork(ipAddress: text)?.key == key)
    }

    @Test func addressesInOneSlash64ShareANetworkAndOthersDoNot() {
        let network = ClientNetwork(ipAddress: "2001:db8:1:2::a")
        #expect(ClientNetwork(ipAddress: "2001:db8:1:2:ffff::b") == network)
        #expect(ClientNetwork(ipAddress: "2001:db8:1:3::a") != network)
        #expect(ClientNetwork(ipAddress: "2001:db8:0:2::a") != network)
    }

    @Test(arguments: ["::ffff:192.0.2.7", "::FFFF:192.0.2.7", "::ffff:c000:207", "0:0:0:0:0:ffff:192.0.2.7", "0000:0000:0000:0000:0000:FFFF:C000:0207"])
    func anIPv4MappedAddressCountsAsIPv4(text: String) {
        #expect(ClientNetwork(ipAddress: text) == ClientNetwork(ipAddress: "192.0.2.7"))
    }

    /// The IPv4-compatible (deprecated) and NAT64 forms are IPv6 networks, not IPv4.
    @Test func onlyTheMappedFormCountsAsIPv4() {
        #expect(ClientNetwork(ipAddress: "::192.0.2.7")?.key == "0:0:0:0::/64")
        #expect(ClientNetwork(ipAddress: "::fffe:192.0.2.7")?.key == "0:0:0:0::/64")
        #expect(ClientNetwork(ipAddress: "64:ff9b::192.0.2.7")?.key == "64:ff9b:0:0::/64")
    }

    @Test(arguments: [
        "", " ", "unknown", "localhost", "example.com",
        // IPv4 that is not four plain decimal octets.
        "192.0.2", "192.0.2.7.1", "192.0.2.256", "192.0.2.-1", "192.0.2.07", "010.0.0.1", "0x7f.0.0.1",
        "192.0.2.", ".192.0.2.7", "192..2.7", "1e2.0.0.1", "+1.2.3.4", "192.0.2.7 ", " 192.0.2.7",
        "192.0.2.7/32", "192.0.2.7:8080", "192.0.2.7%eth0", "１９２.0.2.7", "192.0.2.٧",
        // IPv6 that breaks the grammar.
        ":", ":::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "1::2::3", "1:::2", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::", "g::", "2001:db8::/64",
        "[2001:db8::1]", "[2001:db8::1]:443", "2001:db8::1%", "::ffff:192.0.2.256", "::ffff:192.0.2",
        "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3.4.5", "２001:db8::1", "2001:db8::1 ",
    ])
    func anythingElseIsRefused(text: String) {
        #expect(ClientNetwork(ipAddress: text) == nil)
    }

    @Test func unidentifiedClientsShareOneNetworkOfTheirOwn() {
        #expect(ClientNetwork.unidentified == .unidentified)
        #expect(ClientNetwork(ipAddress: "0.0.0.0") != .unidentified)
    }
}
