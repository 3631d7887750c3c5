extension QRCode {
    /// An error-correction level: the share of codewords a reader can restore.
    ///
    /// Higher levels survive more damage but need a larger symbol for the same data.
    public enum ErrorCorrection: Sendable, CaseIterable {
        /// Restores about 7 % of the codewords.
        case low
        /// Restores about 15 % of the codewords; the usual choice for screens.
        case medium
        /// Restores about 25 % of the codewords.
        case quartile
        /// Restores about 30 % of the codewords.
        case high

        /// The two bits that identify the level in the format information.
        ///
        /// They do not follow the order of the levels: the standard assigns L = 01, M = 00, Q = 11, H = 10.
        var formatBits: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }
    }
}
