"""Data kept by the emulated Cognito Identity service, and login tokens.

``Identity`` is one identity of an identity pool; ``PoolExtras`` is the
per-pool state moto's CognitoIdentityPool lacks. The token helpers read the
subject out of login tokens and mint OpenID tokens for identities.
"""

import base64
import json
import time
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TOKEN_SECONDS = 900  # AWS default OpenID token lifetime (15 minutes)


@dataclass
class Identity:
    identity_id: str
    pool_id: str
    seq: int
    created: float
    modified: float
    # provider name -> subjects linked for it. Public providers have one
    # subject (the user); a developer provider can have several user
    # identifiers after MergeDeveloperIdentities.
    logins: dict[str, list[str]] = field(default_factory=dict)
    # Set when the last login of an authenticated identity was unlinked or
    # the identity was merged into another one.
    disabled: bool = False

    def describe(self) -> dict[str, Any]:
        return {
            "IdentityId": self.identity_id,
            "Logins": list(self.logins),
            "CreationDate": self.created,
            "LastModifiedDate": self.modified,
        }

    def owns(self, provider: str, subject: str) -> bool:
        return subject in self.logins.get(provider, [])

    def link(self, provider: str, subject: str) -> None:
        subjects = self.logins.setdefault(provider, [])
        if subject not in subjects:
            subjects.append(subject)
            self.touch()
        self.disabled = False

    def unlink(self, provider: str, subject: str | None = None) -> None:
        """Remove one subject of ``provider`` (or all of them)."""
        subjects = self.logins.get(provider, [])
        if subject is not None and subject in subjects:
            subjects.remove(subject)
        if subject is None or not subjects:
            self.logins.pop(provider, None)
        self.touch()
        if not self.logins:
            self.disabled = True

    def touch(self) -> None:
        self.modified = time.time()


@dataclass
class PoolExtras:
    seq: int
    roles: dict[str, str] = field(default_factory=dict)
    role_mappings: dict[str, dict] = field(default_factory=dict)
    # provider name -> (UseDefaults, PrincipalTags)
    principal_tags: dict[str, tuple[bool, dict[str, str]]] = field(default_factory=dict)
    allow_classic_flow: bool | None = None


def _b64url(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def jwt_claims(token: str) -> dict | None:
    """Claims of a JWT (unverified), or None when ``token`` isn't one."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        claims = json.loads(payload)
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None


def login_subject(token: str) -> str:
    """Who a login token stands for: the ``sub`` claim of a JWT (ID tokens
    from moto's cognito-idp, Google, Apple, OIDC), else the token itself."""
    claims = jwt_claims(token)
    if claims and isinstance(claims.get("sub"), str):
        return claims["sub"]
    return token


def open_id_token(identity: Identity, duration: int | None) -> str:
    """An OpenID-token-shaped JWT (unsigned) naming the identity."""
    now = int(time.time())
    claims = {
        "iss": "https://cognito-identity.amazonaws.com",
        "sub": identity.identity_id,
        "aud": identity.pool_id,
        "amr": ["authenticated", *identity.logins] if identity.logins else ["unauthenticated"],
        "iat": now,
        "exp": now + (duration or DEFAULT_TOKEN_SECONDS),
    }
    header = {"alg": "none", "typ": "JWT", "kid": "cognito-emulator"}
    return f"{_b64url(header)}.{_b64url(claims)}.emulator"
