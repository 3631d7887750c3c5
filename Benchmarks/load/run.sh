#!/usr/bin/env bash
# The load benchmark of mfa-server (issues 12 and 17): builds the release server
# and the bare Hummingbird route, starts both, seeds accounts through the API,
# drives each route with wrk and prints one table: first on SQLite, then on
# PostgreSQL with one server and with two servers on one database.
# Docs/Performance.md explains it.
#
#   Benchmarks/load/run.sh                   # about 10 s per row
#   Benchmarks/load/run.sh --quick           # about 3 s per row, fewer accounts
#   Benchmarks/load/run.sh --postgres-only   # the bare route and the PostgreSQL rows
#
# PostgreSQL: a throwaway cluster of its own (fsync on, as in production),
# stopped on exit; or, with MFA_TEST_POSTGRES_URL=postgres://user@host:port/db,
# a database created on that server and dropped on exit (the database's CPU is
# then not measured).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

seconds=10 login_seconds=6 sqlite=1
for argument in "$@"; do
  case $argument in
    --quick) seconds=3 login_seconds=2 ;;
    --postgres-only) sqlite= ;;
    *) echo "usage: $0 [--quick] [--postgres-only]" >&2; exit 2 ;;
  esac
done
threads=2 # wrk threads: one per core of the 2-core machine this was written on
clock_ticks=$(getconf CLK_TCK)

echo "building (release)..." >&2
# The server from the project's own build (what a user runs); the three tools
# from this package.
(cd ../.. && swift build -c release --product mfa-server >&2)
(cd .. && for product in BareRoute DurableRoute Argon2idHash; do swift build -c release --product $product >&2; done)
server_bin=$(cd ../.. && swift build -c release --show-bin-path)
bin=$(cd .. && swift build -c release --show-bin-path)

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

export LOAD_WORK=$(mktemp -d) LOAD_THREADS=$threads
bare_port=$(free_port)
pids=() pg_stop=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ ${#pg_stop[@]} -gt 0 ]]; then "${pg_stop[@]}" >/dev/null 2>&1 || true; fi
  rm -rf "$LOAD_WORK"
}
trap cleanup EXIT

# wait_for PORT PATH LOG: until the server answers, or fails with its log.
wait_for() {
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$1$2" >/dev/null && return; sleep 0.1; done
  echo "no answer on port $1 after 20 s; its log:" >&2; cat "$3" >&2; exit 1
}

# start_server NAME PORT [SETTING=VALUE...]: one mfa-server (its pid in
# $server_pid), its data in $LOAD_WORK/NAME-data unless the settings say
# otherwise. Limits raised so that the load measures the work, not the
# refusals; metrics on a free port, so that several servers run side by side.
start_server() {
  local name=$1 port=$2; shift 2
  env MFA_DATA_DIR="$LOAD_WORK/$name-data" MFA_PORT="$port" MFA_LOG_LEVEL=warning MFA_METRICS_ADDRESS=127.0.0.1:0 \
    MFA_LIMIT_REQUESTS_PER_CLIENT=1000000000/60 MFA_LIMIT_LINKS_PER_ADDRESS=1000000/900 \
    MFA_LIMIT_LINKS_PER_ADDRESS_TOTAL=1000000/3600 "$@" \
    "$server_bin/mfa-server" >"$LOAD_WORK/$name.log" 2>&1 &
  server_pid=$!; pids+=("$server_pid")
  wait_for "$port" /health "$LOAD_WORK/$name.log"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# wait_until_idle "PIDS": until the processes use under 2% of a core over
# half a second (at most a minute), e.g. after their outbox drained.
wait_until_idle() {
  local previous=-1 now pid
  for _ in $(seq 120); do
    now=0; for pid in $1; do now=$((now + $(cpu_ticks "$pid"))); done
    (( previous >= 0 && now - previous <= clock_ticks / 100 )) && return
    previous=$now; sleep 0.5
  done
}

# CPU ticks of a PostgreSQL cluster: the postmaster, the children it has reaped
# (its cutime + cstime: backends that ended) and its live children (backends,
# WAL writer, checkpointer, ...).
cluster_ticks() {
  local postmaster=$1 total=0 file line fields
  for file in /proc/[0-9]*/stat; do
    { read -r line <"$file"; } 2>/dev/null || continue
    read -ra fields <<<"${line##*) }" # from the state on: ppid is [1], utime [11], stime [12], cutime [13], cstime [14]
    if [[ $file == "/proc/$postmaster/stat" ]]; then total=$((total + fields[11] + fields[12] + fields[13] + fields[14]))
    elif [[ ${fields[1]} == "$postmaster" ]]; then total=$((total + fields[11] + fields[12])); fi
  done
  echo "$total"
}

# The first LOAD_EXISTING accounts give the sessions of GET /users/me and the
# existing accounts of login.lua; every account after them signs in once, in
# a full-login row or the burst, with the one link it was ever sent.
export LOAD_EXISTING=24
# Links for the full-login rows: half again what 2 cores do at ~30 ms per
# Argon2id hash (70 a second), so that the lists outlast the rows.
accounts_per_row=$(( 70 * login_seconds * 3 / 2 ))

rows=()
bare_rps=
postmaster= # set while the PostgreSQL rows run on a cluster of this script's
# measure STORE NAME "PIDS" "PORTS" CONNECTIONS SCRIPT PATH [SECONDS]: one wrk
# run, one table row. With several ports, wrk's thread i drives the i-th server
# (report.lua), so one run measures them together; CPU is that of all PIDS.
#
# The CPU of a row is counted until the servers are idle again (SETTLE=no for a
# row measured while other load runs): work a row leaves behind, such as the
# outbox dropping the decoy emails of unknown addresses, is that row's cost,
# and must not run during (and be counted in) the next row.
measure() {
  local store=$1 name=$2 servers=$3 ports=$4 connections=$5 script=$6 path=$7 duration=${8:-$seconds}
  local before=0 after=0 db_before= db_after= pid out
  for pid in $servers; do before=$((before + $(cpu_ticks "$pid"))); done
  [[ -z $postmaster ]] || db_before=$(cluster_ticks "$postmaster")
  out=$(LOAD_PORTS=$ports wrk -t"$(( connections < threads ? connections : threads ))" -c"$connections" -d"${duration}s" --timeout 30s \
    -s "$script" "http://127.0.0.1:${ports%% *}$path")
  [[ ${SETTLE:-yes} == no ]] || wait_until_idle "$servers"
  [[ -z $postmaster ]] || db_after=$(cluster_ticks "$postmaster")
  for pid in $servers; do after=$((after + $(cpu_ticks "$pid"))); done
  rows+=("$(WRK_OUT=$out python3 - "$store" "$name" "$connections" "$((after - before))" "${db_before:+$((db_after - db_before))}" "$clock_ticks" "${bare_rps:-0}" <<'PY'
import os, re, sys
store, name, connections, ticks, db_ticks, hz, bare = sys.argv[1:4] + [int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), float(sys.argv[7])]
r = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"^RESULT .*$", os.environ["WRK_OUT"], re.M).group(0)))
rps = r["requests"] / (r["duration_us"] / 1e6)
per_request = lambda t: f"{t / hz * 1e6 / max(r['requests'], 1):,.0f}"
ratio = f"{rps / bare:.2f}" if bare else "1.00"
database = per_request(int(db_ticks)) if db_ticks else "–"
print(f"| {store} | {name} | {connections} | {rps:,.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} | {per_request(ticks)} | {database} | {ratio} | {r['non2xx']} | {r['socket_errors']} |")
PY
)")
  echo "${rows[-1]}" >&2
}

"$bin/BareRoute" "$bare_port" >"$LOAD_WORK/bare.log" 2>&1 &
bare_pid=$!; pids+=("$bare_pid")
wait_for "$bare_port" /constant "$LOAD_WORK/bare.log"
echo "measuring..." >&2
measure – "bare Hummingbird GET /constant" "$bare_pid" "$bare_port" 64 report.lua /constant
rate_of() { sed -E 's/^\| [^|]+ \| [^|]+ \| [^|]+ \| ([0-9,]+) .*/\1/; s/,//g' <<<"$1"; }
bare_rps=$(rate_of "${rows[0]}")

burst=
if [[ -n $sqlite ]]; then
  export LOAD_PORT=$(free_port) LOAD_OUTBOX=$LOAD_WORK/sqlite-data/outbox
  start_server sqlite "$LOAD_PORT"
  accounts=$(( LOAD_EXISTING + 2 * accounts_per_row + 200 ))
  echo "SQLite: seeding $accounts accounts..." >&2
  ./loadtool.py seed "$accounts"
  ./loadtool.py sessions 0 16

  one=("$server_pid" "$LOAD_PORT")
  measure SQLite "POST /users/login/ (new address; every 50th existing)" "${one[@]}" 16 login.lua /users/login/
  measure SQLite "POST /users/login/ (new address; every 50th existing)" "${one[@]}" 64 login.lua /users/login/
  measure SQLite "GET /users/me" "${one[@]}" 64 me.lua /users/me
  measure SQLite "GET /health" "${one[@]}" 64 report.lua /health
  # The floor of POST /users/login/ on this store: Hummingbird, the body, and
  # rows written durably through SQLiteStore's group commit, nothing else.
  for rows_written in 1 5; do
    floor_port=$(free_port)
    "$bin/DurableRoute" "$floor_port" "$(mktemp -d "$LOAD_WORK/floor.XXXX")" "$rows_written" >"$LOAD_WORK/floor.log" 2>&1 &
    floor_pid=$!; pids+=("$floor_pid")
    wait_for "$floor_port" /health "$LOAD_WORK/floor.log"
    measure SQLite "floor: POST, $rows_written row(s) written durably (DurableRoute)" "$floor_pid" "$floor_port" 64 floor.lua /write
    kill "$floor_pid"; wait "$floor_pid" || true
  done

  first=$LOAD_EXISTING
  ./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"; first=$((first + accounts_per_row))
  measure SQLite "full login POST /users/login/mfa/" "${one[@]}" 16 full-login.lua /users/login/mfa/ "$login_seconds"
  # What the full-login row is held to: the cores divided by one hash's CPU
  # time, measured now, on the same cores, with the server idle.
  hash=$(./loadtool.py hash-cpu "$bin/Argon2idHash" 10)
  hash_ms=$(sed -E 's/.*cpu_ms=([0-9.]+).*/\1/' <<<"$hash")
  full_logins="full logins (SQLite): $(rate_of "${rows[-1]}") req/s against $(nproc) cores ÷ one Argon2id hash ($hash) = $(python3 -c "
cores, ms, rate = $(nproc), $hash_ms, $(rate_of "${rows[-1]}")
print(f'{cores / ms * 1000:.1f} hashes/s: {rate / (cores / ms * 1000):.2f} of it')")"

  ./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"; first=$((first + accounts_per_row))
  LOAD_THREADS=1 wrk -t1 -c16 -d"${login_seconds}s" --timeout 30s -s full-login.lua "http://127.0.0.1:$LOAD_PORT/" >"$LOAD_WORK/saturation.txt" &
  saturating=$!
  sleep 0.5
  SETTLE=no measure SQLite "GET /health while full logins saturate the hasher" "${one[@]}" 1 report.lua /health "$((login_seconds - 1))"
  wait "$saturating"

  ./loadtool.py logins "$first" 200 "$LOAD_WORK/burst.tsv"
  wait_until_idle "$server_pid" # the saturating logins' tail and the links' emails
  echo 5 >"/proc/$server_pid/clear_refs" # resets the peak resident size
  burst=$(./loadtool.py burst "$LOAD_WORK/burst.tsv")
  peak_kib=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")
  burst="200 concurrent full logins (SQLite): $burst peak_rss_mib=$((peak_kib / 1024))"
  kill "$server_pid"; wait "$server_pid" || true # its idle work stays out of the PostgreSQL rows
fi

# PostgreSQL: a cluster of our own unless one is given, one new database in it.
if [[ -n ${MFA_TEST_POSTGRES_URL:-} ]]; then
  database=mfa_load_$$ server_url=${MFA_TEST_POSTGRES_URL%%\?*}
  query=${MFA_TEST_POSTGRES_URL#"$server_url"} server_url=${server_url%/*}
  psql "$MFA_TEST_POSTGRES_URL" -qv ON_ERROR_STOP=1 -c "CREATE DATABASE $database" >&2
  pg_stop=(psql "$MFA_TEST_POSTGRES_URL" -qc "DROP DATABASE $database WITH (FORCE)")
  database_url=$server_url/$database$query
else
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  as_owner=()
  if [[ $(id -u) -eq 0 ]]; then as_owner=(runuser -u postgres --); chown postgres: "$LOAD_WORK"; fi
  pg_port=$(free_port)
  "${as_owner[@]}" "$pg_bin/initdb" -D "$LOAD_WORK/pg" -A trust -U postgres --no-sync -E UTF8 >"$LOAD_WORK/initdb.log" 2>&1 \
    || { cat "$LOAD_WORK/initdb.log" >&2; exit 1; }
  pg_stop=("${as_owner[@]}" "$pg_bin/pg_ctl" -D "$LOAD_WORK/pg" -m immediate stop)
  # Durable as in production: every commit is on disk before it is acknowledged.
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$LOAD_WORK/pg" -l "$LOAD_WORK/postgres.log" -w -o \
    "-p $pg_port -k $LOAD_WORK -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
    start >/dev/null || { cat "$LOAD_WORK/postgres.log" >&2; exit 1; }
  postmaster=$(head -n 1 "$LOAD_WORK/pg/postmaster.pid")
  "${as_owner[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres mfa
  database_url=postgres://postgres@127.0.0.1:$pg_port/mfa
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') at 127.0.0.1:$pg_port, fsync on" >&2
fi

# Both servers share one data directory: the secret key file that servers of
# one database must share, and the file outbox the links are read from.
export LOAD_PORT=$(free_port) LOAD_OUTBOX=$LOAD_WORK/postgres-data/outbox
second_port=$(free_port)
start_server postgres-1 "$LOAD_PORT" MFA_DATA_DIR="$LOAD_WORK/postgres-data" MFA_DATABASE_URL="$database_url"
first_pid=$server_pid
accounts=$(( LOAD_EXISTING + 2 * accounts_per_row ))
echo "PostgreSQL: seeding $accounts accounts..." >&2
./loadtool.py seed "$accounts"

first=$LOAD_EXISTING
one=("$first_pid" "$LOAD_PORT")
measure "PostgreSQL, 1 server" "POST /users/login/ (new address; every 50th existing)" "${one[@]}" 64 login.lua /users/login/
./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"; first=$((first + accounts_per_row))
measure "PostgreSQL, 1 server" "full login POST /users/login/mfa/" "${one[@]}" 16 full-login.lua /users/login/mfa/ "$login_seconds"

start_server postgres-2 "$second_port" MFA_DATA_DIR="$LOAD_WORK/postgres-data" MFA_DATABASE_URL="$database_url"
two=("$first_pid $server_pid" "$LOAD_PORT $second_port")
measure "PostgreSQL, 2 servers" "POST /users/login/ (new address; every 50th existing)" "${two[@]}" 64 login.lua /users/login/
./loadtool.py logins "$first" "$accounts_per_row" "$LOAD_WORK/logins.tsv"
measure "PostgreSQL, 2 servers" "full login POST /users/login/mfa/" "${two[@]}" 16 full-login.lua /users/login/mfa/ "$login_seconds"

echo
echo "| store | work | connections | req/s | p50 ms | p99 ms | server CPU µs/req | database CPU µs/req | ratio to bare | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
[[ -z $burst ]] || echo "$burst"
[[ -z ${full_logins:-} ]] || echo "$full_logins"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
