import Foundation
import HTTPTypes
import Logging
import MFACore
import MFATestSupport
import Testing
@testable import MFAServerKit

@Suite struct SecurityEventLogTests {
    @Test func aSecurityEventIsOneNoticeLineWithTheFieldsItHas() throws {
        let log = CapturedLog()
        let securityLog = SecurityEventLog(logger: log.logger())
        securityLog.record(.security(SecurityEvent(
            .completionFailed, accountID: "0b7e0d1c-3f0a-4b8e-9a57-1f2d3c4b5a69", client: ClientNetwork(ipAddress: "2001:db8:1:2::7"),
            purpose: .link(.passwordReset), reason: .wrongTOTPCode
        )))
        securityLog.record(.security(SecurityEvent(.unavailable, reason: .store, cause: "SQLite error 10: disk I/O error")))
        securityLog.record(.loginFailed)  // a metric's, not a line

        let lines = try log.objects()
        #expect(lines.count == 2)
        let failed = try #require(lines.first)
        #expect(failed["level"] as? String == "notice")
        #expect(failed["message"] as? String == "Completion failed")
        #expect(failed["event"] as? String == "security")
        #expect(failed["action"] as? String == "completion_failed")
        #expect(failed["account"] as? String == "0b7e0d1c-3f0a-4b8e-9a57-1f2d3c4b5a69")
        #expect(failed["client.network"] as? String == "2001:db8:1:2::/64")
        #expect(failed["purpose"] as? String == "password_reset")
        #expect(failed["reason"] as? String == "wrong_totp_code")
        #expect(failed["cause"] == nil)
        let unavailable = try #require(lines.last)
        #expect(unavailable["action"] as? String == "unavailable")
        #expect(unavailable["cause"] as? String == "SQLite error 10: disk I/O error")
        #expect(unavailable["account"] == nil && unavailable["client.network"] == nil && unavailable["purpose"] == nil)
    }

    @Test func aLogAboveNoticesWritesNothing() {
        let log = CapturedLog()
        SecurityEventLog(logger: log.logger(level: .warning)).record(.security(SecurityEvent(.loginSucceeded, accountID: "a")))
        #expect(log.text.isEmpty)
    }

    @Test func everyKindReadsAsASentence() {
        #expect(SecurityEvent.Kind.allCases.map { SecurityLogField.message(for: $0.rawValue).description }.contains("Link requested"))
        for kind in SecurityEvent.Kind.allCases {
            let message = SecurityLogField.message(for: kind.rawValue).description
            #expect(message.first?.isUppercase == true && !message.contains("_"), "\(message)")
        }
    }

    @Test func aStoreOutageIsLoggedWithItsCause() async throws {
        let server = try TestServer()
        try await server.run { client in
            server.store.setDown(true)
            let answer = try await client.post("/users/login/", json: ["email": "ada@example.com"])
            #expect(answer.status == .serviceUnavailable)
            server.store.setDown(false)
        }
        let lines = try server.securityLog.securityLines()
        #expect(lines.count == 1)
        #expect(lines.first?["action"] as? String == "unavailable")
        #expect(lines.first?["reason"] as? String == "store")
        #expect(lines.first?["cause"] as? String == "the test took the store down")
    }
}
