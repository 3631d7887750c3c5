@testable import MFACore
import MFATestSupport
import Testing

@Suite struct MailAddressSyntaxTests {
    /// The rule as first written, over characters and Unicode scalars: the oracle
    /// for the byte-wise rule, which must answer the same for every string.
    private enum CharacterRule {
        static func isDeliverable(_ address: String) -> Bool {
            guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
            let local = address[..<at]
            let domain = address[address.index(after: at)...]
            return local.utf8.count <= 64 && isDotAtom(local, allowed: MailAddressSyntax.isAtomText) && isValidDomain(domain)
        }

        static func isValidDomain(_ domain: Substring) -> Bool {
            if domain.hasPrefix("[") {
                let literal = domain.dropFirst()
                return literal.hasSuffix("]") && literal.dropLast().unicodeScalars.allSatisfy {
                    $0.isASCII && (isLetterOrDigit($0) || ".:".unicodeScalars.contains($0))
                } && literal.count > 1
            }
            return isDotAtom(domain) { isLetterOrDigit($0) || $0 == "-" }
                && !domain.split(separator: ".").contains { $0.hasPrefix("-") || $0.hasSuffix("-") }
        }

        static func isDotAtom(_ text: Substring, allowed: (Unicode.Scalar) -> Bool) -> Bool {
            text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
                !atom.isEmpty && atom.unicodeScalars.allSatisfy { $0.isASCII && allowed($0) }
            }
        }

        static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
    }

    /// 50,000 strings of up to 14 pieces drawn from what the rule looks at, and
    /// what it must refuse (non-ASCII letters, a combining mark after `@` or `.`,
    /// CR LF, a space), seeded so that a failure repeats.
    @Test func theByteWiseRuleAnswersAsTheCharacterRuleForEveryString() {
        let pieces = ["a", "Z", "7", "-", ".", "@", "[", "]", ":", "!", "~", "_", "é", "\u{301}", " ", "\r\n", "1.2", "ex", "@b.c", "-."]
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<50_000 {
            let count = Int.random(in: 0...14, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(MailAddressSyntax.isDeliverable(text) == CharacterRule.isDeliverable(text), "\(text.debugDescription)")
            #expect(MailAddressSyntax.isValidDomain(Substring(text)) == CharacterRule.isValidDomain(Substring(text)), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("a@b@example.com", "An email address has exactly one @."),
        ("ada.example.com", "An email address has exactly one @."),
        ("@example.com", "An email address needs a name before the @ and a domain with a dot after it."),
        ("ada@example", "An email address needs a name before the @ and a domain with a dot after it."),
        ("ada@.example.com", "An email address needs a name before the @ and a domain with a dot after it."),
        ("ada@example.com.", "An email address needs a name before the @ and a domain with a dot after it."),
    ])
    func anAddressWithoutOneAtOrADottedDomainIsRefusedSayingSo(address: String, message: String) {
        #expect(throws: MFAError.invalidFields([.init(field: .email, message: message)])) { try EmailAddress(address) }
    }
}
