"""State and behaviour of the emulated Cognito Identity service.

``EmulatorBackend`` subclasses moto's ``CognitoIdentityBackend``. It is put in
place of moto's class inside moto's own ``cognitoidentity_backends`` registry
(see cognito_emulator.install), so there is one backend per account/region and
moto's built-in operations (CreateIdentityPool, DescribeIdentityPool, ...) and
the ones added here work on the very same pool objects.

What is added on top of moto's state:
* ``self.identities``: every identity of every pool in this account/region,
  with its linked logins, creation/modification times and a disabled flag.
  moto's ``pools_identities`` attribute becomes a read-only view of it.
* ``PoolExtras`` (attribute ``emulator`` on moto's pool objects): roles, role
  mappings, principal-tag maps, AllowClassicFlow and a creation sequence used
  for stable pagination. Keeping it on the pool means DeleteIdentityPool
  drops it together with the pool.
"""

import itertools
import json
import time
from typing import Any

from moto.cognitoidentity.models import CognitoIdentityBackend, CognitoIdentityPool
from moto.moto_api._internal import mock_random

import identity_validation as rules
from developer_identities import DeveloperIdentitiesMixin
from errors import (
    InvalidParameterException,
    NotAuthorizedException,
    ResourceConflictException,
    ResourceNotFoundException,
)
from identity_models import Identity, PoolExtras, jwt_claims, login_subject, open_id_token
from role_resolution import assume, role_for
from pagination import decode_token, paginate

# Login key under which GetId accepts tokens issued by GetOpenIdToken*.
COGNITO_IDENTITY_LOGIN = "cognito-identity.amazonaws.com"


class EmulatorBackend(DeveloperIdentitiesMixin, CognitoIdentityBackend):
    # Module providing url_bases/url_paths for moto's Flask app; set by
    # cognito_emulator.install() so requests reach the extended response class.
    urls_module: Any = None

    def __init__(self, region_name: str, account_id: str):
        self.identities: dict[str, Identity] = {}
        self._sequence = itertools.count(1)
        super().__init__(region_name, account_id)

    @property
    def _url_module(self) -> Any:
        return self.urls_module

    # moto's own attribute for identities. Identities live in
    # self.identities; this keeps moto's view of them correct. Writes (moto's
    # __init__ and create_identity_pool) are ignored on purpose.
    @property
    def pools_identities(self) -> dict[str, dict[str, Any]]:
        return {
            pool_id: {
                "IdentityPoolId": pool_id,
                "Identities": [i.describe() for i in self._pool_identities(pool_id)],
            }
            for pool_id in self.identity_pools
        }

    @pools_identities.setter
    def pools_identities(self, _value: Any) -> None:
        pass

    # -- lookups ---------------------------------------------------------------

    def pool(self, pool_id: str) -> CognitoIdentityPool:
        pool = self.identity_pools.get(pool_id)
        if pool is None:
            raise ResourceNotFoundException(f"IdentityPool '{pool_id}' not found.")
        return pool

    def extras(self, pool: CognitoIdentityPool) -> PoolExtras:
        if not hasattr(pool, "emulator"):
            pool.emulator = PoolExtras(seq=next(self._sequence))
        return pool.emulator

    def identity(self, identity_id: str) -> Identity:
        identity = self.identities.get(identity_id)
        if identity is None:
            raise ResourceNotFoundException(f"Identity '{identity_id}' not found.")
        return identity

    def identity_in_pool(self, identity_id: str, pool_id: str) -> Identity:
        identity = self.identities.get(identity_id)
        if identity is None or identity.pool_id != pool_id:
            raise ResourceNotFoundException(
                f"Identity '{identity_id}' not found in identity pool '{pool_id}'."
            )
        return identity

    def _pool_identities(self, pool_id: str) -> list[Identity]:
        return [i for i in self.identities.values() if i.pool_id == pool_id]

    def _owner(self, pool_id: str, provider: str, subject: str) -> Identity | None:
        for identity in self._pool_identities(pool_id):
            if identity.owns(provider, subject):
                return identity
        return None

    def _new_identity(self, pool_id: str) -> Identity:
        now = time.time()
        identity = Identity(
            identity_id=f"{self.region_name}:{mock_random.uuid4()}",
            pool_id=pool_id,
            seq=next(self._sequence),
            created=now,
            modified=now,
        )
        self.identities[identity.identity_id] = identity
        return identity

    @staticmethod
    def _public_providers(pool: CognitoIdentityPool) -> set[str]:
        """Login provider names the pool accepts in GetId / GetOpenIdToken."""
        names = set(pool.supported_login_providers or {})
        names.update(p["ProviderName"] for p in pool.cognito_identity_providers or [])
        names.update(arn.split("oidc-provider/", 1)[-1]
                     for arn in pool.open_id_connect_provider_arns or [])
        names.update(pool.saml_provider_arns or [])
        return names

    # -- identity pools (moto built-ins, extended) -----------------------------

    def pool_json(self, pool: CognitoIdentityPool) -> dict[str, Any]:
        data = json.loads(pool.to_json())
        classic = self.extras(pool).allow_classic_flow
        if classic is not None:
            data["AllowClassicFlow"] = classic
        # moto fills unset members with "" / None; AWS leaves them out.
        return {k: v for k, v in data.items() if v not in ("", None)}

    def create_identity_pool(self, *args: Any, allow_classic_flow: bool | None = None,
                             **kwargs: Any) -> str:
        tags = kwargs.get("tags") or {}
        rules.check_tag_keys(tags)
        rules.check_tag_count(tags)
        created = json.loads(super().create_identity_pool(*args, **kwargs))
        pool = self.identity_pools[created["IdentityPoolId"]]
        self.extras(pool).allow_classic_flow = allow_classic_flow
        return json.dumps(self.pool_json(pool))

    def describe_identity_pool(self, identity_pool_id: str) -> str:
        return json.dumps(self.pool_json(self.pool(identity_pool_id)))

    def update_identity_pool(self, identity_pool_id: str, identity_pool_name: str,
                             allow_unauthenticated: bool | None,
                             login_providers: dict[str, str] | None,
                             provider_name: str | None,
                             provider_arns: list[str] | None,
                             identity_providers: list[dict[str, Any]] | None,
                             saml_providers: list[str] | None,
                             tags: dict[str, str] | None,
                             allow_classic_flow: bool | None = None) -> str:
        """UpdateIdentityPool replaces the whole configuration: per the API
        reference, a parameter left out is reset to its default. (moto
        instead keeps old values and never renames the pool.) The developer
        provider name can't be changed once set, and tags are only replaced
        when IdentityPoolTags is given."""
        pool = self.pool(identity_pool_id)
        if (pool.developer_provider_name and provider_name
                and provider_name != pool.developer_provider_name):
            raise InvalidParameterException(
                "DeveloperProviderName can't be changed once it is set "
                f"(currently '{pool.developer_provider_name}')"
            )
        pool.identity_pool_name = identity_pool_name
        pool.allow_unauthenticated_identities = bool(allow_unauthenticated)
        pool.supported_login_providers = login_providers or {}
        pool.developer_provider_name = pool.developer_provider_name or provider_name or ""
        pool.open_id_connect_provider_arns = provider_arns or []
        pool.cognito_identity_providers = identity_providers or []
        pool.saml_provider_arns = saml_providers or []
        if tags is not None:
            rules.check_tag_keys(tags)
            rules.check_tag_count(tags)
            pool.tags = dict(tags)
        self.extras(pool).allow_classic_flow = allow_classic_flow
        return json.dumps(self.pool_json(pool))

    def delete_identity_pool(self, identity_pool_id: str) -> None:
        self.pool(identity_pool_id)
        super().delete_identity_pool(identity_pool_id)
        for identity in self._pool_identities(identity_pool_id):
            del self.identities[identity.identity_id]

    def list_identity_pools(self, max_results: int = 60,
                            next_token: str | None = None) -> dict[str, Any]:
        after = decode_token(next_token, "ListIdentityPools", self.region_name)
        pools = sorted(self.identity_pools.values(), key=lambda p: self.extras(p).seq)
        page, token = paginate(pools, lambda p: self.extras(p).seq, max_results,
                               after, "ListIdentityPools", self.region_name)
        result: dict[str, Any] = {"IdentityPools": [
            {"IdentityPoolId": p.identity_pool_id, "IdentityPoolName": p.identity_pool_name}
            for p in page
        ]}
        if token:
            result["NextToken"] = token
        return result

    # -- identities ------------------------------------------------------------

    def get_id(self, identity_pool_id: str, logins: dict[str, str] | None = None) -> str:
        """Find or create the identity for ``logins`` (a new unauthenticated
        identity when there are none, if the pool allows that)."""
        pool = self.pool(identity_pool_id)
        if not logins:
            if not pool.allow_unauthenticated_identities:
                raise NotAuthorizedException(
                    "Unauthenticated access is not supported for this identity pool."
                )
            return json.dumps({"IdentityId": self._new_identity(pool.identity_pool_id).identity_id})

        accepted = self._public_providers(pool)
        subjects: dict[str, str] = {}
        issued_for: Identity | None = None
        for provider, token in logins.items():
            if provider == COGNITO_IDENTITY_LOGIN:
                issued_for = self._identity_from_open_id_token(token, identity_pool_id)
            elif provider in accepted:
                subjects[provider] = login_subject(token)
            else:
                raise NotAuthorizedException(
                    f"Token is not from a supported provider of this identity pool: {provider}"
                )
        identity = issued_for or self._single_owner(identity_pool_id, subjects)
        identity = identity or self._new_identity(identity_pool_id)
        self._link_all(identity, subjects, conflict=ResourceConflictException)
        return json.dumps({"IdentityId": identity.identity_id})

    def _identity_from_open_id_token(self, token: str, pool_id: str) -> Identity:
        claims = jwt_claims(token) or {}
        identity = self.identities.get(claims.get("sub", ""))
        if identity is None or identity.pool_id != pool_id or claims.get("exp", 0) < time.time():
            raise NotAuthorizedException("Invalid login token. Not a valid OpenId Connect identity token.")
        return identity

    def _single_owner(self, pool_id: str, subjects: dict[str, str]) -> Identity | None:
        owners = {id(o): o for p, s in subjects.items() if (o := self._owner(pool_id, p, s))}
        if len(owners) > 1:
            raise ResourceConflictException("The given logins belong to different identities.")
        return next(iter(owners.values()), None)

    def _link_all(self, identity: Identity, subjects: dict[str, str], conflict: type) -> None:
        for provider, subject in subjects.items():
            owner = self._owner(identity.pool_id, provider, subject)
            if owner is not None and owner is not identity:
                raise conflict(
                    f"Login '{provider}' ('{subject}') is already linked to identity "
                    f"'{owner.identity_id}'."
                )
        for provider, subject in subjects.items():
            identity.link(provider, subject)

    def get_open_id_token(self, identity_id: str) -> str:
        identity = self.identity(identity_id)
        if identity.disabled:
            raise NotAuthorizedException(f"Identity '{identity_id}' is disabled.")
        return json.dumps({"IdentityId": identity_id, "Token": open_id_token(identity, None)})

    def get_credentials_for_identity(self, identity_id: str, logins: dict[str, str] | None,
                                     custom_role_arn: str | None) -> dict[str, Any]:
        """Credentials for the role the pool gives this identity (role_resolution.py). The
        logins must belong to the identity; an identity with logins needs at least one."""
        identity = self.identity(identity_id)
        if identity.disabled:
            raise NotAuthorizedException(f"Identity '{identity_id}' is disabled.")
        pool = self.pool(identity.pool_id)
        logins = logins or {}
        accepted = self._public_providers(pool)
        for provider, token in logins.items():
            if provider == COGNITO_IDENTITY_LOGIN:
                if self._identity_from_open_id_token(token, identity.pool_id) is not identity:
                    raise NotAuthorizedException("Invalid login token. The token is for another identity.")
            elif provider not in accepted or not identity.owns(provider, login_subject(token)):
                raise NotAuthorizedException(
                    "Invalid login token. Logins don't match: "
                    f"'{provider}' is not a login of identity '{identity_id}'.")
        if not logins and identity.logins:
            raise NotAuthorizedException(
                "Logins don't match. Please include at least one valid login for this identity or identity pool.")
        role = role_for(self.extras(pool), pool.allow_unauthenticated_identities, logins, custom_role_arn)
        return {"IdentityId": identity_id, "Credentials": assume(self.account_id, self.region_name, role)}

    def list_identities(self, identity_pool_id: str, max_results: int = 60,
                        next_token: str | None = None,
                        hide_disabled: bool = False) -> dict[str, Any]:
        self.pool(identity_pool_id)
        after = decode_token(next_token, "ListIdentities", identity_pool_id)
        identities = [i for i in self._pool_identities(identity_pool_id)
                      if not (hide_disabled and i.disabled)]
        page, token = paginate(identities, lambda i: i.seq, max_results, after,
                               "ListIdentities", identity_pool_id)
        result: dict[str, Any] = {
            "IdentityPoolId": identity_pool_id,
            "Identities": [i.describe() for i in page],
        }
        if token:
            result["NextToken"] = token
        return result

    def delete_identity(self, identity_id: str) -> bool:
        return self.identities.pop(identity_id, None) is not None

    def unlink_identity(self, identity_id: str, logins: dict[str, str],
                        logins_to_remove: list[str]) -> None:
        identity = self.identity(identity_id)
        for provider, token in logins.items():
            if not identity.owns(provider, login_subject(token)):
                raise NotAuthorizedException(
                    f"Invalid login token: the '{provider}' login does not belong "
                    f"to identity '{identity_id}'."
                )
        for provider in logins_to_remove:
            if provider not in identity.logins:
                raise InvalidParameterException(
                    f"Login provider '{provider}' is not linked to identity '{identity_id}'."
                )
        for provider in logins_to_remove:
            identity.unlink(provider)

    # -- roles, principal tags, tags -------------------------------------------

    def get_identity_pool_roles(self, pool_id: str) -> dict[str, Any]:
        extras = self.extras(self.pool(pool_id))
        return {"IdentityPoolId": pool_id, "Roles": extras.roles,
                "RoleMappings": extras.role_mappings}

    def set_identity_pool_roles(self, pool_id: str, roles: dict[str, str],
                                role_mappings: dict[str, dict] | None) -> None:
        extras = self.extras(self.pool(pool_id))
        rules.check_roles(roles)
        rules.check_role_mappings(role_mappings or {})
        extras.roles = dict(roles)
        extras.role_mappings = dict(role_mappings or {})

    def get_principal_tag_attribute_map(self, pool_id: str, provider: str) -> dict[str, Any]:
        extras = self.extras(self.pool(pool_id))
        # Never configured: AWS's default is "use the default mappings".
        use_defaults, tags = extras.principal_tags.get(provider, (True, {}))
        return {"IdentityPoolId": pool_id, "IdentityProviderName": provider,
                "UseDefaults": use_defaults, "PrincipalTags": tags}

    def set_principal_tag_attribute_map(self, pool_id: str, provider: str,
                                        use_defaults: bool | None,
                                        tags: dict[str, str] | None) -> dict[str, Any]:
        extras = self.extras(self.pool(pool_id))
        current_defaults, current_tags = extras.principal_tags.get(provider, (True, {}))
        extras.principal_tags[provider] = (
            current_defaults if use_defaults is None else use_defaults,
            current_tags if tags is None else dict(tags),
        )
        return self.get_principal_tag_attribute_map(pool_id, provider)

    def tag_pool(self, pool_id: str, tags: dict[str, str]) -> None:
        pool = self.pool(pool_id)
        rules.check_tag_keys(tags)
        merged = {**(pool.tags or {}), **tags}
        rules.check_tag_count(merged)
        pool.tags = merged

    def untag_pool(self, pool_id: str, keys: list[str]) -> None:
        pool = self.pool(pool_id)
        pool.tags = {k: v for k, v in (pool.tags or {}).items() if k not in keys}
