import MFAQRCode
import MFATestSupport

/// Reads a QR code the way a user's scanner would.
enum Decoder {
    /// Renders `code` to PNG and returns the bytes ZBar decodes from it.
    static func decode(_ code: QRCode, moduleSize: Int = 4) throws -> [UInt8] {
        try QRScanner.decode(svg: code.svg(moduleSize: moduleSize, title: "test code"))
    }
}
