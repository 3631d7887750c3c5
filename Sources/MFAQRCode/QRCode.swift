/// A QR code symbol (Model 2, ISO/IEC 18004) holding bytes in byte mode.
///
/// Creating a `QRCode` picks the smallest version (1 to 40) whose capacity at the
/// requested error-correction level holds the data, adds Reed–Solomon error
/// correction, and applies whichever of the eight mask patterns scores the lowest
/// penalty. The result is a square grid of dark and light modules, which
/// ``svg(moduleSize:title:)`` renders for a web page.
///
/// ```swift
/// let code = try QRCode(encoding: "otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXP")
/// let markup = code.svg(title: "QR code for your authenticator app")
/// ```
public struct QRCode: Sendable {
    /// The symbol version, from 1 (21 × 21 modules) to 40 (177 × 177 modules).
    public let version: Int

    /// The error-correction level the symbol was built with.
    public let correction: ErrorCorrection

    /// The mask pattern chosen for the lowest penalty score.
    let mask: MaskPattern

    /// The modules of the masked symbol.
    let modules: ModuleMatrix

    /// Encodes bytes into the smallest QR code that holds them.
    ///
    /// - Parameters:
    ///   - bytes: The data, stored in byte mode without an ECI header.
    ///   - correction: How much of the symbol may be damaged and still decode.
    /// - Throws: ``QRCodeError/dataTooLong(byteCount:maximumByteCount:)`` when even
    ///   a version 40 symbol at `correction` cannot hold the data.
    public init(encoding bytes: some Collection<UInt8>, correction: ErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(data: Array(bytes), correction: correction, mask: nil)
    }

    /// Encodes the UTF-8 bytes of a text into the smallest QR code that holds them.
    ///
    /// Readers show the text as written, because decoders recognise UTF-8 byte data;
    /// no ECI header is added, since some readers mishandle one.
    ///
    /// - Parameters:
    ///   - text: The text, for example an `otpauth://` URI.
    ///   - correction: How much of the symbol may be damaged and still decode.
    /// - Throws: ``QRCodeError/dataTooLong(byteCount:maximumByteCount:)`` when even
    ///   a version 40 symbol at `correction` cannot hold the text's UTF-8 bytes.
    public init(encoding text: String, correction: ErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(encoding: text.utf8, correction: correction)
    }

    /// Builds the symbol with the given mask, or with the best-scoring mask when `mask` is `nil`.
    init(data: [UInt8], correction: ErrorCorrection, mask: MaskPattern?) throws(QRCodeError) {
        guard let version = SymbolVersion.smallest(holding: data.count, correction: correction) else {
            throw .dataTooLong(byteCount: data.count, maximumByteCount: SymbolVersion.largest.byteCapacity(correction))
        }
        let codewords = CodewordSequence(data: data, version: version, correction: correction).interleaved
        let unmasked = ModuleMatrix(version: version, codewords: codewords)
        let chosenMask = mask ?? Self.lowestPenaltyMask(for: unmasked, correction: correction)
        self.version = version.number
        self.correction = correction
        self.mask = chosenMask
        self.modules = unmasked.masked(with: chosenMask, correction: correction)
    }

    /// The mask whose result scores the lowest penalty; ties go to the lower reference.
    private static func lowestPenaltyMask(for unmasked: ModuleMatrix, correction: ErrorCorrection) -> MaskPattern {
        let scores = MaskPattern.allCases.map { unmasked.masked(with: $0, correction: correction).penaltyScore }
        return MaskPattern.allCases[scores.indices.min { scores[$0] < scores[$1] }!]
    }

    /// The number of modules along each side, `17 + 4 × version`, without the quiet zone.
    public var size: Int { modules.size }

    /// Tells whether the module at a position is dark.
    ///
    /// - Parameters:
    ///   - row: The row, from 0 at the top to `size - 1`.
    ///   - column: The column, from 0 at the left to `size - 1`.
    /// - Precondition: Both coordinates lie inside the symbol.
    public func isDark(row: Int, column: Int) -> Bool {
        precondition((0..<size).contains(row) && (0..<size).contains(column), "module (\(row), \(column)) lies outside the symbol")
        return modules[row, column]
    }
}
