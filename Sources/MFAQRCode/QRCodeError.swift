/// Why a ``QRCode`` could not be built.
public enum QRCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data does not fit a version 40 symbol at the requested error-correction level.
    ///
    /// - Parameters:
    ///   - byteCount: How many bytes were to be encoded.
    ///   - maximumByteCount: The most bytes a version 40 symbol holds at that level.
    case dataTooLong(byteCount: Int, maximumByteCount: Int)

    /// A sentence naming the sizes involved, never the data itself.
    public var description: String {
        switch self {
        case let .dataTooLong(byteCount, maximumByteCount):
            "\(byteCount) bytes do not fit in a QR code; the largest holds \(maximumByteCount) bytes at this error-correction level"
        }
    }
}
