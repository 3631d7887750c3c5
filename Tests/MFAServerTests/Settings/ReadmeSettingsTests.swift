import Foundation
import MFATestSupport
import Testing
@testable import MFAServerKit

/// README's configuration table is the settings table, row for row.
@Suite struct ReadmeSettingsTests {
    /// The `| `MFA_...` | `--flag` | `default` | meaning |` rows of README.md.
    static func readmeRows() throws -> [(variable: String, flag: String, defaultValue: String)] {
        let readme = try String(contentsOf: ExternalTool.repositoryRoot.appending(path: "README.md"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("| `MFA_") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            return (cells[1], cells.count > 2 ? cells[2] : "", cells.count > 3 ? cells[3] : "")
        }
    }

    @Test func theReadmeListsExactlyTheSettingsTableWithItsDefaults() throws {
        let readme = try Self.readmeRows().map { "\($0.variable) \($0.flag) \($0.defaultValue)" }
        let table = ServerSetting.allCases.map { "\($0.variable) --\($0.flag) \($0.defaultDescription)" }
        #expect(readme == table)
    }
}
