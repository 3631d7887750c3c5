import MFACore
import MFATestSupport
import Testing
@testable import MFAServerKit

/// `/docs` covers the whole contract.
@Suite struct ReferencePageTests {
    let page: PageOutline

    init() throws {
        page = try PageOutline(APIDocumentation.referencePage)
    }

    @Test func everyRouteHasASection() {
        for route in OpenAPIDocumentTests.contractRoutes {
            #expect(page.text.contains("\(route.method) \(route.path) —"), "\(route)")
        }
    }

    @Test func everyErrorCodeLimitAndSettingIsListed() {
        let codes = ["malformed_request", "authentication_failed", "unauthorized", "not_found", "method_not_allowed",
                     "link_invalid", "payload_too_large", "unsupported_media_type", "validation_failed", "rate_limited",
                     "internal_error", "unavailable"]
        for code in codes {
            #expect(page.text.contains(code))
        }
        for variable in ["MFA_HOST", "MFA_PORT", "MFA_PUBLIC_URL", "MFA_DATA_DIR", "MFA_DATABASE_URL", "MFA_SECRET_KEY_FILE",
                         "MFA_MAIL_URL", "MFA_MAIL_FROM", "MFA_ISSUER", "MFA_LINK_TTL_SECONDS", "MFA_SESSION_TTL_SECONDS",
                         "MFA_TOTP_ALGORITHM", "MFA_TOTP_DIGITS", "MFA_TOTP_PERIOD", "MFA_LIMIT_LINKS_PER_ADDRESS",
                         "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL", "MFA_LIMIT_REQUESTS_PER_CLIENT", "MFA_LIMIT_LINK_ATTEMPTS", "MFA_LIMIT_ACCOUNT_FAILURES", "MFA_LIMIT_FAILURE_CEILING",
                         "MFA_PASSWORD_HASH", "MFA_LOG_LEVEL", "MFA_LOG_FORMAT"] {
            #expect(page.text.contains(variable), "\(variable)")
        }
        #expect(page.text.contains("MFA_PUBLIC_URL --public-url http://{host}:{port}"))
        #expect(page.text.contains("5 per 15 minutes"))
        #expect(page.text.contains("Every route answers with and without a trailing slash"))
    }

    @Test func everyRequestFieldIsDescribed() {
        for field in ["email", "password", "full_name", "password_again", "totp_code", "recovery_code", "new_password",
                      "current_password", "session_token", "last_login", "expires_at", "recovery_codes_remaining",
                      "otpauth_uri", "Retry-After", "one_time_url"] {
            #expect(page.text.contains(field), "\(field)")
        }
    }
}
