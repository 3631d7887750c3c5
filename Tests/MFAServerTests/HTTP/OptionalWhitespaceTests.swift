import Testing
@testable import MFAServerKit

@Suite struct OptionalWhitespaceTests {
    @Test(arguments: [
        ("application/json", "application/json"),
        ("  application/json\t ", "application/json"),
        ("\ta, b\t", "a, b"),
        (" ", ""),
        ("", ""),
        ("x", "x"),
    ])
    func spacesAndTabsAroundTheValueGoAndNothingElse(text: String, trimmed: String) {
        #expect(text.trimmingOptionalWhitespace == trimmed)
    }

    /// RFC 9110's optional whitespace is spaces and tabs only: other spaces are the value's.
    @Test func otherWhitespaceIsKept() {
        #expect("\u{A0}json\u{A0}".trimmingOptionalWhitespace == "\u{A0}json\u{A0}")
        #expect(" json\n".trimmingOptionalWhitespace == "json\n")
    }
}
