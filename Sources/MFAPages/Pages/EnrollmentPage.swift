import MFACore
import MFAQRCode

/// The page that hands over a new TOTP secret and recovery codes, after account
/// creation and after a new authenticator: shown once, never again.
enum EnrollmentPage {
    static func html(_ enrollment: Enrollment, title: String, introduction: HTML) -> String {
        Layout.document(title: title, body: """
            <div class="card">
            <h1>\(title)</h1>
            <p>\(introduction)</p>
            <h2>1. Add the account to your authenticator app</h2>
            \(qrCode(enrollment.otpauthURI))
            <p><a href="\(enrollment.otpauthURI)">Open in an authenticator app on this device</a></p>
            <p>Or enter this key by hand (the spaces are only for reading):</p>
            <p class="code secret">\(grouped(enrollment.secret))</p>
            <dl class="facts">
            <dt>Account</dt><dd>\(enrollment.email)</dd>
            <dt>Type</dt><dd>Time-based (TOTP)</dd>
            <dt>Algorithm</dt><dd>\(enrollment.algorithm.rawValue)</dd>
            <dt>Digits</dt><dd>\(enrollment.digits)</dd>
            <dt>Period</dt><dd>\(enrollment.period) seconds</dd>
            </dl>
            <h2>2. Save your recovery codes</h2>
            <div class="notice warning" role="note">
            <p><strong>These codes are shown only once.</strong> Store them somewhere safe, such as a password manager or on paper.</p>
            <p>Each code replaces an authenticator code once, if you lose your authenticator.</p>
            </div>
            <ol class="codes code">\(enrollment.recoveryCodes.map { "<li>\($0)</li>" as HTML })</ol>
            <p>When both steps are done, sign in with your password and the code your app shows.</p>
            </div>
            """)
    }

    /// The QR code as inline SVG, which the CSP allows because it is not an image
    /// fetched from anywhere. A URI too long for any QR version gets a sentence instead.
    private static func qrCode(_ uri: String) -> HTML {
        guard let code = try? QRCode(encoding: uri) else {
            return "<p>This key is too long for a QR code; enter it by hand.</p>"
        }
        let svg = code.svg(moduleSize: 4, title: "QR code for adding this account to an authenticator app")
        return "<div class=\"qr\">\(HTML(trusted: svg))</div>"
    }

    /// The secret in groups of four characters.
    private static func grouped(_ secret: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(secret)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }
}
