import Foundation
import MFACore
import MFASQLite
import Testing
import MFACoreTesting

/// The README's link builder: where an embedding program serves the pages its links open.
struct MyLinks: LinkBuilder {
    func url(for purpose: LinkPurpose, token: String, publicURL: String) -> String {
        "\(publicURL)/links/\(purpose.rawValue)?token=\(token)"
    }
}

@Suite struct ReadmeEmbeddingExampleTests {
    @Test func theEmbeddingExampleRuns() async throws {
        let database = TemporaryDatabase()
        defer { database.remove() }
        let databasePath = database.path
        // BEGIN README EMBEDDING EXAMPLE
        let key = SecretKey.generate()  // in production: 32 bytes read from a file kept outside the database
        let mfa = try MFAService(
            configuration: MFAConfiguration(publicURL: "https://auth.example.com"),
            store: try SQLiteStore(path: databasePath),
            keys: key,
            links: MyLinks()  // your LinkBuilder: where the pages that complete links live
        )
        try await mfa.prepare()  // once at start: loads the hash key, re-seals what older keys sealed
        let outbox = Task { await MailDeliveryWorker(service: mfa, transport: RecordingMailTransport()).run() }
        let client = ClientNetwork(ipAddress: "192.0.2.7") ?? .unidentified  // the peer address of the request
        try await mfa.requestLogin(email: "ada@example.com", from: client)
        outbox.cancel()
        // END README EMBEDDING EXAMPLE
        await outbox.value
    }

    @Test func theReadmeShowsTheExampleVerbatim() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readmeURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let begin = try #require(source.range(of: "// BEGIN README EMBEDDING EXAMPLE\n"))
        let end = try #require(source.range(of: "        // END README EMBEDDING EXAMPLE"))
        let example = source[begin.upperBound..<end.lowerBound]
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.dropFirst(8) }
            .joined(separator: "\n")
        #expect(readme.contains(example))
    }
}
