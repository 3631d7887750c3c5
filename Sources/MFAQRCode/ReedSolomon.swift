/// A systematic Reed–Solomon encoder over ``GaloisField`` with the QR code's
/// generator polynomial g(x) = (x − α⁰)(x − α¹)…(x − αⁿ⁻¹).
struct ReedSolomonEncoder {
    /// The coefficients of g(x) below its leading 1, highest degree first.
    private let generator: [UInt8]

    /// Creates an encoder that appends `errorCorrectionCount` codewords to each block.
    init(errorCorrectionCount: Int) {
        var polynomial: [UInt8] = [1]
        for exponent in 0..<errorCorrectionCount {
            // Multiply by (x + αⁱ); in GF(2⁸) subtraction is addition.
            let root = GaloisField.alpha(toThe: exponent)
            var product = polynomial + [0]
            for index in 1..<product.count {
                product[index] ^= GaloisField.multiply(polynomial[index - 1], root)
            }
            polynomial = product
        }
        generator = Array(polynomial.dropFirst())
    }

    /// Returns the error-correction codewords for a block of data codewords:
    /// the remainder of data(x) · xⁿ divided by g(x).
    func errorCorrection(for data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for codeword in data {
            let factor = codeword ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices {
                remainder[index] ^= GaloisField.multiply(generator[index], factor)
            }
        }
        return remainder
    }
}
