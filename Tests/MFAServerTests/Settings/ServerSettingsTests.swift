import MFACore
import MFAPostgres
import Testing
@testable import MFAServerKit

@Suite struct ServerSettingsTests {
    @Test func theDefaultsAreTheContracts() throws {
        let settings = try ServerSettings(values: [:])
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8000)
        #expect(settings.publicURL(listeningOn: 8000) == "http://127.0.0.1:8000")
        #expect(settings.database == .sqlite(path: "./mfa-data/mfa.sqlite"))
        #expect(settings.secretKeyFile == "./mfa-data/secret.key")
        #expect(settings.mail == .directory(path: "./mfa-data/outbox"))
        #expect(settings.mailFrom.description == "MFA Server <no-reply@localhost>")
        #expect(settings.service.issuer == "MFAServer")
        #expect(settings.service.linkLifetime == 600)
        #expect(settings.service.sessionLifetime == 43_200)
        #expect(settings.service.totpAlgorithm == .sha1)
        #expect(settings.service.totpDigits == 6)
        #expect(settings.service.totpPeriod == 30)
        #expect(settings.service.linksPerAddress == RateLimit(count: 5, window: 900))
        #expect(settings.service.linksPerAddressTotal == RateLimit(count: 20, window: 3_600))
        #expect(settings.service.requestsPerClient == RateLimit(count: 60, window: 60))
        #expect(settings.service.attemptsPerLink == 5)
        #expect(settings.service.lockPolicy.failuresPerLock == 10)
        #expect(settings.service.lockPolicy.firstLock == 900)
        #expect(settings.service.lockPolicy.maxLock == 86_400)
        #expect(settings.service.lockPolicy.ceiling == 100)
        #expect(settings.passwordHashing.description == "argon2id:m=19456,t=2,p=1")
        #expect(settings.logLevel == .info)
        #expect(settings.logFormat == .text)
    }

    @Test func theDataDirectoryMovesTheDefaultsBelowIt() throws {
        let settings = try ServerSettings(values: [.dataDirectory: "/var/lib/mfa"])
        #expect(settings.database == .sqlite(path: "/var/lib/mfa/mfa.sqlite"))
        #expect(settings.secretKeyFile == "/var/lib/mfa/secret.key")
        #expect(settings.mail == .directory(path: "/var/lib/mfa/outbox"))
    }

    @Test func aPostgresURLIsReadWithItsPasswordKeptOutOfItsDescription() throws {
        let settings = try ServerSettings(values: [
            .databaseURL: "postgresql://mfa:p%40ss@db.internal:6432/auth?sslmode=verify-full", .databaseTimeout: "3",
        ])
        guard case .postgres(let url) = settings.database else { throw TestFailure("\(settings.database) is not PostgreSQL") }
        #expect([url.host, "\(url.port)", url.username, url.password, url.database] == ["db.internal", "6432", "mfa", "p@ss", "auth"])
        #expect(url.tlsMode == .verifyFull)
        #expect(settings.database.description == "postgres://db.internal:6432/auth")
        #expect(settings.databaseTimeout == .seconds(3))
        let defaults = try PostgresDatabaseURL("postgres://mfa@[::1]")
        #expect([defaults.host, "\(defaults.port)", defaults.database, defaults.tlsMode.rawValue] == ["::1", "5432", "mfa", "prefer"])
        #expect(defaults.password == nil)
        #expect(defaults.description == "[::1]:5432/mfa")
    }

    @Test func everySettingIsRead() throws {
        let settings = try ServerSettings(values: [
            .host: "0.0.0.0", .port: "0", .publicURL: "https://auth.example.com",
            .databaseURL: "sqlite:///tmp/x.sqlite", .secretKeyFile: "/tmp/key", .mailURL: "log:",
            .mailFrom: "Auth <auth@example.com>", .issuer: "Example", .linkLifetime: "300", .sessionLifetime: "3600",
            .totpAlgorithm: "sha256", .totpDigits: "8", .totpPeriod: "60", .linksPerAddress: "3/60",
            .linksPerAddressTotal: "7/600", .requestsPerClient: "100/10", .attemptsPerLink: "3", .accountFailures: "4/120", .failureCeiling: "40",
            .passwordHash: "scrypt:ln=17,r=8,p=1", .logLevel: "debug", .logFormat: "json",
        ])
        #expect(settings.host == "0.0.0.0")
        #expect(settings.port == 0)
        #expect(settings.publicURL(listeningOn: 1234) == "https://auth.example.com")
        #expect(settings.database == .sqlite(path: "/tmp/x.sqlite"))
        #expect(settings.secretKeyFile == "/tmp/key")
        #expect(settings.mail == .log)
        #expect(settings.mailFrom.description == "Auth <auth@example.com>")
        #expect(settings.service.issuer == "Example")
        #expect(settings.service.linkLifetime == 300)
        #expect(settings.service.sessionLifetime == 3600)
        #expect(settings.service.totpAlgorithm == .sha256)
        #expect(settings.service.totpDigits == 8)
        #expect(settings.service.totpPeriod == 60)
        #expect(settings.service.linksPerAddress == RateLimit(count: 3, window: 60))
        #expect(settings.service.linksPerAddressTotal == RateLimit(count: 7, window: 600))
        #expect(settings.service.requestsPerClient == RateLimit(count: 100, window: 10))
        #expect(settings.service.attemptsPerLink == 3)
        #expect(settings.service.lockPolicy.failuresPerLock == 4)
        #expect(settings.service.lockPolicy.firstLock == 120)
        #expect(settings.service.lockPolicy.ceiling == 40)
        #expect(settings.passwordHashing.description == "scrypt:ln=17,r=8,p=1")
        #expect(settings.logLevel == .debug)
        #expect(settings.logFormat == .json)
    }

    @Test func theDefaultPublicURLNamesThePortTheServerListensOn() throws {
        #expect(try ServerSettings(values: [.port: "0"]).publicURL(listeningOn: 41_234) == "http://127.0.0.1:41234")
        #expect(try ServerSettings(values: [.host: "::1"]).publicURL(listeningOn: 8000) == "http://[::1]:8000")
    }

    @Test func lifetimesAreAcceptedAtTheEndsOfTheirRanges() throws {
        for (link, session) in [("1", "1"), ("600", "2592000")] {
            let settings = try ServerSettings(values: [.linkLifetime: link, .sessionLifetime: session])
            #expect(settings.service.linkLifetime == Double(link))
            #expect(settings.service.sessionLifetime == Double(session))
        }
    }

    @Test func theMetricsListenerIsOnLoopbackByDefaultAndCanBeMovedOrTurnedOff() throws {
        #expect(try ServerSettings(values: [:]).metricsAddress == ListenAddress(host: "127.0.0.1", port: 9464))
        #expect(try ServerSettings(values: [.metricsAddress: "[::1]:0"]).metricsAddress == ListenAddress(host: "::1", port: 0))
        #expect(try ServerSettings(values: [.metricsAddress: "off"]).metricsAddress == nil)
    }

    @Test func connectionLimitsHaveTheirDefaultsAndCanBeSet() throws {
        #expect(try ServerSettings(values: [:]).connectionLimits == ConnectionLimits())
        let limits = try ServerSettings(values: [.idleTimeout: "5", .requestTimeout: "2", .maxConnections: "100"]).connectionLimits
        #expect((limits.idleTimeout, limits.requestTimeout, limits.maxConnections) == (5, 2, 100))
    }

    @Test func trustedProxiesAreNoneByDefault() throws {
        #expect(try ServerSettings(values: [:]).trustedProxies.ranges.isEmpty)
        let proxies = try ServerSettings(values: [.trustedProxies: "10.0.0.0/8, 2001:db8::/32,192.0.2.1"]).trustedProxies
        #expect(proxies.ranges.map(\.description) == ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"])
    }

    @Test func anEmptyValueTakesTheDefault() throws {
        #expect(try ServerSettings(values: [.port: "", .publicURL: ""]).port == 8000)
        #expect(try ServerSettings(values: [.publicURL: ""]).explicitPublicURL == nil)
    }

    @Test(arguments: [
        (ServerSetting.port, "80a", "must be a number from 0 to 65535"),
        (.port, "65536", "must be a number from 0 to 65535"),
        (.publicURL, "auth.example.com", "must start with http:// or https://"),
        (.databaseURL, "postgres://u:p@/mfa", "postgres:// needs a host"),
        (.databaseURL, "postgres://localhost/mfa", "postgres:// needs a user name"),
        (.databaseURL, "postgres://u:p@localhost/mfa?sslmode=on", "sslmode must be one of disable, prefer, require, verify-ca, verify-full"),
        (.databaseURL, "mysql://localhost", "must be sqlite://PATH or postgres://user:password@host:port/database"),
        (.databaseTimeout, "61", "must be a whole number of seconds from 1 to 60"),
        (.mailURL, "mailto:ada@example.com", "must be smtp://..., file:///dir or log:"),
        (.issuer, "Acme:Corp", "must be non-empty and contain no colon"),
        (.linkLifetime, "ten", "must be a whole number of seconds"),
        (.linkLifetime, "0", "must be 1 to 600 seconds"),
        (.linkLifetime, "601", "must be 1 to 600 seconds"),
        (.sessionLifetime, "0", "must be 1 to 2592000 seconds"),
        (.sessionLifetime, "2592001", "must be 1 to 2592000 seconds"),
        (.metricsAddress, "9464", "must be host:port (such as 127.0.0.1:9464 or [::1]:9464) or off"),
        (.metricsAddress, "[::1]9464", "must be host:port (such as 127.0.0.1:9464 or [::1]:9464) or off"),
        (.trustedProxies, "10.0.0.0/33", "must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,2001:db8::/32"),
        (.trustedProxies, "proxy.internal", "must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.0/8,2001:db8::/32"),
        (.idleTimeout, "0", "must be a whole number of seconds from 1 to 3600"),
        (.requestTimeout, "601", "must be a whole number of seconds from 1 to 600"),
        (.maxConnections, "0", "must be a whole number from 1 to 1000000"),
        (.totpAlgorithm, "MD5", "must be one of SHA1, SHA256, SHA512"),
        (.totpDigits, "9", "must be 6, 7 or 8"),
        (.linksPerAddress, "5", "must be count/seconds with both at least 1, such as 5/900"),
        (.linksPerAddressTotal, "20/0", "must be count/seconds with both at least 1, such as 20/3600"),
        (.requestsPerClient, "0/60", "must be count/seconds with both at least 1, such as 60/60"),
        (.accountFailures, "10/", "must be count/seconds with both at least 1, such as 10/900"),
        (.failureCeiling, "5", "must be at least the failures per lock"),
        (.allowWeakHash, "maybe", "must be 1 or 0"),
        (.logLevel, "loud", "must be one of trace, debug, info, notice, warning, error, critical"),
        (.logFormat, "xml", "must be one of text, json"),
    ])
    func aMalformedSettingIsNamedWithWhatIsWrong(setting: ServerSetting, value: String, problem: String) {
        #expect(throws: SettingError(setting, problem)) {
            try ServerSettings(values: [setting: value])
        }
    }

    @Test func anSMTPURLIsReadWithTheSenderAndNeverRepeatedInAnError() throws {
        let settings = try ServerSettings(values: [
            .mailURL: "smtp://mfa:s3cret@mail.example.com:587?tls=starttls", .mailFrom: "Auth <auth@example.com>",
        ])
        guard case .smtp(let smtp) = settings.mail else {
            Issue.record("not SMTP: \(settings.mail)")
            return
        }
        #expect(smtp.host == "mail.example.com")
        #expect(smtp.port == 587)
        #expect(smtp.security == .startTLS)
        #expect(smtp.sender.description == "Auth <auth@example.com>")

        let error = #expect(throws: SettingError.self) {
            try ServerSettings(values: [.mailURL: "smtp://mfa:s3cret@mail.example.com:587?tls=maybe"])
        }
        #expect(error?.setting == .mailURL)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func aMalformedSenderIsNamed() {
        let error = #expect(throws: SettingError.self) {
            try ServerSettings(values: [.mailFrom: "MFA <not an address>"])
        }
        #expect(error?.setting == .mailFrom)
    }

    @Test func aWeakPasswordHashIsRefusedUnlessAllowed() throws {
        let error = #expect(throws: SettingError.self) {
            try ServerSettings(values: [.passwordHash: "argon2id:m=64,t=1,p=1"])
        }
        #expect(error?.setting == .passwordHash)
        #expect(error?.description.hasPrefix("MFA_PASSWORD_HASH (--password-hash): ") == true)
        let allowed = try ServerSettings(values: [.passwordHash: "argon2id:m=64,t=1,p=1", .allowWeakHash: "1"])
        #expect(allowed.passwordHashing.description == "argon2id:m=64,t=1,p=1")
    }

    @Test func anErrorNamesTheVariableAndTheFlag() {
        #expect(SettingError(.port, "must be a number from 0 to 65535").description
            == "MFA_PORT (--port): must be a number from 0 to 65535")
    }
}
