"""Input validation for Cognito Identity (and cognito-idp) requests.

Two layers, matching how AWS answers:

* ``validate_request`` checks the request body against the operation's input
  shape from botocore's copy of the service's API model (the same model the
  AWS SDKs are generated from): required members, string lengths, patterns,
  enums, integer ranges, list/map sizes and JSON types. Violations become one
  error ("N validation error(s) detected: Value ... at 'member' failed to
  satisfy constraint: ..."): a ValidationException from Cognito Identity, an
  InvalidParameterException from cognito-idp (``error=``), as each service
  answers. Wrong JSON types become a SerializationException.
  ``shape_errors`` runs the same checks on any shape of a service's model.
* The ``check_*`` functions enforce the documented semantic rules the model
  can't express (role ARNs, role-mapping providers and rules, tag limits);
  these raise InvalidParameterException.
"""

import json
import re
import sys
import unicodedata
from functools import lru_cache
from typing import Any

import botocore.session
from botocore.model import OperationNotFoundError, Shape

from errors import (
    InvalidParameterException,
    SerializationException,
    ValidationException,
)

# -- API-model validation ------------------------------------------------------


IDENTITY = "cognito-identity"


@lru_cache(maxsize=None)
def service_model(service: str = IDENTITY):
    return botocore.session.get_session().get_service_model(service)


def input_shape(operation: str, service: str = IDENTITY) -> Shape | None:
    """The input shape of ``operation``; None when the API has no such operation."""
    try:
        return service_model(service).operation_model(operation).input_shape
    except OperationNotFoundError:
        return None


# The model's patterns are Java regexes. Java's \w and \s are ASCII-only,
# so compile with re.ASCII. `re` has no \p{X} (Unicode general category X:
# L letters, M marks, S symbols, N numbers, P punctuation, Z separators...),
# so each one is replaced by the ranges of code points in that category.
_CATEGORY = re.compile(r"\\p\{([A-Z])\}")


@lru_cache(maxsize=None)
def _category_ranges() -> dict[str, str]:
    """Category letter -> its code points as a bracket-expression body ("a-zà-ö...")."""
    spans: dict[str, list[list[int]]] = {}
    for code in range(sys.maxunicode + 1):
        runs = spans.setdefault(unicodedata.category(chr(code))[0], [])
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])

    def body(runs: list[list[int]]) -> str:
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                       for a, b in runs)

    return {letter: body(runs) for letter, runs in spans.items()}


def _translate(pattern: str) -> str:
    """``pattern`` with every \\p{X} spelled out: inside a bracket expression as
    ranges, outside one as a bracket expression of its own."""
    out, in_class, index = [], False, 0
    while index < len(pattern):
        match = _CATEGORY.match(pattern, index)
        if match:
            ranges = _category_ranges()[match[1]]
            out.append(ranges if in_class else f"[{ranges}]")
            index = match.end()
            continue
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index:index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    if _CATEGORY.search(pattern):
        pattern = _translate(pattern)
    return re.compile(pattern, re.ASCII)


def _show(value: Any) -> str:
    """Render a value the way AWS quotes it in validation messages."""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


def _member_path(parent: str, member: str) -> str:
    name = member[:1].lower() + member[1:]
    return f"{parent}.{name}" if parent else name


_JSON_TYPES = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "long": (int,),
    "timestamp": (int, float),
    "structure": (dict,),
    "map": (dict,),
    "list": (list,),
}


def _check(shape: Shape, value: Any, path: str, errors: list[str]) -> None:
    kind = shape.type_name
    expected = _JSON_TYPES.get(kind)
    # bool is an int subclass in Python; JSON true is never a number.
    if expected and (
        not isinstance(value, expected)
        or (kind not in ("boolean",) and isinstance(value, bool))
    ):
        raise SerializationException(
            f"Unexpected JSON type for '{path}': expected {kind}, "
            f"got {type(value).__name__}"
        )

    meta = shape.metadata
    quoted = "" if meta.get("sensitive") else f" '{_show(value)}'"

    def fail(constraint: str) -> None:
        errors.append(
            f"Value{quoted} at '{path}' failed to satisfy constraint: {constraint}"
        )

    if kind == "structure":
        for name in shape.required_members:
            if value.get(name) is None:
                errors.append(
                    f"Value null at '{_member_path(path, name)}' failed to "
                    "satisfy constraint: Member must not be null"
                )
        for name, member_value in value.items():
            if name in shape.members and member_value is not None:
                _check(shape.members[name], member_value,
                       _member_path(path, name), errors)
        return

    if kind in ("string", "list", "map"):
        size = len(value)
        if "min" in meta and size < meta["min"]:
            fail(f"Member must have length greater than or equal to {meta['min']}")
        if "max" in meta and size > meta["max"]:
            fail(f"Member must have length less than or equal to {meta['max']}")
    if kind in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            fail(f"Member must have value greater than or equal to {meta['min']}")
        if "max" in meta and value > meta["max"]:
            fail(f"Member must have value less than or equal to {meta['max']}")
    if kind == "string":
        if shape.enum and value not in shape.enum:
            fail(f"Member must satisfy enum value set: [{', '.join(shape.enum)}]")
        pattern = meta.get("pattern")
        if pattern and not _compiled(pattern).fullmatch(value):
            fail(f"Member must satisfy regular expression pattern: {pattern}")
    elif kind == "list":
        for index, item in enumerate(value, start=1):
            _check(shape.member, item, f"{path}.{index}.member", errors)
    elif kind == "map":
        for key, item in value.items():
            _check(shape.key, key, f"{path}.{key}.member.key", errors)
            _check(shape.value, item, f"{path}.{key}.member.value", errors)


def shape_errors(shape: Shape, value: Any, path: str = "") -> list[str]:
    """What is wrong with ``value`` as an instance of ``shape`` (empty when nothing).
    Raises SerializationException for a member of the wrong JSON type."""
    errors: list[str] = []
    _check(shape, value, path, errors)
    return errors


def validate_request(operation: str, body: Any, service: str = IDENTITY,
                     error: type[Exception] = ValidationException) -> None:
    """Validate a decoded request body against ``operation``'s input shape."""
    shape = input_shape(operation, service)
    if shape is None:
        return
    if not isinstance(body, dict):
        raise SerializationException("Request body must be a JSON object")
    errors = shape_errors(shape, body)
    if errors:
        count = len(errors)
        plural = "s" if count > 1 else ""
        raise error(
            f"{count} validation error{plural} detected: " + "; ".join(errors)
        )


# -- semantic rules (InvalidParameterException) --------------------------------

IAM_ROLE_ARN = re.compile(r"arn:aws(-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]{1,512}",
                          re.ASCII)
MAX_RULES_PER_PROVIDER = 25  # API reference: "Up to 25 rules ... per identity provider"
MAX_TAGS_PER_POOL = 50

# Role-mapping / principal-tag provider names, as the API reference documents
# them: a Cognito user pool app client, a public provider, an OIDC issuer
# host name (optionally with a path) or an IAM SAML/OIDC provider ARN.
_USER_POOL_PROVIDER = re.compile(
    r"cognito-idp\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com(\.cn)?"
    r"/[a-z]{2}(-[a-z]+)+-\d_[0-9a-zA-Z]+:[\w+]+", re.ASCII)
_IAM_PROVIDER_ARN = re.compile(
    r"arn:aws(-[a-z]+)*:iam::\d{12}:(saml-provider|oidc-provider)/\S+", re.ASCII)
_HOST_NAME = re.compile(
    r"([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(:\d{1,5})?(/\S*)?",
    re.ASCII)


def is_provider_name(name: str) -> bool:
    if name.startswith("cognito-idp."):
        return bool(_USER_POOL_PROVIDER.fullmatch(name))
    if name.startswith("arn:"):
        return bool(_IAM_PROVIDER_ARN.fullmatch(name))
    # graph.facebook.com, accounts.google.com, www.amazon.com,
    # appleid.apple.com, api.twitter.com and OIDC issuers are all host names.
    return bool(_HOST_NAME.fullmatch(name))


def check_role_arn(arn: str, where: str) -> None:
    if not IAM_ROLE_ARN.fullmatch(arn):
        raise InvalidParameterException(
            f"{where}: '{arn}' is not a valid IAM role ARN "
            "(expected arn:aws:iam::<12-digit account>:role/<name>)"
        )


def check_roles(roles: dict[str, str]) -> None:
    for key, arn in roles.items():
        check_role_arn(arn, f"Roles[{key}]")


def check_role_mappings(mappings: dict[str, dict]) -> None:
    """RoleMappings semantics (the model checks types, enums and lengths)."""
    for provider, mapping in mappings.items():
        where = f"RoleMappings[{provider}]"
        if not is_provider_name(provider):
            raise InvalidParameterException(
                f"{where}: '{provider}' is not a valid identity provider name "
                "(expected e.g. cognito-idp.<region>.amazonaws.com/<userPoolId>:"
                "<appClientId>, graph.facebook.com, an OIDC provider host name "
                "or a SAML provider ARN)"
            )
        mapping_type = mapping.get("Type")
        if not mapping.get("AmbiguousRoleResolution"):
            raise InvalidParameterException(
                f"{where}: AmbiguousRoleResolution must be specified "
                f"for Type {mapping_type}"
            )
        rules_config = mapping.get("RulesConfiguration")
        if mapping_type == "Token":
            if rules_config is not None:
                raise InvalidParameterException(
                    f"{where}: RulesConfiguration is only allowed with Type Rules"
                )
            continue
        if rules_config is None:
            raise InvalidParameterException(
                f"{where}: RulesConfiguration is required for Type Rules"
            )
        rules = rules_config.get("Rules") or []
        if not 1 <= len(rules) <= MAX_RULES_PER_PROVIDER:
            raise InvalidParameterException(
                f"{where}: Rules must contain between 1 and "
                f"{MAX_RULES_PER_PROVIDER} rules, got {len(rules)}"
            )
        for index, rule in enumerate(rules, start=1):
            check_role_arn(rule["RoleARN"], f"{where}.Rules[{index}].RoleARN")


def check_tag_keys(tags: dict[str, str] | list[str]) -> None:
    for key in tags:
        if key.lower().startswith("aws:"):
            raise InvalidParameterException(
                f"Tag key '{key}': the aws: prefix is reserved for AWS use"
            )


def check_tag_count(tags: dict[str, str]) -> None:
    if len(tags) > MAX_TAGS_PER_POOL:
        raise InvalidParameterException(
            f"An identity pool can have at most {MAX_TAGS_PER_POOL} tags, "
            f"this request would leave {len(tags)}"
        )
