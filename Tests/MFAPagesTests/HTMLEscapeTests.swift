@testable import MFAPages
import Testing

/// The one escaping function, and the literal type that applies it to every interpolated string.
@Suite struct HTMLEscapeTests {
    @Test func theFiveMarkupCharactersBecomeReferences() {
        #expect(HTML.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(HTML.escape("&amp;") == "&amp;amp;", "an existing reference is text too")
    }

    @Test func aLessThanSignFollowedByACombiningMarkIsStillEscaped() {
        // "<\u{338}" is one Character ("≮"), yet an HTML parser reads a "<".
        #expect(HTML.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    }

    @Test func interpolatedStringsAreEscapedAndInterpolatedMarkupIsNot() {
        let name = "<b>Ada</b>"
        let emphasis: HTML = "<em>\(name)</em>"
        let page: HTML = "<p>\(emphasis) \(name) \(3)</p>"
        #expect(page.markup == "<p><em>&lt;b&gt;Ada&lt;/b&gt;</em> &lt;b&gt;Ada&lt;/b&gt; 3</p>")
    }
}
