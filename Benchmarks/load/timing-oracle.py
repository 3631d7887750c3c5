#!/usr/bin/env python3
"""Does the answer time of a link-sending request tell whether an address has an account?

Starts mfa-server on a free port with a fresh data directory and limits too generous
to interfere, creates one account (known@example.com) through its emailed link, then
sends N requests for the known address and N for an unknown one of the same length
(unkno@example.com), interleaved (known, unknown, known, ...) over one keep-alive connection each, after a
warm-up. Reports the medians, the 90th percentiles and a two-sided Mann-Whitney U test.

    .venv/bin/python Benchmarks/load/timing-oracle.py --binary .build/debug/mfa-server

Needs scipy (scripts/test pins it in .venv). Exit status 1 when the medians differ by
more than 5 % or p <= 0.01, so that CI can run it.
"""
import argparse
import glob
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from scipy.stats import mannwhitneyu

KNOWN = "known@example.com"
UNKNOWN = "unkno@example.com"  # same length as KNOWN: the body and the sealed email are the same size
PASSWORD = "correct horse battery staple"


def start_server(binary, data_dir):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MFA_")}
    environment.update({
        "MFA_PORT": "0", "MFA_DATA_DIR": data_dir, "MFA_LOG_FORMAT": "json",
        "MFA_METRICS_ADDRESS": "off",
        "MFA_PASSWORD_HASH": "argon2id:m=256,t=1,p=1", "MFA_ALLOW_WEAK_HASH": "1",
        "MFA_LIMIT_LINKS_PER_ADDRESS": "1000000/1", "MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL": "1000000/1",
        "MFA_LIMIT_REQUESTS_PER_CLIENT": "1000000/1",
    })
    log = open(os.path.join(data_dir, "server.log"), "w+")
    process = subprocess.Popen([binary], env=environment, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        log.seek(0)
        for line in log:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("message") == "Listening":
                return process, int(entry["address"].rsplit(":", 1)[1])
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    log.seek(0)
    sys.exit("mfa-server did not start:\n" + log.read())


def post(connection, path, fields):
    body = json.dumps(fields)
    start = time.perf_counter_ns()
    connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    return response.status, (time.perf_counter_ns() - start) / 1e6


def wait_for_token(outbox, path):
    deadline = time.time() + 15
    while time.time() < deadline:
        for name in glob.glob(os.path.join(outbox, "*.eml")):
            text = open(name, encoding="utf-8", newline="").read().replace("=\r\n", "").replace("=\n", "").replace("=3D", "=")
            match = re.search(re.escape(path) + r"\?one_time_url=([A-Za-z0-9_-]+)", text)
            if match:
                return match.group(1)
        time.sleep(0.05)
    sys.exit("no link arrived in " + outbox)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(len(ordered) * fraction + 0.999999) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the mfa-server executable")
    parser.add_argument("--requests", type=int, default=2000, help="requests per address (default 2000)")
    parser.add_argument("--warmup", type=int, default=200, help="unmeasured requests per address first")
    parser.add_argument("--route", default="/users/login/", help="/users/login/ or /users/password/reset/")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        process, port = start_server(os.path.abspath(arguments.binary), data_dir)
        try:
            setup = http.client.HTTPConnection("127.0.0.1", port)
            assert post(setup, "/users/create/", {"email": KNOWN, "password": PASSWORD})[0] == 202
            token = wait_for_token(os.path.join(data_dir, "outbox"), "/users/create/mfa/")
            assert post(setup, "/users/create/mfa/?one_time_url=" + token, {"password_again": PASSWORD})[0] == 201

            connections = {KNOWN: http.client.HTTPConnection("127.0.0.1", port),
                           UNKNOWN: http.client.HTTPConnection("127.0.0.1", port)}
            times = {KNOWN: [], UNKNOWN: []}
            for round_number in range(arguments.warmup + arguments.requests):
                # Alternate which goes first, so that neither always follows the other.
                order = (KNOWN, UNKNOWN) if round_number % 2 == 0 else (UNKNOWN, KNOWN)
                for address in order:
                    status, elapsed = post(connections[address], arguments.route, {"email": address})
                    if status != 202:
                        sys.exit(f"{address}: status {status}")
                    if round_number >= arguments.warmup:
                        times[address].append(elapsed)
        finally:
            process.terminate()
            process.wait(timeout=15)

    known, unknown = times[KNOWN], times[UNKNOWN]
    u, p = mannwhitneyu(known, unknown, alternative="two-sided")
    median_known, median_unknown = statistics.median(known), statistics.median(unknown)
    difference = abs(median_known - median_unknown) / min(median_known, median_unknown)
    result = {
        "route": arguments.route, "requests_each": arguments.requests,
        "known": {"median_ms": round(median_known, 3), "p90_ms": round(percentile(known, 0.9), 3)},
        "unknown": {"median_ms": round(median_unknown, 3), "p90_ms": round(percentile(unknown, 0.9), 3)},
        "median_difference_percent": round(difference * 100, 2),
        "mann_whitney_u": u, "p_value": p,
    }
    print(json.dumps(result, indent=2))
    return 0 if difference <= 0.05 and p > 0.01 else 1


if __name__ == "__main__":
    sys.exit(main())
