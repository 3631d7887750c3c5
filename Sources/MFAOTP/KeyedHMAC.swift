import Crypto

/// An HMAC whose key schedule is done once, when the generator is made.
///
/// Computing `HMAC(key, counter)` from scratch hashes the padded key twice
/// before the counter; copying this pre-keyed state skips that, which makes
/// checking a window of three time steps about as cheap as three bare HMACs.
struct KeyedHMAC: Sendable {
    private enum State: Sendable {
        case sha1(HMAC<Insecure.SHA1>)
        case sha256(HMAC<SHA256>)
        case sha512(HMAC<SHA512>)
    }

    private let state: State

    init(key: [UInt8], algorithm: OTPAlgorithm) {
        let symmetricKey = SymmetricKey(data: key)
        state = switch algorithm {
        case .sha1: .sha1(HMAC(key: symmetricKey))
        case .sha256: .sha256(HMAC(key: symmetricKey))
        case .sha512: .sha512(HMAC(key: symmetricKey))
        }
    }

    /// The 31-bit number RFC 4226 §5.3 extracts by dynamic truncation from the
    /// HMAC of `counter` as 8 big-endian bytes.
    func truncatedValue(counter: UInt64) -> UInt32 {
        switch state {
        case .sha1(let keyed): Self.truncatedValue(of: keyed, counter: counter)
        case .sha256(let keyed): Self.truncatedValue(of: keyed, counter: counter)
        case .sha512(let keyed): Self.truncatedValue(of: keyed, counter: counter)
        }
    }

    private static func truncatedValue<H: HashFunction>(of keyed: HMAC<H>, counter: UInt64) -> UInt32 {
        var hmac = keyed
        withUnsafeBytes(of: counter.bigEndian) { hmac.update(data: $0) }
        return hmac.finalize().withUnsafeBytes { mac in
            let offset = Int(mac[mac.count - 1] & 0x0F)
            return UInt32(mac[offset] & 0x7F) << 24
                | UInt32(mac[offset + 1]) << 16
                | UInt32(mac[offset + 2]) << 8
                | UInt32(mac[offset + 3])
        }
    }
}
