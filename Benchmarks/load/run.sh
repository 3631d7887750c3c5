#!/usr/bin/env bash
# The load benchmark of mfa-server (issue 12): builds the release server and the
# bare Hummingbird route, starts both, seeds accounts through the API, drives
# each route with wrk and prints one table. Docs/Performance.md explains it.
#
#   Benchmarks/load/run.sh           # about 10 s per row
#   Benchmarks/load/run.sh --quick   # about 3 s per row, fewer accounts
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

seconds=10 login_seconds=6
if [[ ${1:-} == --quick ]]; then seconds=3 login_seconds=2; fi
threads=2 # wrk threads: one per core of the 2-core machine this was written on
clock_ticks=$(getconf CLK_TCK)

echo "building (release)..." >&2
(cd .. && swift build -c release --product BareRoute >&2 && swift build -c release --product mfa-server >&2)
bin=$(cd .. && swift build -c release --show-bin-path)

export LOAD_WORK=$(mktemp -d) LOAD_THREADS=$threads
export LOAD_OUTBOX=$LOAD_WORK/data/outbox LOAD_PORT=$((20000 + RANDOM % 20000))
bare_port=$((LOAD_PORT + 1))
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$LOAD_WORK"; }
trap cleanup EXIT

"$bin/BareRoute" "$bare_port" >"$LOAD_WORK/bare.log" 2>&1 &
bare_pid=$!; pids+=("$bare_pid")
# Limits raised so that the load measures the work, not the refusals.
MFA_DATA_DIR=$LOAD_WORK/data MFA_PORT=$LOAD_PORT MFA_LOG_LEVEL=warning \
MFA_LIMIT_REQUESTS_PER_CLIENT=1000000000/60 MFA_LIMIT_LINKS_PER_ADDRESS=1000000/900 \
MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL=1000000/3600 \
  "$bin/mfa-server" >"$LOAD_WORK/server.log" 2>&1 &
server_pid=$!; pids+=("$server_pid")
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$LOAD_PORT/health" >/dev/null && curl -fs "http://127.0.0.1:$bare_port/constant" >/dev/null && break
  sleep 0.1
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Links for the full-login rows: half again what 2 cores do at ~30 ms per
# Argon2id hash (70 a second), so that the lists outlast the rows.
accounts_per_row=$(( 70 * login_seconds * 3 / 2 ))
echo "seeding $(( 2 * accounts_per_row + 224 )) accounts..." >&2
./loadtool.py seed $(( 2 * accounts_per_row + 224 ))
./loadtool.py sessions 0 16

rows=()
bare_rps=
# measure NAME PID CONNECTIONS SCRIPT PATH: one wrk run, one table row.
measure() {
  local name=$1 pid=$2 connections=$3 script=$4 path=$5 duration=${6:-$seconds}
  local before after out
  before=$(cpu_ticks "$pid")
  out=$(wrk -t"$(( connections < threads ? connections : threads ))" -c"$connections" -d"${duration}s" --timeout 30s -s "$script" "http://127.0.0.1:$( [[ $pid == "$bare_pid" ]] && echo "$bare_port" || echo "$LOAD_PORT")$path")
  after=$(cpu_ticks "$pid")
  rows+=("$(WRK_OUT=$out python3 - "$name" "$connections" "$((after - before))" "$clock_ticks" "${bare_rps:-0}" <<'PY'
import os, re, sys
name, connections, ticks, hz, bare = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
r = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"^RESULT .*$", os.environ["WRK_OUT"], re.M).group(0)))
rps = r["requests"] / (r["duration_us"] / 1e6)
cpu = ticks / hz * 1e6 / max(r["requests"], 1)
ratio = f"{rps / bare:.2f}" if bare else "1.00"
print(f"| {name} | {connections} | {rps:,.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} | {cpu:.0f} | {ratio} | {r['non2xx']} | {r['socket_errors']} |")
PY
)")
  echo "${rows[-1]}" >&2
}

echo "measuring..." >&2
measure "bare Hummingbird GET /constant" "$bare_pid" 64 report.lua /constant
bare_rps=$(sed -E 's/^\| [^|]+ \| [^|]+ \| ([0-9,]+) .*/\1/; s/,//g' <<<"${rows[0]}")
measure "POST /users/login/ (new address; every 50th existing)" "$server_pid" 16 login.lua /users/login/
measure "POST /users/login/ (new address; every 50th existing)" "$server_pid" 64 login.lua /users/login/
measure "GET /users/me" "$server_pid" 64 me.lua /users/me
measure "GET /health" "$server_pid" 64 report.lua /health

first=24
./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"; first=$((first + accounts_per_row))
measure "full login POST /users/login/mfa/" "$server_pid" 16 full-login.lua /users/login/mfa/ "$login_seconds"

./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"; first=$((first + accounts_per_row))
LOAD_THREADS=1 wrk -t1 -c16 -d"${login_seconds}s" --timeout 30s -s full-login.lua "http://127.0.0.1:$LOAD_PORT/" >"$LOAD_WORK/saturation.txt" &
saturating=$!
sleep 0.5
measure "GET /health while full logins saturate the hasher" "$server_pid" 1 report.lua /health "$((login_seconds - 1))"
wait "$saturating"

./loadtool.py logins "$first" 200 "$LOAD_WORK/burst.tsv"
echo 5 >"/proc/$server_pid/clear_refs" # resets the peak resident size
burst=$(./loadtool.py burst "$LOAD_WORK/burst.tsv")
peak_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")

echo
echo "| work | connections | req/s | p50 ms | p99 ms | server CPU µs/req | ratio to bare | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "200 concurrent full logins: $burst peak_rss_mib=$((peak_kib / 1024))"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
