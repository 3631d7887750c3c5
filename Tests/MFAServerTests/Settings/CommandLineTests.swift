import Testing
@testable import MFAServerKit

@Suite struct CommandLineTests {
    @Test func helpListsEveryFlagWithItsVariable() {
        let help = MFAServerCommand.helpMessage(columns: 1000)
        for setting in ServerSetting.allCases {
            #expect(help.contains("--\(setting.flag)"), "\(setting.flag)")
            #expect(help.contains("env: \(setting.variable);"), "\(setting.variable)")
        }
    }

    @Test func theFlagsFollowTheVariables() {
        #expect(ServerSetting.publicURL.flag == "public-url")
        #expect(ServerSetting.linkLifetime.flag == "link-ttl-seconds")
        #expect(ServerSetting.dataDirectory.flag == "data-dir")
    }

    @Test func aFlagWinsOverItsVariable() throws {
        let command = try MFAServerCommand.parse(["--port", "9000", "--allow-weak-hash"])
        let values = command.values(environment: ["MFA_PORT": "8001", "MFA_HOST": "0.0.0.0", "PATH": "/bin"])
        #expect(values == [.port: "9000", .host: "0.0.0.0", .allowWeakHash: "1"])
    }
}
