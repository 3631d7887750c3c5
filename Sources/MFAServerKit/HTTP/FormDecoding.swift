import Foundation
import Hummingbird

/// Reads `application/x-www-form-urlencoded` bodies, as HTML forms post them,
/// with Hummingbird's `URLEncodedFormDecoder`.
///
/// Its rules: `+` is a space, percent-escapes are decoded, a name without `=`
/// is not a field, and a name given twice makes the form malformed (a page's
/// form never repeats a name). An empty value is a field here; ``RequestFields``
/// then counts it as absent, because a browser sends every input of a form,
/// filled or not.
enum FormDecoding {
    /// The fields of `body`.
    ///
    /// - Throws: ``RequestError/malformed(_:)`` for a broken percent-encoding, bytes or
    ///   escapes that are not UTF-8, a repeated name, or a name that is not a plain field such as `a[b]`.
    static func fields(of body: [UInt8]) throws(RequestError) -> [String: String] {
        guard let text = String(validating: body, as: UTF8.self) else { throw malformed }
        // Hummingbird's decoder turns percent-escapes that are not UTF-8 (`%C3`)
        // into U+FFFD; Foundation's strict decoding refuses them, as the contract does.
        // The separators are ASCII, so the whole body decodes exactly when every part does.
        guard text.removingPercentEncoding != nil else { throw malformed }
        do {
            return try URLEncodedFormDecoder().decode([String: String].self, from: text)
        } catch {
            throw malformed
        }
    }

    private static let malformed = RequestError.malformed("The form data is not valid.")
}
