import Foundation

/// The common passwords a new password may not be.
///
/// The list is Django's (20,000 passwords compiled by Royce Williams, shipped
/// under Django's BSD licence, see `Resources/common-passwords.LICENSE`),
/// keeping only the entries of 8 characters or more: shorter ones are refused
/// by length anyway. Comparison is case-insensitive, as in Django.
struct CommonPasswords: Sendable {
    private let passwords: Set<String>

    static let shared = CommonPasswords()

    private init() {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("MFAPasswords' resource common-passwords.txt is missing from the bundle")
        }
        passwords = Set(text.split(separator: "\n").map(String.init))
    }

    var count: Int { passwords.count }

    func contains(_ password: String) -> Bool {
        passwords.contains(password.lowercased())
    }
}
