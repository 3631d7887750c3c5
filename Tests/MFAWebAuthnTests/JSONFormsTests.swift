import Foundation
import MFAWebAuthn
import Testing

@Suite("JSON forms and base64url")
struct JSONFormsTests {
    @Test("base64url encodes without padding and decodes padded or not")
    func base64url() {
        #expect(Base64URL.encode([]) == "")
        #expect(Base64URL.encode([0xFB]) == "-w")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.encode([0xFB, 0xFF, 0x00]) == "-_8A")
        #expect(Base64URL.decode("-w") == [0xFB])
        #expect(Base64URL.decode("-w==") == [0xFB])
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64URL.decode("-_8=") == [0xFB, 0xFF])
        #expect(Base64URL.decode("") == [])
        for _ in 0..<200 {
            let bytes = randomBytes(Int.random(in: 0..<40))
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test("base64url refuses other alphabets, wrong padding, impossible lengths and stray bits",
          arguments: ["+w", "/w", "-w=", "-w===", "-_8==", "A", "AAAAA", "-x", "-_9", "a b", "-w\n", "=", "===="])
    func base64urlRefusals(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("a browser's RegistrationResponseJSON decodes, extra members and all")
    func decodesBrowserJSON() throws {
        let json = """
            {"id":"AAEC","rawId":"AAEC","type":"public-key","authenticatorAttachment":"platform",
             "clientExtensionResults":{"credProps":{"rk":true}},
             "response":{"clientDataJSON":"e30","attestationObject":"oA","authenticatorData":"AA",
                         "transports":["internal","hybrid"],"publicKey":"AA","publicKeyAlgorithm":-7},
             "somethingNew":1}
            """
        let response = try JSONDecoder().decode(RegistrationResponseJSON.self, from: Data(json.utf8))
        #expect(response.response.transports == ["internal", "hybrid"])
        #expect(response.clientExtensionResults == .object(["credProps": .object(["rk": .bool(true)])]))
        let assertion = """
            {"id":"AAEC","rawId":"AAEC","type":"public-key","clientExtensionResults":{},
             "response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA","userHandle":null}}
            """
        #expect(try JSONDecoder().decode(AuthenticationResponseJSON.self, from: Data(assertion.utf8)).response.userHandle == nil)
    }

    @Test("creation options carry what parseCreationOptionsFromJSON needs")
    func creationOptions() throws {
        let relyingParty = RelyingParty(id: "example.com", name: "Example", origins: ["https://example.com"])
        let options = relyingParty.creationOptions(
            challenge: [0xFB, 0xFF], user: PublicKeyCredentialUserEntityJSON(id: [1, 2, 3], name: "a@example.com", displayName: "A"),
            excludeCredentials: [PublicKeyCredentialDescriptorJSON(id: [0xFF], transports: ["usb"])])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(options)) as! [String: Any]
        #expect((object["rp"] as? [String: String]) == ["id": "example.com", "name": "Example"])
        #expect((object["user"] as? [String: String]) == ["id": "AQID", "name": "a@example.com", "displayName": "A"])
        #expect(object["challenge"] as? String == "-_8")
        #expect((object["pubKeyCredParams"] as? [[String: Any]])?.map { $0["alg"] as? Int } == [-7, -8, -257])
        #expect((object["pubKeyCredParams"] as? [[String: Any]])?.allSatisfy { $0["type"] as? String == "public-key" } == true)
        #expect(object["timeout"] as? Int == 300_000)
        #expect(object["attestation"] as? String == "none")
        let selection = object["authenticatorSelection"] as? [String: Any]
        #expect(selection?["residentKey"] as? String == "preferred")
        #expect(selection?["requireResidentKey"] as? Bool == false)
        #expect(selection?["userVerification"] as? String == "preferred")
        let excluded = (object["excludeCredentials"] as? [[String: Any]])?.first
        #expect(excluded?["id"] as? String == "_w" && excluded?["type"] as? String == "public-key")
        #expect(object["hints"] == nil)
    }

    @Test("request options for a discoverable credential list none and can require UV")
    func requestOptions() throws {
        let relyingParty = RelyingParty(id: "example.com", name: "Example", origins: ["https://example.com"])
        let options = relyingParty.requestOptions(challenge: [1, 2, 3, 4], userVerification: .required)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(options)) as! [String: Any]
        #expect(object["rpId"] as? String == "example.com")
        #expect(object["challenge"] as? String == "AQIDBA")
        #expect((object["allowCredentials"] as? [Any])?.isEmpty == true)
        #expect(object["userVerification"] as? String == "required")
        #expect(object["timeout"] as? Int == 300_000)
        let decoded = try JSONDecoder().decode(PublicKeyCredentialRequestOptionsJSON.self, from: JSONEncoder().encode(options))
        #expect(decoded == options)
    }
}
