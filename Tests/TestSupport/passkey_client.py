"""An independent WebAuthn client for mfa-server's passkey routes.

python-fido2 builds and parses every WebAuthn structure (options, client data,
authenticator data, attested credential data, COSE keys, attestation objects and the
JSON forms); a small software authenticator on `cryptography` signs with ES256, EdDSA
or RS256. None of it shares code with the server.

Reads {"url", "session", "origin", "rp_id"} on standard input: the server, a bearer
session of an account, and the origin and relying party id the server expects. Prints
one line per case, "case: got STATUS (want STATUS)"; if any case got another status than
it wants, prints them to standard error instead and exits 1.
"""

import json
import os
import sys
import urllib.error
import urllib.request

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from fido2 import cose
from fido2.webauthn import (
    Aaguid,
    AttestationObject,
    AttestedCredentialData,
    AuthenticationResponse,
    AuthenticatorAssertionResponse,
    AuthenticatorAttestationResponse,
    AuthenticatorData,
    CollectedClientData,
    PublicKeyCredentialCreationOptions,
    PublicKeyCredentialRequestOptions,
    RegistrationResponse,
)

FLAGS = AuthenticatorData.FLAG
COSE_KEYS = {-7: cose.ES256, -8: cose.EdDSA, -257: cose.RS256}


class SoftAuthenticator:
    """A resident-key authenticator with user verification, for one algorithm."""

    def __init__(self, algorithm):
        self.algorithm = algorithm
        if algorithm == -7:
            self.key = ec.generate_private_key(ec.SECP256R1())
        elif algorithm == -8:
            self.key = ed25519.Ed25519PrivateKey.generate()
        else:
            self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.credential_id = os.urandom(32)
        self.counter = 0
        self.user_handle = None

    def sign(self, data):
        if self.algorithm == -7:
            return self.key.sign(data, ec.ECDSA(hashes.SHA256()))
        if self.algorithm == -8:
            return self.key.sign(data)
        return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())

    def create(self, options, origin, rp_id=None, challenge=None):
        """A RegistrationResponseJSON answering creation options."""
        self.user_handle = options.user.id
        public_key = COSE_KEYS[self.algorithm].from_cryptography_key(self.key.public_key())
        attested = AttestedCredentialData.create(Aaguid.NONE, self.credential_id, public_key)
        rp_id_hash = hashes_sha256((rp_id or options.rp.id).encode())
        flags = FLAGS.UP | FLAGS.UV | FLAGS.AT
        authenticator_data = AuthenticatorData.create(rp_id_hash, flags, self.counter, attested)
        client_data = CollectedClientData.create(
            type=CollectedClientData.TYPE.CREATE, challenge=challenge or options.challenge, origin=origin
        )
        response = RegistrationResponse(
            raw_id=self.credential_id,
            response=AuthenticatorAttestationResponse(
                client_data=client_data,
                attestation_object=AttestationObject.create("none", authenticator_data, {}),
            ),
        )
        return dict(response)

    def get(self, options, origin, rp_id=None, challenge=None, flags=None, counter=None, bad_signature=False):
        """An AuthenticationResponseJSON answering request options; each argument bends one thing."""
        self.counter = self.counter + 1 if counter is None else counter
        rp_id_hash = hashes_sha256((rp_id or options.rp_id).encode())
        authenticator_data = AuthenticatorData.create(
            rp_id_hash, FLAGS.UP | FLAGS.UV if flags is None else flags, self.counter
        )
        client_data = CollectedClientData.create(
            type=CollectedClientData.TYPE.GET, challenge=challenge or options.challenge, origin=origin
        )
        signature = self.sign(bytes(authenticator_data) + client_data.hash)
        if bad_signature:
            signature = signature[:-1] + bytes([signature[-1] ^ 0x01])
        response = AuthenticationResponse(
            raw_id=self.credential_id,
            response=AuthenticatorAssertionResponse(
                client_data=client_data,
                authenticator_data=authenticator_data,
                signature=signature,
                user_handle=self.user_handle,
            ),
        )
        return dict(response)


def hashes_sha256(data):
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


class Server:
    def __init__(self, url, session):
        self.url = url
        self.session = session

    def post(self, path, body, bearer=False):
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST")
        request.add_header("Content-Type", "application/json")
        if bearer:
            request.add_header("Authorization", "Bearer " + self.session)
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def creation_options(self):
        status, answer = self.post("/users/passkeys/registration/options", {}, bearer=True)
        assert status == 200, (status, answer)
        return PublicKeyCredentialCreationOptions.from_dict(answer["publicKey"])

    def sign_in_options(self):
        status, answer = self.post("/users/login/passkey/options", {})
        assert status == 200, (status, answer)
        return PublicKeyCredentialRequestOptions.from_dict(answer["publicKey"])


def main():
    config = json.load(sys.stdin)
    server = Server(config["url"], config["session"])
    origin, rp_id = config["origin"], config["rp_id"]
    results = []

    def check(case, status, want):
        results.append((case, status, want))

    authenticators = {}
    for name, algorithm in [("ES256", -7), ("EdDSA", -8), ("RS256", -257)]:
        options = server.creation_options()
        assert algorithm in [parameters.alg for parameters in options.pub_key_cred_params]
        authenticator = SoftAuthenticator(algorithm)
        status, _ = server.post(
            "/users/passkeys/registration",
            {"credential": authenticator.create(options, origin), "name": name},
            bearer=True,
        )
        check(f"{name} registers", status, 201)
        request = server.sign_in_options()
        assert not request.allow_credentials and request.user_verification == "required"
        status, login = server.post("/users/login/passkey", {"credential": authenticator.get(request, origin)})
        check(f"{name} signs in alone", status, 200)
        if status == 200:
            me = urllib.request.Request(config["url"] + "/users/me")
            me.add_header("Authorization", "Bearer " + login["session_token"])
            with urllib.request.urlopen(me) as response:
                check(f"{name} session opens /users/me", response.status, 200)
        authenticators[name] = authenticator

    # Registrations bent one way each are refused, naming the credential.
    for case, bend in [
        ("registration from another origin", {"origin": "http://evil.localhost:8000"}),
        ("registration for another RP id", {"rp_id": "evil.example"}),
        ("registration answering another challenge", {"challenge": os.urandom(32)}),
    ]:
        options = server.creation_options()
        credential = SoftAuthenticator(-7).create(options, bend.get("origin", origin), bend.get("rp_id"), bend.get("challenge"))
        status, answer = server.post("/users/passkeys/registration", {"credential": credential}, bearer=True)
        check(case, status if [e["field"] for e in answer.get("errors", [])] == ["credential"] else -status, 422)

    # Assertions bent one way each are refused: any failure is 401.
    es256 = authenticators["ES256"]
    stored = es256.counter  # the counter of its last accepted assertion
    for case, bend in [
        ("assertion from another origin", {"origin": "http://evil.localhost:8000"}),
        ("assertion answering another challenge", {"challenge": os.urandom(32)}),
        ("assertion for another RP id", {"rp_id": "evil.example"}),
        ("assertion with a wrong signature", {"bad_signature": True}),
        ("assertion without user verification", {"flags": FLAGS.UP}),
        ("assertion without user presence", {"flags": FLAGS.UV}),
        ("assertion whose counter stayed", {"counter": stored}),
        ("assertion whose counter went backwards", {"counter": stored - 1}),
    ]:
        request = server.sign_in_options()
        arguments = dict(bend)
        credential = es256.get(request, arguments.pop("origin", origin), **arguments)
        status, _ = server.post("/users/login/passkey", {"credential": credential})
        check(case, status, 401)

    # A right assertion, its counter past the stored one, works once: its challenge is used up.
    request = server.sign_in_options()
    credential = es256.get(request, origin, counter=stored + 1)
    status, _ = server.post("/users/login/passkey", {"credential": credential})
    check("fresh assertion after the refusals", status, 200)
    status, _ = server.post("/users/login/passkey", {"credential": credential})
    check("the same assertion again", status, 401)

    report = "".join(f"{case}: got {status} (want {want})\n" for case, status, want in results)
    failed = any(status != want for _, status, want in results)
    # On failure the report goes to standard error too, where the test shows it.
    (sys.stderr if failed else sys.stdout).write(report)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
