/// The square grid of a symbol's modules that remembers which modules belong to
/// function patterns, because data placement and masking must leave those alone.
struct ModuleMatrix: Sendable {
    /// Modules along each side.
    let size: Int
    private var dark: [Bool]
    private var function: [Bool]

    /// Creates a grid of light data modules.
    init(size: Int) {
        self.size = size
        dark = Array(repeating: false, count: size * size)
        function = Array(repeating: false, count: size * size)
    }

    /// Creates the unmasked symbol: the function patterns of `version` (with the
    /// format information still blank) and the codewords in their zigzag places.
    init(version: SymbolVersion, codewords: [UInt8]) {
        self.init(size: version.size)
        drawFunctionPatterns(for: version)
        place(codewords)
    }

    /// Whether the module at a position is dark.
    subscript(row: Int, column: Int) -> Bool {
        dark[row * size + column]
    }

    /// Whether the module at a position belongs to a function pattern.
    func isFunction(row: Int, column: Int) -> Bool {
        function[row * size + column]
    }

    /// Sets a module and reserves it for a function pattern.
    mutating func setFunctionModule(row: Int, column: Int, dark isDark: Bool) {
        dark[row * size + column] = isDark
        function[row * size + column] = true
    }

    /// Sets a module that carries data.
    /// - Precondition: The module is not part of a function pattern.
    mutating func setDataModule(row: Int, column: Int, dark isDark: Bool) {
        precondition(!isFunction(row: row, column: column), "module (\(row), \(column)) belongs to a function pattern")
        dark[row * size + column] = isDark
    }
}
