import MFACore
import Testing

@Suite struct ConfigurationValidationTests {
    @Test func theContractDefaultsAreValid() throws {
        try MFAConfiguration().validate()
    }

    @Test func validationNamesTheSettingThatCannotWork() {
        var configuration = MFAConfiguration()
        configuration.totpDigits = 9
        #expect(throws: MFAConfigurationError(setting: "totpDigits", problem: "must be 6, 7 or 8")) {
            try configuration.validate()
        }
    }

    @Test func aPublicURLMustBeHTTP() {
        #expect(throws: MFAConfigurationError(setting: "publicURL", problem: "must start with http:// or https://")) {
            try MFAConfiguration(publicURL: "ftp://example.com").validate()
        }
    }
}
