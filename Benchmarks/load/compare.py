#!/usr/bin/env python3
"""Compares builds of mfa-server on GET /users/me and GET /health, interleaved.

    Benchmarks/load/compare.py ROUNDS SECONDS NAME=BINARY[:VAR=VALUE,...] ...

Every variant starts at once (a server on a fresh data directory with the
load benchmark's raised limits, seeded with 24 accounts and 16 sessions; a
NAME starting with "bare" is the bare route binary instead), then each round
drives every variant's rows with `wrk -t2 -c64` for SECONDS in turn. It prints
the median rate, the median server CPU per request and the ratio to the bare
route's median. On a machine shared with others a build's rate moves by a
third between runs minutes apart; variants measured seconds apart, many times,
move together, so their ratios hold where two separate runs' would not.

Example (the fifth session's comparison of lookups):
    Benchmarks/load/compare.py 5 2 bare=Benchmarks/.build/release/BareRoute \
        before=/tmp/mfa-server-before after=.build/release/mfa-server
"""
import os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def start(spec):
    name, rest = spec.split("=", 1)
    binary, _, settings = rest.partition(":")
    env = dict(os.environ)
    env.update(setting.split("=", 1) for setting in filter(None, settings.split(",")))
    work, port = tempfile.mkdtemp(), free_port()
    if name.startswith("bare"):
        process = subprocess.Popen([binary, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return dict(name=name, port=port, process=process, work=work, env=env, rows=[("bare", "report.lua", "/constant")])
    env.update(
        MFA_DATA_DIR=f"{work}/data", MFA_PORT=str(port), MFA_LOG_LEVEL="warning", MFA_METRICS_ADDRESS="127.0.0.1:0",
        MFA_LIMIT_REQUESTS_PER_CLIENT="1000000000/60", MFA_LIMIT_LINKS_PER_ADDRESS="1000000/900",
        MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL="1000000/3600",
        LOAD_WORK=work, LOAD_PORT=str(port), LOAD_EXISTING="24", LOAD_THREADS="2", LOAD_OUTBOX=f"{work}/data/outbox",
    )
    process = subprocess.Popen([binary], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return dict(name=name, port=port, process=process, work=work, env=env,
                rows=[("me", "me.lua", "/users/me"), ("health", "report.lua", "/health")])


def seed(variant):
    for _ in range(100):
        if subprocess.run(["curl", "-fs", f"http://127.0.0.1:{variant['port']}/health"], capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    for command in (["seed", "24"], ["sessions", "0", "16"]):
        subprocess.run(["./loadtool.py", *command], cwd=here, env=variant["env"], capture_output=True, check=True)


def main():
    rounds, seconds, specs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    variants = [start(spec) for spec in specs]
    results = {}
    try:
        time.sleep(1.5)
        for variant in variants:
            if not variant["name"].startswith("bare"):
                seed(variant)
        for _ in range(rounds):
            for variant in variants:
                for row, script, path in variant["rows"]:
                    before = cpu_ticks(variant["process"].pid)
                    output = subprocess.run(
                        ["wrk", "-t2", "-c64", f"-d{seconds}s", "-s", script, f"http://127.0.0.1:{variant['port']}{path}"],
                        cwd=here, env=variant["env"], capture_output=True, text=True, check=True,
                    ).stdout
                    ticks = cpu_ticks(variant["process"].pid) - before
                    requests = int(re.search(r"requests=(\d+)", output).group(1))
                    duration = int(re.search(r"duration_us=(\d+)", output).group(1))
                    cpu = ticks * 1e6 / os.sysconf("SC_CLK_TCK") / requests
                    results.setdefault((variant["name"], row), []).append((requests * 1e6 / duration, cpu))
    finally:
        for variant in variants:
            variant["process"].kill()
            shutil.rmtree(variant["work"], ignore_errors=True)
    bare = [rate for (name, _), runs in results.items() if name.startswith("bare") for rate, _ in runs]
    bare_median = statistics.median(bare) if bare else None
    for (name, row), runs in results.items():
        rate = statistics.median(rate for rate, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        ratio = f"{rate / bare_median:.2f}" if bare_median else "–"
        print(f"{name:12} {row:7} {rate:8.0f} req/s {cpu:6.1f} µs/req  ratio {ratio}  runs {[round(r) for r, _ in runs]}")


if __name__ == "__main__":
    main()
