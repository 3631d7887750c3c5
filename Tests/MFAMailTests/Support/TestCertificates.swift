import Foundation
import MFATestSupport

/// A private CA the tests trust, and server certificates made with the `openssl` CLI.
struct TestCertificates {
    /// The CA the client is told to trust.
    let trustedCA: String
    /// Signed by the trusted CA, for `localhost` and `127.0.0.1`.
    let server: KeyPair
    /// Signed by a CA nobody trusts, for `localhost` and `127.0.0.1`.
    let untrustedServer: KeyPair
    /// Signed by the trusted CA, but for `mail.example.net` only.
    let wrongNameServer: KeyPair

    struct KeyPair {
        let certificate: String
        let key: String
    }

    static func make(in directory: URL) throws -> TestCertificates {
        let openssl = try ExternalTool.onPath("openssl", installation: "apt-get install openssl")
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func call(_ arguments: [String]) throws {
            _ = try openssl.run(arguments)
        }
        func makeCA(_ name: String) throws {
            try call(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                      "-keyout", path("\(name).key"), "-out", path("\(name).pem"), "-days", "2",
                      "-subj", "/CN=MFAMail \(name)",
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        func makeServer(_ name: String, signedBy ca: String, names: String) throws -> KeyPair {
            try call(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                      "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)"])
            let extensions = path("\(name).ext")
            try "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                .write(toFile: extensions, atomically: true, encoding: .utf8)
            try call(["x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).pem"), "-CAkey", path("\(ca).key"),
                      "-CAcreateserial", "-out", path("\(name).pem"), "-days", "2", "-extfile", extensions])
            return KeyPair(certificate: path("\(name).pem"), key: path("\(name).key"))
        }
        try makeCA("trusted-ca")
        try makeCA("untrusted-ca")
        return TestCertificates(
            trustedCA: path("trusted-ca.pem"),
            server: try makeServer("server", signedBy: "trusted-ca", names: "IP:127.0.0.1,DNS:localhost"),
            untrustedServer: try makeServer("untrusted", signedBy: "untrusted-ca", names: "IP:127.0.0.1,DNS:localhost"),
            wrongNameServer: try makeServer("wrong-name", signedBy: "trusted-ca", names: "DNS:mail.example.net")
        )
    }
}
