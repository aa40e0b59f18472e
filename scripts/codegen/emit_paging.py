"""Paging: the `Paging` namespace (page fields of every paginated operation of both services)
and, per service, the client's `xxxPages` / `xxxItems`, which go through those page fields so
that which members carry the token, the page size and the items is written in one place.

A paginator names members by their wire names (`PaginationToken`, `Limit`, `Users`); this file
turns them into Swift properties and refuses a paginator it cannot translate: a member the shape
does not have, a required token (the first request could not leave it out), a result that is
not a list, a page size that is not an integer.
"""

from __future__ import annotations

from typing import Any

from emit_shapes import INDENT, property_names, qualified
from model import Service
from swift_names import identifier


def _fields(service: Service, f: dict[str, Any]) -> dict[str, Any]:
    """The Swift spellings of one paginated operation's members, checked against its shapes."""
    p = f["pagination"]
    in_shape, out_shape = service.shape(f["input"]), service.shape(f["output"])
    in_names = dict(property_names(service, f["input"]))
    out_names = dict(property_names(service, f["output"]))
    in_token, out_token, result, limit = p["input_token"], p["output_token"], p["result_key"], p.get("limit_key")
    members = [(in_token, in_names), (out_token, out_names), (result, out_names)]
    if limit:
        members.append((limit, in_names))
    for wire, names in members:
        if wire not in names:
            raise SystemExit(f"{service.id} {f['name']}: paginator names missing member {wire}")
    if in_token in in_shape.get("required", []) or out_token in out_shape.get("required", []):
        raise SystemExit(f"{service.id} {f['name']}: a required page token is not handled")
    result_list = service.shape(out_shape["members"][result]["shape"])
    if result_list["type"] != "list":
        raise SystemExit(f"{service.id} {f['name']}: result {result} is not a list")
    items = f"$0.{identifier(out_names[result])}"
    if result not in out_shape.get("required", []):
        items += " ?? []"
    ns = service.spec.namespace
    fields = {
        "input": f"{ns}.{f['input']}",
        "output": f"{ns}.{f['output']}",
        "item": qualified(service, result_list["member"]["shape"]),
        "token": identifier(in_names[in_token]),
        "reply_token": identifier(out_names[out_token]),
        "items": items,
        "limit": None,
    }
    if limit:
        size = service.shape(in_shape["members"][limit]["shape"])
        if size["type"] != "integer":
            raise SystemExit(f"{service.id} {f['name']}: page size {limit} is a {size['type']}, not an integer")
        # A bound the model leaves out is no bound.
        low, high = size.get("min"), size.get("max")
        fields["limit"] = {
            "property": identifier(in_names[limit]),
            "range": f"{'Int.min' if low is None else int(low)}...{'Int.max' if high is None else int(high)}",
        }
    return fields


def _entries(services: list[Service], facts: dict[str, list[dict[str, Any]]]) -> list[tuple[Service, dict]]:
    """Each paginated operation of both services, by service then name; refuses two of the same
    name, which one namespace could not hold."""
    entries, owners = [], {}
    for service in services:
        for f in facts[service.id]:
            if not f["pagination"]:
                continue
            if f["method"] in owners:
                raise SystemExit(f"{f['name']} pages in both {owners[f['method']]} and {service.id}: "
                                 "Paging needs a name for each")
            owners[f["method"]] = service.id
            entries.append((service, f))
    return entries


def paging_file(services: list[Service], facts: dict[str, list[dict[str, Any]]], header: str) -> str:
    entries = _entries(services, facts)
    lines = [
        header,
        "import Foundation",
        "",
        "/// The page fields of every paginated operation, named as the client methods are: one page",
        "/// with `page(_:token:limit:fetch:)`, every page with `pages(_:fetch:)`.",
        "public enum Paging {",
    ]
    for service, f in entries:
        x = _fields(service, f)
        p = f["pagination"]
        size = f"page size `{p['limit_key']}` ({x['limit']['range']})" if x["limit"] else "no page size"
        limit = (f".init(range: {x['limit']['range']}, write: {{ $0.{x['limit']['property']} = $1 }})"
                 if x["limit"] else "nil")
        lines += [
            f"{INDENT}/// `{f['name']}` ({service.id}): sends `{p['input_token']}`, {size}; "
            f"reads `{p['output_token']}` and `{p['result_key']}`.",
            f"{INDENT}public static let {identifier(f['method'])} = "
            f"PageFields<{x['input']}, {x['output']}, {x['item']}>(",
            f"{INDENT * 2}operation: {service.spec.namespace}.Operations.{identifier(f['method'])},",
            f"{INDENT * 2}token: {{ $0.{x['token']} }}, setToken: {{ $0.{x['token']} = $1 }},",
            f"{INDENT * 2}limit: {limit},",
            f"{INDENT * 2}replyToken: {{ $0.{x['reply_token']} }}, replyItems: {{ {x['items']} }})",
            "",
        ]
    lines.append(f"{INDENT}/// All {len(entries)}, by service and name.")
    lines.append(f"{INDENT}public static let all: [any PagedOperation] = [")
    for _, f in entries:
        lines.append(f"{INDENT * 2}{identifier(f['method'])},")
    lines += [f"{INDENT}]", "}"]
    return "\n".join(lines) + "\n"


def paginators_file(service: Service, header: str, facts: list[dict[str, Any]]) -> str:
    lines = [header, "import Foundation", "", f"extension {service.spec.client} {{"]
    first = True
    for f in facts:
        p = f["pagination"]
        if not p:
            continue
        x = _fields(service, f)
        method = f["method"]
        fetch = f"{{ try await self.{identifier(method)}($0) }}"
        if not first:
            lines.append("")
        first = False
        lines += [
            f"{INDENT}/// The pages of `{f['name']}`, from the input's `{p['input_token']}` (usually none) until the",
            f"{INDENT}/// reply's `{p['output_token']}` is absent, empty or repeats; pages that are empty but carry",
            f"{INDENT}/// a token are followed, not treated as the end. `Paging.{method}` fetches one page.",
            f"{INDENT}public func {method}Pages(_ input: {x['input']}) -> PageSequence<{x['input']}, {x['output']}> {{",
            f"{INDENT * 2}Paging.{identifier(method)}.pages(input, fetch: {fetch})",
            f"{INDENT}}}",
            "",
            f"{INDENT}/// Every `{p['result_key']}` item of every page of `{f['name']}`, in order.",
            f"{INDENT}public func {method}Items(_ input: {x['input']}) -> "
            f"PageItems<{x['input']}, {x['output']}, {x['item']}> {{",
            f"{INDENT * 2}Paging.{identifier(method)}.everyItem(input, fetch: {fetch})",
            f"{INDENT}}}",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"
