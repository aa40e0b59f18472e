"""Doc-comment phrases built from the model's structure (constraints, references),
never from its prose."""

from __future__ import annotations

from typing import Any

from model import Service


def _count(n: int | float, noun: str) -> str:
    n = int(n)
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _bounds(s: dict[str, Any], noun: str | None) -> str | None:
    lo, hi = s.get("min"), s.get("max")
    if lo is None and hi is None:
        return None
    if noun is None:  # numbers
        if lo is not None and hi is not None:
            return f"{int(lo)}...{int(hi)}"
        return f"at least {int(lo)}" if lo is not None else f"at most {int(hi)}"
    if lo is not None and hi is not None:
        if lo == hi:
            return _count(lo, noun)
        return f"{int(lo)}–{_count(hi, noun)}"
    if lo is not None:
        return f"at least {_count(lo, noun)}"
    return f"at most {_count(hi, noun)}"


def constraints(service: Service, shape_name: str) -> list[str]:
    """The rules a value of this shape must follow, as short phrases."""
    s = service.shape(shape_name)
    kind = s["type"]
    phrases: list[str] = []
    if kind == "string":
        if "enum" in s:
            phrases.append(f"values in `{shape_name}`")
        bound = _bounds(s, "character")
        if bound:
            phrases.append(bound)
        if "pattern" in s:
            phrases.append(f"pattern `{s['pattern']}`")
    elif kind in ("integer", "long", "double", "float"):
        bound = _bounds(s, None)
        if bound:
            phrases.append(bound)
    elif kind == "blob":
        bound = _bounds(s, "byte")
        if bound:
            phrases.append(bound)
    elif kind == "list":
        bound = _bounds(s, "item")
        if bound:
            phrases.append(bound)
        inner = constraints(service, s["member"]["shape"])
        if inner:
            phrases.append("each " + ", ".join(inner))
    elif kind == "map":
        bound = _bounds(s, "entry")
        if bound:
            phrases.append(bound.replace("entrys", "entries"))
        keys = constraints(service, s["key"]["shape"])
        if keys:
            phrases.append("keys " + ", ".join(keys))
    if s.get("sensitive"):
        phrases.append("sensitive")
    return phrases


def member_doc(service: Service, structure: str, member: str) -> str:
    s = service.shape(structure)
    spec = s["members"][member]
    words = ["Required." if member in s.get("required", []) else "Optional."]
    rules = constraints(service, spec["shape"])
    if rules:
        words.append(_sentence("; ".join(rules)))
    if spec.get("deprecated"):
        words.append("Deprecated in the model.")
    return " ".join(words)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def references(service: Service) -> dict[str, list[str]]:
    """Where each shape is used: `Structure.Member` for every member that holds it,
    directly or as list element or map value."""
    used: dict[str, list[str]] = {}

    def holds(shape_name: str) -> list[str]:
        s = service.shape(shape_name)
        if s["type"] == "list":
            return [shape_name] + holds(s["member"]["shape"])
        if s["type"] == "map":
            return [shape_name] + holds(s["value"]["shape"])
        return [shape_name]

    for name in sorted(service.shapes):
        s = service.shape(name)
        if s["type"] != "structure" or s.get("exception"):
            continue
        for member, spec in s["members"].items():
            for held in holds(spec["shape"]):
                used.setdefault(held, []).append(f"{name}.{member}")
    return used


def roles(service: Service) -> dict[str, list[str]]:
    """`Input of X` / `Output of X` for shapes operations use directly."""
    found: dict[str, list[str]] = {}
    for op_name in sorted(service.operations):
        op = service.operations[op_name]
        if "input" in op:
            found.setdefault(op["input"]["shape"], []).append(f"input of `{op_name}`")
        if "output" in op:
            found.setdefault(op["output"]["shape"], []).append(f"output of `{op_name}`")
    return found


def shape_summary(service: Service, name: str, refs: dict[str, list[str]],
                  op_roles: dict[str, list[str]]) -> str:
    """`The input of `ListUsers`.`, or where the shape is held: `Held by `A.B`, `C.D`.`"""
    parts = list(op_roles.get(name, []))
    places = refs.get(name, [])
    if places:
        shown = ", ".join(f"`{p}`" for p in places[:4])
        more = f" and {len(places) - 4} more" if len(places) > 4 else ""
        parts.append(f"held by {shown}{more}")
    if not parts:
        return f"The `{name}` structure of {service.id} {service.spec.api_version}."
    text = "; ".join(parts)
    if op_roles.get(name):
        return f"The {text}."
    return _sentence(text)
