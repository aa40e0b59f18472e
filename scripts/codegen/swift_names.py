"""Swift spellings of AWS names."""

from __future__ import annotations

import re

# Words Swift reserves in declarations; a name equal to one is written in backticks.
KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
    "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
    "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
    "try", "Type", "Protocol",
}


def lower_camel(name: str) -> str:
    """`ListUsers` -> `listUsers`, `SMSMfaSettings` -> `smsMfaSettings`, `ARN` -> `arn`,
    `GetCSVHeader` -> `getCSVHeader`: the leading run of capitals is lowered, except its
    last letter when a lower-case letter follows (it starts the next word)."""
    run = 0
    while run < len(name) and name[run].isupper():
        run += 1
    if run == 0:
        return name
    if run == len(name):
        return name.lower()
    if run == 1:
        return name[0].lower() + name[1:]
    if name[run].islower():
        run -= 1
    return name[:run].lower() + name[run:]


def identifier(name: str) -> str:
    """A name usable in a declaration."""
    return f"`{name}`" if name in KEYWORDS else name


def enum_case(value: str) -> str:
    """A Swift static member name for an enum value: `ADMIN_NO_SRP_AUTH` -> `adminNoSrpAuth`,
    `AccountTakeover` -> `accountTakeover`, `verified_email` -> `verifiedEmail`, `V1_0` -> `v1_0`."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", value) if w]
    if not words:
        raise SystemExit(f"enum value {value!r} has no letters or digits")
    parts: list[str] = []
    for i, word in enumerate(words):
        if word.isupper() or word.islower() or word.isdigit():
            word = word.lower()
            text = word if i == 0 else word[:1].upper() + word[1:]
        else:
            text = lower_camel(word) if i == 0 else word[:1].upper() + word[1:]
        # Two digit groups in a row would run together (`V1_0` -> `v10`): keep a separator.
        if parts and parts[-1][-1].isdigit() and text[0].isdigit():
            text = "_" + text
        parts.append(text)
    name = "".join(parts)
    if name[0].isdigit():
        name = "_" + name
    return name


def kebab(name: str) -> str:
    """The AWS CLI's spelling: `AdminSetUserMFAPreference` -> `admin-set-user-mfa-preference`."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", spaced)
    return spaced.lower()


def swift_string(text: str) -> str:
    """A Swift string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
