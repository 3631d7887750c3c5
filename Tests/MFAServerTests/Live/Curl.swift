import Foundation
import MFATestSupport

/// HTTP through curl from a chosen loopback address (a client of its own
/// behind the proxy), awaited without holding a thread (``MFATestSupport/SpawnedProcess``),
/// so that many run at once.
struct Curl: Sendable {
    let baseURL: String

    struct Answer {
        let status: Int
        let body: String
        /// How long the request took, as curl measured it: a clock outside the test
        /// process, which a busy test run cannot slow down.
        let seconds: Double

        var json: [String: Any] {
            get throws {
                guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                    throw TestFailure("not a JSON object: \(body)")
                }
                return object
            }
        }
    }

    func post(_ path: String, json fields: [String: String] = [:], from source: String = "127.0.0.1", bearer: String? = nil) async throws -> Answer {
        let body = try JSONSerialization.data(withJSONObject: fields)
        var headers = ["Content-Type: application/json"]
        if let bearer { headers.append("Authorization: Bearer \(bearer)") }
        return try await send(["--request", "POST"], path: path, body: body, headers: headers, source: source)
    }

    func get(_ path: String, from source: String = "127.0.0.1", bearer: String? = nil) async throws -> Answer {
        try await send([], path: path, body: nil, headers: bearer.map { ["Authorization: Bearer \($0)"] } ?? [], source: source)
    }

    private func send(_ method: [String], path: String, body: Data?, headers: [String], source: String) async throws -> Answer {
        let curl = try ExternalTool.onPath("curl", installation: "apt-get install curl")
        let files = FileManager.default.temporaryDirectory.appending(path: "mfa-curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        var arguments = method + [
            "--silent", "--globoff", "--max-time", "30", "--interface", source,
            "--output", files.appending(path: "body").path, "--write-out", "%{http_code} %{time_total}",
        ]
        for header in headers { arguments += ["--header", header] }
        if let body {
            try body.write(to: files.appending(path: "request"))
            arguments += ["--data-binary", "@" + files.appending(path: "request").path]
        }
        let status = files.appending(path: "status")
        _ = try await SpawnedProcess.run(curl.executable, arguments + [baseURL + path], outputPath: status.path)
        let written = try String(contentsOf: status, encoding: .utf8).split(separator: " ")
        return Answer(
            status: written.first.flatMap { Int($0) } ?? 0,
            body: (try? String(contentsOf: files.appending(path: "body"), encoding: .utf8)) ?? "",
            seconds: written.last.flatMap { Double($0) } ?? .infinity
        )
    }
}
