import Foundation

/// The reference `argon2` command-line tool from libargon2 (Debian package `argon2`),
/// run as a real peer for differential tests.
struct Argon2Tool {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "The argon2 command-line tool is not on PATH; install it with `apt-get install argon2` (.ci/run does)."
        }
    }

    let executable: URL

    /// Finds `argon2` on `PATH`, or throws ``Missing`` so that the test fails saying what to install.
    static func locate() throws -> Argon2Tool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("argon2")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return Argon2Tool(executable: candidate)
            }
        }
        throw Missing()
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
