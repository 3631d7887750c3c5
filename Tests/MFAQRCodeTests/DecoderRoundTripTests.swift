import Foundation
import MFAQRCode
import Testing

@Suite struct DecoderRoundTripTests {
    @Test func probe() throws {
        let uri = "otpauth://totp/MFAServer:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MFAServer&algorithm=SHA1&digits=6&period=30"
        let code = try QRCode(encoding: uri)
        print(code.version, code.size)
        let out = try Decoder.decode(code)
        print(out.map { String($0, radix: 16) })
        #expect(out == Array(uri.utf8))
    }
}
