"""The per-service files: namespace, operation table, client, schema (paginators: emit_paging.py)."""

from __future__ import annotations

import json
from typing import Any

from docs import constraints
from emit_shapes import INDENT, property_names
from model import Service, mutates, signed
from swift_names import identifier, kebab, lower_camel, swift_string


def operation_facts(service: Service) -> list[dict[str, Any]]:
    """What the generator decides about each operation, in name order."""
    facts = []
    for name in sorted(service.operations):
        op = service.operations[name]
        facts.append({
            "name": name,
            "method": lower_camel(name),
            "target": f"{service.target_prefix}.{name}",
            "signed": signed(op),
            "mutates": mutates(service.id, name, op),
            "input": op["input"]["shape"],
            "output": op.get("output", {}).get("shape"),
            "errors": sorted(e["shape"] for e in op.get("errors", [])),
            "pagination": service.paginators.get(name),
        })
    return facts


# -- namespace ---------------------------------------------------------------------

def namespace_file(service: Service, header: str) -> str:
    ns = service.spec.namespace
    codes = service.error_codes()
    lines = [
        header,
        "import Foundation",
        "",
        f"/// The shapes, enums and operation table of {service.metadata['serviceFullName']} "
        f"(`{service.id}`, API {service.spec.api_version}); calls go through `{service.spec.client}`.",
        f"public enum {ns} {{",
        f"{INDENT}/// The service's id, as `ServiceDescriptor` and the CLI name it.",
        f"{INDENT}public static let serviceID = {swift_string(service.id)}",
        f"{INDENT}/// The API version the code was generated from.",
        f"{INDENT}public static let apiVersion = {swift_string(service.spec.api_version)}",
        "",
        f"{INDENT}/// The {len(codes)} error codes the model declares for this service.",
        f"{INDENT}public static let errorCodes: [CognitoErrorCode] = [",
    ]
    for code in codes:
        lines.append(f"{INDENT * 2}.{identifier(lower_camel(code))},")
    lines += [f"{INDENT}]", "}"]
    return "\n".join(lines) + "\n"


# -- operation table -----------------------------------------------------------------

def operations_file(service: Service, header: str, facts: list[dict[str, Any]]) -> str:
    ns = service.spec.namespace
    case = "cognitoIdentity" if service.id == "cognito-identity" else "cognitoIdentityProvider"
    lines = [
        header,
        "import Foundation",
        "",
        f"extension {ns} {{",
        f"{INDENT}/// What the model says about each of the {len(facts)} operations; `mutates` follows the",
        f"{INDENT}/// rule written in scripts/codegen/model.py.",
        f"{INDENT}public enum Operations {{",
    ]
    for f in facts:
        p = f["pagination"]
        if p:
            limit = swift_string(p["limit_key"]) if p.get("limit_key") else "nil"
            pagination = (f"Pagination(inputToken: {swift_string(p['input_token'])}, "
                          f"outputToken: {swift_string(p['output_token'])}, limitKey: {limit}, "
                          f"resultKey: {swift_string(p['result_key'])})")
        else:
            pagination = "nil"
        output = swift_string(f["output"]) if f["output"] else "nil"
        errors = ", ".join(swift_string(e) for e in f["errors"])
        lines += [
            f"{INDENT * 2}public static let {identifier(f['method'])}: OperationMetadata = OperationMetadata(",
            f"{INDENT * 3}service: .{case}, name: {swift_string(f['name'])}, "
            f"cliName: {swift_string(kebab(f['name']))},",
            f"{INDENT * 3}target: {swift_string(f['target'])},",
            f"{INDENT * 3}signed: {str(f['signed']).lower()}, mutates: {str(f['mutates']).lower()}, "
            f"input: {swift_string(f['input'])}, output: {output},",
            f"{INDENT * 3}errors: [{errors}],",
            f"{INDENT * 3}pagination: {pagination})",
        ]
    lines.append("")
    lines.append(f"{INDENT * 2}/// All {len(facts)} operations, by name.")
    lines.append(f"{INDENT * 2}public static let all: [OperationMetadata] = [")
    for f in facts:
        lines.append(f"{INDENT * 3}{identifier(f['method'])},")
    lines += [f"{INDENT * 2}]", f"{INDENT}}}", "}"]
    return "\n".join(lines) + "\n"


# -- client ---------------------------------------------------------------------------

def _rule_lines(service: Service, input_shape: str) -> list[str]:
    s = service.shape(input_shape)
    required = set(s.get("required", []))
    out = []
    for wire, _ in property_names(service, input_shape):
        rules = constraints(service, s["members"][wire]["shape"])
        if wire in required:
            rules = ["required"] + rules
        if rules:
            out.append(f"`{wire}`: {'; '.join(rules)}")
    return out


def client_file(service: Service, header: str, facts: list[dict[str, Any]]) -> str:
    ns = service.spec.namespace
    client = service.spec.client
    lines = [
        header,
        "import AWSCore",
        "import Foundation",
        "",
        f"/// Every operation of {service.metadata['serviceFullName']}, typed. Each method checks its input",
        "/// against the model, then calls the service through the wrapped `AWSClient`, whose read-only",
        "/// guard, signing and retries apply.",
        f"public struct {client}: Sendable {{",
        f"{INDENT}/// The runtime client the calls go through; its service must be `{service.id}`.",
        f"{INDENT}public let client: AWSClient",
        "",
        f"{INDENT}public init(_ client: AWSClient) {{",
        f"{INDENT * 2}precondition(client.service.id == {ns}.serviceID,",
        f"{INDENT * 2}             \"{client} needs an AWSClient for {service.id}, not \\(client.service.id)\")",
        f"{INDENT * 2}self.client = client",
        f"{INDENT}}}",
    ]
    for f in facts:
        lines.append("")
        lines.extend(f"{INDENT}{l}" for l in _method(service, f))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _method(service: Service, f: dict[str, Any]) -> list[str]:
    ns = service.spec.namespace
    kind = "signed" if f["signed"] else "unsigned"
    effect = "changes data (a read-only client refuses it)" if f["mutates"] else "reads only"
    doc = [f"/// Calls `{f['name']}`: {kind}; {effect}."]
    if f["pagination"]:
        doc.append(f"/// Pages by `{f['pagination']['input_token']}`; "
                   f"`{f['method']}Pages` and `{f['method']}Items` follow it.")
    rules = _rule_lines(service, f["input"])
    if rules:
        doc.append("///")
        doc.append("/// Input rules, checked before anything is sent:")
        doc.extend(f"/// - {r}" for r in rules)
    doc.append("///")
    doc.append(f"/// - Parameter input: the `{f['input']}`.")
    if f["output"]:
        doc.append(f"/// - Returns: the `{f['output']}`.")
    errors = ", ".join(f"`{e}`" for e in f["errors"]) or "none listed"
    doc.append("/// - Throws: `InputValidationError` for input that breaks a rule; `AWSClientError`; "
               "`AWSServiceError` with a code the model lists for it "
               f"({errors}) or a common AWS code.")
    input_type = f"{ns}.{f['input']}"
    metadata = f"{ns}.Operations.{identifier(f['method'])}"
    if f["output"]:
        signature = (f"public func {identifier(f['method'])}(_ input: {input_type}) async throws "
                     f"-> {ns}.{f['output']} {{")
        body = f"{INDENT}try await client.perform({metadata}, input)"
    else:
        signature = f"public func {identifier(f['method'])}(_ input: {input_type}) async throws {{"
        body = f"{INDENT}try await client.performWithoutOutput({metadata}, input)"
    return doc + [signature, body, "}"]


# -- schema ----------------------------------------------------------------------------

def schema_entry(service: Service, name: str) -> dict[str, Any]:
    s = service.shape(name)
    kind = "document" if s.get("document") else s["type"]
    entry: dict[str, Any] = {"type": kind}
    if kind == "structure":
        entry["members"] = [[wire, spec["shape"]] for wire, spec in s["members"].items()]
        if s.get("required"):
            entry["required"] = list(s["required"])
    elif kind == "list":
        entry["member"] = s["member"]["shape"]
    elif kind == "map":
        entry["key"] = s["key"]["shape"]
        entry["value"] = s["value"]["shape"]
    for key in ("min", "max", "pattern", "enum"):
        if key in s:
            entry[key] = s[key]
    if s.get("sensitive"):
        entry["sensitive"] = True
    return entry


def schema_file(service: Service, header: str) -> str:
    ns = service.spec.namespace
    names = sorted(n for n in service.shapes if not service.is_error(n))
    body = ",\n".join(
        f"{json.dumps(n)}:{json.dumps(schema_entry(service, n), separators=(',', ':'), ensure_ascii=True)}"
        for n in names)
    if '"""#' in body:
        raise SystemExit("the schema text would end the Swift raw string early")
    lines = [
        header,
        "extension " + ns + " {",
        f"{INDENT}/// The model's {len(names)} non-error shapes with their constraints, one per line, read",
        f"{INDENT}/// once by `ServiceSchema`. JSON text rather than a Swift literal: type-checking a",
        f"{INDENT}/// nested literal this large costs far more compile time than decoding it costs at run time.",
        f"{INDENT}static let schemaJSON: String = #\"\"\"",
        "{",
        body,
        "}",
        "\"\"\"#",
        "}",
    ]
    return "\n".join(lines) + "\n"
