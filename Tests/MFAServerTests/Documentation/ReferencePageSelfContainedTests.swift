import MFAServerKit
import MFATestSupport
import Testing

/// `/docs` stands alone like every page: no script, nothing fetched from elsewhere
/// (the checks MFAPages' `SelfContainedTests` make of its pages).
@Suite struct ReferencePageSelfContainedTests {
    @Test func theReferenceRunsNoScriptsAndFetchesNothing() throws {
        let html = APIDocumentation.referencePage
        let page = try PageOutline(html)
        #expect(!html.lowercased().contains("<script"))
        for element in ["script", "link", "img", "iframe", "object", "embed", "base"] {
            #expect(!page.elements.contains(element), "<\(element)>")
        }
        #expect(!page.attributes.contains { $0.hasPrefix("on") })
        #expect(!page.attributes.contains("style"))
        for reference in page.references {
            let local = reference.hasPrefix("/") && !reference.hasPrefix("//") || reference.hasPrefix("#") || reference.hasPrefix("otpauth://")
            #expect(local, "refers to \(reference)")
        }
    }

    @Test func theReferenceIsACompleteDocumentForPhones() {
        let html = APIDocumentation.referencePage
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"))
        #expect(html.hasSuffix("</html>\n"))
    }
}
