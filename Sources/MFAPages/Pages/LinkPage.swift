import MFACore

/// The page an emailed link opens: what the link does and the form that does it.
///
/// A `GET` shows it and changes nothing; the form's `POST` acts. Where a second
/// factor is asked for, a recovery code can be given instead through a second
/// form inside a `<details>` element: each form then posts exactly one of the
/// contract's field sets, and no JavaScript is needed to switch between them.
struct LinkPage {
    /// A second way to complete the link, folded away until opened.
    struct Alternative {
        let summary: String
        let explanation: String
        let form: LinkForm
    }

    let title: String
    let introduction: [HTML]
    let form: LinkForm
    var alternative: Alternative?
    /// Said after the form, such as what the action also changes.
    var closing: HTML = ""

    /// The page with forms posting to `action`, showing `problem` (if any) above them
    /// and its field messages next to the fields they concern.
    func html(action: String, problem: PageProblem?) -> String {
        let messages = problem?.fieldMessages ?? [:]
        let forms = [form] + (alternative.map { [$0.form] } ?? [])
        let fieldsOnPage = Set(forms.flatMap { $0.fields.map(\.name) })
        let notice = problem.map { ProblemNotice.html($0, fieldsOnPage: fieldsOnPage) } ?? ""
        // Open the alternative, and focus it, when a message concerns a field that only it has.
        let opensForMessage = alternative?.form.fields.contains { field in
            messages[field.name] != nil && !form.fields.contains { $0.name == field.name }
        } ?? false
        let folded: HTML = alternative.map { alternative in
            """
                <details\(opensForMessage ? " open" : "" as HTML)>
                <summary>\(alternative.summary)</summary>
                <p>\(alternative.explanation)</p>
                \(alternative.form.html(action: action, messages: messages, focus: opensForMessage))
                </details>
                """
        } ?? ""
        return Layout.document(title: title, body: """
            <div class="card">
            <h1>\(title)</h1>
            \(notice)\(introduction.map { "<p>\($0)</p>" as HTML })
            \(form.html(action: action, messages: messages, focus: !opensForMessage))
            \(folded)\(closing)
            </div>
            """)
    }
}
