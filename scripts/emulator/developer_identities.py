"""Developer-authenticated identities (a mixin of EmulatorBackend).

GetOpenIdTokenForDeveloperIdentity links a developer user identifier (the
value under the pool's DeveloperProviderName in Logins) to an identity;
LookupDeveloperIdentity, MergeDeveloperIdentities and UnlinkDeveloperIdentity
work on those links, which are kept in ``Identity.logins``.
"""

from typing import Any

from moto.cognitoidentity.models import CognitoIdentityPool

from errors import (
    DeveloperUserAlreadyRegisteredException,
    InvalidParameterException,
    NotAuthorizedException,
    ResourceConflictException,
    ResourceNotFoundException,
)
from identity_models import login_subject, open_id_token
from pagination import decode_token, paginate


class DeveloperIdentitiesMixin:
    """Needs the pool/identity lookups of EmulatorBackend."""

    def _developer_provider(self, pool: CognitoIdentityPool, given: str | None = None) -> str:
        configured = pool.developer_provider_name
        if not configured:
            raise InvalidParameterException(
                f"Identity pool '{pool.identity_pool_id}' has no DeveloperProviderName: "
                "developer authenticated identities are not enabled for it."
            )
        if given is not None and given != configured:
            raise InvalidParameterException(
                f"DeveloperProviderName '{given}' does not match the identity pool's "
                f"developer provider '{configured}'."
            )
        return configured

    def get_open_id_token_for_developer_identity(
            self, pool_id: str, identity_id: str | None, logins: dict[str, str],
            token_duration: int | None) -> dict[str, Any]:
        """Create or extend an identity with the developer user in ``logins``
        (and any public logins given with it); record the links so
        LookupDeveloperIdentity can find them."""
        pool = self.pool(pool_id)
        developer = self._developer_provider(pool)
        if developer not in logins:
            raise InvalidParameterException(
                f"Logins must contain the identity pool's developer provider '{developer}'."
            )
        accepted = self._public_providers(pool)
        subjects = {}
        for provider, token in logins.items():
            if provider != developer and provider not in accepted:
                raise NotAuthorizedException(
                    f"Token is not from a supported provider of this identity pool: {provider}"
                )
            subjects[provider] = token if provider == developer else login_subject(token)

        user = subjects.pop(developer)
        if identity_id:
            identity = self.identity_in_pool(identity_id, pool_id)
        else:
            identity = (self._owner(pool_id, developer, user)
                        or self._single_owner(pool_id, subjects)
                        or self._new_identity(pool_id))
        self._link_all(identity, {developer: user},
                       conflict=DeveloperUserAlreadyRegisteredException)
        self._link_all(identity, subjects, conflict=ResourceConflictException)
        return {"IdentityId": identity.identity_id,
                "Token": open_id_token(identity, token_duration)}

    def lookup_developer_identity(self, pool_id: str, identity_id: str | None,
                                  user: str | None, max_results: int,
                                  next_token: str | None) -> dict[str, Any]:
        pool = self.pool(pool_id)
        if not identity_id and not user:
            raise InvalidParameterException(
                "Either IdentityId or DeveloperUserIdentifier must be specified."
            )
        developer = pool.developer_provider_name or ""
        owner = None
        if user:
            owner = self._owner(pool_id, developer, user) if developer else None
            if owner is None:
                raise ResourceNotFoundException(
                    f"Developer user identifier '{user}' not found in identity pool '{pool_id}'."
                )
        identity = self.identity_in_pool(identity_id, pool_id) if identity_id else owner
        if owner is not None and owner is not identity:
            raise ResourceConflictException(
                f"Developer user identifier '{user}' is not associated with identity "
                f"'{identity_id}'."
            )
        scope = f"{pool_id}/{identity.identity_id}"
        after = decode_token(next_token, "LookupDeveloperIdentity", scope)
        users = list(enumerate(identity.logins.get(developer, [])))
        page, token = paginate(users, lambda u: u[0], max_results, after,
                               "LookupDeveloperIdentity", scope)
        result: dict[str, Any] = {"IdentityId": identity.identity_id,
                                  "DeveloperUserIdentifierList": [u for _, u in page]}
        if token:
            result["NextToken"] = token
        return result

    def merge_developer_identities(self, source_user: str, destination_user: str,
                                   provider: str, pool_id: str) -> dict[str, Any]:
        """Move every login of the source user's identity onto the destination
        user's identity; the emptied source identity ends up disabled."""
        developer = self._developer_provider(self.pool(pool_id), provider)
        found = {}
        for role, user in (("Source", source_user), ("Destination", destination_user)):
            found[role] = self._owner(pool_id, developer, user)
            if found[role] is None:
                raise ResourceNotFoundException(
                    f"{role}UserIdentifier '{user}' not found in identity pool '{pool_id}'."
                )
        source, destination = found["Source"], found["Destination"]
        if source is not destination:
            for login, subjects in list(source.logins.items()):
                for subject in subjects:
                    destination.link(login, subject)
            source.logins.clear()
            source.disabled = True
            source.touch()
        return {"IdentityId": destination.identity_id}

    def unlink_developer_identity(self, identity_id: str, pool_id: str,
                                  provider: str, user: str) -> None:
        developer = self._developer_provider(self.pool(pool_id), provider)
        identity = self.identity_in_pool(identity_id, pool_id)
        if not identity.owns(developer, user):
            raise ResourceNotFoundException(
                f"Developer user identifier '{user}' is not linked to identity '{identity_id}'."
            )
        identity.unlink(developer, user)
