#!/usr/bin/env python3
"""Helpers of run.sh that talk to the server the way a user would: create
accounts, ask for sign-in links and read them from the file outbox, compute
TOTP codes, and fire bursts of concurrent full logins. Standard library only."""
import base64, email, email.policy, hashlib, hmac, json, os, re, resource, statistics, struct, subprocess, sys, threading, time
import http.client
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "load benchmark password 1"
HOST, PORT = "127.0.0.1", int(os.environ.get("LOAD_PORT", 0))
WORK, OUTBOX = os.environ["LOAD_WORK"], os.environ.get("LOAD_OUTBOX")
LINK = re.compile(r"(/users/(?:create|login)/mfa/)\?one_time_url=([A-Za-z0-9_\-]+)")


def post(path, body, timeout=60):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


class Outbox:
    """The newest link of each kind for each address, read from the .eml files."""
    def __init__(self):
        self.seen, self.links, self.lock = set(), {}, threading.Lock()

    def scan(self):
        with self.lock:
            fresh = [entry for entry in os.scandir(OUTBOX) if entry.name.endswith(".eml") and entry.name not in self.seen]
            # Oldest first, so that a newer link for the same address wins.
            for entry in sorted(fresh, key=lambda entry: entry.stat().st_mtime_ns):
                self.seen.add(entry.name)
                with open(entry.path, "rb") as file:
                    message = email.message_from_binary_file(file, policy=email.policy.default)
                body = message.get_body(("plain",)).get_content()
                found = LINK.search(body)
                if found:
                    self.links[(str(message["To"]).strip("<> "), found.group(1))] = found.group(2)

    def link(self, address, path):
        for _ in range(600):
            self.scan()
            token = self.links.pop((address, path), None)
            if token:
                return token
            time.sleep(0.05)
        raise SystemExit(f"no {path} link for {address} in {OUTBOX}")


def totp(secret, at=None):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def accounts():
    with open(os.path.join(WORK, "accounts.tsv")) as file:
        return [line.rstrip("\n").split("\t") for line in file]


def seed(count):
    """Creates `count` accounts (accounts.tsv) through the API."""
    outbox = Outbox()
    def create(index):
        address = f"seeded-{index}@example.com"
        assert post("/users/create/", {"email": address, "password": PASSWORD})[0] == 202
        status, body = post(f"/users/create/mfa/?one_time_url={outbox.link(address, '/users/create/mfa/')}", {"password_again": PASSWORD})
        assert status == 201, body
        return f"{address}\t{PASSWORD}\t{json.loads(body)['totp']['secret']}\n"
    with ThreadPoolExecutor(8) as pool:
        rows = list(pool.map(create, range(count)))
    with open(os.path.join(WORK, "accounts.tsv"), "w") as file:
        file.writelines(rows)


def logins(first, count, out):
    """Asks for sign-in links for accounts [first, first+count) and writes
    token, password and the current TOTP code of each to `out`."""
    outbox, chosen = Outbox(), accounts()[first:first + count]
    def ask(row):
        assert post("/users/login/", {"email": row[0]})[0] == 202
        return row
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(ask, chosen))
    rows = [f"{outbox.link(address, '/users/login/mfa/')}\t{password}\t{totp(secret)}\n" for address, password, secret in chosen]
    with open(out, "w") as file:
        file.writelines(rows)


def sessions(first, count):
    """Signs accounts in and writes their session tokens (sessions.txt)."""
    path = os.path.join(WORK, "sessions-logins.tsv")
    logins(first, count, path)
    tokens = []
    for line in open(path):
        token, password, code = line.rstrip("\n").split("\t")
        status, body = post(f"/users/login/mfa/?one_time_url={token}", {"password": password, "totp_code": code})
        assert status == 200, body
        tokens.append(json.loads(body)["session_token"] + "\n")
    with open(os.path.join(WORK, "sessions.txt"), "w") as file:
        file.writelines(tokens)


def burst(path):
    """Fires every full login of `path` at once, one connection each, and
    prints how many got 200 and 503 and the 503s' latencies.

    One thread with non-blocking sockets: the connections are opened first,
    then every request is written in one loop (a few milliseconds for all),
    and each answer's time is taken when its first bytes arrive, from when its
    own request was written. Threads would measure the client: 200 of them
    behind Python's global lock add tens of milliseconds to the last answers."""
    import selectors, socket
    lines = [line.rstrip("\n").split("\t") for line in open(path)]
    requests = []
    for token, password, code in lines:
        body = json.dumps({"password": password, "totp_code": code}).encode()
        head = (f"POST /users/login/mfa/?one_time_url={token} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
        requests.append(head.encode() + body)
    sockets = [socket.create_connection((HOST, PORT)) for _ in requests]
    selector = selectors.DefaultSelector()
    sent, answered, statuses, refused = {}, {}, {}, []
    for connection, request in zip(sockets, requests):
        connection.sendall(request)
        sent[connection] = time.perf_counter()
        connection.setblocking(False)
        selector.register(connection, selectors.EVENT_READ, b"")
    while len(answered) < len(sockets):
        for key, _ in selector.select(timeout=120):
            connection = key.fileobj
            data = key.data + connection.recv(65536)
            selector.modify(connection, selectors.EVENT_READ, data)
            if b"\r\n" in data:
                answered[connection] = time.perf_counter() - sent[connection]
                status = int(data.split(b" ", 2)[1])
                statuses[status] = statuses.get(status, 0) + 1
                if status == 503:
                    refused.append(answered[connection])
                selector.unregister(connection)
                connection.close()
    refused.sort()
    p = lambda values, q: values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")
    print(f"BURST statuses={json.dumps(statuses, sort_keys=True)} refused={len(refused)} "
          f"refused_p50_ms={p(refused, 0.5) * 1000:.1f} refused_max_ms={(refused[-1] if refused else float('nan')) * 1000:.1f}")


def hash_cpu(tool, runs):
    """Prints the CPU time of one Argon2id hash at the server's parameters
    (m=19456, t=2, p=1): the median over `runs` processes of the hashing tool,
    minus the median of the same tool at m=8, t=1 (starting the process),
    turn by turn so that other load hits both alike."""
    def cpu(memory, iterations):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([tool, "somesaltsomesalt", str(memory), str(iterations), "1"], input=PASSWORD.encode(),
                       stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    full, start = [], []
    for _ in range(runs):
        full.append(cpu(19456, 2))
        start.append(cpu(8, 1))
    print(f"HASH cpu_ms={(statistics.median(full) - statistics.median(start)) * 1000:.2f} "
          f"process_ms={statistics.median(full) * 1000:.2f} start_ms={statistics.median(start) * 1000:.2f} runs={runs}")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"seed": lambda: seed(int(arguments[0])),
     "logins": lambda: logins(int(arguments[0]), int(arguments[1]), arguments[2]),
     "sessions": lambda: sessions(int(arguments[0]), int(arguments[1])),
     "burst": lambda: burst(arguments[0]),
     "hash-cpu": lambda: hash_cpu(arguments[0], int(arguments[1]))}[command]()
