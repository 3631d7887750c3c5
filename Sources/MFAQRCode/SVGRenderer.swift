import MFAFormats

extension QRCode {
    /// The light border, in modules, that readers need around the symbol.
    static let quietZoneWidth = 4

    /// Renders the code as a standalone inline SVG element.
    ///
    /// The image is black on white, including a 4-module quiet zone, and scales
    /// through its `viewBox`; one `<path>` draws every dark module, and
    /// `shape-rendering="crispEdges"` keeps module edges sharp. The title becomes
    /// both the accessible name (`role="img"` with `aria-label`) and a `<title>`
    /// tooltip; it is escaped, so any text is safe.
    ///
    /// - Parameters:
    ///   - moduleSize: The width and height of one module in CSS pixels, for the
    ///     `width` and `height` attributes.
    ///   - title: What the image shows, for screen readers, for example
    ///     "QR code for adding this account to an authenticator app".
    /// - Returns: An `<svg>` element ready to embed in HTML.
    /// - Precondition: `moduleSize` is at least 1.
    public func svg(moduleSize: Int = 4, title: String) -> String {
        precondition(moduleSize >= 1, "module size \(moduleSize) is not positive")
        let extent = size + 2 * Self.quietZoneWidth
        let pixels = extent * moduleSize
        let label = MarkupEscaping.escape(title)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(extent) \(extent)" \
            width="\(pixels)" height="\(pixels)" role="img" aria-label="\(label)" \
            shape-rendering="crispEdges"><title>\(label)</title>\
            <rect width="\(extent)" height="\(extent)" fill="#fff"/>\
            <path fill="#000" d="\(darkModulePath)"/></svg>
            """
    }

    /// Path data with one rectangle per horizontal run of dark modules, offset by the quiet zone.
    private var darkModulePath: String {
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                let length = column - start
                path += "M\(start + Self.quietZoneWidth) \(row + Self.quietZoneWidth)h\(length)v1h-\(length)z"
            }
        }
        return path
    }
}
