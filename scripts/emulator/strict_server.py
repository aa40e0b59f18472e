#!/usr/bin/env python3
"""A stand-in for an AWS endpoint that is strict where moto is lenient, for the client's tests.

It checks what a real service checks before it looks at a request's content, and answers the
way the service does:
  * time: a request signed (``X-Amz-Date``) more than five minutes away from the server's
    clock is refused with ``InvalidSignatureException`` "Signature expired: ...", and every
    reply carries the server's clock in its ``Date`` header; ``--clock-offset SECONDS`` sets
    that clock ahead of (or behind) this machine's;
  * session tokens: a request whose ``X-Amz-Security-Token`` is one of ``--expired-token``
    is refused with ``ExpiredTokenException`` (JSON) or ``ExpiredToken`` (Query, as STS does);
  * everything else is answered 200 with ``--reply`` (JSON), where ``{n}`` becomes the number
    of the request, so that ``--reply '{"Users": [], "PaginationToken": "t{n}"}'`` is a listing
    that never ends: an empty page with a fresh token, every time.
With ``--tls CERT KEY`` it speaks HTTPS with that certificate chain and key.

  GET /__requests  every request so far: [{"target", "amzDate", "token", "status"}, ...]

Prints exactly one line, its base URL (``http://127.0.0.1:PORT`` or ``https://...``), when ready.

    python3 scripts/emulator/strict_server.py [--clock-offset S] [--expired-token T]...
        [--reply JSON] [--tls CERT KEY] [--watch-parent]
"""

import argparse
import calendar
import email.utils
import json
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from lifecycle import Lifetime

HOST = "127.0.0.1"
AWS_JSON = "application/x-amz-json-1.1"
# SigV4: a signature is valid within five minutes of the service's clock.
ALLOWED_SKEW_SECONDS = 300


def parse_amz_date(text: str) -> float | None:
    """``20300101T120000Z`` as seconds since the epoch, or None."""
    try:
        return calendar.timegm(time.strptime(text, "%Y%m%dT%H%M%SZ"))
    except (ValueError, TypeError):
        return None


class StrictHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "StrictServer/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header shows the server's clock, offset included.
        return email.utils.formatdate(self.server.clock(), usegmt=True)  # type: ignore[attr-defined]

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("x-amzn-RequestId", f"strict-{self.server.count}")  # type: ignore[attr-defined]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status: int, code: str, message: str, query: bool) -> None:
        if query:
            body = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}"
                    f"</Message></Error><RequestId>strict</RequestId></ErrorResponse>").encode()
            return self._send(status, "text/xml", body)
        self._send(status, AWS_JSON, json.dumps({"__type": code, "message": message}).encode())

    def do_GET(self) -> None:
        if self.path == "/__requests":
            return self._send(200, "application/json", json.dumps(self.server.record()).encode())  # type: ignore[attr-defined]
        self._send(404, "application/json", b"{}")

    def do_POST(self) -> None:
        server: StrictServer = self.server  # type: ignore[assignment]
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        query = "x-www-form-urlencoded" in self.headers.get("Content-Type", "")
        amz_date = self.headers.get("X-Amz-Date", "")
        token = self.headers.get("X-Amz-Security-Token")
        number = server.next_number()
        now = server.clock()
        signed = parse_amz_date(amz_date)
        status = 200
        try:
            if signed is None:
                status = 403
                return self._error(403, "MissingAuthenticationTokenException", "Missing Authentication Token", query)
            if abs(signed - now) > ALLOWED_SKEW_SECONDS:
                status = 400
                stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
                limit = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now - ALLOWED_SKEW_SECONDS))
                message = (f"Signature expired: {amz_date} is now earlier than {limit} ({stamp} - 5 min.)"
                           if signed < now else f"Signature not yet current: {amz_date} is still later than "
                           f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(now + ALLOWED_SKEW_SECONDS))}")
                code = "SignatureDoesNotMatch" if query else "InvalidSignatureException"
                return self._error(400, code, message, query)
            if token is not None and token in server.expired_tokens:
                status = 400
                code = "ExpiredToken" if query else "ExpiredTokenException"
                return self._error(400, code, "The security token included in the request is expired", query)
            self._send(200, AWS_JSON, server.reply.replace("{n}", str(number)).encode())
        finally:
            server.note({"target": self.headers.get("X-Amz-Target", ""), "amzDate": amz_date,
                         "token": token, "status": status})


class StrictServer(ThreadingHTTPServer):
    daemon_threads = True
    # The socket module's default backlog of 5 resets connections when many tests open theirs at
    # once (a burst of 300 saw 20 resets); the emulator behind it listens with 128.
    request_queue_size = 128

    def __init__(self, offset: float, expired_tokens: list[str], reply: str) -> None:
        super().__init__((HOST, 0), StrictHandler)
        self.offset = offset
        self.expired_tokens = set(expired_tokens)
        self.reply = reply
        self.count = 0
        self._lock = threading.Lock()
        self._record: list[dict[str, Any]] = []

    def clock(self) -> float:
        return time.time() + self.offset

    def next_number(self) -> int:
        with self._lock:
            self.count += 1
            return self.count

    def note(self, item: dict[str, Any]) -> None:
        with self._lock:
            self._record.append(item)

    def record(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clock-offset", type=float, default=0.0, help="seconds the server's clock is ahead")
    parser.add_argument("--expired-token", action="append", default=[], help="a session token to refuse as expired")
    parser.add_argument("--reply", default="{}", help="the body of every accepted request; {n} is its number")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve HTTPS with this chain and key")
    parser.add_argument("--watch-parent", action="store_true", help="exit when the parent process goes away")
    args = parser.parse_args()
    lifetime = Lifetime(args.watch_parent)
    server = StrictServer(args.clock_offset, args.expired_token, args.reply)
    scheme = "http"
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    threading.Thread(target=server.serve_forever, name="strict-server", daemon=True).start()
    print(f"{scheme}://{HOST}:{server.server_port}", flush=True)
    lifetime.wait_then_close(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
