"""The proxy mode of fault_server.py: it sits in front of an upstream server (the emulator)
and forwards every request, adding what a busy service and a flaky network do to a client:

  latency   every request waits this many milliseconds before it is forwarded;
  throttle  this share of requests is answered HTTP 400 TooManyRequestsException, as
            the JSON 1.1 protocol does, WITHOUT being forwarded (nothing was applied);
  drop      this share of requests is forwarded, the upstream's reply is read (so the
            call WAS applied), and then the client's connection is reset or closed
            without an answer: the client cannot know the call took effect.

Which requests are throttled or dropped is decided from a seed, the request itself
(method, path, X-Amz-Target and body) and how many times that same request was seen
before, so a run is reproducible whatever order concurrent connections arrive in, and a
resent request gets a fresh draw.

Counters of what the proxy did are read from GET /__proxy/counters; POST /__proxy/config
changes the faults ({"latency_ms", "throttle", "drop", "drop_action", "seed", "operations"},
each optional; "operations", a list of operation names, limits the throttles and drops to
those operations, every operation when empty) and POST /__proxy/reset zeroes the counters
and the memory of requests seen.
"""

import hashlib
import http.client
import threading
import time
from collections import Counter
from dataclasses import dataclass, asdict, field
from typing import Any
from urllib.parse import urlsplit

AWS_JSON = "application/x-amz-json-1.1"
DROP_ACTIONS = ("reset", "close")
# Headers about one hop of a connection, never passed on (RFC 9110 section 7.6.1).
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade", "content-length", "proxy-authenticate", "proxy-authorization"}


class ConfigError(ValueError):
    pass


@dataclass
class Faults:
    """What the proxy does to the requests it forwards."""
    latency_ms: float = 0.0
    throttle: float = 0.0
    drop: float = 0.0
    drop_action: str = "reset"
    seed: int = 0
    operations: list[str] = field(default_factory=list)

    def updated(self, changes: Any) -> "Faults":
        """A copy with ``changes`` (a JSON object) applied, checked field by field."""
        if not isinstance(changes, dict):
            raise ConfigError("the body must be a JSON object")
        unknown = set(changes) - set(asdict(self))
        if unknown:
            raise ConfigError(f"unknown fields {sorted(unknown)}")
        merged = {**asdict(self), **changes}
        faults = Faults(**merged)
        faults.check()
        return faults

    def check(self) -> None:
        def number(value: Any) -> bool:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if not number(self.latency_ms) or self.latency_ms < 0:
            raise ConfigError("latency_ms must be a number >= 0")
        for name in ("throttle", "drop"):
            value = getattr(self, name)
            if not number(value) or not 0 <= value <= 1:
                raise ConfigError(f"{name} must be a share between 0 and 1")
        if self.throttle + self.drop > 1:
            raise ConfigError("throttle and drop together must not exceed 1")
        if self.drop_action not in DROP_ACTIONS:
            raise ConfigError(f"drop_action must be one of {list(DROP_ACTIONS)}")
        if not isinstance(self.seed, int) or isinstance(self.seed, bool):
            raise ConfigError("seed must be an integer")
        if not isinstance(self.operations, list) or not all(isinstance(name, str) for name in self.operations):
            raise ConfigError("operations must be a list of operation names")


class ProxyState:
    """The faults in force, the draws made and the counters (thread-safe)."""

    def __init__(self, upstream: str, faults: Faults) -> None:
        url = urlsplit(upstream)
        if url.scheme != "http" or not url.hostname:
            raise ConfigError(f"the upstream must be an http:// URL, got {upstream!r}")
        self.upstream_host = url.hostname
        self.upstream_port = url.port or 80
        faults.check()
        self._lock = threading.Lock()
        self._faults = faults
        self._seen: Counter[str] = Counter()
        self._counters: Counter[str] = Counter()
        self._by_operation: dict[str, Counter[str]] = {}
        self._per_second: Counter[int] = Counter()

    @property
    def faults(self) -> Faults:
        with self._lock:
            return self._faults

    def configure(self, changes: Any) -> Faults:
        with self._lock:
            self._faults = self._faults.updated(changes)
            return self._faults

    def reset(self) -> None:
        with self._lock:
            self._seen.clear()
            self._counters.clear()
            self._by_operation.clear()
            self._per_second.clear()

    def decide(self, key: bytes, operation: str = "") -> tuple[str, Faults]:
        """``forward``, ``throttle`` or ``drop`` for one request, and the faults in force."""
        with self._lock:
            faults = self._faults
            if faults.operations and operation not in faults.operations:
                self._per_second[int(time.time())] += 1
                return "forward", faults
            digest = hashlib.sha256(key).hexdigest()
            occurrence = self._seen[digest]
            self._seen[digest] += 1
            self._per_second[int(time.time())] += 1
        draw = hashlib.sha256(f"{faults.seed}:{digest}:{occurrence}".encode()).digest()
        share = int.from_bytes(draw[:8], "big") / 2**64
        if share < faults.throttle:
            return "throttle", faults
        if share < faults.throttle + faults.drop:
            return "drop", faults
        return "forward", faults

    def count(self, what: str, operation: str) -> int:
        """Counts one request's fate; returns how many had it so far."""
        with self._lock:
            self._counters[what] += 1
            self._by_operation.setdefault(operation, Counter())[what] += 1
            return self._counters[what]

    def counters(self) -> dict[str, Any]:
        with self._lock:
            seconds = sorted(self._per_second.items())
            return {
                "requests": sum(self._per_second.values()),
                "forwarded": self._counters["forwarded"],
                "throttled": self._counters["throttled"],
                "dropped": self._counters["dropped"],
                "failed": self._counters["failed"],
                "refused": self._counters["refused"],
                "by_operation": {op: dict(c) for op, c in sorted(self._by_operation.items())},
                "per_second": [[second, count] for second, count in seconds],
                "max_per_second": max((count for _, count in seconds), default=0),
                "faults": asdict(self._faults),
            }


def operation_of(headers: dict[str, str]) -> str:
    """The operation a JSON 1.1 request calls (X-Amz-Target after the dot), else ``-``."""
    target = headers.get("x-amz-target", "")
    return target.rsplit(".", 1)[-1] if target else "-"


def throttle_reply(number: int) -> tuple[int, dict[str, str], bytes]:
    body = b'{"__type":"TooManyRequestsException","message":"Too many requests (fault proxy)."}'
    return 400, {"Content-Type": AWS_JSON, "x-amzn-ErrorType": "TooManyRequestsException",
                 "x-amzn-RequestId": f"fault-throttle-{number}"}, body


class Upstream:
    """Forwards one request to the upstream on a connection of its own.

    A fresh loopback connection per request costs little and means a request is never sent
    twice: a kept-alive connection the upstream had closed would leave it unknown whether a
    resend repeats the call.
    """

    def __init__(self, state: ProxyState) -> None:
        self.state = state

    def exchange(self, method: str, path: str, headers: list[tuple[str, str]],
                 body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(self.state.upstream_host, self.state.upstream_port, timeout=60)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in headers:
                conn.putheader(name, value)
            conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()
