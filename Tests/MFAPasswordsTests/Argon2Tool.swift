import Foundation
import MFATestSupport

/// The reference `argon2` command-line tool from libargon2 (Debian package `argon2`),
/// run as a real peer for differential tests.
struct Argon2Tool {
    let executable: URL

    /// Finds `argon2` on `PATH`, or fails the test saying what to install.
    static func locate() throws -> Argon2Tool {
        Argon2Tool(executable: try ExternalTool.onPath("argon2", installation: "apt-get install argon2").executable)
    }

    /// Runs `argon2 <salt> -id -t T -k M -p P -l L -e` with `password` (1...127 bytes) on
    /// standard input and returns the encoded hash it prints.
    func encodedArgon2idHash(
        password: [UInt8], salt: String, memoryKiB: Int, iterations: Int, parallelism: Int, outputByteCount: Int
    ) async throws -> String {
        let files = FileManager.default.temporaryDirectory.appending(path: "mfa-argon2-\(UUID().uuidString)")
        let (input, output) = (files.path + ".input", files.path + ".output")
        defer { for file in [input, output] { try? FileManager.default.removeItem(atPath: file) } }
        try Data(password).write(to: URL(fileURLWithPath: input))
        _ = try await SpawnedProcess.run(
            executable, [salt, "-id", "-t", "\(iterations)", "-k", "\(memoryKiB)", "-p", "\(parallelism)", "-l", "\(outputByteCount)", "-e"],
            inputPath: input, outputPath: output, errorPath: nil
        )
        let printed = try String(contentsOfFile: output, encoding: .utf8)
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
