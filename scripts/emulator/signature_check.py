"""Checks the Signature Version 4 of each request before the emulator sees it (moto accepts any).

The signing mode of fault_server.py (``--keys FILE``) calls ``SignatureCheck.check`` on every
request it receives. A request with an ``Authorization`` header is always checked: the header is
parsed (algorithm, credential scope: access key, date, region, service; signed headers;
signature), the request is signed again with botocore's own signer (``SigV4Auth``) from the
secret known for that access key, with the request's own ``X-Amz-Date``, the headers it names as
signed and its body, and a mismatch is answered as the service answers it, without forwarding:

  JSON 1.1 (cognito-idp, cognito-identity)   Query (STS)              when
  IncompleteSignature            400          IncompleteSignature 400  the header is malformed, or
                                                                       host, X-Amz-Date, X-Amz-Target or
                                                                       X-Amz-Security-Token is not signed,
                                                                       or a signed header is absent
  UnrecognizedClientException    400          InvalidClientTokenId 403 the access key or its session
                                                                       token is not known
  InvalidSignatureException      403          SignatureDoesNotMatch 403 the signature, the scope's
                                                                       date or service does not match
  MissingAuthenticationTokenException 403     MissingAuthenticationToken 403
                                                                       an operation that needs a
                                                                       signature came without one

A request without ``Authorization`` passes when it is not an AWS API call (the emulator's own
``/_emulator/`` routes, moto's JWKS and OAuth endpoints) or when it calls an operation that
botocore's service model marks as unauthenticated (InitiateAuth, GetId, GetCredentialsForIdentity,
AssumeRoleWithWebIdentity...), which the SDKs send unsigned.

The secrets known: the fixed test keys (a JSON object ``{access key: secret}``) and every
temporary key pair the emulator hands out, learnt from the replies forwarded (GetCredentialsForIdentity,
AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken...) with its session token: a request signed
with a learnt key must carry that token, and sign it.

No message names a secret or a session token.
"""

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import parse_qs, urlsplit

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest, HTTPHeaders
from botocore.credentials import Credentials

ALGORITHM = "AWS4-HMAC-SHA256"
FORM = "application/x-www-form-urlencoded"
SERVICES = ("cognito-idp", "cognito-identity", "sts", "iam")
# What the JSON services and the Query ones call each refusal, with the HTTP status.
CODES = {
    "incomplete": (("IncompleteSignature", 400), ("IncompleteSignature", 400)),
    "unknown-key": (("UnrecognizedClientException", 400), ("InvalidClientTokenId", 403)),
    "mismatch": (("InvalidSignatureException", 403), ("SignatureDoesNotMatch", 403)),
    "unsigned": (("MissingAuthenticationTokenException", 403), ("MissingAuthenticationToken", 403)),
}


@dataclass(frozen=True)
class Operation:
    """The AWS API call a request makes: the services (signing names) that have it, its name,
    its protocol and whether the SDKs send it unsigned."""
    services: tuple[str, ...]
    name: str
    query: bool
    unsigned_allowed: bool


@dataclass(frozen=True)
class Refusal:
    kind: str  # a key of CODES
    message: str
    query: bool = False

    @property
    def code(self) -> str:
        return CODES[self.kind][self.query][0]

    @property
    def status(self) -> int:
        return CODES[self.kind][self.query][1]

    def reply(self, request_id: str) -> tuple[int, dict[str, str], bytes]:
        """The service's error reply: a JSON 1.1 body, or the Query protocol's XML."""
        if self.query:
            body = ("<ErrorResponse><Error><Type>Sender</Type>"
                    f"<Code>{self.code}</Code><Message>{_xml_escape(self.message)}</Message></Error>"
                    f"<RequestId>{request_id}</RequestId></ErrorResponse>").encode()
            return self.status, {"Content-Type": "text/xml", "x-amzn-RequestId": request_id}, body
        body = json.dumps({"__type": self.code, "message": self.message}).encode()
        return self.status, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-ErrorType": self.code,
                             "x-amzn-RequestId": request_id}, body


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Catalogue:
    """Which operation a request calls, and whether the SDKs send it unsigned, from botocore's models."""

    def __init__(self) -> None:
        session = botocore.session.get_session()
        # JSON services by X-Amz-Target prefix, Query ones by signing name: (operations, unsigned ones).
        self.json: dict[str, tuple[str, set[str]]] = {}
        self.query: dict[str, tuple[set[str], set[str]]] = {}
        for name in SERVICES:
            model = session.get_service_model(name)
            unsigned = {op for op in model.operation_names if _unsigned(model.operation_model(op))}
            prefix = model.metadata.get("targetPrefix")
            if prefix:
                self.json[prefix] = (model.signing_name, unsigned)
            else:
                self.query[model.signing_name] = (set(model.operation_names), unsigned)

    def operation(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Operation | None:
        """The API call, or None for a request that is not one (the emulator's routes, JWKS...)."""
        if path.startswith("/_emulator/"):
            return None
        target = headers.get("x-amz-target", "")
        if target:
            prefix, _, name = target.rpartition(".")
            service, unsigned = self.json.get(prefix, (prefix, set()))
            return Operation((service,), name, False, name in unsigned)
        if method == "POST" and headers.get("content-type", "").split(";")[0].strip().lower() == FORM:
            action = parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
            if action:
                services = tuple(name for name, (names, _) in self.query.items() if action in names)
                unsigned = any(action in self.query[name][1] for name in services)
                return Operation(services, action, True, unsigned)
        return None


def _unsigned(operation) -> bool:
    auth = getattr(operation, "auth", None) or []
    return operation.auth_type == "none" or "smithy.api#noAuth" in auth


class KeyStore:
    """The secrets known by access key: fixed ones, and temporary ones learnt (with their token)."""

    _CREDENTIALS = re.compile(rb"<Credentials>(.*?)</Credentials>", re.S)

    def __init__(self, fixed: dict[str, str]) -> None:
        self._lock = threading.Lock()
        self._keys: dict[str, tuple[str, str | None]] = {key: (secret, None) for key, secret in fixed.items()}

    def get(self, access_key: str) -> tuple[str, str | None] | None:
        with self._lock:
            return self._keys.get(access_key)

    def learn(self, access_key: str, secret: str, token: str | None) -> None:
        with self._lock:
            self._keys[access_key] = (secret, token)

    def learn_from_reply(self, body: bytes) -> int:
        """Learns every key pair in a reply (JSON or the Query protocol's XML); returns how many."""
        if b"AccessKeyId" not in body:
            return 0
        found = 0
        if body.lstrip().startswith(b"<"):
            for block in self._CREDENTIALS.findall(body):
                fields = {name.decode(): value.decode() for name, value in
                          re.findall(rb"<(AccessKeyId|SecretAccessKey|SessionToken)>([^<]*)</\1>", block)}
                if "AccessKeyId" in fields and "SecretAccessKey" in fields:
                    self.learn(fields["AccessKeyId"], fields["SecretAccessKey"], fields.get("SessionToken"))
                    found += 1
            return found
        try:
            document = json.loads(body)
        except ValueError:
            return 0
        for item in _objects(document):
            key = item.get("AccessKeyId")
            secret = item.get("SecretKey", item.get("SecretAccessKey"))
            if isinstance(key, str) and isinstance(secret, str):
                token = item.get("SessionToken")
                self.learn(key, secret, token if isinstance(token, str) else None)
                found += 1
        return found


def _objects(value) -> Iterable[dict]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


@dataclass(frozen=True)
class Authorization:
    access_key: str
    date: str
    region: str
    service: str
    signed_headers: list[str]
    signature: str


def parse_authorization(value: str, query: bool) -> Authorization | Refusal:
    algorithm, _, rest = value.strip().partition(" ")
    if algorithm != ALGORITHM:
        return Refusal("incomplete", f"The Authorization header must use {ALGORITHM}, not '{algorithm}'.", query)
    parts: dict[str, str] = {}
    for piece in rest.split(","):
        name, sep, item = piece.strip().partition("=")
        if sep:
            parts[name] = item
    missing = [name for name in ("Credential", "SignedHeaders", "Signature") if not parts.get(name)]
    if missing:
        return Refusal("incomplete", f"The Authorization header lacks {', '.join(missing)}.", query)
    scope = parts["Credential"].split("/")
    if len(scope) != 5 or scope[4] != "aws4_request" or not all(scope[:4]):
        return Refusal("incomplete", "The Credential of the Authorization header must be "
                       "ACCESS_KEY/DATE/REGION/SERVICE/aws4_request.", query)
    if not re.fullmatch(r"[0-9a-f]{64}", parts["Signature"]):
        return Refusal("incomplete", "The Signature of the Authorization header must be 64 hexadecimal digits.", query)
    signed = parts["SignedHeaders"].split(";")
    if signed != sorted(set(signed)) or any(name != name.lower() or not name for name in signed):
        return Refusal("incomplete", "The SignedHeaders of the Authorization header must be lower-case "
                       "names, sorted, each once.", query)
    return Authorization(scope[0], scope[1], scope[2], scope[3], signed, parts["Signature"])


class _Replay(SigV4Auth):
    """botocore's signer, signing exactly the headers the request names (none added or left out)."""

    def __init__(self, credentials: Credentials, service: str, region: str, signed: list[str]) -> None:
        super().__init__(credentials, service, region)
        self._signed = set(signed)

    def headers_to_sign(self, request: AWSRequest) -> HTTPHeaders:
        header_map = HTTPHeaders()
        for name, value in request.headers.items():
            if name.lower() in self._signed:
                header_map[name.lower()] = value
        return header_map


def expected_signature(method: str, target: str, headers: list[tuple[str, str]], body: bytes,
                       auth: Authorization, secret: str, timestamp: str) -> str:
    """The signature botocore computes for this request with ``secret``."""
    host = next(value for name, value in headers if name.lower() == "host")
    request = AWSRequest(method=method, url="http://" + host + target, data=body)
    request.headers = HTTPHeaders()
    for name, value in headers:
        if name.lower() in auth.signed_headers:
            request.headers[name] = value
    request.context["timestamp"] = timestamp
    signer = _Replay(Credentials(auth.access_key, secret), auth.service, auth.region, auth.signed_headers)
    # With X-Amz-Content-SHA256 signed, botocore takes the payload line from it; check() has
    # compared it with the body's own hash first.
    canonical = signer.canonical_request(request)
    return signer.signature(signer.string_to_sign(request, canonical), request)


class SignatureCheck:
    """Decides, for each request, whether it may go on to the emulator."""

    def __init__(self, keys: dict[str, str]) -> None:
        self.catalogue = Catalogue()
        self.keys = KeyStore(keys)

    def check(self, method: str, target: str, headers: list[tuple[str, str]], body: bytes) -> Refusal | None:
        """None when the request may be forwarded, else why it is refused."""
        lower: dict[str, str] = {}
        for name, value in headers:
            lower[name.lower()] = value
        operation = self.catalogue.operation(method, urlsplit(target).path, lower, body)
        query = operation.query if operation else False
        authorization = lower.get("authorization")
        if authorization is None:
            if operation is None or operation.unsigned_allowed:
                return None
            return Refusal("unsigned", f"{operation.name} needs a signed request, and this one has no "
                           "Authorization header.", query)
        auth = parse_authorization(authorization, query)
        if isinstance(auth, Refusal):
            return auth
        if "x-amz-date" not in lower:
            return Refusal("incomplete", "The request has no X-Amz-Date header to date its signature.", query)
        required = ["host", "x-amz-date"]
        required += [name for name in ("x-amz-target", "x-amz-security-token", "x-amz-content-sha256") if name in lower]
        unsigned = [name for name in required if name not in auth.signed_headers]
        if unsigned:
            return Refusal("incomplete", f"The header {', '.join(unsigned)} must be among the SignedHeaders "
                           "of the Authorization header.", query)
        absent = [name for name in auth.signed_headers if name not in lower]
        if absent:
            return Refusal("incomplete", f"The SignedHeaders name {', '.join(absent)}, which the request does "
                           "not carry.", query)
        timestamp = lower.get("x-amz-date", "")
        if not re.fullmatch(r"\d{8}T\d{6}Z", timestamp):
            return Refusal("incomplete", "The X-Amz-Date header must be a date like 20240101T000000Z.", query)
        if auth.date != timestamp[:8]:
            return Refusal("mismatch", f"The credential scope's date {auth.date} is not the day of "
                           f"X-Amz-Date ({timestamp[:8]}).", query)
        if operation is not None and auth.service not in operation.services:
            wanted = " or ".join(f"'{name}'" for name in operation.services) or "another service"
            return Refusal("mismatch", f"The credential scope's service is '{auth.service}', "
                           f"and {operation.name} is signed for {wanted}.", query)
        known = self.keys.get(auth.access_key)
        if known is None:
            return Refusal("unknown-key", f"The access key {auth.access_key} is not known "
                           "(the security token included in the request is invalid).", query)
        secret, token = known
        if token is not None and lower.get("x-amz-security-token") != token:
            return Refusal("unknown-key", f"The session token sent with the temporary access key {auth.access_key} "
                           "is not the one issued with it.", query)
        content_hash = lower.get("x-amz-content-sha256")
        if content_hash is not None and content_hash != hashlib.sha256(body).hexdigest():
            return Refusal("mismatch", "The X-Amz-Content-SHA256 header is not the SHA-256 of the body.", query)
        expected = expected_signature(method, target, headers, body, auth, secret, timestamp)
        if expected != auth.signature:
            return Refusal("mismatch", f"The signature does not match the one computed for access key "
                           f"{auth.access_key} over the signed headers ({';'.join(auth.signed_headers)}) and "
                           "the body; check the secret key and the signing method.", query)
        return None


def load_keys(path: str) -> dict[str, str]:
    """``{access key: secret}`` from a JSON file, checked."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                             for k, v in data.items()):
        raise ValueError(f"{path} must hold a JSON object mapping access keys to secrets")
    return data
