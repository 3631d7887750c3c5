import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MFAQRCode
import Testing

@Suite struct SVGRendererTests {
    @Test func theImageIsSizedByTheViewBoxWithAQuietZone() throws {
        let code = try QRCode(encoding: "hello")
        #expect(code.size == 21)
        let svg = code.svg(moduleSize: 5, title: "code")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" width=\"145\" height=\"145\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"29\" height=\"29\" fill=\"#fff\"/>"))
        #expect(svg.hasSuffix("</svg>"))
    }

    @Test func oneDarkPathCoversExactlyTheDarkModules() throws {
        let code = try QRCode(encoding: Payloads.typicalURI)
        let svg = code.svg(title: "code")
        #expect(svg.components(separatedBy: "<path").count == 2)
        let data = try #require(svg.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
        var painted = Set<[Int]>()
        for rectangle in data.split(separator: "z") {
            // Each rectangle is "M<x> <y>h<width>v1h-<width>".
            let numbers = rectangle.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            let (x, y, width) = (numbers[0], numbers[1], numbers[2])
            #expect(numbers == [x, y, width, 1, -width])
            for column in x..<x + width { painted.insert([y - 4, column - 4]) }
        }
        let dark = Set((0..<code.size).flatMap { row in
            (0..<code.size).filter { code.isDark(row: row, column: $0) }.map { [row, $0] }
        })
        #expect(painted == dark)
    }

    @Test func theTitleNamesTheImageForScreenReadersEscaped() throws {
        let svg = try QRCode(encoding: "x").svg(title: "Scan <me> & \"add\" 'it'\u{7}")
        let escaped = "Scan &lt;me&gt; &amp; &quot;add&quot; &#39;it&#39;\u{FFFD}"
        #expect(svg.contains("role=\"img\" aria-label=\"\(escaped)\""))
        #expect(svg.contains("<title>\(escaped)</title>"))
    }

    /// The markup must parse as XML, whatever the title, for inline use in XHTML and for rasterisers.
    @Test func theMarkupIsWellFormedXML() throws {
        let svg = try QRCode(encoding: Payloads.typicalURI).svg(title: "Ünïcode <&> \u{0}\u{1F510}")
        let document = try XMLDocument(xmlString: svg)
        #expect(document.rootElement()?.name == "svg")
        #expect(document.rootElement()?.elements(forName: "path").count == 1)
    }
}
