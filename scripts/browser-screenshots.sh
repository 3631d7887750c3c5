#!/usr/bin/env bash
# Takes screenshots of the server's link pages in headless Chromium: the
# create-confirmation page, the "Account created" page (with its QR code), the
# login page, the delete page and the "Account deleted" page. It walks the contract as a user would: curl
# for the JSON requests, the links read from the file outbox, the browser for the
# pages. Nothing is written into the checkout; the screenshots go to a temporary
# directory (or --out), and the script fails if any of them is missing or empty.
#
#   scripts/browser-screenshots.sh                       # builds and starts mfa-server itself
#   scripts/browser-screenshots.sh --url http://127.0.0.1:8000 --data-dir ./mfa-data
#   scripts/browser-screenshots.sh --out /tmp/shots      # keep the screenshots somewhere known
#
# Needs curl, python3 and Chromium (`apt-get install -y chromium`); set CHROMIUM to
# use another binary. See Docs/Browser-check.md.
set -euo pipefail

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

server_url="" data_dir="" out_dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --url) server_url="${2:?--url needs a value}"; shift 2 ;;
        --data-dir) data_dir="${2:?--data-dir needs a value}"; shift 2 ;;
        --out) out_dir="${2:?--out needs a value}"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done
if [ -n "$server_url" ] && [ -z "$data_dir" ]; then
    echo "--url needs --data-dir: the links are read from {data dir}/outbox" >&2
    exit 2
fi

chromium="${CHROMIUM:-chromium}"
for tool in curl python3 "$chromium"; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (chromium: apt-get install -y chromium)" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/mfa-browser-check.XXXXXX")"
out_dir="${out_dir:-$work/screenshots}"
mkdir -p "$out_dir"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    # Keep the screenshots when they live in the work directory; drop the rest.
    if [ "$out_dir" = "$work/screenshots" ]; then
        find "$work" -mindepth 1 -maxdepth 1 ! -name screenshots -exec rm -rf {} +
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

if [ -z "$server_url" ]; then
    root="$(cd "$(dirname "$0")/.." && pwd)"
    echo "building mfa-server…"
    (cd "$root" && swift build --product mfa-server >/dev/null)
    binary="$(cd "$root" && swift build --show-bin-path)/mfa-server"
    data_dir="$work/data"
    MFA_HOST=127.0.0.1 MFA_PORT=0 MFA_DATA_DIR="$data_dir" "$binary" >"$work/server.log" 2>&1 &
    server_pid=$!
    # MFA_PORT=0 picks a free port, which the server logs.
    for _ in $(seq 1 300); do
        port="$(grep -oE '127\.0\.0\.1:[1-9][0-9]*' "$work/server.log" | head -n 1 | cut -d: -f2 || true)"
        [ -n "$port" ] && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "mfa-server exited" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "${port:-}" ] || { cat "$work/server.log" >&2; echo "mfa-server logged no port" >&2; exit 1; }
    server_url="http://127.0.0.1:$port"
fi
server_url="${server_url%/}"
for _ in $(seq 1 100); do
    curl -fsS "$server_url/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$server_url/health" >/dev/null || { echo "$server_url/health does not answer" >&2; exit 1; }
echo "server: $server_url, outbox: $data_dir/outbox"

email="browser-check-$(date +%s)-$$@example.com"
password="correct horse battery staple"

# POSTs JSON and fails unless the contract's status comes back.
post_json() { # path body expected-status
    local status
    status="$(curl -sS -o "$work/response" -w '%{http_code}' -X POST "$server_url$1" \
        -H 'Content-Type: application/json' --data "$2")"
    [ "$status" = "$3" ] || { echo "POST $1 answered $status, expected $3: $(cat "$work/response")" >&2; exit 1; }
}

# Waits for the newest email to $email whose text carries a link to `path`, and
# prints the link's path and query. Python's email package undoes any transfer
# encoding (quoted-printable turns "=" into "=3D").
link_from_outbox() { # path
    local link=""
    for _ in $(seq 1 100); do
        link="$(python3 - "$data_dir/outbox" "$email" "$1" <<'PY'
import email, email.policy, pathlib, re, sys
outbox, recipient, path = pathlib.Path(sys.argv[1]), sys.argv[2].lower(), sys.argv[3]
found = []
for file in sorted(outbox.glob("*.eml"), key=lambda f: f.stat().st_mtime) if outbox.is_dir() else []:
    message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
    if recipient not in str(message.get("To", "")).lower():
        continue
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body else ""
    found += re.findall(re.escape(path) + r"\?one_time_url=[A-Za-z0-9_-]+", text)
print(found[-1] if found else "")
PY
)"
        [ -n "$link" ] && break
        sleep 0.1
    done
    [ -n "$link" ] || { echo "no email to $email with a link to $1 in $data_dir/outbox" >&2; exit 1; }
    echo "$link"
}

# Screenshots one URL (a page of the server, or a saved page as file://) into
# $out_dir/name.png; a missing or empty PNG fails the run with Chromium's output.
screenshot() { # name url
    local file="$out_dir/$1.png"
    timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/chromium-profile" --window-size=600,800 \
        --screenshot="$file" "$2" >"$work/chromium.log" 2>&1 || true
    if [ ! -s "$file" ] || [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
        tail -n 20 "$work/chromium.log" >&2
        echo "missing or empty screenshot: $file" >&2
        exit 1
    fi
    echo "  $file"
}

# POSTs a page's form (form-encoded, as a browser does) and keeps the answered page.
post_form() { # link name expected-status [field=value]
    local status body=(--data '')
    [ $# -ge 4 ] && body=(--data-urlencode "$4")
    status="$(curl -sS -o "$work/$2.html" -w '%{http_code}' -X POST "$server_url$1" \
        -H 'Content-Type: application/x-www-form-urlencoded' "${body[@]}")"
    [ "$status" = "$3" ] || { echo "the form of $1 answered $status, expected $3" >&2; exit 1; }
}

echo "screenshots:"
post_json /users/create/ "{\"email\": \"$email\", \"password\": \"$password\"}" 202
create_link="$(link_from_outbox /users/create/mfa/)"
screenshot create-confirmation "$server_url$create_link"

# The form post that finishes the registration answers the "Account created" page.
post_form "$create_link" account-created 201 "password_again=$password"
screenshot account-created "file://$work/account-created.html"

post_json /users/login/ "{\"email\": \"$email\"}" 202
screenshot login "$server_url$(link_from_outbox /users/login/mfa/)"

post_json /users/delete/ "{\"email\": \"$email\", \"password\": \"$password\"}" 202
delete_link="$(link_from_outbox /users/delete/mfa/)"
screenshot delete "$server_url$delete_link"

# Pressing the delete button (an empty form) removes the check's account again.
post_form "$delete_link" account-deleted 200
screenshot account-deleted "file://$work/account-deleted.html"

echo "all screenshots written to $out_dir"
