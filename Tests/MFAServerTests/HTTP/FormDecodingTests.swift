import Testing
@testable import MFAServerKit

@Suite struct FormDecodingTests {
    @Test func fieldsArePercentDecodedWithPlusAsSpace() throws {
        let fields = try FormDecoding.fields(of: Array("password=correct+horse%20b%C3%A4ttery&totp_code=&recovery_code".utf8))
        // Hummingbird's URLEncodedFormDecoder: a name without `=` is no field; an empty value is one.
        #expect(fields == ["password": "correct horse bättery", "totp_code": ""])
    }

    @Test func aRepeatedFieldIsMalformed() throws {
        // Hummingbird's URLEncodedFormDecoder refuses duplicate names; a page's form never repeats one.
        #expect(throws: RequestError.malformed("The form data is not valid.")) {
            try FormDecoding.fields(of: Array("a=1&a=2".utf8))
        }
    }

    @Test(arguments: ["a=%zz", "a=%4", "a=%C3"])
    func brokenEncodingsAreMalformed(body: String) {
        #expect(throws: RequestError.malformed("The form data is not valid.")) {
            try FormDecoding.fields(of: Array(body.utf8))
        }
    }

    @Test func bytesThatAreNotUTF8AreMalformed() {
        #expect(throws: RequestError.malformed("The form data is not valid.")) {
            try FormDecoding.fields(of: [0x61, 0x3D, 0xFF])
        }
    }
}
