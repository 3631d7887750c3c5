/// The page for an error that leaves no form worth showing again, such as a dead link.
enum ErrorPage {
    static func html(_ error: PageProblem) -> String {
        Layout.document(title: error.title, body: """
            <div class="card">
            <h1>\(error.title)</h1>
            \(ProblemNotice.html(error, fieldsOnPage: [], showsTitle: false))
            \(advice(for: error))
            </div>
            """)
    }

    private static func advice(for error: PageProblem) -> HTML {
        switch error.kind {
        case .linkInvalid:
            "<p>Links work once and expire after a few minutes. Ask for a new link the same way you got this one.</p>"
        case .temporary:
            "<p>Nothing was changed. Open the link again later to retry.</p>"
        case .other:
            ""
        }
    }
}
