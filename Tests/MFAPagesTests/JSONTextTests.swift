import Foundation
import MFAFormats
import Testing

@Suite struct JSONTextTests {
    private enum Kind: String, Encodable { case first, second }

    private struct Inner: Encodable {
        var name: String
        var flags: [Bool]
    }

    private struct Nothing: Encodable {}

    private struct Everything: Encodable {
        var text: String
        var small: Int8
        var negative: Int
        var huge: UInt64
        var fraction: Double
        var whole: Double
        var kind: Kind
        var missing: String?
        var present: String?
        var inner: Inner
        var list: [Inner]
        var empty: [String]
        var nothing: Nothing
        var table: [String: Int]

        enum CodingKeys: String, CodingKey {
            case text, small, negative, huge, fraction, whole, kind, missing, present, inner, list, empty, nothing, table
            case sortedFirst = "_first"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(small, forKey: .small)
            try container.encode(negative, forKey: .negative)
            try container.encode(huge, forKey: .huge)
            try container.encode(fraction, forKey: .fraction)
            try container.encode(whole, forKey: .whole)
            try container.encode(kind, forKey: .kind)
            try container.encode(missing, forKey: .missing)  // written as null
            try container.encodeIfPresent(present, forKey: .present)
            try container.encodeIfPresent(missing, forKey: .sortedFirst)  // left out
            try container.encode(inner, forKey: .inner)
            try container.encode(list, forKey: .list)
            try container.encode(empty, forKey: .empty)
            try container.encode(nothing, forKey: .nothing)
            try container.encode(table, forKey: .table)
        }
    }

    private static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test func theTextIsFoundationsByteForByte() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        let value = Everything(
            text: "quote \" backslash \\ slash / \(controls) é 😀 \u{2028} \u{7F}",
            small: -128, negative: -42, huge: .max, fraction: -0.25, whole: 2, kind: .second,
            missing: nil, present: "\"escapes at both ends\n",
            inner: Inner(name: "a/b", flags: [true, false]),
            list: [Inner(name: "x", flags: []), Inner(name: "y", flags: [true])],
            empty: [], nothing: Nothing(),
            table: ["b": 1, "a": 2, "B": 3, "a_b": 4, "ab": 5, "_x": 6, "é": 7, "Z": 8, "10": 9, "9": 10]
        )
        let ours = try JSONText.encode(value)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try Self.foundation(value), as: UTF8.self))
    }

    @Test func topLevelScalarsAndArraysAreWrittenAsFoundationWritesThem() throws {
        #expect(try JSONText.encode("a\"b") == Self.foundation("a\"b"))
        #expect(try JSONText.encode(7) == Self.foundation(7))
        #expect(try JSONText.encode([1, 2]) == Self.foundation([1, 2]))
        #expect(try JSONText.encode([String?.none, "x"]) == Self.foundation([String?.none, "x"]))
    }

    @Test func valuesWithAnotherFormInFoundationAreRefused() {
        #expect(throws: EncodingError.self) { try JSONText.encode(["data": Data([1])]) }
        #expect(throws: EncodingError.self) { try JSONText.encode([URL(string: "https://example.com")!]) }
        #expect(throws: EncodingError.self) { try JSONText.encode([Double.nan]) }
    }
}
