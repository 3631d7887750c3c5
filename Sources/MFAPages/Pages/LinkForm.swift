/// A form on a link page. It posts `application/x-www-form-urlencoded` to the
/// link's own address, so the server answers with a page again.
struct LinkForm {
    /// Unique on its page; prefixes the ids of the form's inputs.
    let id: String
    /// The inputs; none for a confirmation that only needs the button.
    let fields: [FormField]
    let submitLabel: String
    /// Styles the button as a warning, for an action that cannot be undone.
    var isDestructive = false

    func html(action: String, messages: [String: [String]], autofocus: Bool) -> HTML {
        let inputs = fields.enumerated().map { index, field in
            field.html(formID: id, messages: messages[field.name] ?? [], autofocus: autofocus && index == 0)
        }
        let buttonClass: HTML = isDestructive ? " class=\"danger\"" : ""
        return """
            <form id="\(id)" method="post" action="\(action)" enctype="application/x-www-form-urlencoded">
            \(inputs)
            <button type="submit"\(buttonClass)>\(submitLabel)</button>
            </form>
            """
    }
}
