@testable import MFAQRCode
import Testing

@Suite struct ReedSolomonTests {
    /// "HELLO WORLD" as a 1-M symbol, from the worked example at thonky.com's QR code tutorial.
    @Test func helloWorldVersion1MediumMatchesThePublishedCodewords() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let expected: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        #expect(ReedSolomonEncoder(errorCorrectionCount: 10).errorCorrection(for: data) == expected)
    }

    /// A valid codeword polynomial vanishes at α⁰…αⁿ⁻¹, the roots of the generator.
    @Test(arguments: [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30])
    func codewordsVanishAtTheGeneratorRoots(count: Int) {
        let data = Payloads.binary(count: 40)
        let codeword = data + ReedSolomonEncoder(errorCorrectionCount: count).errorCorrection(for: data)
        for exponent in 0..<count {
            let point = GaloisField.alpha(toThe: exponent)
            let value = codeword.reduce(UInt8(0)) { GaloisField.multiply($0, point) ^ $1 }
            #expect(value == 0, "c(α^\(exponent)) ≠ 0")
        }
    }

    @Test func fieldMultiplicationIsCarrylessMultiplicationModuloThePrimitivePolynomial() {
        func reference(_ left: UInt8, _ right: UInt8) -> UInt8 {
            var product = 0
            for bit in 0..<8 where (right >> bit) & 1 == 1 { product ^= Int(left) << bit }
            for bit in (8...14).reversed() where (product >> bit) & 1 == 1 { product ^= 0x11D << (bit - 8) }
            return UInt8(product)
        }
        let mismatches = (0...255).flatMap { left in
            (0...255).filter { right in
                GaloisField.multiply(UInt8(left), UInt8(right)) != reference(UInt8(left), UInt8(right))
            }.map { (left, $0) }
        }
        #expect(mismatches.isEmpty)
    }
}
