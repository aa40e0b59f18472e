"""Which IAM role GetCredentialsForIdentity gives, by the rules of "Role-based access
control" in the Amazon Cognito developer guide, and the credentials it hands out.

* A login whose provider has no role mapping gets the pool's authenticated role; an
  identity without logins gets the unauthenticated role.
* Rules: evaluated in order, the first match gives its role; a rule whose claim is absent
  never matches (NotEqual included); Contains on a list claim (cognito:groups) looks in each
  member, the other match types compare a list as its members joined by commas;
  CustomRoleArn chooses among the matching rules. No match is ambiguous.
* Token: CustomRoleArn when it is among cognito:roles (else Deny); otherwise
  cognito:preferred_role; otherwise ambiguous.
* Ambiguous: the authenticated role, or Deny, as AmbiguousRoleResolution says.

The claims are the login token's JWT payload, decoded and not verified. A user pool login
(``cognito-idp.REGION.amazonaws.com/POOL``) is looked up in the role mappings under
``PROVIDER:CLIENT``, the client being the token's ``aud``.

The credentials come from moto's STS backend (an assumed role with the session name
``CognitoIdentityCredentials``), so STS GetCallerIdentity signed with them answers
``arn:aws:sts::ACCOUNT:assumed-role/ROLE/CognitoIdentityCredentials``.
"""

from typing import Any

from moto.sts.models import sts_backends
from moto.utilities.utils import get_partition

from errors import CognitoIdentityError, NotAuthorizedException
from identity_models import jwt_claims

SESSION_NAME = "CognitoIdentityCredentials"
CREDENTIALS_SECONDS = 3600


class InvalidIdentityPoolConfigurationException(CognitoIdentityError):
    error_code = "InvalidIdentityPoolConfigurationException"


class Denied(Exception):
    """Role resolution ended in Deny; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(t for t in (_text(v) for v in value) if t is not None)
    if isinstance(value, dict):
        return None
    return str(value)


def rule_matches(claims: dict, rule: dict) -> bool:
    value = claims.get(rule["Claim"])
    text = _text(value)
    if text is None:  # absent: no match type matches, NotEqual included
        return False
    expected, match = rule["Value"], rule["MatchType"]
    if match == "Equals":
        return text == expected
    if match == "NotEqual":
        return text != expected
    if match == "StartsWith":
        return text.startswith(expected)
    if match == "Contains":
        if isinstance(value, list):
            return any(expected in (_text(v) or "") for v in value)
        return expected in text
    return False


def _list_claim(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for t in (_text(v) for v in value) if t]
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return []


def resolve(roles: dict[str, str], mapping: dict | None, claims: dict,
            custom_role_arn: str | None) -> str | None:
    """The role for an authenticated login; None when the pool has no role to give.
    Raises Denied when the mapping denies."""
    authenticated = roles.get("authenticated")
    if mapping is None:
        return authenticated

    def ambiguous(why: str) -> str | None:
        if mapping.get("AmbiguousRoleResolution") == "AuthenticatedRole" and authenticated:
            return authenticated
        raise Denied(why)

    if mapping.get("Type") == "Token":
        allowed = _list_claim(claims.get("cognito:roles"))
        if custom_role_arn:
            if custom_role_arn in allowed:
                return custom_role_arn
            raise Denied("CustomRoleArn is not among the token's cognito:roles")
        preferred = claims.get("cognito:preferred_role")
        if isinstance(preferred, str) and preferred:
            return preferred
        return ambiguous("no cognito:preferred_role in the token")
    rules = (mapping.get("RulesConfiguration") or {}).get("Rules") or []
    matched = False
    for rule in rules:
        if rule_matches(claims, rule):
            matched = True
            if custom_role_arn is None or custom_role_arn == rule["RoleARN"]:
                return rule["RoleARN"]
    if custom_role_arn and matched:
        raise Denied("no matching rule gives CustomRoleArn")
    return ambiguous("no rule matches")


def mapping_key(provider: str, claims: dict) -> str:
    """The role-mapping key of a login: a user pool login with its app client (``aud``)."""
    if provider.startswith("cognito-idp.") and isinstance(claims.get("aud"), str):
        return f"{provider}:{claims['aud']}"
    return provider


def role_for(extras: Any, allow_unauthenticated: bool, logins: dict[str, str],
             custom_role_arn: str | None) -> str:
    """The role GetCredentialsForIdentity gives for these logins (already checked to belong
    to the identity), or the AWS error it answers."""
    if not logins:
        role = extras.roles.get("unauthenticated")
        if not allow_unauthenticated:
            raise NotAuthorizedException("Unauthenticated access is not supported for this identity pool.")
        if not role:
            raise InvalidIdentityPoolConfigurationException(
                "Invalid identity pool configuration. Check assigned IAM roles for this pool.")
        return role
    for provider, token in logins.items():
        claims = jwt_claims(token) or {}
        key = mapping_key(provider, claims)
        mapping = extras.role_mappings.get(key)
        if mapping is None:
            continue
        try:
            role = resolve(extras.roles, mapping, claims, custom_role_arn)
        except Denied as denied:
            raise NotAuthorizedException(
                f"The ambiguous role mapping rules for: {key} denied this request ({denied.reason}).") from None
        if role:
            return role
    role = extras.roles.get("authenticated")
    if not role:
        raise InvalidIdentityPoolConfigurationException(
            "Invalid identity pool configuration. Check assigned IAM roles for this pool.")
    return role


def assume(account_id: str, region: str, role_arn: str) -> dict[str, Any]:
    """Credentials for ``role_arn`` from moto's STS, so GetCallerIdentity knows them."""
    sts = sts_backends[account_id][get_partition(region)]
    assumed = sts.assume_role(region_name=region, role_session_name=SESSION_NAME, role_arn=role_arn,
                              policy=None, duration=CREDENTIALS_SECONDS, external_id=None)
    return {
        "AccessKeyId": assumed.access_key_id,
        "SecretKey": assumed.secret_access_key,
        "SessionToken": assumed.session_token,
        "Expiration": assumed.expiration.timestamp(),
    }
