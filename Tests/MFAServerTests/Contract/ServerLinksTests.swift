import MFACore
import MFATestSupport
import Testing
@testable import MFAServerKit

/// The server mails links in the contract's spelling, the one the library tests check.
@Suite struct ServerLinksTests {
    @Test(arguments: LinkPurpose.allCases)
    func serverLinksAreTheContractsLinks(purpose: LinkPurpose) {
        let (token, publicURL) = ("q0Vt3Yl1nX8cJ2pW7sDfA9bKzR4uHmE6gT5oLiN_-aC", "https://auth.example.com")
        #expect(ServerLinks().url(for: purpose, token: token, publicURL: publicURL)
            == ContractLinkBuilder().url(for: purpose, token: token, publicURL: publicURL))
    }
}
