"""Cognito Identity extension for moto's server mode.

moto's server routes a request with ``X-Amz-Target:
AWSCognitoIdentityService.<Op>`` to the Flask app built from the
cognito-identity backend's ``url_paths``; the handler is a response class's
``dispatch``, which calls the method named ``snake_case(<Op>)``.
``install()`` swaps in:

* ``EmulatorBackend`` (identity_backend.py) as the class moto's own
  ``cognitoidentity_backends`` registry instantiates per account/region, so
  moto's built-in operations and the added ones share state;
* ``EmulatorResponse`` (below) as the request handler, through this module's
  ``url_bases``/``url_paths`` (the same contract as moto's urls.py files).

``EmulatorResponse`` adds the operations moto lacks, fixes moto's behaviour
where it differs from AWS (pagination, unknown pools -> 500s, identities in
ListIdentities), checks every request against the API model before it runs,
and sends awsJson1.1 content types.
"""

import json
import re
import sys
import threading
from typing import Any

from moto.cognitoidentity import models as moto_models
from moto.cognitoidentity.responses import CognitoIdentityResponse
from moto.cognitoidentity.urls import url_bases as moto_url_bases
from moto.core.exceptions import JsonRESTError

from errors import (
    AWS_JSON,
    InvalidParameterException,
    ResourceNotFoundException,
    SerializationException,
    UnknownOperationException,
)
from identity_backend import EmulatorBackend
from identity_validation import input_shape, validate_request

# moto's handlers mutate shared dicts without locks and werkzeug serves
# requests on threads: run one Cognito Identity request at a time.
_LOCK = threading.RLock()

POOL_ARN = re.compile(
    r"arn:aws[\w-]*:cognito-identity:(?P<region>[a-z0-9-]+):(?P<account>\d{12})"
    r":identitypool/(?P<pool>[\w-]+:[0-9a-f-]+)", re.ASCII)


class EmulatorResponse(CognitoIdentityResponse):
    """Request handler: one public method per API operation. Helpers start
    with an underscore, because moto would dispatch to any public method."""

    # -- plumbing ----------------------------------------------------------------

    @property
    def backend(self) -> EmulatorBackend:
        return moto_models.cognitoidentity_backends[self.current_account][self.region]

    def _backend_for(self, resource_id: str | None) -> EmulatorBackend:
        """Backend of the region an identity id starts with ("<region>:<uuid>").

        Identity operations are often unsigned (GetId, UnlinkIdentity, ...),
        so the request itself carries no region; the id does. Falls back to
        the request's region."""
        region = (resource_id or "").split(":", 1)[0]
        backend = moto_models.cognitoidentity_backends[self.current_account].get(region)
        return backend if backend is not None else self.backend

    def _params(self) -> dict[str, Any]:
        if not hasattr(self, "_body_json"):
            try:
                self._body_json = json.loads(self.body) if self.body else {}
            except ValueError:
                raise SerializationException("Request body is not valid JSON") from None
        return self._body_json

    def _param(self, name: str, default: Any = None) -> Any:
        value = self._params().get(name)
        return default if value is None else value

    def call_action(self):  # type: ignore[override]
        """Reject unknown operations and invalid input the way AWS does, then
        let moto dispatch; finally give every reply the awsJson1.1 type."""
        operation = self._get_action()
        with _LOCK:
            try:
                if not operation or input_shape(operation) is None:
                    raise UnknownOperationException(f"Unknown operation {operation}")
                validate_request(operation, self._params())
            except JsonRESTError as error:
                status, headers, body = 400, dict(self.response_headers), error.description
                headers["X-Amzn-ErrorType"] = error.error_type
            else:
                status, headers, body = super().call_action()
        headers["Content-Type"] = AWS_JSON
        headers.pop("content-type", None)
        return status, headers, body

    @staticmethod
    def _reply(data: dict[str, Any] | None = None) -> str:
        return json.dumps(data or {})

    # -- identity pools (moto built-ins, extended) -------------------------------

    def create_identity_pool(self) -> str:
        return self.backend.create_identity_pool(
            identity_pool_name=self._param("IdentityPoolName"),
            allow_unauthenticated_identities=self._param("AllowUnauthenticatedIdentities"),
            supported_login_providers=self._param("SupportedLoginProviders", {}),
            developer_provider_name=self._param("DeveloperProviderName", ""),
            open_id_connect_provider_arns=self._param("OpenIdConnectProviderARNs", []),
            cognito_identity_providers=self._param("CognitoIdentityProviders", []),
            saml_provider_arns=self._param("SamlProviderARNs", []),
            tags=self._param("IdentityPoolTags", {}),
            allow_classic_flow=self._param("AllowClassicFlow"),
        )

    def update_identity_pool(self) -> str:
        return self.backend.update_identity_pool(
            identity_pool_id=self._param("IdentityPoolId"),
            identity_pool_name=self._param("IdentityPoolName"),
            allow_unauthenticated=self._param("AllowUnauthenticatedIdentities"),
            login_providers=self._param("SupportedLoginProviders"),
            provider_name=self._param("DeveloperProviderName"),
            provider_arns=self._param("OpenIdConnectProviderARNs"),
            identity_providers=self._param("CognitoIdentityProviders"),
            saml_providers=self._param("SamlProviderARNs"),
            tags=self._param("IdentityPoolTags"),
            allow_classic_flow=self._param("AllowClassicFlow"),
        )

    def list_identity_pools(self) -> str:
        return self._reply(self.backend.list_identity_pools(
            self._param("MaxResults"), self._param("NextToken")))

    # -- identities --------------------------------------------------------------

    def get_id(self) -> str:
        pool_id = self._param("IdentityPoolId")
        return self._backend_for(pool_id).get_id(pool_id, self._param("Logins", {}))

    def get_open_id_token(self) -> str:
        identity_id = self._param("IdentityId")
        return self._backend_for(identity_id).get_open_id_token(identity_id)

    def get_credentials_for_identity(self) -> str:
        identity_id = self._param("IdentityId")
        return self._reply(self._backend_for(identity_id).get_credentials_for_identity(
            identity_id, self._param("Logins"), self._param("CustomRoleArn")))

    def list_identities(self) -> str:
        return self._reply(self.backend.list_identities(
            self._param("IdentityPoolId"), self._param("MaxResults"),
            self._param("NextToken"), bool(self._param("HideDisabled", False))))

    def describe_identity(self) -> str:
        identity_id = self._param("IdentityId")
        return self._reply(self._backend_for(identity_id).identity(identity_id).describe())

    def delete_identities(self) -> str:
        unprocessed = []
        for identity_id in self._param("IdentityIdsToDelete"):
            if not self._backend_for(identity_id).delete_identity(identity_id):
                # The API's ErrorCode enum has only AccessDenied and
                # InternalServerError; unknown ids are reported with the latter.
                unprocessed.append({"IdentityId": identity_id, "ErrorCode": "InternalServerError"})
        return self._reply({"UnprocessedIdentityIds": unprocessed})

    def unlink_identity(self) -> str:
        identity_id = self._param("IdentityId")
        self._backend_for(identity_id).unlink_identity(
            identity_id, self._param("Logins"), self._param("LoginsToRemove"))
        return self._reply()

    # -- roles and principal tags ------------------------------------------------

    def get_identity_pool_roles(self) -> str:
        return self._reply(self.backend.get_identity_pool_roles(self._param("IdentityPoolId")))

    def set_identity_pool_roles(self) -> str:
        self.backend.set_identity_pool_roles(
            self._param("IdentityPoolId"), self._param("Roles"), self._param("RoleMappings"))
        return self._reply()

    def get_principal_tag_attribute_map(self) -> str:
        return self._reply(self.backend.get_principal_tag_attribute_map(
            self._param("IdentityPoolId"), self._param("IdentityProviderName")))

    def set_principal_tag_attribute_map(self) -> str:
        return self._reply(self.backend.set_principal_tag_attribute_map(
            self._param("IdentityPoolId"), self._param("IdentityProviderName"),
            self._param("UseDefaults"), self._param("PrincipalTags")))

    # -- resource tags -----------------------------------------------------------

    def _pool_for_arn(self) -> tuple[EmulatorBackend, str]:
        arn = self._param("ResourceArn")
        match = POOL_ARN.fullmatch(arn)
        if not match:
            raise InvalidParameterException(
                f"Invalid ResourceArn '{arn}': expected "
                "arn:aws:cognito-identity:<region>:<account>:identitypool/<IdentityPoolId>"
            )
        account_backends = moto_models.cognitoidentity_backends[match["account"]]
        backend = account_backends.get(match["region"])
        if backend is None or match["pool"] not in backend.identity_pools:
            raise ResourceNotFoundException(f"Resource '{arn}' not found.")
        return backend, match["pool"]

    def list_tags_for_resource(self) -> str:
        backend, pool_id = self._pool_for_arn()
        return self._reply({"Tags": dict(backend.pool(pool_id).tags or {})})

    def tag_resource(self) -> str:
        backend, pool_id = self._pool_for_arn()
        backend.tag_pool(pool_id, self._param("Tags"))
        return self._reply()

    def untag_resource(self) -> str:
        backend, pool_id = self._pool_for_arn()
        backend.untag_pool(pool_id, self._param("TagKeys"))
        return self._reply()

    # -- developer-authenticated identities --------------------------------------

    def get_open_id_token_for_developer_identity(self) -> str:
        return self._reply(self.backend.get_open_id_token_for_developer_identity(
            self._param("IdentityPoolId"), self._param("IdentityId"),
            self._param("Logins"), self._param("TokenDuration")))

    def lookup_developer_identity(self) -> str:
        return self._reply(self.backend.lookup_developer_identity(
            self._param("IdentityPoolId"), self._param("IdentityId"),
            self._param("DeveloperUserIdentifier"), self._param("MaxResults", 60),
            self._param("NextToken")))

    def merge_developer_identities(self) -> str:
        return self._reply(self.backend.merge_developer_identities(
            self._param("SourceUserIdentifier"), self._param("DestinationUserIdentifier"),
            self._param("DeveloperProviderName"), self._param("IdentityPoolId")))

    def unlink_developer_identity(self) -> str:
        self.backend.unlink_developer_identity(
            self._param("IdentityId"), self._param("IdentityPoolId"),
            self._param("DeveloperProviderName"), self._param("DeveloperUserIdentifier"))
        return self._reply()


# moto's urls.py contract, read by EmulatorBackend._url_module.
url_bases = moto_url_bases
url_paths = {"{0}/$": EmulatorResponse.dispatch}


def install() -> None:
    """Make moto's cognito-identity service use the emulator's classes.

    Must run before the first cognito-identity request (server.py calls it
    before creating the WSGI app). Backends created earlier are dropped."""
    EmulatorBackend.urls_module = sys.modules[__name__]
    registry = moto_models.cognitoidentity_backends
    registry.backend = EmulatorBackend
    for account_backends in registry.values():
        account_backends.backend = EmulatorBackend
        account_backends.clear()
