import MFAPasswords
import PropertyBased
import Testing

@Suite struct PHCStringTests {
    @Test func parsesAnArgon2idStringFromLibargon2() throws {
        // echo -n password | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -e
        let text = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE"
        let phc = try PHCString(parsing: text)
        #expect(phc.algorithm == "argon2id")
        #expect(phc.version == 19)
        #expect(phc.parameters == [.init(name: "m", value: "19456"), .init(name: "t", value: "2"), .init(name: "p", value: "1")])
        #expect(phc[parameter: "t"] == "2")
        #expect(phc.salt == Array("somesaltsomesalt".utf8))
        #expect(hexString(phc.hash) == "2b5dc4054886ec957ef59c73b661c54dd6fb274590b278f657c6d96aac8fa6d1")
        #expect(phc.encoded == text)
    }

    @Test func parsesAStringWithoutVersionOrParameters() throws {
        let phc = try PHCString(parsing: "$scrypt$ln=17,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$AQID")
        #expect(phc.version == nil)
        #expect(phc.hash == [1, 2, 3])
        #expect(try PHCString(parsing: "$x$AQ$AQ").parameters.isEmpty)
    }

    @Test func formatsAndParsesBackAnyString() async {
        let bytes = Gen.uint8().array(of: 1...48)
        let names = Gen.element(of: ["m", "t", "ln", "key-id"]).map { $0 ?? "m" }
        await propertyCheck(input: bytes, bytes, Gen.int(in: 0...100_000), names, Gen.bool) { salt, hash, number, name, hasVersion in
            let phc = PHCString(
                algorithm: "argon2id", version: hasVersion ? 19 : nil,
                parameters: [.init(name: name, value: "\(number)"), .init(name: "p", value: "a/b+c.d-E")],
                salt: salt, hash: hash
            )
            #expect((try? PHCString(parsing: phc.encoded)) == phc)
        }
    }

    @Test(arguments: [
        ("", PHCStringError.missingLeadingDollar),
        ("argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAA", .missingLeadingDollar),
        ("$", .invalidAlgorithmIdentifier),
        ("$Argon2id$AAAA$AAAA", .invalidAlgorithmIdentifier),
        ("$argon2id$v=x$m=8$AAAA$AAAA", .invalidVersion),
        ("$argon2id$v=019$m=8$AAAA$AAAA", .invalidVersion),
        ("$argon2id$v=19$m=8,,p=1$AAAA$AAAA", .malformedParameter(position: 2)),
        ("$argon2id$v=19$m=8,t=$AAAA$AAAA", .malformedParameter(position: 2)),
        ("$argon2id$v=19$m=8,t=1,t=2$AAAA$AAAA", .duplicateParameter(position: 3)),
        ("$argon2id$v=19$m=8,t=1,p=1", .missingSalt),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA", .missingHash),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA$AAAA", .unexpectedField),
        ("$argon2id$v=19$m=8,t=1,p=1$$AAAA", .invalidSalt),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA=$AAAA", .invalidSalt),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAAA", .invalidHash),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA$AAB", .invalidHash),
        ("$argon2id$v=19$m=8,t=1,p=1$AAAA$AA-A", .invalidHash),
    ])
    func refusesMalformedStrings(text: String, error: PHCStringError) {
        #expect(throws: error) { try PHCString(parsing: text) }
    }

    @Test func errorsNeverQuoteTheInput() {
        // A password passed as the stored hash by mistake must not reach the logs.
        for text in ["$hunter2", "$x$secretvalue=1,,$AAAA$AAAA", "$x$v=hunter2$AAAA$AAAA", "$x$AAAA$hunter2!"] {
            #expect {
                try PHCString(parsing: text)
            } throws: { error in
                let message = String(describing: error)
                return !message.contains("hunter2") && !message.contains("secretvalue")
            }
        }
    }
}
