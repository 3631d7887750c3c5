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

    @Test func theContractsLinkLimitsAreTheDefaults() {
        let configuration = MFAConfiguration()
        #expect(configuration.linksPerAddress == RateLimit(count: 5, window: 900))
        #expect(configuration.linksPerAddressTotal == RateLimit(count: 20, window: 3_600))
    }

    @Test func theTotalLinkLimitNeedsACountAndAWindow() {
        var configuration = MFAConfiguration()
        configuration.linksPerAddressTotal = RateLimit(count: 0, window: 3_600)
        #expect(throws: MFAConfigurationError(setting: "linksPerAddressTotal", problem: "needs a count and a window of at least 1")) {
            try configuration.validate()
        }
    }
}
