"""Which read feeds each update, and how its output becomes the update's input.

Cognito's `Update*` and `Set*` calls replace a resource: a member left out of the input is
reset to its default, not kept. So every edit is read-modify-write, and this module works out,
from the shapes alone, how a read's output turns into an update's input.

UPDATE RULE -- which operations get a mapping:

  1. Candidates are the operations whose name starts with the word Update or Set, after an
     optional `Admin` (UpdateGroup, SetIdentityPoolRoles, AdminUpdateUserAttributes), that are
     signed and take no `AccessToken`: the administrator's calls. The user's own calls
     (UpdateUserAttributes, SetUserSettings, UpdateAuthEventFeedback, ...) are listed as
     `userCall` and get no mapping.
  2. The read of a candidate is the signed Describe*/Get* operation (no `AccessToken`) whose
     noun, the name after the verb and the optional `Admin`, equals the candidate's noun
     (UpdateUserPoolClient -> DescribeUserPoolClient, SetUserPoolMfaConfig ->
     GetUserPoolMfaConfig). When there is none, the read whose noun is the longest word-wise
     prefix of the candidate's noun, preferring the same `Admin` prefix
     (AdminUpdateUserAttributes -> AdminGetUser). No read at all: listed as `noRead`.
  3. The resource object is the read output's structure member whose shape shares the most
     member names with the update input, or the output itself when no member shares more than
     the output does (DescribeUserPoolClient -> `UserPoolClient`, GetIdentityPoolRoles -> the
     top level).
  4. Identifiers are the members the read's input requires (UserPoolId, ClientId, ...); each
     must also be an update member. A member is copied when the resource has a member of the
     same name whose value has the same structure (same target shape, or one that encodes
     alike). An update member the resource lacks is copied from a resource member whose name
     it ends with, when that member has the same target shape and the update has no member of
     its own by that name (UpdateUserPool's `PoolName` <- UserPoolType's `Name`).
  5. A candidate that would copy nothing beyond its identifiers is not a replacement of what
     the read shows (AdminSetUserPassword, AdminUpdateDeviceStatus): listed as `nothingToKeep`.

What is left of the update input is `notReturned`: a replacement resets it when the update
is sent, so the console warns. What the resource has and the update does not take is
`dropped` (CreationDate, Arn, ClientSecret, ...).

MERGING_UPDATES names the updates the service merges rather than replaces, which the shapes
cannot show: their `apply` refuses, and a hand-written adapter sends only the changed items.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from emit_shapes import INDENT
from model import Service, signed
from swift_names import identifier, lower_camel, swift_string

# Update -> (list member, key of its items). AdminUpdateUserAttributes changes the attributes
# it names and keeps the others; AdminDeleteUserAttributes removes one. Sending back every
# attribute AdminGetUser returns would also send immutable ones (`sub`), which it refuses.
MERGING_UPDATES = {
    "cognito-idp": {"AdminUpdateUserAttributes": ("UserAttributes", "Name")},
}

UPDATE_VERBS = ("Update", "Set")
READ_VERBS = ("Describe", "Get")


@dataclasses.dataclass
class Mapping:
    update: str
    read: str
    path: list[str]
    identifiers: list[str]
    copied: list[str]
    renamed: dict[str, str]
    not_returned: list[str]
    dropped: list[str]
    merge: tuple[str, str] | None


@dataclasses.dataclass
class Unmapped:
    update: str
    reason: str          # userCall, noRead, nothingToKeep
    read: str | None = None


def _split(name: str, verbs: tuple[str, ...]) -> tuple[bool, str] | None:
    """(has the Admin prefix, noun) when the name starts with one of the verbs as a word."""
    admin = name.startswith("Admin")
    rest = name[len("Admin"):] if admin else name
    for verb in verbs:
        if rest.startswith(verb) and len(rest) > len(verb) and rest[len(verb)].isupper():
            return admin, rest[len(verb):]
    return None


def _administrative(service: Service, name: str) -> bool:
    op = service.operations[name]
    return signed(op) and "AccessToken" not in service.shape(op["input"]["shape"])["members"]


def _structure(service: Service, shape: str, seen: tuple[str, ...] = ()) -> Any:
    """What a value of the shape looks like in JSON, constraints aside."""
    s = service.shape(shape)
    kind = s["type"]
    if s.get("document"):
        return ("document",)
    if kind == "structure":
        if shape in seen:
            return ("recursive", shape)
        return ("structure", tuple(sorted((m, _structure(service, spec["shape"], seen + (shape,)))
                                          for m, spec in s["members"].items())))
    if kind == "list":
        return ("list", _structure(service, s["member"]["shape"], seen))
    if kind == "map":
        return ("map", _structure(service, s["key"]["shape"], seen), _structure(service, s["value"]["shape"], seen))
    return (kind,)


def _read_for(service: Service, name: str) -> str | None:
    admin, noun = _split(name, UPDATE_VERBS)
    reads = []
    for other in sorted(service.operations):
        split = _split(other, READ_VERBS)
        if split and _administrative(service, other):
            reads.append((other, split[0], split[1]))
    exact = [r for r in reads if r[2] == noun]
    if exact:
        exact.sort(key=lambda r: (r[1] != admin, r[0]))
        return exact[0][0]
    prefixes = [r for r in reads if noun.startswith(r[2]) and noun[len(r[2])].isupper()]
    if not prefixes:
        return None
    prefixes.sort(key=lambda r: (-len(r[2]), r[1] != admin, r[0]))
    return prefixes[0][0]


def _resource(service: Service, update_input: dict, output_shape: str) -> tuple[list[str], str]:
    wanted = set(update_input["members"])
    output = service.shape(output_shape)
    best = (len(wanted & set(output["members"])), [], output_shape)
    for member, spec in output["members"].items():
        s = service.shape(spec["shape"])
        if s["type"] == "structure" and not s.get("document"):
            shared = len(wanted & set(s["members"]))
            if shared > best[0]:
                best = (shared, [member], spec["shape"])
    return best[1], best[2]


def mappings(service: Service) -> tuple[list[Mapping], list[Unmapped]]:
    found: list[Mapping] = []
    unmapped: list[Unmapped] = []
    merging = MERGING_UPDATES.get(service.id, {})
    for name in sorted(service.operations):
        if not _split(name, UPDATE_VERBS):
            continue
        if not _administrative(service, name):
            unmapped.append(Unmapped(name, "userCall"))
            continue
        read = _read_for(service, name)
        if read is None:
            unmapped.append(Unmapped(name, "noRead"))
            continue
        update_input = service.shape(service.operations[name]["input"]["shape"])
        read_op = service.operations[read]
        read_input = service.shape(read_op["input"]["shape"])
        path, resource_shape = _resource(service, update_input, read_op["output"]["shape"])
        resource = service.shape(resource_shape)["members"]
        identifiers = list(read_input.get("required", []))
        for ident in identifiers:
            if ident not in update_input["members"]:
                raise SystemExit(f"{service.id} {name}: {read} requires {ident}, which the update does not take")
            if service.shape(update_input["members"][ident]["shape"])["type"] != "string":
                raise SystemExit(f"{service.id} {name}: identifier {ident} is not a string")
        copied, renamed, not_returned = [], {}, []
        for member, spec in update_input["members"].items():
            if member in identifiers:
                continue
            if member in resource and (_structure(service, spec["shape"])
                                       == _structure(service, resource[member]["shape"])):
                copied.append(member)
                continue
            sources = [r for r, rspec in resource.items()
                       if r != member and member.endswith(r) and r not in update_input["members"]
                       and rspec["shape"] == spec["shape"]]
            if len(sources) == 1:
                copied.append(member)
                renamed[member] = sources[0]
            else:
                not_returned.append(member)
        if not copied:
            unmapped.append(Unmapped(name, "nothingToKeep", read))
            continue
        used = set(identifiers) | {renamed.get(m, m) for m in copied}
        dropped = [m for m in resource if m not in used]
        merge = merging.get(name)
        if merge:
            member, key = merge
            items = service.shape(service.shape(update_input["members"][member]["shape"])["member"]["shape"])
            if member not in copied or key not in items.get("members", {}):
                raise SystemExit(f"{service.id} {name}: MERGING_UPDATES names {member}/{key}, "
                                 "which the model no longer has")
        found.append(Mapping(name, read, path, identifiers, copied, renamed, not_returned, dropped, merge))
    for name in merging:
        if name not in {m.update for m in found}:
            raise SystemExit(f"{service.id}: MERGING_UPDATES names {name}, which has no mapping")
    return found, unmapped


def _list(names: list[str]) -> str:
    return "[" + ", ".join(swift_string(n) for n in names) + "]"


def _operation(service: Service, name: str) -> str:
    return f"{service.spec.namespace}.Operations.{identifier(lower_camel(name))}"


def updates_file(services: list[Service], header: str) -> str:
    tables = [(s, *mappings(s)) for s in services]
    total = sum(len(found) for _, found, _ in tables)
    lines = [
        header,
        "import Foundation",
        "",
        "extension UpdateMapping {",
        f"{INDENT}/// The {total} updates that write what a read returns, each with its read; chosen by the",
        f"{INDENT}/// rule written in scripts/codegen/emit_updates.py (\"UPDATE RULE\").",
        f"{INDENT}public static let all: [UpdateMapping] = [",
    ]
    for service, found, _ in tables:
        for m in found:
            renamed = ("[" + ", ".join(f"{swift_string(k)}: {swift_string(v)}" for k, v in sorted(m.renamed.items()))
                       + "]") if m.renamed else "[:]"
            kind = (f".mergeByName(member: {swift_string(m.merge[0])}, key: {swift_string(m.merge[1])})"
                    if m.merge else ".replacement")
            lines += [
                f"{INDENT * 2}UpdateMapping(",
                f"{INDENT * 3}update: {_operation(service, m.update)},",
                f"{INDENT * 3}read: {_operation(service, m.read)},",
                f"{INDENT * 3}kind: {kind},",
                f"{INDENT * 3}resourcePath: {_list(m.path)},",
                f"{INDENT * 3}identifiers: {_list(m.identifiers)},",
                f"{INDENT * 3}copied: {_list(m.copied)},",
                f"{INDENT * 3}renamed: {renamed},",
                f"{INDENT * 3}notReturned: {_list(m.not_returned)},",
                f"{INDENT * 3}dropped: {_list(m.dropped)}),",
            ]
    lines += [
        f"{INDENT}]",
        "",
        f"{INDENT}/// The other `Update*`/`Set*` operations, and why the rule gives them no mapping.",
        f"{INDENT}public static let unmapped: [Unmapped] = [",
    ]
    for service, _, rest in tables:
        for u in rest:
            reason = f".nothingToKeep(read: {_operation(service, u.read)})" if u.read else f".{u.reason}"
            lines.append(f"{INDENT * 2}Unmapped(update: {_operation(service, u.update)}, reason: {reason}),")
    lines += [f"{INDENT}]", "}"]
    return "\n".join(lines) + "\n"
