extension OTPAuthURI {
    /// Parses an `otpauth://` URI, e.g. one read from a QR code.
    ///
    /// Scheme, type, parameter names and the algorithm's name are read
    /// case-insensitively; `algorithm`, `digits` and `period` default to `SHA1`,
    /// 6 and 30 when missing. An `hotp` URI must carry its `counter`. When both
    /// the label prefix and the `issuer` parameter name an issuer they must be
    /// equal. Parameters that do not apply to the type, and unknown ones such as
    /// `image`, are ignored, as authenticator apps do.
    ///
    /// - Throws: ``OTPAuthURIError``, which never contains the secret.
    public init(parsing text: String) throws(OTPAuthURIError) {
        let scheme = "otpauth://"
        guard text.prefix(scheme.count).lowercased() == scheme else { throw .notOTPAuthScheme }
        let afterScheme = text.dropFirst(scheme.count)
        let location = afterScheme.prefix { $0 != "?" }
        let query = afterScheme.dropFirst(location.count + 1)

        guard let slash = location.firstIndex(of: "/") else { throw .missingLabel }
        let type = location[..<slash].lowercased()
        guard type == "totp" || type == "hotp" else { throw .unsupportedType(String(location[..<slash])) }
        guard let label = PercentEncoding.decode(location[location.index(after: slash)...]) else {
            throw .invalidPercentEncoding
        }
        guard !label.isEmpty else { throw .missingLabel }
        let labelParts = label.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        // The Key Uri Format allows spaces between the issuer prefix and the account name.
        let accountName = String(labelParts[labelParts.count - 1].drop { $0 == " " })
        let labelIssuer = labelParts.count == 2 ? String(labelParts[0]) : nil

        let parameters = try Self.parameters(in: query)
        let issuer = try Self.issuer(labelPrefix: labelIssuer, parameter: parameters["issuer"])
        let key = try Self.key(secret: parameters["secret"])
        let algorithm = try Self.algorithm(parameters["algorithm"])
        let digits = try Self.number(parameters["digits"], default: 6, invalid: OTPAuthURIError.invalidDigits)

        let generator: Generator
        if type == "totp" {
            let period = try Self.number(parameters["period"], default: 30, invalid: OTPAuthURIError.invalidPeriod)
            do {
                generator = .totp(try TOTP(key: key, algorithm: algorithm, digits: digits, period: period))
            } catch {
                throw .invalidParameters(error)
            }
        } else {
            guard let counterText = parameters["counter"] else { throw .missingCounter }
            guard let counter = UInt64(counterText) else { throw .invalidCounter(counterText) }
            do {
                generator = .hotp(try HOTP(key: key, algorithm: algorithm, digits: digits), counter: counter)
            } catch {
                throw .invalidParameters(error)
            }
        }
        try self.init(generator: generator, accountName: accountName, issuer: issuer)
    }

    /// The query's parameters by lower-cased name, values percent-decoded.
    private static func parameters(in query: Substring) throws(OTPAuthURIError) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let name = pair.prefix { $0 != "=" }
            guard let value = PercentEncoding.decode(pair.dropFirst(name.count + 1)) else {
                throw .invalidPercentEncoding
            }
            let key = name.lowercased()
            guard parameters.updateValue(value, forKey: key) == nil else { throw .duplicateParameter(key) }
        }
        return parameters
    }

    private static func issuer(labelPrefix: String?, parameter: String?) throws(OTPAuthURIError) -> String? {
        if let labelPrefix, let parameter, labelPrefix != parameter {
            throw .issuerMismatch(labelPrefix: labelPrefix, parameter: parameter)
        }
        return labelPrefix ?? parameter
    }

    private static func key(secret: String?) throws(OTPAuthURIError) -> [UInt8] {
        guard let secret else { throw .missingSecret }
        let key: [UInt8]
        do {
            key = try Base32.decode(secret)
        } catch {
            throw .invalidSecret(error)
        }
        guard !key.isEmpty else { throw .missingSecret }
        return key
    }

    private static func algorithm(_ name: String?) throws(OTPAuthURIError) -> OTPAlgorithm {
        guard let name else { return .sha1 }
        guard let algorithm = OTPAlgorithm(rawValue: name.uppercased()) else { throw .unsupportedAlgorithm(name) }
        return algorithm
    }

    private static func number(
        _ text: String?, default defaultValue: Int, invalid: (String) -> OTPAuthURIError
    ) throws(OTPAuthURIError) -> Int {
        guard let text else { return defaultValue }
        guard let number = Int(text) else { throw invalid(text) }
        return number
    }
}
