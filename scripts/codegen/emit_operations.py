"""The files that see both services at once: the `CognitoOperations` protocol, its forwarding
to the two generated clients, a JSON entry point over it, and the test fake's failing base.

Every method keeps the name and signature of the client method it mirrors, so a type that
holds both clients conforms without code, and a test fake overrides exactly the client calls
it answers. Three operations exist in both services (ListTagsForResource, TagResource,
UntagResource); their methods share a name and differ in input type, so Swift overloads them.
"""

from __future__ import annotations

from typing import Any

from emit_shapes import INDENT
from model import Service
from swift_names import identifier, swift_string

CASES = {"cognito-identity": "cognitoIdentity", "cognito-idp": "cognitoIdentityProvider"}
PROPERTIES = {"cognito-identity": "identity", "cognito-idp": "identityProvider"}


def _entries(services: list[Service], facts: dict[str, list[dict[str, Any]]]) -> list[tuple[Service, dict]]:
    """Each operation of both services, by service then name; refuses two methods that Swift
    could not tell apart."""
    entries = []
    seen: dict[tuple[str, str], str] = {}
    for service in services:
        for f in facts[service.id]:
            key = (f["method"], _input_type(service, f))
            if key in seen:
                raise SystemExit(f"{service.id} {f['name']} and {seen[key]} have the same Swift signature")
            seen[key] = f"{service.id} {f['name']}"
            entries.append((service, f))
    return entries


def name_clashes(services: list[Service], facts: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Method names that more than one service has (overloads, told apart by input type)."""
    owners: dict[str, set[str]] = {}
    for service in services:
        for f in facts[service.id]:
            owners.setdefault(f["method"], set()).add(service.id)
    return sorted(m for m, s in owners.items() if len(s) > 1)


def _input_type(service: Service, f: dict[str, Any]) -> str:
    return f"{service.spec.namespace}.{f['input']}"


def _signature(service: Service, f: dict[str, Any], prefix: str) -> str:
    """`<prefix>func name(_ input: In) async throws -> Out`, as the client declares it."""
    head = f"{prefix}func {identifier(f['method'])}(_ input: {_input_type(service, f)}) async throws"
    if f["output"]:
        head += f" -> {service.spec.namespace}.{f['output']}"
    return head


def _doc(service: Service, f: dict[str, Any]) -> str:
    return (f"/// `{f['name']}` of {service.id}; see `{service.spec.client}.{f['method']}(_:)`.")


def protocol_file(services: list[Service], facts: dict[str, list[dict[str, Any]]], header: str) -> str:
    entries = _entries(services, facts)
    counts = " and ".join(f"{len(facts[s.id])} of {s.id}" for s in services)
    clashes = name_clashes(services, facts)
    lines = [
        header,
        "import Foundation",
        "",
        "/// Every operation of both Cognito services, with the generated clients' names and",
        "/// signatures: what the layers above call, so they can be handed the real clients",
        "/// (`CognitoClientForwarding`) or an in-memory fake.",
        "///",
        f"/// {len(entries)} methods: {counts}.",
    ]
    if clashes:
        names = ", ".join(f"`{c}`" for c in clashes)
        lines.append(f"/// {names} exist in both services and are told apart by their input type.")
    lines.append("public protocol CognitoOperations: Sendable {")
    current = None
    for service, f in entries:
        if service.id != current:
            if current is not None:
                lines.append("")
            lines.append(f"{INDENT}// {service.metadata['serviceFullName']} ({service.id})")
            current = service.id
        lines.append(f"{INDENT}{_doc(service, f)}")
        lines.append(f"{INDENT}{_signature(service, f, '')}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def forwarding_file(services: list[Service], facts: dict[str, list[dict[str, Any]]], header: str) -> str:
    entries = _entries(services, facts)
    lines = [
        header,
        "import Foundation",
        "",
        "/// `CognitoOperations` over the two generated clients: a type that holds them conforms with",
        "/// no further code, and every call goes through the client's read-only guard, validation,",
        "/// signing and retries.",
        "public protocol CognitoClientForwarding: CognitoOperations {",
    ]
    for service in services:
        lines.append(f"{INDENT}/// The `{service.id}` client.")
        lines.append(f"{INDENT}var {PROPERTIES[service.id]}: {service.spec.client} {{ get }}")
    lines += ["}", "", "extension CognitoClientForwarding {"]
    first = True
    for service, f in entries:
        if not first:
            lines.append("")
        first = False
        lines.append(f"{INDENT}{_doc(service, f)}")
        lines.append(f"{INDENT}{_signature(service, f, 'public ')} {{")
        lines.append(f"{INDENT * 2}try await {PROPERTIES[service.id]}.{identifier(f['method'])}(input)")
        lines.append(f"{INDENT}}}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def json_file(services: list[Service], facts: dict[str, list[dict[str, Any]]], header: str) -> str:
    entries = _entries(services, facts)
    lines = [
        header,
        "import AWSCore",
        "import Foundation",
        "",
        "extension CognitoOperations {",
        f"{INDENT}/// Calls an operation with its input as JSON, through the typed method: for an update",
        f"{INDENT}/// input built by `UpdateMapping`, or one edited by hand. The input is only decoded",
        f"{INDENT}/// here; the client checks it against the model as it does for every call.",
        f"{INDENT}///",
        f"{INDENT}/// - Parameters:",
        f"{INDENT}///   - operation: one of the generated operation tables' entries.",
        f"{INDENT}///   - json: the input, with the model's member names.",
        f"{INDENT}/// - Returns: the output as JSON; an empty object for an operation without output.",
        f"{INDENT}/// - Throws: `AWSClientError.invalidInput` for JSON that does not decode as the input;",
        f"{INDENT}///   whatever the typed method throws.",
        f"{INDENT}public func call(_ operation: OperationMetadata, json: JSONValue) async throws -> JSONValue {{",
        f"{INDENT * 2}switch (operation.service, operation.name) {{",
    ]
    for service, f in entries:
        helper = "relay" if f["output"] else "relayWithoutOutput"
        lines.append(f"{INDENT * 2}case (.{CASES[service.id]}, {swift_string(f['name'])}):")
        lines.append(f"{INDENT * 3}return try await {helper}(operation, json, as: {_input_type(service, f)}.self) "
                     f"{{ try await self.{identifier(f['method'])}($0) }}")
    lines += [
        f"{INDENT * 2}default:",
        f"{INDENT * 3}throw AWSClientError.invalidInput(\"\\(operation.name) is not an operation of \\(operation.service.rawValue)\")",
        f"{INDENT * 2}}}",
        f"{INDENT}}}",
        "}",
    ]
    return "\n".join(lines) + "\n"


def unanswered_file(services: list[Service], facts: dict[str, list[dict[str, Any]]], header: str) -> str:
    entries = _entries(services, facts)
    lines = [
        header,
        "import CognitoAPI",
        "import Foundation",
        "",
        f"/// A `CognitoOperations` that answers nothing: each of its {len(entries)} methods records a test",
        "/// issue naming the operation and throws `UnansweredCall`. Fakes subclass it and override the",
        "/// operations they answer, so a call a test did not plan for fails loudly instead of",
        "/// returning an empty reply.",
        "open class UnansweredBackend: CognitoOperations, @unchecked Sendable {",
        f"{INDENT}public init() {{}}",
    ]
    for service, f in entries:
        lines.append("")
        lines.append(f"{INDENT}{_signature(service, f, 'open ')} {{")
        lines.append(f"{INDENT * 2}throw UnansweredCall.recorded(service: .{CASES[service.id]}, "
                     f"operation: {swift_string(f['name'])})")
        lines.append(f"{INDENT}}}")
    lines.append("}")
    return "\n".join(lines) + "\n"
