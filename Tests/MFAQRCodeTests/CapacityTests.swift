@testable import MFAQRCode
import Testing

@Suite struct CapacityTests {
    /// Byte-mode capacities for versions 1 to 40 from table 7 of the standard.
    static let publishedByteCapacities: [QRCode.ErrorCorrection: [Int]] = [
        .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
               929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
                  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
                    509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
        .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
                403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
    ]

    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func capacitiesMatchThePublishedTable(correction: QRCode.ErrorCorrection) {
        #expect(SymbolVersion.all.map { $0.byteCapacity(correction) } == Self.publishedByteCapacities[correction])
    }

    @Test(arguments: SymbolVersion.all.dropLast())
    func oneByteOverCapacityMovesToTheNextVersion(version: SymbolVersion) {
        let capacity = version.byteCapacity(.medium)
        #expect(SymbolVersion.smallest(holding: capacity, correction: .medium) == version)
        #expect(SymbolVersion.smallest(holding: capacity + 1, correction: .medium) == SymbolVersion(number: version.number + 1))
    }

    @Test func theChosenVersionIsTheSmallestThatHoldsTheData() throws {
        #expect(try QRCode(encoding: Payloads.binary(count: 1059)).version == 26)
        #expect(try QRCode(encoding: Payloads.binary(count: 1060)).version == 27)
    }

    @Test func emptyDataFitsTheSmallestVersion() throws {
        #expect(try QRCode(encoding: "").version == 1)
    }

    @Test func dataBeyondVersion40IsRejectedWithTheLimit() {
        #expect(throws: QRCodeError.dataTooLong(byteCount: 2332, maximumByteCount: 2331)) {
            try QRCode(encoding: Payloads.binary(count: 2332))
        }
        #expect(throws: QRCodeError.dataTooLong(byteCount: 1274, maximumByteCount: 1273)) {
            try QRCode(encoding: Payloads.binary(count: 1274), correction: .high)
        }
    }

    @Test func theErrorNamesSizesOnly() {
        let error = QRCodeError.dataTooLong(byteCount: 2400, maximumByteCount: 2331)
        #expect(error.description == "2400 bytes do not fit in a QR code; the largest holds 2331 bytes at this error-correction level")
    }
}
