import Foundation
import MFAQRCode

/// Reads a QR code the way a user's scanner would: the SVG is rasterised by
/// librsvg and decoded by ZBar.
enum Decoder {
    /// Raised when ZBar finds no QR code in the image (its exit status 4).
    struct NothingFound: Error, CustomStringConvertible {
        var description: String { "zbarimg found no readable QR code in the rendered SVG" }
    }

    /// Renders `code` to PNG and returns the bytes ZBar decodes from it.
    static func decode(_ code: QRCode, moduleSize: Int = 4) throws -> [UInt8] {
        let rasteriser = try ExternalTool("rsvg-convert", debianPackage: "librsvg2-bin")
        let scanner = try ExternalTool("zbarimg", debianPackage: "zbar-tools")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("MFAQRCodeTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("code.svg"), png = directory.appendingPathComponent("code.png")
        try Data(code.svg(moduleSize: moduleSize, title: "test code").utf8).write(to: svg)
        _ = try rasteriser.run(["--output", png.path, svg.path])
        // --raw and binary mode keep ZBar from guessing a character set and converting the bytes.
        do {
            return Array(try scanner.run(["--raw", "-q", "-Sbinary", png.path]))
        } catch let failure as ExternalTool.Failed where failure.status == 4 {
            throw NothingFound()
        }
    }
}
