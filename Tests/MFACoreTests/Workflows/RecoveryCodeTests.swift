import Foundation
import MFACore
import MFATestSupport
import Testing

@Suite struct RecoveryCodeTests {
    @Test func tenCodesOfAtLeast64BitsEach() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        #expect(enrollment.recoveryCodes.count == 10)
        #expect(Set(enrollment.recoveryCodes).count == 10)
        for code in enrollment.recoveryCodes {
            let letters = code.filter { $0 != "-" }
            // 16 letters from a 32-letter alphabet: 80 bits.
            #expect(letters.count == 16)
            #expect(Set("0123456789abcdefghjkmnpqrstvwxyz").isSuperset(of: letters))
        }
    }

    @Test func aCodeWorksOnceIgnoringCaseSpacesAndHyphens() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        let code = enrollment.recoveryCodes[3]
        let typed = " " + code.uppercased().replacingOccurrences(of: "-", with: " ") + " "
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let login = try await mfa.service.completeLogin(
            token: mfa.lastToken(to: "ada@example.com"), password: Harness.password, secondFactor: .recoveryCode(typed), from: .testClient
        )
        #expect(login.recoveryCodesRemaining == 9)
        let notice = try await mfa.lastMail(to: "ada@example.com")
        #expect(notice.subject == "A recovery code was used")
        #expect(notice.textBody.contains("9 recovery codes remain"))

        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .recoveryCode(code), from: .testClient)
        }
        let next = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[4]), from: .testClient
        )
        #expect(next.recoveryCodesRemaining == 8)
    }

    @Test func anotherAccountsCodeDoesNotWork() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        let grace = try await mfa.createAccount("grace@example.com")
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .recoveryCode(grace.recoveryCodes[0]), from: .testClient
            )
        }
    }

    @Test func aNewAuthenticatorReplacesTheCodes() async throws {
        let mfa = try Harness()
        let enrollment = try await mfa.createAccount()
        try await mfa.service.requestNewAuthenticator(email: "ada@example.com", password: Harness.password, from: .testClient)
        let renewed = try await mfa.service.confirmNewAuthenticator(
            token: mfa.lastToken(to: "ada@example.com"), secondFactor: .recoveryCode(enrollment.recoveryCodes[1]), from: .testClient
        )
        #expect(Set(renewed.recoveryCodes).isDisjoint(with: enrollment.recoveryCodes))
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.authenticationFailed) {
            try await mfa.service.completeLogin(
                token: token, password: Harness.password, secondFactor: .recoveryCode(enrollment.recoveryCodes[0]), from: .testClient
            )
        }
        _ = try await mfa.service.completeLogin(
            token: token, password: Harness.password, secondFactor: .recoveryCode(renewed.recoveryCodes[0]), from: .testClient
        )
    }

    @Test func malformedCodesAreRefusedBeforeAnythingIsCounted() async throws {
        let mfa = try Harness()
        _ = try await mfa.createAccount()
        try await mfa.service.requestLogin(email: "ada@example.com", from: .testClient)
        let token = try await mfa.lastToken(to: "ada@example.com")
        await expect(.invalidFields([.init(field: .recoveryCode, message: "A recovery code has 16 letters and digits, as printed.")])) {
            try await mfa.service.completeLogin(token: token, password: Harness.password, secondFactor: .recoveryCode("too-short"), from: .testClient)
        }
        #expect(mfa.store.snapshot().links.first?.attempts == 0)
    }
}
