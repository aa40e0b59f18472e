#!/usr/bin/env python3
"""A token issuer the tests own: an RSA key made at start-up, its public half served as a
user pool's JSON Web Key Set, and RS256 tokens signed on request.

It stands in for a user pool's keys where the emulator cannot help: tokens that are expired,
for another audience or another token_use, and keys that rotate.

  GET  /<pool id>/.well-known/jwks.json  the current key set ({"keys": [...]}), counted
  POST /__sign     {"claims": {...}, "kid": optional, "alg": optional} -> {"token": "..."}
                   signed with the current key (alg is only written into the header)
  POST /__rotate   makes a new current key with a new kid; the set then holds only it
  GET  /__stats    {"jwks_fetches": N}

Prints exactly one line, ``http://127.0.0.1:PORT``, when ready.

    python3 scripts/emulator/token_issuer.py [--port N] [--watch-parent]
"""

import argparse
import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from lifecycle import Lifetime

HOST = "127.0.0.1"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def int_bytes(value: int) -> bytes:
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


class KeyRing:
    """The current signing key and how often its set was read."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.fetches = 0
        self.rotate()

    def rotate(self) -> None:
        with self.lock:
            self.generation += 1
            self.kid = f"test-key-{self.generation}"
            self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwks(self) -> dict:
        with self.lock:
            self.fetches += 1
            numbers = self.key.public_key().public_numbers()
            return {"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": self.kid,
                              "n": b64url(int_bytes(numbers.n)), "e": b64url(int_bytes(numbers.e))}]}

    def sign(self, claims: dict, kid: str | None, alg: str | None) -> str:
        with self.lock:
            header = {"alg": alg or "RS256", "kid": kid or self.kid}
            head = b64url(json.dumps(header, separators=(",", ":")).encode())
            body = b64url(json.dumps(claims, separators=(",", ":")).encode())
            signing_input = f"{head}.{body}".encode("ascii")
            signature = self.key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
            return f"{head}.{body}.{b64url(signature)}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    ring: KeyRing

    def log_message(self, *_args) -> None:
        pass

    def reply(self, status: int, value) -> None:
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        if self.path.endswith("/.well-known/jwks.json"):
            self.reply(200, self.ring.jwks())
        elif self.path == "/__stats":
            self.reply(200, {"jwks_fetches": self.ring.fetches})
        else:
            self.reply(404, {"message": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            self.reply(400, {"message": "the body is not JSON"})
            return
        if self.path == "/__sign" and isinstance(request.get("claims"), dict):
            self.reply(200, {"token": self.ring.sign(request["claims"], request.get("kid"), request.get("alg"))})
        elif self.path == "/__rotate":
            self.ring.rotate()
            self.reply(200, {"kid": self.ring.kid})
        else:
            self.reply(400, {"message": "unknown request"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--watch-parent", action="store_true")
    args = parser.parse_args()
    lifetime = Lifetime(args.watch_parent)
    Handler.ring = KeyRing()
    server = ThreadingHTTPServer((HOST, args.port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="token-issuer", daemon=True).start()
    print(f"http://{HOST}:{server.server_port}", flush=True)
    lifetime.wait_then_close(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
