/// The box at the top of a page that says what went wrong.
enum ProblemNotice {
    /// The notice for `problem`, headed by its title unless the page's heading already is.
    /// Field messages for fields in `fieldsOnPage` appear next to those fields instead;
    /// the others are listed here so that none is lost.
    static func html(_ problem: PageProblem, fieldsOnPage: Set<String>, showsTitle: Bool = true) -> HTML {
        let elsewhere = problem.fieldMessages
            .filter { !fieldsOnPage.contains($0.key) }
            .sorted { $0.key < $1.key }
            .flatMap { field, messages in messages.map { "<li><code>\(field)</code>: \($0)</li>" as HTML } }
        let heading: HTML = showsTitle ? "<p><strong>\(problem.title)</strong></p>\n" : ""
        let list: HTML = elsewhere.isEmpty ? "" : "<ul>\(elsewhere)</ul>"
        return """
            <div class="notice problem" role="alert">
            \(heading)<p>\(problem.pageSentence)</p>\(list)
            </div>
            """
    }
}
