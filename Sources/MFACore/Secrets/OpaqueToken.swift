import Crypto
import Foundation

/// A random bearer secret — a one-time link token or a session token — and the
/// hash under which the store knows it.
///
/// Only ``hash`` ever reaches the store; ``value`` goes to the user once.
public struct OpaqueToken: Sendable, Hashable {
    /// The token as the user sees it: base64url without padding.
    public let value: String

    /// The number of random bytes in a token (256 bits).
    public static let byteCount = 32

    /// Makes a new token from `random`.
    public static func generate(using random: any RandomSource) -> OpaqueToken {
        OpaqueToken(value: Base64URL.encode(random.bytes(count: byteCount)))
    }

    /// Wraps a token a user presented.
    public init(value: String) {
        self.value = value
    }

    /// The SHA-256 of the token, the only form the store keeps.
    public var hash: [UInt8] { Self.hash(of: value) }

    /// The SHA-256 of any presented string, for looking tokens up.
    public static func hash(of value: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(value.utf8)))
    }
}

/// Base64url without padding (RFC 4648 §5), as tokens travel in URLs.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        // Byte by byte: Foundation's replacingOccurrences costs more than the rest of a link.
        let base64 = Data(bytes).base64EncodedString().utf8
        return String(decoding: base64.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }, as: UTF8.self)
    }
}
