#!/usr/bin/env python3
"""Scripted HTTP server for fault-injection and metadata-endpoint tests.

Tests queue canned responses, make their client talk to this server, then
read back what the client sent. It stands in for a failing AWS endpoint and
for credential endpoints (EC2 instance metadata IMDSv2, the ECS container
credentials endpoint, the IAM Identity Center portal) alike: script their
replies, check the recorded requests.

Control API (JSON in, JSON out):
  POST /__script    {"responses": [<response>, ...]} replaces the queue and
                    forgets recorded requests. <response> fields, all optional:
                      status  HTTP status (default 200)
                      headers {name: value}
                      body    string, or any JSON value (sent serialized)
                      delay   seconds to wait first (default 0)
                      action  "reply" (default) | "hang" (wait `delay`, then
                              reply) | "close" (close the connection, no reply)
                              | "reset" (abort the connection with a TCP RST)
  GET  /__requests  every request recorded since the last script/reset:
                    [{"method", "path", "query", "headers" (lower-case
                    names), "body"}, ...]
  POST /__reset     empty the queue and the record.
Every other request is recorded, then answered by the next queued response;
with the queue empty: 200 "{}" as application/x-amz-json-1.1 with
x-amzn-RequestId: fault-default. HTTP/1.1 keep-alive is supported: every
reply carries Content-Length.

Proxy mode (``--upstream URL``): instead of answering from the queue, every request other
than the control routes is forwarded to the upstream (the emulator) with faults added: a
latency, a share throttled without forwarding, a share dropped after the upstream applied
it. See fault_proxy.py for the faults, the seeded draws and the routes
  GET  /__proxy/counters  what the proxy did: forwarded, throttled, dropped, by operation,
                          requests per second;
  POST /__proxy/config    change the faults; POST /__proxy/reset  zero the counters.

Signing mode (``--upstream URL --keys FILE``): the proxy also checks each request's Signature
Version 4 with botocore's signer against the secrets in FILE (a JSON object, access key to
secret) and those of the temporary credentials the upstream hands out, and answers a mismatch
as the service does, without forwarding it; see signature_check.py. The counters add
``refused``. The shared test emulator is reached through this mode.

Prints exactly one line, ``http://127.0.0.1:PORT``, when ready.

    python3 scripts/emulator/fault_server.py [--port N] [--watch-parent] [--verbose]
        [--upstream URL [--keys FILE] [--latency-ms N] [--throttle SHARE] [--drop SHARE]
         [--drop-action reset|close] [--seed N]]
"""

import argparse
import http.client
import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from fault_proxy import ConfigError, Faults, HOP_BY_HOP, ProxyState, Upstream, operation_of, throttle_reply
from lifecycle import Lifetime
from signature_check import SignatureCheck, load_keys

HOST = "127.0.0.1"
AWS_JSON = "application/x-amz-json-1.1"
ACTIONS = ("reply", "hang", "close", "reset")
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
DEFAULT_RESPONSE = {
    "status": 200,
    "headers": {"Content-Type": AWS_JSON, "x-amzn-RequestId": "fault-default"},
    "body": "{}",
    "delay": 0.0,
    "action": "reply",
}


class ScriptError(ValueError):
    pass


def parse_response(item: Any, index: int) -> dict[str, Any]:
    """Validate one scripted response and fill in defaults."""
    where = f"responses[{index}]"
    if not isinstance(item, dict):
        raise ScriptError(f"{where} must be an object")
    unknown = set(item) - {"status", "headers", "body", "delay", "action"}
    if unknown:
        raise ScriptError(f"{where} has unknown fields {sorted(unknown)}")
    status = item.get("status", 200)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise ScriptError(f"{where}.status must be an HTTP status code")
    headers = item.get("headers", {})
    if not isinstance(headers, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()):
        raise ScriptError(f"{where}.headers must map strings to strings")
    body = item.get("body", "")
    if not isinstance(body, str):
        body = json.dumps(body)
    delay = item.get("delay", 0.0)
    if not isinstance(delay, (int, float)) or isinstance(delay, bool) or delay < 0:
        raise ScriptError(f"{where}.delay must be a number >= 0")
    action = item.get("action", "reply")
    if action not in ACTIONS:
        raise ScriptError(f"{where}.action must be one of {list(ACTIONS)}")
    return {"status": status, "headers": headers, "body": body,
            "delay": float(delay), "action": action}


class Script:
    """The queue of canned responses and the record of requests (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._responses: deque[dict[str, Any]] = deque()
        self._requests: list[dict[str, Any]] = []
        # Set when the script is replaced or reset, to release hung requests.
        self._cancelled = threading.Event()

    def replace(self, responses: list[dict[str, Any]] | None) -> None:
        with self._lock:
            self._responses = deque(responses or [])
            self._requests = []
            self._cancelled.set()
            self._cancelled = threading.Event()

    def record(self, request: dict[str, Any]) -> tuple[dict[str, Any], threading.Event]:
        """Record ``request``; return the response to give and a cancel event."""
        with self._lock:
            self._requests.append(request)
            response = self._responses.popleft() if self._responses else DEFAULT_RESPONSE
            return response, self._cancelled

    def requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._requests)


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every reply has Content-Length
    # A reply's headers and body go out in two writes: without TCP_NODELAY the body waits for
    # the client's delayed ACK of the headers (about 40 ms a call on a kept-alive connection).
    disable_nagle_algorithm = True
    server_version = "FaultServer/1.0"
    verbose = False

    @property
    def script(self) -> Script:
        return self.server.script  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()  # CRLF after each chunk
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _send_json(self, status: int, data: Any) -> None:
        self._send(status, {"Content-Type": "application/json"}, json.dumps(data).encode())

    def _abort(self, rst: bool) -> None:
        """Drop the connection without replying; with ``rst`` send a TCP RST."""
        self.close_connection = True
        try:
            if rst:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                self.connection.close()
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the client is already gone

    def handle_any(self) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        proxy: ProxyState | None = self.server.proxy  # type: ignore[attr-defined]
        if proxy is not None:
            return self._proxy(proxy, url.path, body)
        if url.path == "/__script" and self.command == "POST":
            return self._control_script(body)
        if url.path == "/__requests" and self.command == "GET":
            return self._send_json(200, self.script.requests())
        if url.path == "/__reset" and self.command == "POST":
            self.script.replace(None)
            return self._send_json(200, {"ok": True})

        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        response, cancelled = self.script.record({
            "method": self.command,
            "path": url.path,
            "query": url.query,
            "headers": headers,
            "body": body.decode("utf-8", errors="replace"),
        })
        # A hung request is released early (and dropped) by a new script/reset.
        if response["delay"] and cancelled.wait(response["delay"]):
            return self._abort(rst=False)
        if response["action"] == "reset":
            return self._abort(rst=True)
        if response["action"] == "close":
            return self._abort(rst=False)
        self._send(response["status"], response["headers"], response["body"].encode())

    def _proxy(self, proxy: ProxyState, path: str, body: bytes) -> None:
        """Proxy mode: the control routes, else forward with faults."""
        if path == "/__proxy/counters" and self.command == "GET":
            return self._send_json(200, proxy.counters())
        if path == "/__proxy/reset" and self.command == "POST":
            proxy.reset()
            return self._send_json(200, {"ok": True})
        if path == "/__proxy/config" and self.command == "POST":
            try:
                faults = proxy.configure(json.loads(body or b"{}"))
            except (ValueError, TypeError) as error:  # ConfigError and JSON errors
                return self._send_json(400, {"error": str(error)})
            return self._send_json(200, {"ok": True, "faults": faults.__dict__})

        headers = [(name, value) for name, value in self.headers.items() if name.lower() not in HOP_BY_HOP]
        lower = {name.lower(): value for name, value in headers}
        operation = operation_of(lower)
        check: SignatureCheck | None = self.server.signatures  # type: ignore[attr-defined]
        if check is not None:
            # The check sees the headers as they came, Content-Length included: it may be signed.
            refusal = check.check(self.command, self.path, list(self.headers.items()), body)
            if refusal is not None:
                number = proxy.count("refused", operation)
                return self._send(*refusal.reply(f"signature-refused-{number}"))
        key = b"\0".join([self.command.encode(), self.path.encode(),
                           lower.get("x-amz-target", "").encode(), body])
        fate, faults = proxy.decide(key, operation)
        if faults.latency_ms:
            time.sleep(faults.latency_ms / 1000)
        if fate == "throttle":
            status, reply_headers, reply = throttle_reply(proxy.count("throttled", operation))
            return self._send(status, reply_headers, reply)
        try:
            status, upstream_headers, reply = self.server.upstream.exchange(  # type: ignore[attr-defined]
                self.command, self.path, headers, body)
        except (OSError, http.client.HTTPException) as error:
            proxy.count("failed", operation)
            return self._send_json(502, {"error": f"upstream: {error}"})
        if fate == "drop":
            # The upstream has applied the call; the client never learns it.
            proxy.count("dropped", operation)
            return self._abort(rst=faults.drop_action == "reset")
        proxy.count("forwarded", operation)
        if check is not None and 200 <= status < 300:
            check.keys.learn_from_reply(reply)
        self._send(status, {name: value for name, value in upstream_headers
                            if name.lower() not in HOP_BY_HOP}, reply)

    def _control_script(self, body: bytes) -> None:
        try:
            data = json.loads(body or b"{}")
            items = data.get("responses") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise ScriptError('body must be {"responses": [...]}')
            responses = [parse_response(item, i) for i, item in enumerate(items)]
        except ValueError as error:  # ScriptError and JSON errors
            return self._send_json(400, {"error": str(error)})
        self.script.replace(responses)
        self._send_json(200, {"ok": True, "queued": len(responses)})


for _method in METHODS:
    setattr(FaultHandler, f"do_{_method}", FaultHandler.handle_any)


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True
    # The socket module's default backlog of 5 resets connections when many tests open theirs at
    # once (a burst of 300 saw 20 resets); the emulator behind it listens with 128.
    request_queue_size = 128

    def __init__(self, port: int = 0, proxy: ProxyState | None = None,
                 signatures: SignatureCheck | None = None) -> None:
        super().__init__((HOST, port), FaultHandler)
        self.script = Script()
        self.proxy = proxy
        self.signatures = signatures
        self.upstream = Upstream(proxy) if proxy else None

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hanging up mid-request is routine in fault tests; any other failure of the
        # signature check is a fault of the check, and is shown.
        failure = sys.exc_info()[1]
        if FaultHandler.verbose or (self.signatures is not None and not isinstance(failure, ConnectionError)):
            super().handle_error(request, client_address)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port to listen on (default 0: pick a free one)")
    parser.add_argument("--watch-parent", action="store_true",
                        help="exit when the parent process goes away")
    parser.add_argument("--verbose", action="store_true",
                        help="log every request to stderr")
    parser.add_argument("--upstream", help="proxy mode: forward every request to this http:// URL")
    parser.add_argument("--keys", help="proxy mode: check every request's signature against the secrets "
                        "in this JSON file ({access key: secret}) and the temporary ones the upstream hands out")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="proxy mode: delay each request (ms)")
    parser.add_argument("--throttle", type=float, default=0.0,
                        help="proxy mode: share of requests answered TooManyRequestsException, not forwarded")
    parser.add_argument("--drop", type=float, default=0.0,
                        help="proxy mode: share of requests forwarded, then their connection dropped unanswered")
    parser.add_argument("--drop-action", choices=["reset", "close"], default="reset",
                        help="proxy mode: how a dropped connection ends (default: a TCP reset)")
    parser.add_argument("--seed", type=int, default=0, help="proxy mode: seed of the throttle and drop draws")
    args = parser.parse_args()
    FaultHandler.verbose = args.verbose
    proxy = None
    if args.upstream:
        try:
            proxy = ProxyState(args.upstream, Faults(args.latency_ms, args.throttle, args.drop,
                                                     args.drop_action, args.seed))
        except ConfigError as error:
            parser.error(str(error))
    signatures = None
    if args.keys:
        if proxy is None:
            parser.error("--keys needs --upstream")
        try:
            signatures = SignatureCheck(load_keys(args.keys))
        except (OSError, ValueError) as error:
            parser.error(str(error))

    lifetime = Lifetime(args.watch_parent)

    server = FaultServer(args.port, proxy, signatures)
    threading.Thread(target=server.serve_forever, name="fault-server", daemon=True).start()
    # The socket is listening since the constructor; serve_forever is running.
    print(f"http://{HOST}:{server.server_port}", flush=True)

    lifetime.wait_then_close(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
