#!/usr/bin/env bash
# Compares MFACore's Argon2id with libargon2's `argon2` tool (Debian package argon2)
# at the parameters of the "Argon2id m=19456 t=2 p=1" benchmark, in one run:
#
#   ./argon2-reference.sh            # RUNS=30 by default
#
# Both sides are one process per hash, timed turn by turn so that load from other
# processes hits both alike: MFACore through Tools/Argon2idHash (built here in
# release mode), libargon2 through `argon2 <salt> -id … -e`. It prints wall-clock
# and CPU milliseconds per process (CPU from `perf stat` where the kernel allows,
# else from /usr/bin/time at 10 ms resolution), the same for m=8 KiB, t=1 (the cost
# of starting each process), and the peak resident memory above that baseline.
set -euo pipefail
cd "$(dirname "$0")"

runs=${RUNS:-30}
memory_kib=19456 iterations=2 parallelism=1
password='correct horse battery staple' salt='somesaltsomesalt'

command -v argon2 >/dev/null || { echo "argon2 not found: apt-get install argon2" >&2; exit 1; }
swift build -c release --product Argon2idHash >/dev/null
swift_tool=$(swift build -c release --show-bin-path)/Argon2idHash

command_for() { # tool memory_kib iterations → the command line, in the array `command`
    case $1 in
        argon2) command=(argon2 "$salt" -id -t "$3" -k "$2" -p "$parallelism" -l 32 -e) ;;
        swift) command=("$swift_tool" "$salt" "$2" "$3" "$parallelism") ;;
    esac
}

if perf stat -e task-clock true >/dev/null 2>&1; then
    cpu_ms() { # tool memory_kib iterations → CPU milliseconds of one hash process
        command_for "$@"
        printf '%s' "$password" | perf stat -x, -e task-clock -- "${command[@]}" 2>&1 >/dev/null | awk -F, '/task-clock/ { print $1 }'
    }
else
    cpu_ms() {
        command_for "$@"
        printf '%s' "$password" | /usr/bin/time -f '%U %S' "${command[@]}" 2>&1 >/dev/null | awk '{ print ($1 + $2) * 1000 }'
    }
fi

wall_ms() { # tool memory_kib iterations → wall-clock milliseconds of one hash process
    command_for "$@"
    local start end
    start=$(date +%s%N)
    printf '%s' "$password" | "${command[@]}" >/dev/null
    end=$(date +%s%N)
    awk -v ns="$((end - start))" 'BEGIN { printf "%.3f\n", ns / 1e6 }'
}

peak_kib() { # tool memory_kib iterations → maximum resident set size in KiB
    command_for "$@"
    printf '%s' "$password" | /usr/bin/time -f '%M' "${command[@]}" 2>&1 >/dev/null | tail -1
}

encoded() { # tool → the PHC string it prints
    command_for "$1" "$memory_kib" "$iterations"
    printf '%s' "$password" | "${command[@]}"
}

summary() { # file of numbers → "min … median … mean …"
    sort -n "$1" | awk '{ v[NR] = $1; sum += $1 }
        END { printf "min %8.2f  median %8.2f  mean %8.2f", v[1], v[int((NR + 1) / 2)], sum / NR }'
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

[ "$(encoded swift)" = "$(encoded argon2)" ] || { echo "the two tools disagree" >&2; exit 1; }

for size in full start; do
    if [ $size = full ]; then m=$memory_kib t=$iterations; else m=8 t=1; fi
    for _ in $(seq "$runs"); do
        for tool in argon2 swift; do
            wall_ms $tool $m $t >>"$results/$tool-$size-wall"
            cpu_ms $tool $m $t >>"$results/$tool-$size-cpu"
        done
    done
done

echo "Argon2id m=$memory_kib t=$iterations p=$parallelism, one process per hash, $runs runs each, turn by turn (ms):"
for tool in argon2 swift; do
    for size in full start; do
        printf '  %-6s %-5s wall %s\n' $tool $size "$(summary "$results/$tool-$size-wall")"
        printf '  %-6s %-5s cpu  %s\n' $tool $size "$(summary "$results/$tool-$size-cpu")"
    done
done
awk -v sw="$(median "$results/swift-full-wall")" -v aw="$(median "$results/argon2-full-wall")" \
    -v sc="$(median "$results/swift-full-cpu")" -v ac="$(median "$results/argon2-full-cpu")" \
    -v ssc="$(median "$results/swift-start-cpu")" -v asc="$(median "$results/argon2-start-cpu")" \
    'BEGIN { printf "  ratio swift/argon2 of medians: wall %.2f, cpu %.2f, cpu minus process start %.2f\n", sw / aw, sc / ac, (sc - ssc) / (ac - asc) }'
for tool in argon2 swift; do
    peak=$(peak_kib $tool "$memory_kib" "$iterations")
    base=$(peak_kib $tool 8 1)
    echo "  $tool peak resident memory: $peak KiB, $((peak - base)) KiB above its m=8 run"
done
