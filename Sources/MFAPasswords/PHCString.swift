/// A password hash in the PHC string format:
/// `$<algorithm>[$v=<version>][$<name>=<value>(,<name>=<value>)*]$<salt>$<hash>`,
/// for example `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
///
/// Salt and hash are binary and travel as unpadded standard base64. Parsing is
/// strict, so that `try PHCString(parsing: text).encoded == text` for every
/// accepted `text`.
public struct PHCString: Sendable, Hashable {
    /// One `name=value` parameter, such as `m=19456`.
    public struct Parameter: Sendable, Hashable {
        /// The parameter name: 1 to 32 characters from `a–z`, `0–9` and `-`.
        public var name: String
        /// The value: characters from `a–z A–Z 0–9 / + . -`, at least one.
        public var value: String

        /// Creates the parameter `name=value`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The algorithm identifier, such as `argon2id` or `scrypt`.
    public var algorithm: String
    /// The algorithm version (the `v=` field), if the string has one.
    public var version: Int?
    /// The parameters in the order they appear.
    public var parameters: [Parameter]
    /// The salt bytes.
    public var salt: [UInt8]
    /// The hash bytes.
    public var hash: [UInt8]

    /// Creates a PHC string from its parts.
    public init(algorithm: String, version: Int? = nil, parameters: [Parameter], salt: [UInt8], hash: [UInt8]) {
        self.algorithm = algorithm
        self.version = version
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// The value of the parameter called `name`, if present.
    public subscript(parameter name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The string form, ready to store.
    public var encoded: String {
        var fields = ["", algorithm]
        if let version {
            fields.append("v=\(version)")
        }
        if !parameters.isEmpty {
            fields.append(Self.encode(parameters))
        }
        fields.append(PHCBase64.encode(salt))
        fields.append(PHCBase64.encode(hash))
        return fields.joined(separator: "$")
    }

    /// Parses a PHC string that carries both a salt and a hash.
    ///
    /// - Throws: ``PHCStringError`` saying which part is malformed; errors never
    ///   quote the input, in case a password was passed by mistake.
    public init(parsing text: String) throws(PHCStringError) {
        var fields = text.split(separator: "$", omittingEmptySubsequences: false)[...]
        guard fields.popFirst()?.isEmpty == true, let algorithm = fields.popFirst() else {
            throw .missingLeadingDollar
        }
        guard Self.isName(algorithm) else { throw .invalidAlgorithmIdentifier }

        var version: Int?
        if let field = fields.first, field.hasPrefix("v=") {
            guard let number = Self.decimal(field.dropFirst(2)) else { throw .invalidVersion }
            version = number
            fields.removeFirst()
        }
        var parameters: [Parameter] = []
        if let field = fields.first, field.contains("=") {
            parameters = try Self.decodeParameters(field)
            fields.removeFirst()
        }
        guard let saltField = fields.popFirst() else { throw .missingSalt }
        guard let hashField = fields.popFirst() else { throw .missingHash }
        guard fields.isEmpty else { throw .unexpectedField }
        guard let salt = PHCBase64.decode(saltField), !salt.isEmpty else { throw .invalidSalt }
        guard let hash = PHCBase64.decode(hashField), !hash.isEmpty else { throw .invalidHash }

        self.init(algorithm: String(algorithm), version: version, parameters: parameters, salt: salt, hash: hash)
    }

    /// Formats parameters as `name=value,name=value`.
    static func encode(_ parameters: [Parameter]) -> String {
        parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    }

    /// Parses `name=value,name=value`, refusing empty, malformed and repeated entries.
    static func decodeParameters(_ text: Substring) throws(PHCStringError) -> [Parameter] {
        var parameters: [Parameter] = []
        for (offset, entry) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let position = offset + 1
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, isName(parts[0]), isValue(parts[1]) else {
                throw .malformedParameter(position: position)
            }
            guard !parameters.contains(where: { $0.name == parts[0] }) else {
                throw .duplicateParameter(position: position)
            }
            parameters.append(Parameter(name: String(parts[0]), value: String(parts[1])))
        }
        return parameters
    }

    /// A PHC decimal: digits only, no sign, no leading zero, at most 2^32 − 1.
    static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              text == "0" || !text.hasPrefix("0"),
              let value = UInt32(text)
        else { return nil }
        return Int(value)
    }

    private static func isName(_ text: Substring) -> Bool {
        (1...32).contains(text.utf8.count) && text.utf8.allSatisfy { character in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(character)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
                || character == UInt8(ascii: "-")
        }
    }

    private static func isValue(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { character in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(character)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(character)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character)
                || "/+.-".utf8.contains(character)
        }
    }
}
