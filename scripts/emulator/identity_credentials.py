"""Temporary credentials as Cognito Identity gives them, where moto hands every caller the
same fixed keys.

- ``GetCredentialsForIdentity``: the identity must exist (``ResourceNotFoundException``) and
  be enabled; an identity with logins must be shown one of them (``NotAuthorizedException``,
  as the service says "Logins don't match"), an identity without logins needs a pool that
  allows unauthenticated identities. The role is ``CustomRoleArn`` when given (an
  authenticated identity only), else the pool's ``authenticated`` or ``unauthenticated`` role
  (none set: ``InvalidIdentityPoolConfigurationException``). The keys are issued by the
  emulator's STS as a session of that role (``CognitoIdentityCredentials``), so
  ``GetCallerIdentity`` with them names the assumed role, and they last an hour.
- ``GetOpenIdToken``: an RS256 JWT signed by a key the emulator makes at start-up
  (issuer ``https://cognito-identity.amazonaws.com``, audience the pool, ``amr``), instead
  of an unsigned one.
- STS ``AssumeRoleWithWebIdentity``: a token issued by Cognito Identity is accepted only when
  that key signed it, it has not expired and its identity exists; otherwise
  ``InvalidIdentityToken``. Tokens of other issuers are accepted as moto accepts them.
"""

import base64
import json
import time
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.exceptions import InvalidSignature
from moto.cognitoidentity import models as identity_models_moto
from moto.sts import models as sts_models
from moto.sts.exceptions import STSClientError
from moto.sts.responses import TokenResponse

import identity_models
from errors import InvalidIdentityPoolConfigurationException, NotAuthorizedException
from identity_backend import EmulatorBackend
from identity_models import jwt_claims, login_subject
from role_resolution import mapping_key, role_for

ISSUER = "https://cognito-identity.amazonaws.com"
KID = "cognito-identity-emulator-1"
SESSION_SECONDS = 3600
_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwks() -> dict[str, Any]:
    numbers = _KEY.public_key().public_numbers()
    n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
    e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    return {"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": KID, "n": _b64url(n), "e": _b64url(e)}]}


def signed_open_id_token(identity, duration: int | None) -> str:  # type: ignore[no-untyped-def]
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "sub": identity.identity_id,
        "aud": identity.pool_id,
        "amr": ["authenticated", *identity.logins] if identity.logins else ["unauthenticated"],
        "iat": now,
        "exp": now + (duration or identity_models.DEFAULT_TOKEN_SECONDS),
    }
    header = {"alg": "RS256", "typ": "JWT", "kid": KID}
    signing_input = f"{_b64url(json.dumps(header).encode())}.{_b64url(json.dumps(claims).encode())}"
    signature = _KEY.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{_b64url(signature)}"


def verified_claims(token: str) -> dict[str, Any] | None:
    """The claims of an OpenID token this emulator signed and that has not expired, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        _KEY.public_key().verify(_unb64url(parts[2]), f"{parts[0]}.{parts[1]}".encode("ascii"),
                                 padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return None
    claims = jwt_claims(token)
    if not claims or claims.get("exp", 0) <= time.time():
        return None
    return claims


# -- GetCredentialsForIdentity -------------------------------------------------------------


def get_credentials_for_identity(self: EmulatorBackend, identity_id: str, logins: dict[str, str] | None,
                                 custom_role_arn: str | None) -> dict[str, Any]:
    identity = self.identity(identity_id)
    if identity.disabled:
        raise NotAuthorizedException(f"Identity '{identity_id}' is disabled.")
    pool = self.pool(identity.pool_id)
    logins = logins or {}
    if identity.logins:
        shown = any(
            (provider == "cognito-identity.amazonaws.com" and (verified_claims(token) or {}).get("sub") == identity_id)
            or identity.owns(provider, login_subject(token))
            for provider, token in logins.items())
        if not shown:
            raise NotAuthorizedException("Logins don't match. Please include at least one valid login for this identity or identity pool.")
        extras = self.extras(pool)
        mapped = any(extras.role_mappings.get(mapping_key(provider, jwt_claims(token) or {}))
                     for provider, token in logins.items())
        # A mapping for one of the logins decides (role_resolution.py); otherwise the custom role
        # asked for, else the pool's authenticated role.
        role_arn = (role_for(extras, pool.allow_unauthenticated_identities, logins, custom_role_arn) if mapped
                    else custom_role_arn or extras.roles.get("authenticated"))
        kind = "authenticated"
    else:
        if logins:
            raise NotAuthorizedException("Logins don't match. Please include at least one valid login for this identity or identity pool.")
        if not pool.allow_unauthenticated_identities:
            raise NotAuthorizedException("Unauthenticated access is not supported for this identity pool.")
        if custom_role_arn:
            raise NotAuthorizedException("CustomRoleArn is not allowed for unauthenticated identities.")
        kind = "unauthenticated"
    if kind == "unauthenticated":
        role_arn = self.extras(pool).roles.get(kind)
    if not role_arn:
        raise InvalidIdentityPoolConfigurationException("Invalid identity pool configuration. Check assigned IAM roles for this pool.")
    sts = sts_models.sts_backends[self.account_id]["aws"]
    role = sts.assume_role(region_name=self.region_name, role_session_name="CognitoIdentityCredentials",
                           role_arn=role_arn, policy=None, duration=SESSION_SECONDS, external_id=None)
    return {
        "IdentityId": identity_id,
        "Credentials": {
            "AccessKeyId": role.access_key_id,
            "SecretKey": role.secret_access_key,
            "SessionToken": role.session_token,
            "Expiration": role.expiration.timestamp(),
        },
    }


def _response_get_credentials_for_identity(self) -> str:  # type: ignore[no-untyped-def]
    identity_id = self._param("IdentityId")
    backend = self._backend_for(identity_id)
    return self._reply(get_credentials_for_identity(
        backend, identity_id, self._param("Logins"), self._param("CustomRoleArn")))


# -- STS AssumeRoleWithWebIdentity ---------------------------------------------------------

class InvalidIdentityToken(STSClientError):
    def __init__(self, message: str):
        super().__init__("InvalidIdentityToken", message)


def check_web_identity_token(token: str) -> None:
    """Refuses a token that claims to come from Cognito Identity but that it did not issue."""
    if (jwt_claims(token) or {}).get("iss") != ISSUER:
        return
    verified = verified_claims(token)
    if verified is None:
        raise InvalidIdentityToken("Couldn't verify the signature or the expiry of the Cognito Identity token.")
    known = any(verified.get("sub") in backend.identities
                for regions in identity_models_moto.cognitoidentity_backends.values()
                for backend in regions.values() if isinstance(backend, EmulatorBackend))
    if not known:
        raise InvalidIdentityToken("The identity the token names does not exist.")


_moto_sts_assume_role_with_web_identity = TokenResponse.assume_role_with_web_identity


def _sts_assume_role_with_web_identity(self):  # type: ignore[no-untyped-def]
    check_web_identity_token(self._get_param("WebIdentityToken") or "")
    return _moto_sts_assume_role_with_web_identity(self)


def install() -> None:
    """Patch the emulator's Cognito Identity and moto's STS; run before the first request."""
    from cognito_emulator import EmulatorResponse
    EmulatorResponse.get_credentials_for_identity = _response_get_credentials_for_identity
    identity_models.open_id_token = signed_open_id_token
    import identity_backend
    import developer_identities
    identity_backend.open_id_token = signed_open_id_token
    developer_identities.open_id_token = signed_open_id_token
    TokenResponse.assume_role_with_web_identity = _sts_assume_role_with_web_identity
