/// A form on a page. It posts `application/x-www-form-urlencoded` to the
/// address the server gives, so the server answers with a page again.
struct LinkForm {
    /// Unique on its page; prefixes the ids of the form's inputs.
    let id: String
    /// The inputs; none for a confirmation that only needs the button.
    let fields: [FormField]
    let submitLabel: String
    /// Styles the button as a warning, for an action that cannot be undone.
    var isDestructive = false
    /// Values the form posts without showing them, such as the anti-forgery token, by field name.
    var hidden: [(name: String, value: String)] = []
    /// The passkey ceremony ``PasskeyScript`` runs before the form posts, if any.
    var passkey: PasskeyCeremony?

    /// What ``PasskeyScript`` does with a form: run `ceremony` (`create` or `get`) with the
    /// options it asks `options` for, and post the outcome as `resultField`.
    struct PasskeyCeremony {
        let ceremony: String
        let options: String
        let resultField: String
    }

    /// The form, with `messages` next to their fields.
    ///
    /// - Parameter focus: Whether this form takes the page's focus: on its first
    ///   field with a message, or on its first field when no field has one.
    func html(action: String, messages: [String: [String]], focus: Bool) -> HTML {
        let focused = focus ? fields.firstIndex { messages[$0.name] != nil } ?? 0 : nil
        let inputs = fields.enumerated().map { index, field in
            field.html(formID: id, messages: messages[field.name] ?? [], autofocus: index == focused)
        }
        var hiddenInputs = hidden.map { "<input type=\"hidden\" name=\"\($0.name)\" value=\"\($0.value)\">" as HTML }
        let buttonClass: HTML = isDestructive ? " class=\"danger\"" : ""
        var scripted: HTML = ""
        var status: HTML = ""
        if let passkey {
            scripted = " data-passkey=\"\(passkey.ceremony)\" data-options=\"\(passkey.options)\""
            hiddenInputs.append("<input type=\"hidden\" name=\"\(passkey.resultField)\" value=\"\" data-passkey-result>")
            status = "\n<p class=\"hint\" role=\"status\" data-passkey-status></p>"
        }
        return """
            <form id="\(id)" method="post" action="\(action)" enctype="application/x-www-form-urlencoded"\(scripted)>
            \(hiddenInputs)\(inputs)
            <button type="submit"\(buttonClass)>\(submitLabel)</button>\(status)
            </form>
            """
    }
}
