"""Swift value types for structures and enums."""

from __future__ import annotations

from docs import member_doc, references, roles, shape_summary
from model import Service
from swift_names import enum_case, identifier, lower_camel, swift_string

INDENT = "    "


def swift_type(service: Service, shape_name: str) -> str:
    """The Swift type of a value of this shape, as written inside the service's namespace."""
    s = service.shape(shape_name)
    kind = s["type"]
    if kind == "structure":
        return "JSONValue" if s.get("document") else shape_name
    if kind == "string":
        return shape_name if "enum" in s else "String"
    if kind == "list":
        return f"[{swift_type(service, s['member']['shape'])}]"
    if kind == "map":
        # Keys are always strings on the wire; a Swift dictionary keyed by anything else
        # would encode as an array.
        return f"[String: {swift_type(service, s['value']['shape'])}]"
    return {
        "integer": "Int",
        "long": "Int64",
        "boolean": "Bool",
        "double": "Double",
        "float": "Float",
        "timestamp": "Date",
        "blob": "Data",
    }[kind]


def qualified(service: Service, shape_name: str) -> str:
    """The Swift type as written outside the namespace."""
    s = service.shape(shape_name)
    if (s["type"] == "structure" and not s.get("document")) or service.is_enum(shape_name):
        return f"{service.spec.namespace}.{shape_name}"
    return swift_type(service, shape_name)


def property_names(service: Service, structure: str) -> list[tuple[str, str]]:
    """(wire name, Swift name) of each member, in model order."""
    pairs = []
    seen: dict[str, str] = {}
    for member in service.shape(structure)["members"]:
        swift = lower_camel(member)
        if swift in seen:
            raise SystemExit(f"{service.id} {structure}: {member} and {seen[swift]} "
                             f"both become `{swift}`")
        seen[swift] = member
        pairs.append((member, swift))
    return pairs


def emit_structure(service: Service, name: str, refs, op_roles) -> list[str]:
    s = service.shape(name)
    required = set(s.get("required", []))
    lines = [f"/// {shape_summary(service, name, refs, op_roles)}",
             f"public struct {name}: Codable, Sendable, Equatable {{"]
    members = property_names(service, name)
    for wire, swift in members:
        typ = swift_type(service, s["members"][wire]["shape"])
        optional = "" if wire in required else "?"
        lines.append(f"{INDENT}/// `{wire}`. {member_doc(service, name, wire)}")
        lines.append(f"{INDENT}public var {identifier(swift)}: {typ}{optional}")
    if members:
        lines.append("")
    params = []
    for wire, swift in members:
        typ = swift_type(service, s["members"][wire]["shape"])
        params.append(f"{identifier(swift)}: {typ}" if wire in required
                      else f"{identifier(swift)}: {typ}? = nil")
    if params:
        lines.append(f"{INDENT}public init(")
        for i, p in enumerate(params):
            lines.append(f"{INDENT * 2}{p}" + ("," if i < len(params) - 1 else ""))
        lines.append(f"{INDENT}) {{")
        for _, swift in members:
            lines.append(f"{INDENT * 2}self.{identifier(swift)} = {identifier(swift)}")
        lines.append(f"{INDENT}}}")
        lines.append("")
        lines.append(f"{INDENT}enum CodingKeys: String, CodingKey {{")
        for wire, swift in members:
            lines.append(f"{INDENT * 2}case {identifier(swift)} = {swift_string(wire)}")
        lines.append(f"{INDENT}}}")
    else:
        lines.append(f"{INDENT}public init() {{}}")
    lines.append("}")
    return lines


def emit_enum(service: Service, name: str, refs) -> list[str]:
    s = service.shape(name)
    values = s["enum"]
    cases: dict[str, str] = {}
    for value in values:
        case = enum_case(value)
        if case in cases:
            raise SystemExit(f"{service.id} {name}: {value!r} and {cases[case]!r} both become `{case}`")
        cases[case] = value
    places = refs.get(name, [])
    where = ""
    if places:
        shown = ", ".join(f"`{p}`" for p in places[:3])
        where = f" Used by {shown}" + (f" and {len(places) - 3} more." if len(places) > 3 else ".")
    lines = [
        f"/// An open set of string values: the {len(values)} the {service.spec.api_version} model lists "
        f"have static members, and any other value decodes as itself.{where}",
        f"public struct {name}: CognitoEnum {{",
        f"{INDENT}public let rawValue: String",
        f"{INDENT}public init(rawValue: String) {{ self.rawValue = rawValue }}",
        "",
    ]
    for case, value in cases.items():
        lines.append(f"{INDENT}public static let {identifier(case)} = {name}(rawValue: {swift_string(value)})")
    lines.append("")
    lines.append(f"{INDENT}/// Every value the model lists, in its order.")
    known = ", ".join(f".{identifier(c)}" for c in cases)
    lines.append(f"{INDENT}public static let knownValues: [{name}] = [{known}]")
    lines.append("}")
    return lines


def shape_files(service: Service, header: str) -> dict[str, str]:
    """`<Namespace>+Enums.swift` and one `<Namespace>+Shapes<Letter>.swift` per initial."""
    refs = references(service)
    op_roles = roles(service)
    ns = service.spec.namespace
    enums: list[str] = []
    by_letter: dict[str, list[list[str]]] = {}
    for name in service.type_shapes():
        if service.is_enum(name):
            enums.append(name)
        else:
            by_letter.setdefault(name[0].upper(), []).append(emit_structure(service, name, refs, op_roles))
    files = {}
    enum_blocks = [emit_enum(service, n, refs) for n in enums]
    files[f"{ns}+Enums.swift"] = _wrap(header, ns, enum_blocks)
    for letter, blocks in sorted(by_letter.items()):
        files[f"{ns}+Shapes{letter}.swift"] = _wrap(header, ns, blocks)
    return files


def _wrap(header: str, namespace: str, blocks: list[list[str]]) -> str:
    out = [header, "import Foundation", "", f"extension {namespace} {{"]
    for i, block in enumerate(blocks):
        if i:
            out.append("")
        out.extend(f"{INDENT}{line}" if line else "" for line in block)
    out.append("}")
    return "\n".join(out) + "\n"
