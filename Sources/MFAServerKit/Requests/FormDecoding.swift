import Foundation

/// Reads `application/x-www-form-urlencoded` bodies, as HTML forms post them.
enum FormDecoding {
    /// The fields of `body`. A name given twice keeps its last value.
    ///
    /// - Throws: ``RequestError/malformed(_:)`` for a broken percent-encoding or bytes that are not UTF-8.
    static func fields(of body: [UInt8]) throws(RequestError) -> [String: String] {
        guard let text = String(validating: body, as: UTF8.self) else { throw malformed }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[try decode(parts[0])] = parts.count == 2 ? try decode(parts[1]) : ""
        }
        return fields
    }

    private static func decode(_ encoded: Substring) throws(RequestError) -> String {
        guard let text = encoded.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else { throw malformed }
        return text
    }

    private static let malformed = RequestError.malformed("The form data is not valid.")
}
