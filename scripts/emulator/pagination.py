"""Opaque, tamper-evident pagination tokens.

A token records which listing it belongs to (operation + scope, e.g. the
identity pool id) and a resume position. It is base64url(JSON) plus an
HMAC keyed by a per-process secret, so clients can't forge or edit one and a
token from one listing can't be replayed against another. Anything that does
not check out raises InvalidParameterException, as AWS does for bad tokens.
"""

import base64
import hashlib
import hmac
import json
import secrets

from errors import InvalidParameterException

_SECRET = secrets.token_bytes(32)
_SIG_LEN = 16  # bytes of HMAC kept; plenty for a local emulator


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_token(operation: str, scope: str, position: int) -> str:
    payload = json.dumps(
        {"op": operation, "scope": scope, "pos": position}, separators=(",", ":")
    ).encode()
    sig = hmac.new(_SECRET, payload, hashlib.sha256).digest()[:_SIG_LEN]
    return f"{_b64(payload)}.{_b64(sig)}"


def decode_token(token: str | None, operation: str, scope: str) -> int | None:
    """Return the resume position stored in ``token`` (None when no token)."""
    if token is None:
        return None
    try:
        payload_text, sig_text = token.split(".")
        payload = _unb64(payload_text)
        expected = hmac.new(_SECRET, payload, hashlib.sha256).digest()[:_SIG_LEN]
        if not hmac.compare_digest(expected, _unb64(sig_text)):
            raise ValueError("bad signature")
        data = json.loads(payload)
        if data["op"] != operation or data["scope"] != scope:
            raise ValueError("token belongs to another listing")
        position = data["pos"]
        if not isinstance(position, int):
            raise ValueError("bad position")
        return position
    except (ValueError, KeyError, TypeError):
        raise InvalidParameterException(f"Invalid NextToken: {token}") from None


def paginate(items: list, position_of, max_results: int, start_after: int | None,
             operation: str, scope: str) -> tuple[list, str | None]:
    """Slice ``items`` (sorted by ascending ``position_of(item)``) into one page.

    Resumes after ``start_after`` so items deleted between pages never cause
    later items to be skipped or repeated. Returns (page, next_token|None).
    """
    if start_after is not None:
        items = [item for item in items if position_of(item) > start_after]
    page = items[:max_results]
    next_token = None
    if len(items) > max_results:
        next_token = encode_token(operation, scope, position_of(page[-1]))
    return page, next_token
