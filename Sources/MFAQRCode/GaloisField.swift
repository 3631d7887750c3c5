/// Arithmetic in GF(2⁸) as QR codes use it: bytes are polynomials over GF(2)
/// reduced modulo x⁸ + x⁴ + x³ + x² + 1, and α = 2 generates every non-zero element.
enum GaloisField {
    /// The reducing polynomial x⁸ + x⁴ + x³ + x² + 1.
    private static let primitivePolynomial = 0x11D

    /// `powersOfAlpha[i]` is αⁱ for i in 0..<255.
    private static let powersOfAlpha: [UInt8] = {
        var powers: [UInt8] = []
        var value = 1
        for _ in 0..<255 {
            powers.append(UInt8(value))
            value <<= 1
            if value & 0x100 != 0 { value ^= primitivePolynomial }
        }
        return powers
    }()

    /// `logarithms[x]` is the i with αⁱ = x; entry 0 is unused because 0 has no logarithm.
    private static let logarithms: [Int] = {
        var logarithms = [Int](repeating: 0, count: 256)
        for (exponent, power) in powersOfAlpha.enumerated() { logarithms[Int(power)] = exponent }
        return logarithms
    }()

    /// Returns αⁱ, for any non-negative exponent.
    static func alpha(toThe exponent: Int) -> UInt8 {
        powersOfAlpha[exponent % 255]
    }

    /// Returns the product of two field elements.
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        guard left != 0, right != 0 else { return 0 }
        return alpha(toThe: logarithms[Int(left)] + logarithms[Int(right)])
    }
}
