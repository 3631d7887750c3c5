import Crypto

/// Recovery codes: single-use second factors for when the authenticator is lost.
///
/// A code is 16 characters from a 32-letter alphabet without look-alikes
/// (80 bits), shown as four groups of four: `7kq2-9xmd-4cva-tn3e`. Users may
/// type it in any case, with or without spaces and hyphens. The store keeps
/// only a keyed hash bound to the account (see ``HashKey``).
enum RecoveryCode {
    static let perAccount = 10
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    static let length = 16

    static func generate(using random: any RandomSource) -> String {
        // 256 is a multiple of 32, so taking bytes modulo 32 is unbiased.
        let letters = random.bytes(count: length).map { alphabet[Int($0) % alphabet.count] }
        return stride(from: 0, to: length, by: 4)
            .map { String(letters[$0..<$0 + 4]) }
            .joined(separator: "-")
    }

    /// The code as typed, reduced to its letters; `nil` when it cannot be a code.
    static func normalize(_ typed: String) -> String? {
        let letters = typed.lowercased().filter { $0 != "-" && !$0.isWhitespace }
        guard letters.count == length, letters.allSatisfy(alphabet.contains) else { return nil }
        return letters
    }

    /// The SHA-256 bound to the account: what was stored before keyed hashes,
    /// and now the input of the keyed hash.
    static func unkeyedHash(normalized code: String, accountID: String) -> [UInt8] {
        Array(SHA256.hash(data: Array("\(accountID):\(code)".utf8)))
    }
}
