"""cognito-idp admin operations moto lacks: devices, sign-in events and linked providers.

``install()`` adds these operations to moto's cognito-idp request handler
(``CognitoIdpResponse``; moto dispatches ``X-Amz-Target:
AWSCognitoIdentityProviderService.<Op>`` to its method ``snake_case(<Op>)``):

* devices: AdminListDevices, AdminGetDevice, AdminForgetDevice,
  AdminUpdateDeviceStatus (the remembered status is the device attribute
  ``dev:device_remembered_status``);
* sign-in events: AdminListUserAuthEvents (newest first) and
  AdminUpdateAuthEventFeedback; both need the pool's advanced security
  (UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED), as in the service;
* linked providers: AdminLinkProviderForUser and AdminDisableProviderForUser,
  kept in the user's ``identities`` attribute (a JSON array of {userId,
  providerName, providerType, issuer, primary, dateCreated}), so AdminGetUser
  and ListUsers show the links.

Each request is checked against botocore's cognito-idp model first; a
violation is an InvalidParameterException ("1 validation error detected:
..."), as cognito-idp answers. Devices and events hang on moto's own user
objects (attribute ``emulator``), so AdminDeleteUser, DeleteUserPool and a
moto reset drop them with the user.

Seeding. The service records devices and sign-in events when users sign in;
the API cannot create them. The emulator therefore serves one private route,
apart from the AWS API, on its loopback address only (``with_private_routes``
wraps the WSGI app in server.py):

    POST /_emulator/cognito-idp/seed
    {"account": "123456789012",            (optional; moto's default account)
     "users": [{"userPoolId": "us-east-1_AbC123", "username": "alice",
                "devices": [<DeviceType>, ...],
                "authEvents": [<AuthEventType>, ...]}, ...]}

``<DeviceType>`` and ``<AuthEventType>`` are the API's shapes (what
AdminGetDevice and AdminListUserAuthEvents return), dates in epoch seconds.
DeviceKey and EventId may be left out (they are generated); a device gets
``device_status`` "valid" and ``dev:device_remembered_status``
"not_remembered" unless its attributes say otherwise; dates default to now.
    POST /_emulator/cognito-idp/users
    {"userPoolId": "us-east-1_AbC123", "count": 100000, "prefix": "user"}

creates ``count`` users (at most 200,000) named ``prefix000000``… in one pool at
once, each with an email, as AdminCreateUser with SUPPRESS would, and answers
``{"created": count}``: benchmarks need pools far larger than the API fills in
reasonable time. The user's region is the pool id's prefix; the username may be any name
AdminGetUser accepts. The reply is 200 with
``{"users": [{"userPoolId", "username", "deviceKeys": [...], "eventIds": [...]}]}``,
in request order. Nothing is stored unless every entry is valid: 400
``{"message": ...}`` for a malformed body, 404 for an unknown pool or user;
405 for another method, 404 for another ``/_emulator/`` path, 403 for a
caller that is not on loopback.
"""

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from moto.cognitoidp import models as idp_models
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.exceptions import JsonRESTError
from moto.core.responses import ActionResult, EmptyResult
from moto.moto_api._internal import mock_random

from errors import (
    AliasExistsException,
    InvalidParameterException,
    LimitExceededException,
    ResourceNotFoundException,
    SerializationException,
    UserNotFoundException,
    UserPoolAddOnNotEnabledException,
)
from identity_validation import service_model, shape_errors, validate_request
from pagination import decode_token, paginate

SERVICE = "cognito-idp"
DEFAULT_PAGE = 60  # Limit/MaxResults 0 or left out: 60 items, as the API reference says
REMEMBERED = "dev:device_remembered_status"
COGNITO = "Cognito"
COGNITO_SUBJECT = "Cognito_Subject"
SOCIAL_TYPES = ("Google", "Facebook", "LoginWithAmazon", "SignInWithApple")
MAX_LINKED_IDENTITIES = 5  # federated identities one user can have linked
SEED_PATH = "/_emulator/cognito-idp/seed"
USERS_PATH = "/_emulator/cognito-idp/users"
# The most users one call of the users route makes.
USERS_LIMIT = 200_000

# moto's cognito-idp handlers take no locks and werkzeug serves on threads:
# the operations here and the seed route change devices/events one at a time.
_LOCK = threading.RLock()
_SEQUENCE = itertools.count(1)


# -- state kept on moto's user objects ---------------------------------------------


@dataclass
class Device:
    key: str
    seq: int
    attributes: dict[str, str]
    created: float
    modified: float
    last_authenticated: float | None

    def describe(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "DeviceKey": self.key,
            "DeviceAttributes": [{"Name": k, "Value": v} for k, v in self.attributes.items()],
            "DeviceCreateDate": self.created,
            "DeviceLastModifiedDate": self.modified,
        }
        if self.last_authenticated is not None:
            data["DeviceLastAuthenticatedDate"] = self.last_authenticated
        return data


@dataclass
class AuthEvent:
    event_id: str
    seq: int
    created: float
    details: dict[str, Any]  # the other AuthEventType members, as given

    def describe(self) -> dict[str, Any]:
        return {"EventId": self.event_id, "CreationDate": self.created, **self.details}

    @property
    def position(self) -> int:
        """Ascending position = newest first; the sequence breaks ties."""
        return -(round(self.created * 1000) * 10**9 + self.seq)


@dataclass
class UserExtras:
    devices: dict[str, Device] = field(default_factory=dict)
    events: dict[str, AuthEvent] = field(default_factory=dict)


def extras(user: idp_models.CognitoIdpUser) -> UserExtras:
    if not hasattr(user, "emulator"):
        user.emulator = UserExtras()
    return user.emulator


def backend_for(account: str, pool_id: str) -> idp_models.CognitoIdpBackend:
    """The backend holding ``pool_id`` (a pool id starts with its region)."""
    region = pool_id.split("_", 1)[0]
    return idp_models.cognitoidp_backends[account][region]


def new_device_key(pool_id: str) -> str:
    return f"{pool_id.split('_', 1)[0]}_{mock_random.uuid4()}"


# -- request handling ----------------------------------------------------------------


def _params(handler: CognitoIdpResponse, operation: str) -> dict[str, Any]:
    """The request body, checked against ``operation``'s input shape."""
    try:
        body = json.loads(handler.body) if handler.body else {}
    except ValueError:
        raise SerializationException("Request body is not valid JSON") from None
    validate_request(operation, body, service=SERVICE, error=InvalidParameterException)
    return body


def _user(handler: CognitoIdpResponse, params: dict[str, Any]) -> idp_models.CognitoIdpUser:
    # moto's lookup: ResourceNotFoundException for the pool, UserNotFoundException for the user.
    return handler.backend.admin_get_user(params["UserPoolId"], params["Username"])


def _device(user: idp_models.CognitoIdpUser, key: str) -> Device:
    device = extras(user).devices.get(key)
    if device is None:
        raise ResourceNotFoundException("Device does not exist.")
    return device


def _page_size(value: int | None) -> int:
    return value or DEFAULT_PAGE


def _require_advanced_security(handler: CognitoIdpResponse, pool_id: str) -> None:
    pool = handler.backend.describe_user_pool(pool_id)
    mode = (pool.extended_config.get("UserPoolAddOns") or {}).get("AdvancedSecurityMode")
    if mode not in ("AUDIT", "ENFORCED"):
        raise UserPoolAddOnNotEnabledException(
            f"Advanced security features are not enabled for user pool {pool_id} "
            "(UserPoolAddOns.AdvancedSecurityMode is OFF)."
        )


def admin_list_devices(self: CognitoIdpResponse) -> ActionResult:
    params = _params(self, "AdminListDevices")
    with _LOCK:
        user = _user(self, params)
        scope = f"{params['UserPoolId']}/{user.id}"
        after = decode_token(params.get("PaginationToken"), "AdminListDevices", scope)
        devices = sorted(extras(user).devices.values(), key=lambda d: d.seq)
        page, token = paginate(devices, lambda d: d.seq, _page_size(params.get("Limit")),
                               after, "AdminListDevices", scope)
        result: dict[str, Any] = {"Devices": [d.describe() for d in page]}
    if token:
        result["PaginationToken"] = token
    return ActionResult(result)


def admin_get_device(self: CognitoIdpResponse) -> ActionResult:
    params = _params(self, "AdminGetDevice")
    with _LOCK:
        device = _device(_user(self, params), params["DeviceKey"])
        return ActionResult({"Device": device.describe()})


def admin_forget_device(self: CognitoIdpResponse) -> EmptyResult:
    params = _params(self, "AdminForgetDevice")
    with _LOCK:
        user = _user(self, params)
        _device(user, params["DeviceKey"])
        del extras(user).devices[params["DeviceKey"]]
    return EmptyResult()


def admin_update_device_status(self: CognitoIdpResponse) -> ActionResult:
    params = _params(self, "AdminUpdateDeviceStatus")
    with _LOCK:
        device = _device(_user(self, params), params["DeviceKey"])
        status = params.get("DeviceRememberedStatus")
        if status is not None:
            device.attributes[REMEMBERED] = status
        device.modified = time.time()
    return ActionResult({})


def admin_list_user_auth_events(self: CognitoIdpResponse) -> ActionResult:
    params = _params(self, "AdminListUserAuthEvents")
    with _LOCK:
        user = _user(self, params)
        _require_advanced_security(self, params["UserPoolId"])
        scope = f"{params['UserPoolId']}/{user.id}"
        after = decode_token(params.get("NextToken"), "AdminListUserAuthEvents", scope)
        events = sorted(extras(user).events.values(), key=lambda e: e.position)
        page, token = paginate(events, lambda e: e.position,
                               _page_size(params.get("MaxResults")), after,
                               "AdminListUserAuthEvents", scope)
        result: dict[str, Any] = {"AuthEvents": [e.describe() for e in page]}
    if token:
        result["NextToken"] = token
    return ActionResult(result)


def admin_update_auth_event_feedback(self: CognitoIdpResponse) -> ActionResult:
    params = _params(self, "AdminUpdateAuthEventFeedback")
    with _LOCK:
        user = _user(self, params)
        _require_advanced_security(self, params["UserPoolId"])
        event = extras(user).events.get(params["EventId"])
        if event is None:
            raise ResourceNotFoundException(f"Auth event {params['EventId']} does not exist.")
        event.details["EventFeedback"] = {"FeedbackValue": params["FeedbackValue"],
                                          "Provider": "Admin", "FeedbackDate": time.time()}
    return ActionResult({})


# -- linked providers ------------------------------------------------------------------


def linked_identities(user: idp_models.CognitoIdpUser) -> list[dict[str, Any]]:
    raw = user.attribute_lookup.get("identities")
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _set_identities(user: idp_models.CognitoIdpUser, identities: list[dict[str, Any]]) -> None:
    if identities:
        text = json.dumps(identities, separators=(",", ":"))
        user.update_attributes([{"Name": "identities", "Value": text}])
    elif "identities" in user.attribute_lookup:
        user.delete_attributes(["identities"])


def _provider(pool: idp_models.CognitoIdpUserPool, name: str,
              where: str) -> idp_models.CognitoIdpIdentityProvider:
    if name == COGNITO:
        raise InvalidParameterException(
            f"Invalid {where}: a user pool's own users (ProviderName {COGNITO}) can only "
            "be the DestinationUser of a link, never its source.")
    provider = pool.identity_providers.get(name)
    if provider is None:
        raise InvalidParameterException(
            f"Invalid {where}: {name} is not an identity provider of user pool {pool.id}.")
    return provider


def _check_subject_name(provider: idp_models.CognitoIdpIdentityProvider,
                        attribute_name: str | None, where: str) -> None:
    provider_type = provider.extended_config.get("ProviderType")
    if provider_type in SOCIAL_TYPES and attribute_name != COGNITO_SUBJECT:
        raise InvalidParameterException(
            f"Invalid {where}: ProviderAttributeName must be {COGNITO_SUBJECT} for "
            f"the {provider_type} provider {provider.name}.")


def _linked_user(pool: idp_models.CognitoIdpUserPool, provider: str,
                 subject: str) -> idp_models.CognitoIdpUser | None:
    for user in pool.users.values():
        if any(i.get("providerName") == provider and i.get("userId") == subject
               for i in linked_identities(user)):
            return user
    return None


def admin_link_provider_for_user(self: CognitoIdpResponse) -> EmptyResult:
    params = _params(self, "AdminLinkProviderForUser")
    with _LOCK:
        pool = self.backend.describe_user_pool(params["UserPoolId"])
        destination, source = params["DestinationUser"], params["SourceUser"]
        name = destination.get("ProviderName")
        value = destination.get("ProviderAttributeValue")
        if not name or not value:
            raise InvalidParameterException(
                "Invalid DestinationUser: ProviderName and ProviderAttributeValue are required "
                f"({COGNITO} and the username for a user of the pool).")
        # A federated user's username is "<provider>_<their id at the provider>".
        username = value if name == COGNITO else f"{name}_{value}"
        user = pool._get_user(username)
        if user is None:
            raise UserNotFoundException("User does not exist.")

        provider_name = source.get("ProviderName")
        subject = source.get("ProviderAttributeValue")
        if not provider_name or not subject:
            raise InvalidParameterException(
                "Invalid SourceUser: ProviderName and ProviderAttributeValue are required.")
        provider = _provider(pool, provider_name, "SourceUser")
        _check_subject_name(provider, source.get("ProviderAttributeName"), "SourceUser")
        owner = _linked_user(pool, provider_name, subject)
        if owner is user:
            return EmptyResult()
        if owner is not None:
            raise AliasExistsException(
                f"{provider_name} user {subject} is already linked to another user of the pool.")
        if pool._get_user(f"{provider_name}_{subject}") is not None:
            raise AliasExistsException(
                f"{provider_name} user {subject} has already signed in: the pool has a user "
                f"{provider_name}_{subject}, and only a user that has not can be linked.")
        identities = linked_identities(user)
        if any(i.get("providerName") == provider_name for i in identities):
            raise InvalidParameterException(
                f"Invalid SourceUser: user {user.username} is already linked to another "
                f"{provider_name} user; a user can have one link per provider.")
        if len(identities) >= MAX_LINKED_IDENTITIES:
            raise LimitExceededException(
                f"User {user.username} already has {MAX_LINKED_IDENTITIES} linked identities, "
                "the most a user can have.")
        details = provider.extended_config.get("ProviderDetails") or {}
        identities.append({
            "userId": subject,
            "providerName": provider_name,
            "providerType": provider.extended_config.get("ProviderType"),
            "issuer": details.get("oidc_issuer"),
            "primary": False,
            "dateCreated": int(time.time() * 1000),
        })
        _set_identities(user, identities)
    return EmptyResult()


def admin_disable_provider_for_user(self: CognitoIdpResponse) -> EmptyResult:
    params = _params(self, "AdminDisableProviderForUser")
    with _LOCK:
        pool = self.backend.describe_user_pool(params["UserPoolId"])
        target = params["User"]
        provider_name = target.get("ProviderName")
        subject = target.get("ProviderAttributeValue")
        if not provider_name or not subject:
            raise InvalidParameterException(
                "Invalid User: ProviderName and ProviderAttributeValue are required.")
        if provider_name == COGNITO:
            raise InvalidParameterException(
                f"Invalid User: this emulator only removes links to external providers; "
                f"ProviderName {COGNITO} (turning off a user's password sign-in) is not emulated.")
        provider = _provider(pool, provider_name, "User")
        if target.get("ProviderAttributeName") is not None:
            _check_subject_name(provider, target["ProviderAttributeName"], "User")
        user = _linked_user(pool, provider_name, subject)
        if user is None:
            raise UserNotFoundException(
                f"No user of the pool is linked to {provider_name} user {subject}.")
        _set_identities(user, [i for i in linked_identities(user)
                               if not (i.get("providerName") == provider_name
                                       and i.get("userId") == subject)])
    return EmptyResult()


_OPERATIONS: tuple[Callable[..., Any], ...] = (
    admin_list_devices, admin_get_device, admin_forget_device, admin_update_device_status,
    admin_list_user_auth_events, admin_update_auth_event_feedback,
    admin_link_provider_for_user, admin_disable_provider_for_user,
)


def install() -> None:
    """Add the operations to moto's cognito-idp handler; run before the first request."""
    for operation in _OPERATIONS:
        setattr(CognitoIdpResponse, operation.__name__, operation)


# -- the private seed route ------------------------------------------------------------


class SeedError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _shape_problems(shape_name: str, value: Any, path: str) -> list[str]:
    try:
        return shape_errors(service_model(SERVICE).shape_for(shape_name), value, path)
    except JsonRESTError as error:  # a member of the wrong JSON type
        return [json.loads(error.description)["message"]]


def _new_device(pool_id: str, data: dict[str, Any], taken: set[str], where: str) -> Device:
    problems = _shape_problems("DeviceType", data, where)
    if problems:
        raise SeedError(400, "; ".join(problems))
    key = data.get("DeviceKey") or new_device_key(pool_id)
    if key in taken:
        raise SeedError(400, f"{where}: the user already has a device {key}")
    taken.add(key)
    attributes = {"device_status": "valid", REMEMBERED: "not_remembered"}
    attributes.update({a["Name"]: a.get("Value", "") for a in data.get("DeviceAttributes", [])})
    if attributes[REMEMBERED] not in ("remembered", "not_remembered"):
        raise SeedError(400, f"{where}: {REMEMBERED} must be remembered or not_remembered")
    now = time.time()
    created = data.get("DeviceCreateDate", now)
    return Device(key=key, seq=next(_SEQUENCE), attributes=attributes, created=created,
                  modified=data.get("DeviceLastModifiedDate", created),
                  last_authenticated=data.get("DeviceLastAuthenticatedDate", created))


def _new_event(data: dict[str, Any], taken: set[str], where: str) -> AuthEvent:
    problems = _shape_problems("AuthEventType", data, where)
    event_id = data.get("EventId") or str(mock_random.uuid4())
    if not problems:
        shape = service_model(SERVICE).operation_model(
            "AdminUpdateAuthEventFeedback").input_shape.members["EventId"]
        problems = shape_errors(shape, event_id, f"{where}.eventId")
    if problems:
        raise SeedError(400, "; ".join(problems))
    if event_id in taken:
        raise SeedError(400, f"{where}: the user already has an event {event_id}")
    taken.add(event_id)
    details = {k: v for k, v in data.items() if k not in ("EventId", "CreationDate")}
    return AuthEvent(event_id=event_id, seq=next(_SEQUENCE),
                     created=data.get("CreationDate", time.time()), details=details)


def seed(body: Any) -> dict[str, Any]:
    """Store the devices and events ``body`` describes (see the module docstring)."""
    if not isinstance(body, dict) or not isinstance(body.get("users"), list):
        raise SeedError(400, 'expected {"users": [{"userPoolId", "username", '
                             '"devices", "authEvents"}, ...]}')
    account = body.get("account", DEFAULT_ACCOUNT_ID)
    if not isinstance(account, str):
        raise SeedError(400, "account must be a string")
    planned: list[tuple[idp_models.CognitoIdpUser, list[Device], list[AuthEvent], dict]] = []
    with _LOCK:
        for index, entry in enumerate(body["users"]):
            where = f"users[{index}]"
            if not isinstance(entry, dict):
                raise SeedError(400, f"{where} must be an object")
            pool_id, username = entry.get("userPoolId"), entry.get("username")
            devices, events = entry.get("devices", []), entry.get("authEvents", [])
            if not (isinstance(pool_id, str) and "_" in pool_id and isinstance(username, str)
                    and isinstance(devices, list) and isinstance(events, list)):
                raise SeedError(400, f"{where}: userPoolId and username must be strings, "
                                     "devices and authEvents lists")
            try:
                user = backend_for(account, pool_id).admin_get_user(pool_id, username)
            except JsonRESTError as error:
                raise SeedError(404, f"{where}: {json.loads(error.description)['message']}") \
                    from None
            known = extras(user)
            device_keys = set(known.devices).union(
                d.key for u, ds, _, _ in planned if u is user for d in ds)
            event_ids = set(known.events).union(
                e.event_id for u, _, es, _ in planned if u is user for e in es)
            new_devices = [_new_device(pool_id, d, device_keys, f"{where}.devices[{i}]")
                           for i, d in enumerate(devices)]
            new_events = [_new_event(e, event_ids, f"{where}.authEvents[{i}]")
                          for i, e in enumerate(events)]
            planned.append((user, new_devices, new_events,
                            {"userPoolId": pool_id, "username": username}))
        reply = []
        for user, new_devices, new_events, names in planned:
            state = extras(user)
            state.devices.update((d.key, d) for d in new_devices)
            state.events.update((e.event_id, e) for e in new_events)
            reply.append({**names, "deviceKeys": [d.key for d in new_devices],
                          "eventIds": [e.event_id for e in new_events]})
    return {"users": reply}


_LOOPBACK = ("127.0.0.1", "::1", "::ffff:127.0.0.1")


def make_users(body: Any) -> dict[str, Any]:
    """Create ``count`` users named ``prefix`` and a six-digit number in one pool, each with an
    ``email`` of that name at example.com, as AdminCreateUser with SUPPRESS would; for
    benchmarks that need a large pool quickly (see the module docstring)."""
    if not isinstance(body, dict):
        raise SeedError(400, 'expected {"userPoolId", "count", "prefix"}')
    pool_id, count, prefix = body.get("userPoolId"), body.get("count"), body.get("prefix", "user")
    account = body.get("account", DEFAULT_ACCOUNT_ID)
    if not isinstance(pool_id, str) or "_" not in pool_id:
        raise SeedError(400, "userPoolId must be a user pool id")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= USERS_LIMIT:
        raise SeedError(400, f"count must be a whole number from 1 to {USERS_LIMIT}")
    if not isinstance(prefix, str) or not prefix or not isinstance(account, str):
        raise SeedError(400, "prefix and account must be non-empty strings")
    backend = backend_for(account, pool_id)
    if pool_id not in backend.user_pools:
        raise SeedError(404, f"User pool {pool_id} does not exist.")
    with _LOCK:
        for index in range(count):
            name = f"{prefix}{index:06d}"
            backend.admin_create_user(pool_id, name, "SUPPRESS", "",
                                      [{"Name": "email", "Value": f"{name}@example.com"}])
    return {"created": count}


def _private_route(environ: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    if environ.get("REMOTE_ADDR") not in _LOOPBACK:
        return 403, {"message": "the emulator's private routes answer loopback callers only"}
    path = environ.get("PATH_INFO")
    if path not in (SEED_PATH, USERS_PATH):
        return 404, {"message": f"no private route {path}"}
    if environ.get("REQUEST_METHOD") != "POST":
        return 405, {"message": f"{path} takes POST"}
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"null")
    except ValueError:
        return 400, {"message": "the body is not JSON"}
    try:
        return 200, (seed(body) if path == SEED_PATH else make_users(body))
    except SeedError as error:
        return error.status, {"message": str(error)}


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed"}


def with_private_routes(app: Callable[..., Any]) -> Callable[..., Any]:
    """``app`` plus the emulator's own routes under /_emulator/ (see the module docstring)."""

    def serve(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if not environ.get("PATH_INFO", "").startswith("/_emulator/"):
            return app(environ, start_response)
        status, reply = _private_route(environ)
        body = json.dumps(reply).encode()
        start_response(f"{status} {_REASONS[status]}",
                       [("Content-Type", "application/json"),
                        ("Content-Length", str(len(body)))])
        return [body]

    return serve

