"""cognito-idp listing as the service does it: ListUsers' Filter, and GetCSVHeader.

ListUsers. moto reads ``Filter`` with a loose pattern: it ignores anything after the
closing quote, keeps ``\\"`` escapes as they are, compares every attribute case-sensitively
and checks nothing of the request against the model. ``install()`` replaces the backend's
``list_users`` with one that follows the API reference ("ListUsers", member ``Filter``) and
the developer guide ("Searching for users with the ListUsers API"):

* the form is ``AttributeName Filter-Type "AttributeValue"``; ``Filter-Type`` is ``=``
  (exact) or ``^=`` (starts with); quotation marks inside the value are written ``\\"``
  (a backslash makes the next character literal, so ``\\\\`` is one backslash); nothing may
  follow the closing quote; an empty filter lists every user;
* the searchable attributes are username, email, phone_number, name, given_name,
  family_name, preferred_username, cognito:user_status (the user's status), status
  (``Enabled`` or ``Disabled``) and sub; custom attributes are not searchable;
* searches are case-insensitive except on username and status;
* the users found are sorted by the searched attribute, ascending.

A filter that does not parse is InvalidParameterException "Error while parsing filter.", an
attribute that cannot be searched InvalidParameterException "Invalid search attribute: NAME";
the request is checked against botocore's model first (Filter at most 256 characters, Limit
0 to 60, ...). Paging stays moto's.

GetCSVHeader (moto lacks it) returns the columns of the user-import CSV for the pool
(developer guide, "Creating the user import CSV file"): the standard attributes in the
documented order, then the pool's custom attributes (``custom:NAME``; developer-only ones are
left out, as an import cannot set them), then ``cognito:mfa_enabled`` and
``cognito:username``. An unknown pool is ResourceNotFoundException; a malformed pool id
InvalidParameterException.
"""

import json
import re
from typing import Any, Callable

from moto.cognitoidp import models as idp_models
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.cognitoidp.utils import PAGINATION_MODEL
from moto.core.responses import ActionResult
from moto.utilities.paginator import paginate

from errors import InvalidParameterException, SerializationException
from identity_validation import validate_request

SERVICE = "cognito-idp"

SEARCHABLE = ("username", "email", "phone_number", "name", "given_name", "family_name",
              "preferred_username", "cognito:user_status", "status", "sub")
CASE_SENSITIVE = ("username", "status")

# The standard columns of the import CSV, in the order GetCSVHeader returns them.
CSV_STANDARD = ("name", "given_name", "family_name", "middle_name", "nickname",
                "preferred_username", "profile", "picture", "website", "email", "email_verified",
                "gender", "birthdate", "zoneinfo", "locale", "phone_number",
                "phone_number_verified", "address", "updated_at")
CSV_TRAILING = ("cognito:mfa_enabled", "cognito:username")

# AttributeName, then = or ^=, then a quoted value; blanks around each part.
_FILTER = re.compile(r'\s*(?P<name>[^\s"=^]+)\s*(?P<op>\^?=)\s*"(?P<value>(?:[^"\\]|\\.)*)"\s*',
                     re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class Search:
    """One parsed Filter: which attribute, how to compare, with what."""

    def __init__(self, name: str, prefix: bool, value: str):
        self.name = name
        self.prefix = prefix
        self.case_sensitive = name in CASE_SENSITIVE
        self.value = value if self.case_sensitive else value.casefold()

    def value_of(self, user: idp_models.CognitoIdpUser) -> str | None:
        if self.name == "username":
            return user.username
        if self.name == "cognito:user_status":
            return str(getattr(user.status, "value", user.status))
        if self.name == "status":
            return "Enabled" if user.enabled else "Disabled"
        return user.attribute_lookup.get(self.name)

    def key(self, user: idp_models.CognitoIdpUser) -> str | None:
        value = self.value_of(user)
        if value is None or self.case_sensitive:
            return value
        return value.casefold()

    def matches(self, user: idp_models.CognitoIdpUser) -> bool:
        value = self.key(user)
        if value is None:
            return False
        return value.startswith(self.value) if self.prefix else value == self.value


def parse_filter(text: str | None) -> Search | None:
    """The search a Filter asks for; None for no filter (every user)."""
    if text is None or not text.strip():
        return None
    match = _FILTER.fullmatch(text)
    if match is None:
        raise InvalidParameterException("Error while parsing filter.")
    name = match["name"]
    if name not in SEARCHABLE:
        raise InvalidParameterException(f"Invalid search attribute: {name}")
    value = _ESCAPE.sub(lambda m: m.group(1), match["value"])
    return Search(name, match["op"] == "^=", value)


def _list_users(self: idp_models.CognitoIdpBackend, user_pool_id: str,
                filt: str | None) -> list[idp_models.CognitoIdpUser]:
    pool = self.describe_user_pool(user_pool_id)
    users = list(pool.users.values())
    search = parse_filter(filt)
    if search is None:
        return users
    found = [user for user in users if search.matches(user)]
    # A stable sort: users with the same value keep the pool's order, so pages never overlap.
    found.sort(key=lambda user: search.key(user) or "")
    return found


_list_users.__name__ = "list_users"  # the key of moto's pagination model
_moto_list_users_handler: Callable[..., Any] = CognitoIdpResponse.list_users


def _body(handler: CognitoIdpResponse, operation: str) -> dict[str, Any]:
    try:
        body = json.loads(handler.body) if handler.body else {}
    except ValueError:
        raise SerializationException("Request body is not valid JSON") from None
    validate_request(operation, body, service=SERVICE, error=InvalidParameterException)
    return body


def list_users(self: CognitoIdpResponse) -> ActionResult:
    body = _body(self, "ListUsers")
    parse_filter(body.get("Filter"))  # refuse a bad filter before the pool is looked up
    return _moto_list_users_handler(self)


def csv_header(pool: idp_models.CognitoIdpUserPool) -> list[str]:
    custom = [name for name, attribute in pool.schema_attributes.items()
              if name.startswith("custom:") and not attribute.developer_only]
    return [*CSV_STANDARD, *custom, *CSV_TRAILING]


def get_csv_header(self: CognitoIdpResponse) -> ActionResult:
    body = _body(self, "GetCSVHeader")
    pool = self.backend.describe_user_pool(body["UserPoolId"])  # ResourceNotFoundException
    return ActionResult({"UserPoolId": pool.id, "CSVHeader": csv_header(pool)})


def install() -> None:
    """Patch moto's cognito-idp backend and handler; run before the first request."""
    idp_models.CognitoIdpBackend.list_users = paginate(pagination_model=PAGINATION_MODEL)(_list_users)
    CognitoIdpResponse.list_users = list_users
    CognitoIdpResponse.get_csv_header = get_csv_header
