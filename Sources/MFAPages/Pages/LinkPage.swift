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

    /// A way to complete the page with a passkey, which ``PasskeyScript`` runs; shown only
    /// where the script runs (and passkeys are on), hidden otherwise.
    struct PasskeyAlternative {
        let heading: String
        let explanation: String
        var fields: [FormField] = []
        /// The field the assertion is posted as: `passkey` as a second factor, `credential` alone.
        var resultField = "passkey"
        let submitLabel: String
        var isDestructive = false
    }

    let title: String
    let introduction: [HTML]
    let form: LinkForm
    var alternative: Alternative?
    var passkey: PasskeyAlternative?
    /// Said after the form, such as what the action also changes.
    var closing: HTML = ""

    /// The page with forms posting to `action`, showing `problem` (if any) above them
    /// and its field messages next to the fields they concern; with its passkey
    /// alternative when `passkeys` says where the script goes.
    func html(action: String, problem: PageProblem?, passkeys: PasskeyPageLinks? = nil) -> String {
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
        let offered = passkeys.flatMap { links in passkey.map { (links, $0) } }
        let passkeySection: HTML = offered.map { links, passkey in
            let form = LinkForm(
                id: "\(form.id)-passkey", fields: passkey.fields, submitLabel: passkey.submitLabel, isDestructive: passkey.isDestructive,
                passkey: .init(ceremony: "get", options: links.options, resultField: passkey.resultField)
            )
            return """
                <section data-passkey-section hidden>
                <h2>\(passkey.heading)</h2>
                <p>\(passkey.explanation)</p>
                \(form.html(action: links.action ?? action, messages: [:], focus: false))
                </section>
                """
        } ?? ""
        return Layout.document(title: title, script: offered?.0.script, body: """
            <div class="card">
            <h1>\(title)</h1>
            \(notice)\(introduction.map { "<p>\($0)</p>" as HTML })
            \(form.html(action: action, messages: messages, focus: !opensForMessage))
            \(passkeySection)\(folded)\(closing)
            </div>
            """)
    }
}
