/// One input of a link form, named as the contract names the field.
struct FormField {
    /// What the field holds, which decides how browsers and password managers treat it.
    enum Kind {
        /// An email address, the account's name for password managers.
        case email
        /// The optional display name.
        case fullName
        /// The password the account already has.
        case currentPassword
        /// A password being chosen.
        case newPassword
        /// A code from the authenticator app.
        case totpCode
        /// One of the account's recovery codes.
        case recoveryCode
        /// The optional name of a passkey.
        case passkeyName
    }

    /// The contract's field name, sent as the form control's `name`.
    let name: String
    let label: String
    let kind: Kind
    let hint: String?
    /// What the input holds when the page opens: an address kept after an error.
    /// Passwords and codes are never refilled.
    var value: String?

    init(_ name: String, label: String, kind: Kind, hint: String? = nil, value: String? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.hint = hint
        self.value = value
    }

    /// The label, the input and any hint and messages, tied together for screen readers.
    func html(formID: String, messages: [String], autofocus: Bool) -> HTML {
        let id = "\(formID)-\(name)"
        let hintID = "\(id)-hint", errorID = "\(id)-error"
        let describedBy = [hint == nil ? nil : hintID, messages.isEmpty ? nil : errorID].compactMap { $0 }
        var attributes: HTML = kind == .fullName || kind == .passkeyName ? kindAttributes : "\(kindAttributes) required"
        if let value, !value.isEmpty { attributes = "\(attributes) value=\"\(value)\"" }
        if !describedBy.isEmpty { attributes = "\(attributes) aria-describedby=\"\(describedBy.joined(separator: " "))\"" }
        if !messages.isEmpty { attributes = "\(attributes) aria-invalid=\"true\"" }
        if autofocus { attributes = "\(attributes) autofocus" }
        let hintLine: HTML = hint.map { "<p class=\"hint\" id=\"\(hintID)\">\($0)</p>" } ?? ""
        let errorLine: HTML = messages.isEmpty ? "" : "<p class=\"field-error\" id=\"\(errorID)\">\(messages.joined(separator: " "))</p>"
        return """
            <label for="\(id)">\(label)</label>
            <input id="\(id)" name="\(name)" \(attributes)>\(hintLine)\(errorLine)
            """
    }

    private var kindAttributes: HTML {
        switch kind {
        case .email:
            "type=\"email\" autocomplete=\"email\" autocapitalize=\"off\" spellcheck=\"false\""
        case .fullName:
            "type=\"text\" autocomplete=\"name\""
        case .currentPassword:
            "type=\"password\" autocomplete=\"current-password\""
        case .newPassword:
            "type=\"password\" autocomplete=\"new-password\""
        case .totpCode:
            "type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" autocapitalize=\"off\" spellcheck=\"false\""
        case .recoveryCode:
            "type=\"text\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\""
        case .passkeyName:
            "type=\"text\" autocomplete=\"off\" maxlength=\"64\""
        }
    }
}
