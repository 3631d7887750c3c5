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
        let process = Process()
        process.executableURL = executable
        process.arguments = [salt, "-id", "-t", "\(iterations)", "-k", "\(memoryKiB)", "-p", "\(parallelism)",
                             "-l", "\(outputByteCount)", "-e"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            // The password and the one-line answer both fit in a pipe buffer, so neither side blocks.
            input.fileHandleForWriting.write(Data(password))
            try? input.fileHandleForWriting.close()
        }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
