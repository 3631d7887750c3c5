"""Regenerates py_webauthn-vectors.json from py_webauthn's own test suite.

The vectors are the registration and authentication responses of real authenticators
that py_webauthn (https://github.com/duo-labs/py_webauthn, BSD-3-Clause, Copyright (c)
2017-2021 Duo Security, Inc.) keeps in its tests. This script runs a chosen few of those
tests with `verify_registration_response` / `verify_authentication_response` replaced by
a recorder that keeps the arguments each test passes and py_webauthn's own verdict, so
that the fixture holds exactly their inputs, not a copy typed by hand.

Usage: python extract_py_webauthn_vectors.py PATH/TO/py_webauthn > py_webauthn-vectors.json
(a checkout of py_webauthn: its `webauthn` package judges the vectors of its own `tests`;
its dependencies cbor2, cryptography and pyOpenSSL installed, e.g. by `pip install webauthn`).
Extracted from commit b4bf63f (after v2.8.0-alpha1).
"""
import importlib
import json
import os
import sys
import unittest

sys.path[:0] = [sys.argv[1], os.path.join(sys.argv[1], "tests")]

from webauthn import verify_authentication_response, verify_registration_response  # noqa: E402
from webauthn.helpers import bytes_to_base64url  # noqa: E402

REGISTRATIONS = [
    ("test_verify_registration_response", "TestVerifyRegistrationResponse", "test_verifies_none_attestation_response"),
    ("test_verify_registration_response_packed", "TestVerifyRegistrationResponsePacked", "test_verify_attestation_from_yubikey_firefox"),
    ("test_verify_registration_response_packed", "TestVerifyRegistrationResponsePacked", "test_verify_attestation_with_okp_public_key"),
]
AUTHENTICATIONS = [
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_verify_authentication_response_with_EC2_public_key"),
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_verify_authentication_response_with_RSA_public_key"),
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_verify_authentication_response_with_OKP_public_key"),
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_supports_multiple_expected_origins"),
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_raises_exception_on_incorrect_public_key"),
    ("test_verify_authentication_response", "TestVerifyAuthenticationResponse", "test_raises_exception_on_uv_required_but_false"),
]


def credential_json(credential):
    if isinstance(credential, str):
        return json.loads(credential)
    if isinstance(credential, dict):
        return credential
    raise TypeError("the chosen tests pass JSON or dicts")


def origins(value):
    return value if isinstance(value, list) else [value]


def run(module_name, class_name, test_name, kind, out):
    module = importlib.import_module(module_name)
    real = verify_registration_response if kind == "registration" else verify_authentication_response
    name = "verify_registration_response" if kind == "registration" else "verify_authentication_response"

    def recorder(**kwargs):
        entry = {
            "source": f"py_webauthn tests/{module_name}.py::{class_name}::{test_name}",
            "kind": kind,
            "credential": credential_json(kwargs["credential"]),
            "challenge": bytes_to_base64url(kwargs["expected_challenge"]),
            "rpID": kwargs["expected_rp_id"],
            "origins": origins(kwargs["expected_origin"]),
            "requireUserVerification": kwargs.get("require_user_verification", False),
        }
        if kind == "authentication":
            entry["credentialPublicKey"] = bytes_to_base64url(kwargs["credential_public_key"])
            entry["storedSignCount"] = kwargs["credential_current_sign_count"]
        try:
            result = real(**kwargs)
        except Exception as error:  # py_webauthn's verdict is part of the vector
            entry["expected"] = {"valid": False, "pyWebauthnError": type(error).__name__}
            out.append(entry)
            raise
        if kind == "registration":
            entry["expected"] = {
                "valid": True,
                "format": str(getattr(result.fmt, "value", result.fmt)),
                "aaguid": result.aaguid,
                "credentialID": bytes_to_base64url(result.credential_id),
                "credentialPublicKey": bytes_to_base64url(result.credential_public_key),
                "signCount": result.sign_count,
                "backedUp": result.credential_backed_up,
                "userVerified": result.user_verified,
            }
        else:
            entry["expected"] = {
                "valid": True,
                "newSignCount": result.new_sign_count,
                "backedUp": result.credential_backed_up,
                "userVerified": result.user_verified,
            }
        out.append(entry)
        return result

    setattr(module, name, recorder)
    suite = unittest.TestSuite([getattr(module, class_name)(test_name)])
    outcome = unittest.TextTestRunner(stream=sys.stderr, verbosity=0).run(suite)
    if not outcome.wasSuccessful():
        raise SystemExit(f"{module_name}::{test_name} failed under py_webauthn itself")


def main():
    out = []
    for module_name, class_name, test_name in REGISTRATIONS:
        run(module_name, class_name, test_name, "registration", out)
    for module_name, class_name, test_name in AUTHENTICATIONS:
        run(module_name, class_name, test_name, "authentication", out)
    json.dump({"license": "Vectors from py_webauthn's test suite (https://github.com/duo-labs/py_webauthn), "
               "BSD-3-Clause, Copyright (c) 2017-2021 Duo Security, Inc.; extracted by extract_py_webauthn_vectors.py.",
               "vectors": out}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
