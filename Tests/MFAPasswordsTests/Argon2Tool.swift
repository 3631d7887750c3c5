import Foundation
import MFATestSupport

/// The reference `argon2` command-line tool from libargon2 (Debian package `argon2`),
/// run as a real peer for differential tests.
struct Argon2Tool {
    let tool: ExternalTool

    /// Finds `argon2` on `PATH`, or fails the test saying what to install.
    static func locate() throws -> Argon2Tool {
        Argon2Tool(tool: try ExternalTool.onPath("argon2", installation: "apt-get install argon2"))
    }

    /// Runs `argon2 <salt> -id -t T -k M -p P -l L -e` with `password` (1...127 bytes) on
    /// standard input and returns the encoded hash it prints.
    func encodedArgon2idHash(
        password: [UInt8], salt: String, memoryKiB: Int, iterations: Int, parallelism: Int, outputByteCount: Int
    ) throws -> String {
        let printed = try tool.run(
            [salt, "-id", "-t", "\(iterations)", "-k", "\(memoryKiB)", "-p", "\(parallelism)", "-l", "\(outputByteCount)", "-e"],
            input: Data(password)
        )
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
