import Foundation
import Testing
@testable import MFAServerKit

@Suite struct JSONParsingTests {
    private static func parsed(_ text: String) throws -> String {
        try JSONValue.parse(Array(text.utf8)).serialized()
    }

    @Test func valuesReadAsWritten() throws {
        let text = #"""
             {"email": "ada@example.com", "n": -12, "big": 1e2, "one": 1.0, "half": -0.5, "huge": 99999999999999999999,
              "ok": true, "no": false, "none": null, "list": [1, [], {}, "x"],
              "escapes": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "raw": "é😀", "empty": "", "nested": {"a": {"b": [null]}}}
            """#
        #expect(try Self.parsed(text) == JSONValue.object([
            ("email", "ada@example.com"), ("n", -12), ("big", 100), ("one", 1), ("half", .number(-0.5)), ("huge", .number(1e20)),
            ("ok", true), ("no", false), ("none", .null), ("list", [1, [], .object([]), "x"]),
            ("escapes", "\"\\/\u{8}\u{C}\n\r\té😀"), ("raw", "é😀"), ("empty", ""), ("nested", ["a": ["b": [.null]]]),
        ]).serialized())
    }

    @Test func theLastOfARepeatedKeyWins() throws {
        let value = try JSONValue.parse(Array(#"{"a": 1, "a": 2}"#.utf8))
        #expect(value.members?["a"].map { $0.serialized() } == "2")
    }

    /// Each is refused by Foundation's `JSONSerialization` too: the reader is
    /// no looser than the decoder it replaced.
    @Test(arguments: [
        "", " ", "{", "}", "{\"a\" 1}", "{,}", "[,]", "[1,,]", "{\"a\": 1,,}", "[1 2]", "{a: 1}", "{'a': 1}", "01", "-", "1.", ".5", "1e", "+1",
        "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\udc00\"", "\"a\u{1}b\"",
        "{} {}", "[1] x", "1e400", "NaN", "[// c\n1]",
    ])
    func malformedTextIsRefused(text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0x22, 0xC3, 0x22]) }
    }

    /// What Foundation's decoder took, the reader takes: a body that worked before works now.
    @Test(arguments: ["{\"a\": 1,}", "[1,]", "{\"a\": [1, ],\n}", "\u{FEFF}{\"a\": 1}"])
    func foundationsLeniencyIsKept(text: String) throws {
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(try JSONValue.parse(Array(text.utf8)).members?["a"] != nil || text.hasPrefix("["))
    }

    @Test func nestingIsBounded() throws {
        func nested(_ depth: Int) -> [UInt8] { Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8) }
        _ = try JSONValue.parse(nested(JSONValue.maximumDepth))
        #expect(throws: JSONValue.ParseError.self) { _ = try JSONValue.parse(nested(JSONValue.maximumDepth + 1)) }
    }
}
