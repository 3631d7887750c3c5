"""A real SMTP server (aiosmtpd) for the MFAMail tests.

It listens on a loopback port (--port, or a free one) and, once it accepts
connections, writes the port number to --port-file. Every message it accepts goes to the spool
directory as <n>.json: the envelope, the raw bytes, and what Python's `email`
package makes of them, so that the Swift tests check each message the way an
independent mail reader sees it. Every AUTH attempt is appended to
auth-attempts.jsonl in the spool directory.

With --parse FILE it only prints that JSON description of an .eml file.
"""

import argparse
import asyncio
import base64
import email
import email.policy
import email.utils
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parse", metavar="FILE", help="describe this message file and exit")
    parser.add_argument("--spool", help="directory for received messages")
    parser.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one")
    parser.add_argument("--port-file", help="where to write the port once listening")
    parser.add_argument("--tls", choices=["none", "starttls", "tls"], default="none")
    parser.add_argument("--cert", help="server certificate chain (PEM)")
    parser.add_argument("--key", help="server private key (PEM)")
    parser.add_argument("--require-auth", metavar="USER:PASSWORD",
                        help="require AUTH with these credentials")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN",
                        help="comma-separated mechanisms to offer")
    parser.add_argument("--auth-without-tls", action="store_true",
                        help="offer AUTH on an unencrypted connection")
    parser.add_argument("--reject-ehlo", metavar="REPLY", help="answer EHLO with this reply")
    parser.add_argument("--reject-rcpt", metavar="REPLY", help="answer RCPT TO with this reply")
    parser.add_argument("--reject-data", metavar="REPLY", help="answer the end of DATA with this reply")
    parser.add_argument("--stall-data", type=float, metavar="SECONDS",
                        help="wait this long before answering the end of DATA")
    return parser.parse_args()


class RecordingHandler:
    def __init__(self, options):
        self.options = options
        # Numbering continues over what an earlier run left in the spool, so a restarted server adds files.
        self.count = len([name for name in os.listdir(options.spool) if name.endswith(".json")])

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if self.options.reject_ehlo:
            return [self.options.reject_ehlo]
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.options.reject_rcpt:
            return self.options.reject_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.options.stall_data:
            await asyncio.sleep(self.options.stall_data)
        if self.options.reject_data:
            return self.options.reject_data
        self.count += 1
        record = {
            "mailFrom": envelope.mail_from,
            "recipients": envelope.rcpt_tos,
            "heloName": session.host_name,
            "encrypted": server.transport.get_extra_info("ssl_object") is not None,
            "authenticatedUser": session.auth_data,
            **describe(envelope.original_content or envelope.content),
        }
        write_atomically(os.path.join(self.options.spool, f"{self.count}.json"), json.dumps(record))
        return "250 OK"


def describe(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    sender = message["From"].addresses[0]
    body_part = message.get_body(preferencelist=("plain",))
    return {
        "raw": base64.b64encode(raw).decode("ascii"),
        "subject": str(message["Subject"]),
        "to": str(message["To"]),
        "fromAddress": sender.addr_spec,
        "fromDisplayName": sender.display_name,
        "date": email.utils.parsedate_to_datetime(str(message["Date"])).isoformat(),
        "messageID": str(message["Message-ID"]),
        "mimeVersion": str(message["MIME-Version"]),
        "contentType": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transferEncoding": str(message["Content-Transfer-Encoding"]),
        "body": body_part.get_content(),
        "defects": [type(defect).__name__ for defect in message.defects]
        + [type(defect).__name__ for name in message.keys() for defect in message[name].defects],
    }


def write_atomically(path, text):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
    os.rename(temporary, path)


def make_authenticator(options):
    user, _, password = options.require_auth.partition(":")
    log_path = os.path.join(options.spool, "auth-attempts.jsonl")

    def authenticate(server, session, envelope, mechanism, auth_data):
        accepted = (isinstance(auth_data, LoginPassword)
                    and auth_data.login.decode() == user
                    and auth_data.password.decode() == password)
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"mechanism": mechanism, "accepted": accepted}) + "\n")
        if not accepted:
            return AuthResult(success=False, handled=False)  # aiosmtpd then answers 535
        return AuthResult(success=True, auth_data=f"{user} via {mechanism}")

    return authenticate


def make_tls_context(options):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(options.cert, options.key)
    return context


async def serve(options):
    tls_context = make_tls_context(options) if options.tls != "none" else None
    smtp_options = {"hostname": "mail.test", "ident": "MFAMail test server"}
    if options.tls == "starttls":
        smtp_options["tls_context"] = tls_context
    if options.require_auth:
        offered = {mechanism.strip().upper() for mechanism in options.auth_mechanisms.split(",")}
        smtp_options.update(
            authenticator=make_authenticator(options),
            auth_required=True,
            # aiosmtpd counts only STARTTLS as encryption; an implicit-TLS
            # connection is encrypted from its first byte.
            auth_require_tls=options.tls != "tls" and not options.auth_without_tls,
            auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m not in offered],
        )
    handler = RecordingHandler(options)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, loop=loop, **smtp_options),
        host="127.0.0.1",
        port=options.port,
        ssl=tls_context if options.tls == "tls" else None,
    )
    write_atomically(options.port_file, str(server.sockets[0].getsockname()[1]))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    # A parent's blocked signals are inherited (SpawnedProcess clears them, other parents may not); let SIGTERM and SIGINT stop the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    arguments = parse_arguments()
    if arguments.parse:
        with open(arguments.parse, "rb") as file:
            print(json.dumps(describe(file.read())))
        sys.exit(0)
    asyncio.run(serve(arguments))
