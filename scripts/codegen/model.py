"""Reading botocore's Cognito models, and the decisions the models leave to us.

The service and paginator models come from the installed botocore package
(pinned in scripts/requirements.txt), found through botocore's own loader, so
nothing here depends on where Python keeps its site-packages.

Decisions written down here, because the models do not carry them:

* whether an operation mutates (MUTATION RULE below);
* which operations page although the paginator file does not list them
  (EXTRA_PAGINATORS);
* which shapes become Swift types: structures (not exceptions, not documents)
  and strings with an enum become types; other scalars map to Swift types.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import botocore
import botocore.loaders


@dataclasses.dataclass(frozen=True)
class ServiceSpec:
    """One service the generator emits."""

    model_name: str      # botocore's directory name
    api_version: str
    namespace: str       # Swift namespace enum holding the shapes
    client: str          # Swift client type


SERVICES = [
    ServiceSpec("cognito-identity", "2014-06-30", "CognitoIdentity", "CognitoIdentityClient"),
    ServiceSpec("cognito-idp", "2016-04-18", "CognitoIdentityProvider", "CognitoIdentityProviderClient"),
]

# -- MUTATION RULE -------------------------------------------------------------
#
# The JSON models botocore ships carry no Smithy `readonly` trait, so whether an
# operation changes data is decided from its name, which AWS chooses by verb:
#
#   an operation reads only when its name starts with one of READ_VERBS
#   (optionally after the `Admin` prefix: AdminGetUser, AdminListDevices),
#   unless it is one of MUTATING_READ_NAMES; every other operation mutates.
#
# If a model ever does carry `readonly` (Smithy's trait) on an operation, that
# wins. Unknown verbs count as mutating, so a new operation is refused by a
# read-only client until someone decides otherwise: the safe direction.
READ_VERBS = ("Describe", "Get", "List", "Lookup")

# Named like reads, but each changes something lasting:
MUTATING_READ_NAMES = {
    "cognito-identity": {
        # Creates an identity (every call, for unauthenticated access).
        "GetId",
        # May link the logins it is given to the identity.
        "GetOpenIdToken",
        # Creates an identity or links the developer user to one.
        "GetOpenIdTokenForDeveloperIdentity",
    },
    "cognito-idp": {
        # Generates a verification code and sends it to the user.
        "GetUserAttributeVerificationCode",
        # Issues tokens and, with refresh-token rotation, revokes the old one.
        "GetTokensFromRefreshToken",
    },
}


def mutates(service: str, name: str, operation: dict[str, Any]) -> bool:
    if "readonly" in operation:
        return not operation["readonly"]
    if name in MUTATING_READ_NAMES.get(service, set()):
        return True
    verb_part = name[len("Admin"):] if name.startswith("Admin") else name
    return not any(_starts_with_word(verb_part, verb) for verb in READ_VERBS)


def _starts_with_word(name: str, verb: str) -> bool:
    """`GetUser` starts with the word Get; `Getaway` would not."""
    return name.startswith(verb) and (len(name) == len(verb) or name[len(verb)].isupper())


def signed(operation: dict[str, Any]) -> bool:
    """Unsigned when the model says so, in either of its two spellings."""
    if operation.get("authtype") == "none":
        return False
    if "smithy.api#noAuth" in operation.get("auth", []):
        return False
    return True


# -- paginators ------------------------------------------------------------------

# Operations that page by a token but are missing from paginators-1.json.
EXTRA_PAGINATORS = {
    "cognito-identity": {
        "ListIdentities": {
            "input_token": "NextToken",
            "output_token": "NextToken",
            "limit_key": "MaxResults",
            "result_key": "Identities",
        },
    },
}


# -- loading ---------------------------------------------------------------------

@dataclasses.dataclass
class Service:
    spec: ServiceSpec
    metadata: dict[str, Any]
    operations: dict[str, dict[str, Any]]
    shapes: dict[str, dict[str, Any]]
    paginators: dict[str, dict[str, Any]]

    @property
    def id(self) -> str:
        return self.spec.model_name

    @property
    def target_prefix(self) -> str:
        return self.metadata["targetPrefix"]

    def shape(self, name: str) -> dict[str, Any]:
        return self.shapes[name]

    def is_error(self, name: str) -> bool:
        return bool(self.shapes[name].get("exception"))

    def is_document(self, name: str) -> bool:
        return bool(self.shapes[name].get("document"))

    def is_enum(self, name: str) -> bool:
        s = self.shapes[name]
        return s["type"] == "string" and "enum" in s

    def type_shapes(self) -> list[str]:
        """Shapes that become Swift types, sorted by name."""
        names = []
        for name, s in self.shapes.items():
            if s["type"] == "structure" and not s.get("exception") and not s.get("document"):
                names.append(name)
            elif self.is_enum(name):
                names.append(name)
        return sorted(names)

    def error_codes(self) -> list[str]:
        return sorted(name for name, s in self.shapes.items() if s.get("exception"))


def botocore_version() -> str:
    return botocore.__version__


def load(spec: ServiceSpec) -> Service:
    loader = botocore.loaders.create_loader()
    model = loader.load_service_model(spec.model_name, "service-2", spec.api_version)
    pages = loader.load_service_model(spec.model_name, "paginators-1", spec.api_version)
    paginators = dict(pages.get("pagination", {}))
    for name, extra in EXTRA_PAGINATORS.get(spec.model_name, {}).items():
        if name in paginators:
            raise SystemExit(f"{spec.model_name} {name} is now in paginators-1.json: "
                             "remove it from EXTRA_PAGINATORS")
        paginators[name] = extra
    service = Service(spec, model["metadata"], model["operations"], model["shapes"], paginators)
    _check(service)
    return service


def _check(service: Service) -> None:
    """Refuse models this generator does not know how to translate."""
    known = {"structure", "list", "map", "string", "integer", "long", "boolean",
             "timestamp", "blob", "double", "float"}
    for name, s in service.shapes.items():
        if s["type"] not in known:
            raise SystemExit(f"{service.id}: shape {name} has type {s['type']}, not handled")
    for name, op in service.operations.items():
        if op.get("http", {}).get("requestUri", "/") != "/":
            raise SystemExit(f"{service.id}: {name} is not a plain JSON 1.1 operation")
    for name, p in service.paginators.items():
        for key in ("input_token", "output_token", "result_key"):
            if not isinstance(p.get(key), str):
                raise SystemExit(f"{service.id}: paginator {name} has a {key} that is not one name")
