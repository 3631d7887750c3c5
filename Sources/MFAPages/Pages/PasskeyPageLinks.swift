/// Where a page that offers a passkey sends its script's requests; a page given none
/// offers no passkey and loads no script (passkeys are off).
public struct PasskeyPageLinks: Sendable {
    /// The address of ``PasskeyScript``.
    public var script: String
    /// Where the script asks for the options of the page's ceremony.
    public var options: String
    /// Where the passkey form posts; `nil` for the address the page's other forms post to.
    public var action: String?

    /// Creates the addresses.
    public init(script: String, options: String, action: String? = nil) {
        self.script = script
        self.options = options
        self.action = action
    }
}

/// Where the passkey section of the account page sends its forms and its script's requests.
public struct AccountPasskeyLinks: Sendable {
    /// The address of ``PasskeyScript``.
    public var script: String
    /// Where the form that registers a passkey posts.
    public var add: String
    /// Where the forms that remove a passkey post.
    public var remove: String
    /// Where the script asks for the options to register a passkey.
    public var registrationOptions: String
    /// Where the script asks for the options of a passkey as second factor.
    public var assertionOptions: String
    /// The name the passkey to remove is posted under.
    public var passkeyIDField: String

    /// Creates the addresses.
    public init(script: String, add: String, remove: String, registrationOptions: String, assertionOptions: String, passkeyIDField: String) {
        self.script = script
        self.add = add
        self.remove = remove
        self.registrationOptions = registrationOptions
        self.assertionOptions = assertionOptions
        self.passkeyIDField = passkeyIDField
    }
}

/// The element that loads ``PasskeyScript``, in the head of the pages that offer passkeys.
enum PasskeyScriptElement {
    static func html(_ source: String) -> HTML {
        "<script src=\"\(source)\" defer></script>"
    }
}
