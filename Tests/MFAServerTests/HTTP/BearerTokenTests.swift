import Hummingbird
import Testing
@testable import MFAServerKit

@Suite struct BearerTokenTests {
    private func token(_ authorization: String?) -> String {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        let head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/users/me", headerFields: headers)
        return Request(head: head, body: .init(buffer: ByteBuffer())).bearerToken
    }

    @Test(arguments: [
        ("Bearer abc-123_x", "abc-123_x"),
        ("bearer abc", "abc"),  // RFC 9110 §11.1: the scheme is case-insensitive.
        ("BEARER \t abc \t", "abc"),  // Optional whitespace around the token is not part of it.
    ])
    func theTokenOfTheBearerSchemeIsRead(authorization: String, expected: String) {
        #expect(token(authorization) == expected)
    }

    @Test(arguments: [nil, "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer", "Bearerabc def", "Bearex abc", "Bearer@ abc"])
    func anyOtherHeaderGivesNoToken(authorization: String?) {
        #expect(token(authorization) == "")
    }
}
