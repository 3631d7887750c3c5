/// The document around every page: metadata, the inline style sheet and a centred column.
public enum Layout {
    /// How wide the page's column may grow.
    public enum Width: String {
        /// A single card with a form or a result, sized for phones first.
        case narrow
        /// Reference material with tables.
        case wide
    }

    /// A complete HTML document.
    ///
    /// The `referrer` meta element repeats the `Referrer-Policy` header, so that a
    /// page saved to disk still keeps its one-time token out of `Referer` headers.
    ///
    /// - Parameter script: The address of ``PasskeyScript``, for a page that offers passkeys;
    ///   such a page gets ``Pages/scriptedContentSecurityPolicy``.
    public static func document(title: String, width: Width = .narrow, script: String? = nil, body: HTML) -> String {
        let scriptLine: HTML = script.map { "\n\(PasskeyScriptElement.html($0))" } ?? ""
        let page: HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex, nofollow">
            <title>\(title)</title>
            <style>\(Stylesheet.css)</style>\(scriptLine)
            </head>
            <body>
            <main class="\(width.rawValue)">
            \(body)
            </main>
            </body>
            </html>

            """
        return page.markup
    }
}
