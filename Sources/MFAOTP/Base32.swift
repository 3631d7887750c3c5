/// Base32 as RFC 4648 §6 defines it: the alphabet `A`–`Z`, `2`–`7`, the text form
/// of TOTP secrets in authenticator apps.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes `bytes` as upper-case Base32 without `=` padding, as authenticator
    /// apps expect secrets.
    ///
    /// ```swift
    /// Base32.encode(Array("foobar".utf8)) // "MZXW6YTBOI"
    /// ```
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var symbols: [UInt8] = []
        symbols.reserveCapacity((bytes.underestimatedCount * 8 + 4) / 5)
        var pending: UInt16 = 0
        var pendingBitCount = 0
        for byte in bytes {
            pending = (pending << 8) | UInt16(byte)
            pendingBitCount += 8
            while pendingBitCount >= 5 {
                pendingBitCount -= 5
                symbols.append(alphabet[Int((pending >> pendingBitCount) & 0x1F)])
            }
            pending &= (1 << pendingBitCount) - 1
        }
        if pendingBitCount > 0 {
            symbols.append(alphabet[Int((pending << (5 - pendingBitCount)) & 0x1F)])
        }
        return String(decoding: symbols, as: UTF8.self)
    }

    /// Decodes Base32 text into bytes.
    ///
    /// Letters may be upper or lower case; spaces anywhere and trailing `=`
    /// padding are ignored, so that secrets typed in groups (`jbsw y3dp`) or copied
    /// with padding decode alike. Anything else is refused rather than guessed: a
    /// character outside the alphabet, a number of symbols no byte count yields,
    /// and unused trailing bits that are not zero (a sign of a truncated or
    /// mistyped secret).
    ///
    /// - Throws: ``Base32DecodingError``.
    public static func decode(_ text: String) throws(Base32DecodingError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 5 / 8)
        var pending: UInt16 = 0
        var pendingBitCount = 0
        var symbolCount = 0
        var paddingStarted = false
        for (position, scalar) in text.unicodeScalars.enumerated() {
            if scalar == " " { continue }
            if scalar == "=" {
                paddingStarted = true
                continue
            }
            guard !paddingStarted, let value = symbolValue(scalar) else {
                throw .invalidCharacter(Character(scalar), position: position)
            }
            symbolCount += 1
            pending = (pending << 5) | UInt16(value)
            pendingBitCount += 5
            if pendingBitCount >= 8 {
                pendingBitCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: pending >> pendingBitCount))
                pending &= (1 << pendingBitCount) - 1
            }
        }
        // 1, 3 or 6 symbols in the last group of 8 cannot come from whole bytes.
        guard ![1, 3, 6].contains(symbolCount % 8) else {
            throw .invalidLength(symbolCount: symbolCount)
        }
        guard pending == 0 else { throw .nonZeroTrailingBits }
        return bytes
    }

    private static func symbolValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "A"..."Z": UInt8(scalar.value - Unicode.Scalar("A").value)
        case "a"..."z": UInt8(scalar.value - Unicode.Scalar("a").value)
        case "2"..."7": UInt8(scalar.value - Unicode.Scalar("2").value) + 26
        default: nil
        }
    }
}
