import MFAPasswords
import Testing
import MFATestSupport

/// Compares MFACore's Argon2id with libargon2's `argon2` tool on random inputs,
/// encoded PHC string against encoded PHC string.
@Suite struct Argon2DifferentialTests {
    struct Case: Sendable, CustomStringConvertible {
        var password: [UInt8]
        var textPassword: String?
        var salt: String
        var memoryKiB: Int
        var iterations: Int
        var parallelism: Int
        var outputByteCount: Int

        var description: String {
            "password \(hexString(password)), salt \(salt.debugDescription), m=\(memoryKiB) t=\(iterations) p=\(parallelism) l=\(outputByteCount)"
        }
    }

    static let caseCount = 200

    @Test func agreesWithLibargon2OnRandomInputs() async throws {
        let tool = try Argon2Tool.locate()
        let seed = UInt64.random(in: .min ... .max)
        var generator = SeededGenerator(seed: seed)
        let cases = (0..<Self.caseCount).map { _ in Self.randomCase(using: &generator) }

        let mismatches = try await withThrowingTaskGroup(of: [String].self) { group in
            // Two workers: one per core, each alternating between Swift and the tool.
            for worker in 0..<2 {
                group.addTask {
                    var mismatches: [String] = []
                    for index in stride(from: worker, to: cases.count, by: 2) {
                        let testCase = cases[index]
                        let ours = try Self.encodedHash(for: testCase)
                        let theirs = try tool.encodedArgon2idHash(
                            password: testCase.password, salt: testCase.salt, memoryKiB: testCase.memoryKiB,
                            iterations: testCase.iterations, parallelism: testCase.parallelism,
                            outputByteCount: testCase.outputByteCount
                        )
                        if ours != theirs {
                            mismatches.append("case \(index) (\(testCase)): ours \(ours), argon2 \(theirs)")
                        }
                    }
                    return mismatches
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.count) of \(Self.caseCount) differ:\n\(mismatches.joined(separator: "\n"))")
    }

    /// A memory size, pass count and lane count for ``agreesWithLibargon2AtLargeMemory(_:)``.
    struct Shape: Sendable, CustomStringConvertible {
        var memoryKiB: Int
        var iterations: Int
        var parallelism: Int

        var description: String { "m=\(memoryKiB) t=\(iterations) p=\(parallelism)" }
    }

    /// Memory sizes of 4 MiB and more, where segments are hundreds of blocks long
    /// (more than one block of Argon2i-style addresses each) and references reach far
    /// back: a few shapes, each with its own random password, salt and output length.
    /// Sizes that are not a multiple of 4 × p exercise the rounding down of m.
    static let largeShapes: [Shape] = [
        Shape(memoryKiB: 4096, iterations: 1, parallelism: 1),
        Shape(memoryKiB: 4096, iterations: 2, parallelism: 4),
        Shape(memoryKiB: 4099, iterations: 3, parallelism: 3),
        Shape(memoryKiB: 5000, iterations: 1, parallelism: 2),
        Shape(memoryKiB: 6150, iterations: 2, parallelism: 4),
        Shape(memoryKiB: 19456, iterations: 2, parallelism: 1),
    ]

    @Test(arguments: largeShapes)
    func agreesWithLibargon2AtLargeMemory(_ shape: Shape) async throws {
        let tool = try Argon2Tool.locate()
        let seed = UInt64.random(in: .min ... .max)
        var generator = SeededGenerator(seed: seed)
        var testCase = Self.randomCase(using: &generator)
        testCase.memoryKiB = shape.memoryKiB
        testCase.iterations = shape.iterations
        testCase.parallelism = shape.parallelism
        let ours = try Self.encodedHash(for: testCase)
        let theirs = try tool.encodedArgon2idHash(
            password: testCase.password, salt: testCase.salt, memoryKiB: testCase.memoryKiB,
            iterations: testCase.iterations, parallelism: testCase.parallelism, outputByteCount: testCase.outputByteCount
        )
        #expect(ours == theirs, "seed \(seed), \(testCase): ours \(ours), argon2 \(theirs)")
    }

    /// Text passwords go through the password hasher (32-byte hashes); byte
    /// passwords through Argon2id and PHCString directly, with any output length.
    static func encodedHash(for testCase: Case) throws -> String {
        let argon2id = try Argon2id(memoryKiB: testCase.memoryKiB, iterations: testCase.iterations, parallelism: testCase.parallelism)
        let salt = Array(testCase.salt.utf8)
        if let text = testCase.textPassword {
            return try PHCPasswordHasher(scheme: .argon2id(argon2id)).hash(text, salt: salt)
        }
        let hash = try argon2id.deriveKey(from: testCase.password, salt: salt, outputByteCount: testCase.outputByteCount)
        let parameters: [PHCString.Parameter] = [
            .init(name: "m", value: "\(testCase.memoryKiB)"), .init(name: "t", value: "\(testCase.iterations)"),
            .init(name: "p", value: "\(testCase.parallelism)"),
        ]
        return PHCString(algorithm: "argon2id", version: 19, parameters: parameters, salt: salt, hash: hash).encoded
    }

    static func randomCase(using generator: inout SeededGenerator) -> Case {
        let parallelism = Int.random(in: 1...4, using: &generator)
        // The tool reads at most 127 password bytes and needs salts of 8 bytes or more.
        let saltAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#%&()*+,-./:;<=>?@[]^_{|}~éß€")
        let salt = String((0..<Int.random(in: 8...24, using: &generator)).map { _ in saltAlphabet.randomElement(using: &generator)! })
        var testCase = Case(
            password: (0..<Int.random(in: 1...127, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) },
            salt: salt,
            // Mostly small matrices, one case in ten up to 2 MiB (more than 128 blocks a
            // segment, so more than one block of Argon2i-style addresses).
            memoryKiB: Int.random(in: 0..<10, using: &generator) == 0
                ? Int.random(in: 257...2048, using: &generator)
                : Int.random(in: 8 * parallelism...256, using: &generator),
            iterations: Int.random(in: 1...3, using: &generator),
            parallelism: parallelism,
            outputByteCount: Int.random(in: 4...128, using: &generator)
        )
        if Int.random(in: 0..<4, using: &generator) == 0 {
            let words = ["correct", "horse", "battery", "staple", "pässwörd", "密码", "🔑", "ναι", " ", "\t"]
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            testCase.textPassword = text
            testCase.password = Array(text.utf8)
            testCase.outputByteCount = PHCPasswordHasher.hashByteCount
        }
        return testCase
    }
}

