import MFATestSupport
import Foundation
import MFACore
import MFAPages
import Testing

/// The QR code on the enrolment pages is what a phone's camera reads: the page's
/// own `<svg>`, rasterised by librsvg and decoded by ZBar, gives back the exact otpauth URI.
@Suite struct EnrollmentQRCodeTests {
    @Test(arguments: [
        ("ada@example.com", "MFAServer"),
        (EscapingTests.hostileEmail, EscapingTests.hostileIssuer),
        (
            // The longest local part mail allows (64), and a long domain, for a bigger symbol.
            "a.very.long.address.for.a.bigger.symbol+\(String(repeating: "x", count: 24))@"
                + "\(String(repeating: "y", count: 60)).\(String(repeating: "z", count: 60)).example.org",
            "Example Corporation Identity Services"
        ),
    ])
    func theCodeOnThePageDecodesToTheOTPAuthURI(email: String, issuer: String) async throws {
        let enrollment = try await Workflow(issuer: issuer).createAccount(email)
        for html in [Pages.accountCreated(enrollment), Pages.authenticatorReplaced(enrollment)] {
            #expect(try decodeQRCode(in: html) == enrollment.otpauthURI)
        }
    }

    /// Cuts the one inline `<svg>` out of the page, renders it to PNG and scans it.
    private func decodeQRCode(in html: String) throws -> String {
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        #expect(html.ranges(of: "<svg").count == 1)
        let decoded = try QRScanner.decode(svg: String(html[start.lowerBound..<end.upperBound]))
        return String(decoding: decoded, as: UTF8.self)
    }
}
