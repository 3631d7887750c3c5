import Foundation
import MFATestSupport
import MFACore
import Testing

/// Runs the README's usage example, and checks that the README still shows
/// exactly this code.
@Suite struct ReadmeExampleTests {
    @Test func theUsageExampleRuns() throws {
        // README example, begin
        // Enrolment: a new 160-bit secret, handed to the user's app as a QR code of the URI.
        let totp = try TOTP(key: TOTP.generateKey())
        try totp.validateForEnrollment()
        let uri = try OTPAuthURI(totp: totp, accountName: "ada@example.com", issuer: "MFAServer")
        print(uri.string)  // otpauth://totp/MFAServer:ada%40example.com?secret=…&issuer=MFAServer&…

        // Sign-in: store the matched time step with the account and refuse codes
        // of that step or older, so that a code works only once.
        var lastAcceptedStep: UInt64 = 0
        let submittedCode = totp.code(at: Date())  // in real life: what the user typed
        if let step = totp.verify(submittedCode, at: Date()), step > lastAcceptedStep {
            lastAcceptedStep = step
            print("signed in")
        } else {
            print("code refused")
        }
        // README example, end

        #expect(uri.string.hasPrefix("otpauth://totp/MFAServer:ada%40example.com?secret="))
        #expect(lastAcceptedStep > 0)
        let replayedStep = try #require(totp.verify(submittedCode, at: Date()))
        #expect(replayedStep <= lastAcceptedStep, "a replayed code must not pass the step check")
    }

    @Test func theReadmeShowsTheCodeOfThisTest() throws {
        let readme = try String(contentsOf: ExternalTool.repositoryRoot.appending(path: "README.md"), encoding: .utf8)
        let thisFile = try String(contentsOf: URL(filePath: #filePath), encoding: .utf8)
        let example = try #require(Self.lines(of: readme, between: "```swift", and: "```"))
        let tested = try #require(Self.lines(of: thisFile, between: "// README example, begin", and: "// README example, end"))
        let imports = example.filter { $0.hasPrefix("import ") }
        #expect(imports.allSatisfy { thisFile.contains("\n\($0)\n") || thisFile.hasPrefix("\($0)\n") })
        #expect(example.filter { !$0.hasPrefix("import ") } == tested)
    }

    /// The lines strictly between the first line equal to `start` and the next
    /// equal to `end`, without indentation and blank lines.
    private static func lines(of text: String, between start: String, and end: String) -> [String]? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.firstIndex(of: start),
              let last = lines[(first + 1)...].firstIndex(of: end) else { return nil }
        return lines[(first + 1)..<last].filter { !$0.isEmpty }
    }
}
