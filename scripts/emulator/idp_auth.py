"""Sign-in as the service runs it, where moto only pretends.

- ``USER_SRP_AUTH``: moto answers ``InitiateAuth`` with random ``SALT`` and ``SRP_B``, a
  ``SECRET_BLOCK`` that is not base64, and accepts any ``PASSWORD_VERIFIER`` answer. Here the
  server side of SRP-6a runs as Cognito does (the 3072-bit group of RFC 3526 with g = 2,
  k = H(N | g), x = H(salt | H(pool name | user id | ":" | password)), HKDF "Caldera Derived
  Key"): the verifier is made from the user's password, B = k·v + g^b, and the answer's
  ``PASSWORD_CLAIM_SIGNATURE`` must be the HMAC of pool name, user id, secret block and a
  ``TIMESTAMP`` of the form ``EEE MMM d HH:mm:ss UTC yyyy``; otherwise ``NotAuthorizedException``
  ("Incorrect username or password.").
- Challenge parameters are strings on the wire (``MFAS_CAN_SETUP`` is ``'["SOFTWARE_TOKEN_MFA"]'``);
  moto sends lists.
- App client secrets are made of the characters the model allows (``[\\w+]+``, as the
  service's are); moto's are UUIDs, which ``RevokeToken``'s ``ClientSecret`` would refuse.
- ``RevokeToken`` (moto lacks it), with the API reference's rules: the input shape; the
  client must exist and, when it has a secret, be given it (``UnauthorizedException``); its
  ``EnableTokenRevocation`` must be on (``UnsupportedOperationException``); only refresh tokens
  are revoked (an ID or access token is ``UnsupportedTokenTypeException``); a refresh token of
  another client is ``UnauthorizedException``; an unknown one is accepted and changes nothing
  (RFC 7009 §2.2). The refresh token then fails ``REFRESH_TOKEN_AUTH``, and the access tokens it
  issued fail ``GetUser``.
"""

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
from typing import Any

from moto.cognitoidp import models as idp_models
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.responses import EmptyResult

from errors import (
    InvalidParameterException,
    SerializationException,
    UnauthorizedException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
)
from identity_validation import validate_request
import idp_mfa

SERVICE = "cognito-idp"

N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
    16,
)
G = 2
TIMESTAMP = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"([1-9]|[12][0-9]|3[01]) [0-2][0-9]:[0-5][0-9]:[0-6][0-9] UTC [0-9]{4}$"
)
WRONG_PASSWORD = "Incorrect username or password."

_LOCK = threading.Lock()
# SECRET_BLOCK -> what the PASSWORD_VERIFIER answer is checked with.
_EXCHANGES: dict[str, dict[str, Any]] = {}


def padded(value: int) -> bytes:
    """A number's bytes as Cognito hashes them: whole bytes, a zero byte first when the top bit is set."""
    raw = value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")
    return b"\x00" + raw if raw[0] & 0x80 else raw


def sha(*parts: bytes) -> int:
    return int.from_bytes(hashlib.sha256(b"".join(parts)).digest(), "big")


K = sha(padded(N), padded(G))


def password_exponent(salt: int, pool_name: str, user_id: str, password: str) -> int:
    identity = hashlib.sha256(f"{pool_name}{user_id}:{password}".encode()).digest()
    return sha(padded(salt), identity)


def claim_key(premaster: int, u: int) -> bytes:
    prk = hmac.new(padded(u), padded(premaster), hashlib.sha256).digest()
    return hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]


def claim_signature(key: bytes, pool_name: str, user_id: str, secret_block: str, timestamp: str) -> str:
    message = pool_name.encode() + user_id.encode() + base64.b64decode(secret_block) + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def _strings(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """Challenge parameters as the service sends them: every value a string."""
    params = (result or {}).get("ChallengeParameters")
    if isinstance(params, dict):
        for name, value in list(params.items()):
            if not isinstance(value, str):
                params[name] = json.dumps(value, separators=(",", ":"))
    return result


_moto_initiate_auth = idp_models.CognitoIdpBackend.initiate_auth
_moto_admin_initiate_auth = idp_models.CognitoIdpBackend.admin_initiate_auth
_moto_respond = idp_models.CognitoIdpBackend.respond_to_auth_challenge


def _initiate_auth(self, client_id: str, auth_flow: str, auth_parameters: dict[str, str]):  # type: ignore[no-untyped-def]
    result = _moto_initiate_auth(self, client_id, auth_flow, auth_parameters)
    if result and result.get("ChallengeName") == "PASSWORD_VERIFIER":
        _start_exchange(self, result, auth_parameters)
    elif auth_flow == "USER_PASSWORD_AUTH":
        pool = next(p for p in self.user_pools.values() if client_id in p.clients)
        result = idp_mfa.after_password(self, pool, auth_parameters.get("USERNAME", ""), result)
    return _strings(result)


def _start_exchange(backend, result: dict[str, Any], auth_parameters: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    try:
        large_a = int(auth_parameters.get("SRP_A", ""), 16)
    except ValueError:
        raise InvalidParameterException("SRP_A is not a hexadecimal number.") from None
    if large_a % N == 0:
        raise InvalidParameterException("SRP_A is not valid.")
    moto_session = result["Session"]
    username, pool = backend.sessions[moto_session]
    user = backend.admin_get_user(pool.id, username)
    params = result["ChallengeParameters"]
    pool_name = pool.id.split("_", 1)[1]
    salt = secrets.randbits(128) | (1 << 124)  # 16 bytes, no leading zero digit
    verifier = pow(G, password_exponent(salt, pool_name, params["USER_ID_FOR_SRP"], user.password or ""), N)
    small_b = secrets.randbits(256)
    large_b = (K * verifier + pow(G, small_b, N)) % N
    secret_block = base64.b64encode(secrets.token_bytes(48)).decode()
    with _LOCK:
        _EXCHANGES[secret_block] = {
            "session": moto_session, "A": large_a, "B": large_b, "b": small_b, "v": verifier,
            "pool_name": pool_name, "user_id": params["USER_ID_FOR_SRP"],
        }
    params.update({"SALT": format(salt, "x"), "SRP_B": format(large_b, "x"), "SECRET_BLOCK": secret_block})


def _admin_initiate_auth(self, user_pool_id, client_id, auth_flow, auth_parameters):  # type: ignore[no-untyped-def]
    result = _moto_admin_initiate_auth(self, user_pool_id, client_id, auth_flow, auth_parameters)
    if auth_flow in ("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"):
        result = idp_mfa.after_password(self, self.describe_user_pool(user_pool_id),
                                        auth_parameters.get("USERNAME", ""), result)
    return _strings(result)


def _respond(self, session: str, client_id: str, challenge_name: str, challenge_responses: dict[str, str]):  # type: ignore[no-untyped-def]
    answered = idp_mfa.respond(self, session, client_id, challenge_name, challenge_responses)
    if answered is not None:
        return _strings(answered)
    pool = self.sessions[session][1] if session in self.sessions else None
    if challenge_name == "PASSWORD_VERIFIER":
        responses = dict(challenge_responses)
        block = responses.get("PASSWORD_CLAIM_SECRET_BLOCK") or ""
        with _LOCK:
            exchange = _EXCHANGES.pop(block, None)
        if exchange is None:
            raise idp_models.NotAuthorizedError("Invalid session for the user.")
        timestamp = responses.get("TIMESTAMP") or ""
        if not TIMESTAMP.match(timestamp):
            raise InvalidParameterException("TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.")
        u = sha(padded(exchange["A"]), padded(exchange["B"]))
        premaster = pow(exchange["A"] * pow(exchange["v"], u, N), exchange["b"], N)
        expected = claim_signature(claim_key(premaster, u), exchange["pool_name"], exchange["user_id"], block, timestamp)
        if not hmac.compare_digest(expected, responses.get("PASSWORD_CLAIM_SIGNATURE") or ""):
            raise idp_models.NotAuthorizedError(WRONG_PASSWORD)
        # moto finds the sign-in by the secret block it handed out, which was its session.
        responses["PASSWORD_CLAIM_SECRET_BLOCK"] = exchange["session"]
        challenge_responses = responses
        pool = self.sessions[exchange["session"]][1] if exchange["session"] in self.sessions else None
    result = _moto_respond(self, session, client_id, challenge_name, challenge_responses)
    if challenge_name in ("PASSWORD_VERIFIER", "NEW_PASSWORD_REQUIRED") and pool is not None:
        result = idp_mfa.after_password(self, pool, challenge_responses.get("USERNAME", ""), result)
    return _strings(result)


# -- RevokeToken ---------------------------------------------------------------------------


def _jwt_claims(token: str) -> dict[str, Any] | None:
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return None


def revoke_token(self: CognitoIdpResponse) -> EmptyResult:
    try:
        params = json.loads(self.body) if self.body else {}
    except ValueError:
        raise SerializationException("Request body is not valid JSON") from None
    validate_request("RevokeToken", params, service=SERVICE, error=InvalidParameterException)
    token, client_id = params["Token"], params["ClientId"]
    pool = next((p for b in _backends() for p in b.user_pools.values() if client_id in p.clients), None)
    if pool is None:
        raise UnauthorizedException("Invalid client.")
    client = pool.clients[client_id]
    if client.generate_secret and params.get("ClientSecret") != client.secret:
        raise UnauthorizedException("Invalid client credentials.")
    if client.extended_config.get("EnableTokenRevocation") is False:
        raise UnsupportedOperationException("Token revocation is not enabled for this app client.")
    if _jwt_claims(token) is not None:
        raise UnsupportedTokenTypeException("Only refresh tokens can be revoked.")
    issued = pool.refresh_tokens.get(token)
    if issued is None:
        return EmptyResult()  # unknown or revoked already: nothing to do
    owner, _username, origin_jti = issued
    if owner != client_id:
        raise UnauthorizedException("The token was not issued to this client.")
    pool.refresh_tokens[token] = None
    for access_token in [t for t in pool.access_tokens if (_jwt_claims(t) or {}).get("origin_jti") == origin_jti]:
        del pool.access_tokens[access_token]
    return EmptyResult()


def _backends():  # type: ignore[no-untyped-def]
    for regions in idp_models.cognitoidp_backends.values():
        yield from regions.values()


_moto_client_init = idp_models.CognitoIdpUserPoolClient.__init__
_SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _client_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    _moto_client_init(self, *args, **kwargs)
    self.secret = "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(51))


def install() -> None:
    """Patch moto's cognito-idp sign-in and add RevokeToken; run before the first request."""
    idp_mfa.install()
    idp_models.CognitoIdpUserPoolClient.__init__ = _client_init
    idp_models.CognitoIdpBackend.initiate_auth = _initiate_auth
    idp_models.CognitoIdpBackend.admin_initiate_auth = _admin_initiate_auth
    idp_models.CognitoIdpBackend.respond_to_auth_challenge = _respond
    CognitoIdpResponse.revoke_token = revoke_token
