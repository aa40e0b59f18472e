"""The MFA part of sign-in that moto lacks: email codes and the choice between methods.

- ``AdminSetUserMFAPreference`` and ``SetUserMFAPreference`` take ``EmailMfaSettings``
  (moto drops it): the user must have an ``email``; ``AdminGetUser`` then lists ``EMAIL_OTP``.
- After the password step of ``USER_PASSWORD_AUTH``, ``ADMIN_USER_PASSWORD_AUTH``,
  ``USER_SRP_AUTH`` (``PASSWORD_VERIFIER``) and ``NEW_PASSWORD_REQUIRED``, the MFA challenge is
  chosen as the service chooses it: the preferred method when it is enabled; with none
  preferred, ``SELECT_MFA_TYPE`` (``MFAS_CAN_CHOOSE``) when several are enabled, the one
  otherwise. (moto challenges only a preferred method, and ``PASSWORD_VERIFIER`` asks for the
  authenticator whenever it is enabled.)
- ``SELECT_MFA_TYPE`` is answered with ``ANSWER`` (one of those offered) and leads to that
  method's challenge; ``EMAIL_OTP`` is answered with ``EMAIL_OTP_CODE`` (the emulator sends no
  mail and accepts any code, as moto does for SMS).
"""

import json
import threading
from typing import Any

from moto.cognitoidp import models as idp_models
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.cognitoidp.utils import check_secret_hash
from moto.core.responses import EmptyResult
from moto.moto_api._internal import mock_random

from errors import InvalidParameterException

METHODS = ("SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
_LOCK = threading.Lock()
# session -> the methods SELECT_MFA_TYPE offered
_CHOICES: dict[str, list[str]] = {}


def email_mfa(user: Any) -> bool:
    return bool(getattr(user, "email_mfa_enabled", False))


def enabled_methods(user: Any) -> list[str]:
    flags = {"SMS_MFA": user.sms_mfa_enabled, "SOFTWARE_TOKEN_MFA": user.software_token_mfa_enabled,
             "EMAIL_OTP": email_mfa(user)}
    return [m for m in METHODS if flags[m]]


def _masked_email(user: Any) -> str:
    email = next((a["Value"] for a in user.attributes if a["Name"] == "email"), "")
    name, _, domain = email.partition("@")
    return f"{name[:1]}***@{domain[:1]}***" if domain else "***"


def _challenge(name: str, session: str, user: Any, choices: list[str] | None = None) -> dict[str, Any]:
    params: dict[str, str] = {"USERNAME": user.username}
    if name == "EMAIL_OTP":
        params.update({"CODE_DELIVERY_DELIVERY_MEDIUM": "EMAIL", "CODE_DELIVERY_DESTINATION": _masked_email(user)})
    if name == "SELECT_MFA_TYPE":
        params["MFAS_CAN_CHOOSE"] = json.dumps(choices, separators=(",", ":"))
        with _LOCK:
            _CHOICES[session] = list(choices or [])
    return {"ChallengeName": name, "ChallengeParameters": params, "Session": session}


def after_password(backend: Any, pool: Any, username: str, result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The step that follows a correct password: moto's, unless MFA says otherwise."""
    if not result or (result.get("ChallengeName") not in (None, "SMS_MFA", "SOFTWARE_TOKEN_MFA")):
        return result
    user = pool._get_user(username)
    methods = enabled_methods(user) if user else []
    if not methods:
        return result
    preferred = user.preferred_mfa_setting if user.preferred_mfa_setting in methods else None
    session = result.get("Session") or str(mock_random.uuid4())
    backend.sessions[session] = (user.username, pool)
    if preferred:
        return _challenge(preferred, session, user)
    if len(methods) > 1:
        return _challenge("SELECT_MFA_TYPE", session, user, methods)
    return _challenge(methods[0], session, user)


def respond(backend: Any, session: str, client_id: str, name: str, responses: dict[str, str]) -> dict[str, Any] | None:
    """Answers SELECT_MFA_TYPE and EMAIL_OTP; None for the challenges moto answers."""
    if name not in ("SELECT_MFA_TYPE", "EMAIL_OTP"):
        return None
    if session not in backend.sessions:
        raise idp_models.NotAuthorizedError("Invalid session for the user, session is expired.")
    username, pool = backend.sessions[session]
    client = pool.clients.get(client_id)
    if not client:
        raise idp_models.ResourceNotFoundError(client_id)
    if client.generate_secret and not check_secret_hash(client.secret, client.id, responses.get("USERNAME", ""),
                                                        responses.get("SECRET_HASH")):
        raise idp_models.NotAuthorizedError("Unable to verify secret hash for client " + client_id)
    user = pool._get_user(username)
    if name == "SELECT_MFA_TYPE":
        with _LOCK:
            offered = _CHOICES.get(session, [])
        answer = responses.get("ANSWER")
        if answer not in offered:
            raise InvalidParameterException(f"ANSWER must be one of {', '.join(offered)}.")
        with _LOCK:
            _CHOICES.pop(session, None)
        return _challenge(answer, session, user)
    if not responses.get("EMAIL_OTP_CODE"):
        raise InvalidParameterException("EMAIL_OTP_CODE is required.")
    del backend.sessions[session]
    return backend._log_user_in(pool, client, username)


# -- the preference ------------------------------------------------------------------------


def _apply_email(user: Any, settings: dict[str, Any] | None) -> None:
    if not settings:
        return
    if settings.get("Enabled"):
        if not any(a["Name"] == "email" for a in user.attributes):
            raise InvalidParameterException("User does not have an email address to send codes to.")
        user.email_mfa_enabled = True
    else:
        user.email_mfa_enabled = False
    if settings.get("PreferredMfa"):
        user.preferred_mfa_setting = "EMAIL_OTP"
    elif user.preferred_mfa_setting == "EMAIL_OTP":
        user.preferred_mfa_setting = ""


_moto_admin_set = CognitoIdpResponse.admin_set_user_mfa_preference
_moto_set = CognitoIdpResponse.set_user_mfa_preference


def admin_set_user_mfa_preference(self: CognitoIdpResponse) -> EmptyResult:
    result = _moto_admin_set(self)
    user = self.backend.admin_get_user(self._get_param("UserPoolId"), self._get_param("Username"))
    _apply_email(user, self._get_param("EmailMfaSettings"))
    return result


def set_user_mfa_preference(self: CognitoIdpResponse) -> EmptyResult:
    result = _moto_set(self)
    token = self._get_param("AccessToken")
    for backend in (b for regions in idp_models.cognitoidp_backends.values() for b in regions.values()):
        for pool in backend.user_pools.values():
            if token in pool.access_tokens:
                _apply_email(pool._get_user(pool.access_tokens[token][1]), self._get_param("EmailMfaSettings"))
    return result


_moto_user_to_json = idp_models.CognitoIdpUser.to_json


def _user_to_json(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    data = _moto_user_to_json(self, *args, **kwargs)
    if email_mfa(self) and "UserMFASettingList" in data:
        data["UserMFASettingList"] = [*data["UserMFASettingList"], "EMAIL_OTP"]
    return data


def install() -> None:
    """Patch moto's MFA preference and user description; idp_auth calls the sign-in hooks."""
    CognitoIdpResponse.admin_set_user_mfa_preference = admin_set_user_mfa_preference
    CognitoIdpResponse.set_user_mfa_preference = set_user_mfa_preference
    idp_models.CognitoIdpUser.to_json = _user_to_json
