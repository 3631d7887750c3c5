import Foundation

/// Reads a QR code the way a user's phone would: the SVG is rasterised by
/// librsvg and decoded by ZBar.
public enum QRScanner {
    /// Raised when ZBar finds no QR code in the image (its exit status 4).
    public struct NothingFound: Error, CustomStringConvertible {
        public var description: String { "zbarimg found no readable QR code in the rendered SVG" }
    }

    /// Renders `svg` to PNG and returns the bytes ZBar decodes from it.
    public static func decode(svg: String) throws -> [UInt8] {
        let rasteriser = try ExternalTool.onPath("rsvg-convert", installation: "apt-get install -y librsvg2-bin")
        let scanner = try ExternalTool.onPath("zbarimg", installation: "apt-get install -y zbar-tools")
        let directory = FileManager.default.temporaryDirectory.appending(path: "mfa-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgFile = directory.appending(path: "code.svg"), png = directory.appending(path: "code.png")
        try Data(svg.utf8).write(to: svgFile)
        _ = try rasteriser.run(["--output", png.path, svgFile.path])
        // --raw and binary mode keep ZBar from guessing a character set and converting the bytes.
        do {
            return Array(try scanner.run(["--raw", "-q", "-Sbinary", png.path]))
        } catch let failure as ExternalTool.Failure where failure.status == 4 {
            throw NothingFound()
        }
    }
}
