/// Why a text is not valid Base32.
public enum Base32DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A character outside the Base32 alphabet, or anything but padding after
    /// the first `=`. `position` counts Unicode scalars from zero.
    case invalidCharacter(Character, position: Int)
    /// No number of bytes encodes to this many symbols (padding and spaces not
    /// counted).
    case invalidLength(symbolCount: Int)
    /// The bits after the last whole byte are not zero, so the text is not the
    /// encoding of any byte sequence.
    case nonZeroTrailingBits

    /// A message for people, e.g. in a form's error list.
    public var description: String {
        switch self {
        case .invalidCharacter(let character, let position):
            "Base32 text has an invalid character \(character.debugDescription) at position \(position)."
        case .invalidLength(let symbolCount):
            "Base32 text cannot have \(symbolCount) symbols; is a character missing or extra?"
        case .nonZeroTrailingBits:
            "Base32 text does not end on a byte boundary; is a character missing or mistyped?"
        }
    }
}
