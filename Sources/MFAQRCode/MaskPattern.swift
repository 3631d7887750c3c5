/// The eight data mask patterns; a mask inverts the data modules where its
/// condition holds, to break up patterns that would confuse a reader.
///
/// Each case is named after its reference in the standard: the three bits it
/// contributes to the format information, which are also its raw value.
enum MaskPattern: Int, CaseIterable {
    /// (row + column) mod 2 = 0
    case pattern000 = 0
    /// row mod 2 = 0
    case pattern001
    /// column mod 3 = 0
    case pattern010
    /// (row + column) mod 3 = 0
    case pattern011
    /// (⌊row / 2⌋ + ⌊column / 3⌋) mod 2 = 0
    case pattern100
    /// (row · column) mod 2 + (row · column) mod 3 = 0
    case pattern101
    /// ((row · column) mod 2 + (row · column) mod 3) mod 2 = 0
    case pattern110
    /// ((row + column) mod 2 + (row · column) mod 3) mod 2 = 0
    case pattern111

    /// Whether the mask inverts the module at a position.
    func inverts(row: Int, column: Int) -> Bool {
        switch self {
        case .pattern000: (row + column) % 2 == 0
        case .pattern001: row % 2 == 0
        case .pattern010: column % 3 == 0
        case .pattern011: (row + column) % 3 == 0
        case .pattern100: (row / 2 + column / 3) % 2 == 0
        case .pattern101: (row * column) % 2 + (row * column) % 3 == 0
        case .pattern110: ((row * column) % 2 + (row * column) % 3) % 2 == 0
        case .pattern111: ((row + column) % 2 + (row * column) % 3) % 2 == 0
        }
    }
}

extension ModuleMatrix {
    /// Returns the symbol with `mask` applied to its data modules and the matching format information drawn.
    func masked(with mask: MaskPattern, correction: QRCode.ErrorCorrection) -> ModuleMatrix {
        var result = self
        for row in 0..<size {
            for column in 0..<size where !isFunction(row: row, column: column) && mask.inverts(row: row, column: column) {
                result.setDataModule(row: row, column: column, dark: !self[row, column])
            }
        }
        result.drawFormatInformation(FormatInformation.formatBits(correction: correction, mask: mask))
        return result
    }
}
