import Foundation
@testable import MFACore
import Testing

@Suite struct EmailAddressTests {
    @Test func theKeyIsTheNFCFormLowercased() throws {
        let composed = "Zo\u{00EB}.\u{00DC}nal@Example.com"
        let decomposed = "Zoe\u{0308}.U\u{0308}nal@Example.com"
        // Swift calls the two spellings equal; SQL and byte-wise keys do not.
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(Array(EmailAddress.key(of: composed).utf8) == Array("zo\u{00EB}.\u{00FC}nal@example.com".utf8))
        #expect(Array(EmailAddress.key(of: decomposed).utf8) == Array("zo\u{00EB}.\u{00FC}nal@example.com".utf8))
        #expect(try EmailAddress(" Ada.Lovelace+MFA@Example.COM ").key == "ada.lovelace+mfa@example.com")
    }

    @Test func theASCIIRuleIsTheUnicodeRuleForEveryASCIIByte() {
        for byte in UInt8(0)..<0x80 {
            #expect(EmailAddress.isRefusedASCII(byte) == EmailAddress.isRefusedCharacter(Unicode.Scalar(byte)), "byte \(byte)")
        }
    }

    @Test func anASCIIKeyIsTheSameAsTheNormalisedOne() {
        let everyPrintableASCII = String(decoding: (0x21...0x7E).map { UInt8($0) }, as: UTF8.self)
        #expect(EmailAddress.key(of: everyPrintableASCII) == everyPrintableASCII.precomposedStringWithCanonicalMapping.lowercased())
    }

    @Test(arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{E0041}"])
    func formatCharactersAreRefused(character: String) {
        for address in ["ada\(character)@example.com", "ada@exa\(character)mple.com", "\(character)ada@example.com"] {
            #expect(throws: MFAError.invalidFields([
                .init(field: .email, message: "An email address has no spaces, control characters or invisible formatting characters.")
            ])) {
                try EmailAddress(address)
            }
        }
    }

    @Test(arguments: [
        "zo\u{00EB}@example.com", "ada@ex\u{00E4}mple.com", "a..b@example.com", ".ada@example.com",
        "ada.@example.com", "\"ada\"@example.com", "ada(comment)@example.com", "ada,bob@example.com", "ada@-example.com",
        "ada@example-.com", "ada@exa_mple.com", "<ada@example.com>", String(repeating: "a", count: 65) + "@example.com",
    ])
    func addressesMailCannotBeDeliveredToAreRefused(address: String) {
        #expect(throws: MFAError.self) { try EmailAddress(address) }
        #expect(!MailAddressSyntax.isDeliverable(address))
    }

    @Test(arguments: [
        "ada@example.com", "Ada.Lovelace+mfa@Example.com", "o'brien@example.co.uk", "a@b.io", "user@[192.0.2.1]",
        "!#$%&'*+-/=?^_`{|}~@example.com", String(repeating: "a", count: 64) + "@example.com",
    ])
    func deliverableAddressesAreAccepted(address: String) throws {
        #expect(try EmailAddress(address).value == address)
        #expect(MailAddressSyntax.isDeliverable(address))
    }
}
