"""Brings moto's cognito-idp closer to the service where a difference would hide a bug.

The Amazon Cognito API reference warns that UpdateGroup, UpdateUserPool and
UpdateUserPoolClient set every attribute the request leaves out to its default value,
so an update must send everything it wants to keep (read-modify-write). moto merges
the request into what is stored instead, which would let a client that forgets a
member pass every test. ``install()`` makes UpdateGroup and UpdateUserPoolClient
replace, as the service does; the client's name is the one attribute kept when the
request leaves it out.
"""

from typing import Any

from moto.cognitoidp import models as idp_models
from moto.core.utils import utcnow

# The attributes moto gives a new app client; an update that leaves them out gets these.
_CLIENT_DEFAULTS: dict[str, Any] = {
    "AllowedOAuthFlowsUserPoolClient": False,
    "AuthSessionValidity": 3,
    "EnablePropagateAdditionalUserContextData": False,
    "EnableTokenRevocation": True,
    "RefreshTokenValidity": 30,
}


def _update_group(self, description, role_arn, precedence) -> None:  # type: ignore[no-untyped-def]
    self.description = description
    self.role_arn = role_arn
    self.precedence = precedence
    self.last_modified_date = utcnow()


def _update_user_pool_client(self, user_pool_id: str, client_id: str, extended_config: dict[str, Any]):  # type: ignore[no-untyped-def]
    user_pool = self.describe_user_pool(user_pool_id)
    client = user_pool.clients.get(client_id)
    if not client:
        raise idp_models.ResourceNotFoundError(client_id)
    replaced = dict(_CLIENT_DEFAULTS)
    name = client.extended_config.get("ClientName")
    if name is not None:
        replaced["ClientName"] = name
    replaced.update(extended_config)
    client.extended_config = replaced
    return client


def install() -> None:
    """Patch moto's cognito-idp classes; run before the first request."""
    idp_models.CognitoIdpGroup.update = _update_group
    idp_models.CognitoIdpBackend.update_user_pool_client = _update_user_pool_client
