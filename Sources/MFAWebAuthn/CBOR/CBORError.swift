/// Why ``CBORDecoder`` refused its input. Each case names the check that failed;
/// none carries any byte of the input.
public enum CBORError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input ends inside an item.
    case truncated
    /// Bytes follow the item where the whole input had to be one item.
    case trailingBytes
    /// The input is larger than ``CBORDecoder/Limits/maximumInputSize``.
    case inputTooLarge
    /// Items nest deeper than ``CBORDecoder/Limits/maximumDepth``.
    case depthLimitExceeded
    /// An array or map declares more than ``CBORDecoder/Limits/maximumCollectionCount`` elements.
    case collectionTooLarge
    /// A byte or text string, array or map declares more content than the input holds.
    case lengthExceedsInput
    /// An integer, length or count is not in its shortest form.
    case nonShortestEncoding
    /// An indefinite-length string, array or map (additional information 31), or a lone break.
    case indefiniteLength
    /// Additional information 28, 29 or 30, which RFC 8949 reserves.
    case reservedAdditionalInformation
    /// A tag (major type 6): WebAuthn uses none.
    case tagNotAllowed
    /// A floating-point number: WebAuthn uses none.
    case floatNotAllowed
    /// A simple value other than `false`, `true` and `null`.
    case simpleValueNotAllowed
    /// A text string that is not valid UTF-8.
    case invalidUTF8
    /// A map key that is not an integer or a text string.
    case mapKeyTypeNotAllowed
    /// The same key twice in one map.
    case duplicateMapKey
    /// Map keys out of the CTAP2 canonical order, where that order is required.
    case mapKeysNotInCanonicalOrder

    /// A sentence naming the failed check.
    public var description: String {
        switch self {
        case .truncated: "CBOR: the input ends inside an item"
        case .trailingBytes: "CBOR: bytes follow the item"
        case .inputTooLarge: "CBOR: the input exceeds the size limit"
        case .depthLimitExceeded: "CBOR: items nest deeper than the limit"
        case .collectionTooLarge: "CBOR: an array or map has more elements than the limit"
        case .lengthExceedsInput: "CBOR: a declared length exceeds the input"
        case .nonShortestEncoding: "CBOR: an integer or length is not in its shortest form"
        case .indefiniteLength: "CBOR: indefinite lengths are not allowed"
        case .reservedAdditionalInformation: "CBOR: reserved additional information"
        case .tagNotAllowed: "CBOR: tags are not allowed"
        case .floatNotAllowed: "CBOR: floating-point numbers are not allowed"
        case .simpleValueNotAllowed: "CBOR: only false, true and null are allowed as simple values"
        case .invalidUTF8: "CBOR: a text string is not valid UTF-8"
        case .mapKeyTypeNotAllowed: "CBOR: a map key is neither an integer nor a text string"
        case .duplicateMapKey: "CBOR: a map key appears twice"
        case .mapKeysNotInCanonicalOrder: "CBOR: map keys are not in CTAP2 canonical order"
        }
    }
}
