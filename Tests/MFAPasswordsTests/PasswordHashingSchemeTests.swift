import MFAPasswords
import Testing

@Suite struct PasswordHashingSchemeTests {
    @Test(arguments: ["argon2id:m=19456,t=2,p=1", "argon2id:m=47104,t=1,p=1", "argon2id:m=7168,t=5,p=1",
                      "argon2id:m=65536,t=3,p=4", "scrypt:ln=17,r=8,p=1", "scrypt:ln=18,r=16,p=2"])
    func readsConfigurationsAtOrAboveOWASPMinimum(configuration: String) throws {
        let scheme = try PasswordHashingScheme(configuration: configuration)
        #expect(scheme.description == configuration)
        #expect(scheme.meetsOWASPMinimum)
    }

    @Test func readsParametersInAnyOrder() throws {
        #expect(try PasswordHashingScheme(configuration: "argon2id:p=1,t=2,m=19456") == .argon2id(.owaspRecommended))
        #expect(try PasswordHashingScheme(configuration: "scrypt:p=1,ln=17,r=8") == .scrypt(.owaspRecommended))
    }

    @Test(arguments: ["argon2id:m=19455,t=2,p=1", "argon2id:m=19456,t=1,p=1", "argon2id:m=7168,t=4,p=1",
                      "scrypt:ln=16,r=8,p=1", "scrypt:ln=17,r=4,p=1"])
    func refusesWeakConfigurationsUnlessAllowed(configuration: String) throws {
        #expect {
            try PasswordHashingScheme(configuration: configuration)
        } throws: { error in
            guard case .belowRecommendedMinimum(let reason) = error as? PasswordHashingError else { return false }
            return reason.contains(configuration)
        }
        let weak = try PasswordHashingScheme(configuration: configuration, allowWeak: true)
        #expect(!weak.meetsOWASPMinimum)
    }

    @Test func explainsWhatIsMalformed() {
        #expect(throws: PasswordHashingError.unsupportedAlgorithm) { try PasswordHashingScheme(configuration: "bcrypt:cost=12") }
        #expect(throws: PasswordHashingError.missingParameter("p")) { try PasswordHashingScheme(configuration: "argon2id:m=19456,t=2") }
        #expect(throws: PasswordHashingError.unexpectedParameter) {
            try PasswordHashingScheme(configuration: "argon2id:m=19456,t=2,p=1,x=3")
        }
        #expect(throws: PasswordHashingError.invalidParameter("t", requirement: "a decimal number without sign or leading zeros")) {
            try PasswordHashingScheme(configuration: "argon2id:m=19456,t=02,p=1")
        }
        for malformed in ["argon2id", "argon2id:", "argon2id:m=19456,,t=2", "argon2id:m=1,m=2,t=2,p=1"] {
            #expect("\(malformed)") {
                try PasswordHashingScheme(configuration: malformed)
            } throws: { error in
                guard case .malformedConfiguration = error as? PasswordHashingError else { return false }
                return true
            }
        }
        #expect(throws: PasswordHashingError.invalidParameter("p", requirement: "between 1 and 16777215")) {
            try PasswordHashingScheme(configuration: "argon2id:m=19456,t=2,p=0", allowWeak: true)
        }
    }

    @Test func comparesStrengthParameterByParameter() throws {
        let configured = PasswordHashingScheme.argon2id(.owaspRecommended)
        #expect(PasswordHashingScheme.argon2id(try Argon2id(memoryKiB: 65536, iterations: 3, parallelism: 4)).isAtLeastAsStrong(as: configured))
        #expect(!PasswordHashingScheme.argon2id(try Argon2id(memoryKiB: 47104, iterations: 1, parallelism: 1)).isAtLeastAsStrong(as: configured))
        #expect(!PasswordHashingScheme.scrypt(.owaspRecommended).isAtLeastAsStrong(as: configured))
        #expect(!configured.isAtLeastAsStrong(as: .scrypt(.owaspRecommended)))
        #expect(!PasswordHashingScheme.scrypt(try Scrypt(logRounds: 18, blockSize: 8, parallelism: 1))
            .isAtLeastAsStrong(as: .scrypt(try Scrypt(logRounds: 17, blockSize: 8, parallelism: 2))))
    }
}
