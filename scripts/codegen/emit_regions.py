"""The regions where each Cognito service has an endpoint, from botocore's endpoint data.

botocore ships `data/endpoints.json`: per partition (aws, aws-cn, aws-us-gov, …) the regions it
has, a pattern for region names, and per service the endpoints. An endpoint key is a region
when the partition lists it under `regions`; the others are older aliases such as
`fips-us-east-1` (a `credentialScope` pointing at a real region), which are left out, so every
region named here is one where the service answers under its own name.

The Swift file lists, per partition, its regions and, per service, the regions with an
endpoint, both sorted; `CognitoRegions` (Sources/CognitoAPI/Catalog) answers questions with it.
"""

from __future__ import annotations

from typing import Any

import botocore.loaders

from model import SERVICES
from swift_names import swift_string


def endpoint_data() -> dict[str, Any]:
    """botocore's endpoints.json, through its own loader."""
    return botocore.loaders.create_loader().load_data("endpoints")


def partitions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each partition where at least one of the services has a region: name, region pattern,
    every region of the partition, and each service's regions."""
    out = []
    for partition in sorted(data["partitions"], key=lambda p: p["partition"]):
        known = set(partition.get("regions", {}))
        services = {}
        for spec in SERVICES:
            endpoints = partition.get("services", {}).get(spec.model_name, {}).get("endpoints", {})
            services[spec.model_name] = sorted(name for name in endpoints if name in known)
        if not any(services.values()):
            continue
        out.append({
            "name": partition["partition"],
            "pattern": partition["regionRegex"],
            "regions": sorted(known),
            "services": services,
        })
    return out


def _list(names: list[str], indent: str) -> str:
    if not names:
        return "[]"
    lines = ["["]
    line = indent + "    "
    for name in names:
        piece = swift_string(name) + ", "
        if len(line) + len(piece) > 110:
            lines.append(line.rstrip())
            line = indent + "    "
        line += piece
    lines.append(line.rstrip())
    lines.append(indent + "]")
    return "\n".join(lines)


def regions_file(head: str) -> str:
    data = endpoint_data()
    lines = [
        head.rstrip("\n"),
        "",
        "extension CognitoRegions {",
        "    /// Every partition where a Cognito service has an endpoint, from botocore's endpoints.json",
        f"    /// (format version {data['version']}); fips-* aliases are left out.",
        "    public static let partitions: [Partition] = [",
    ]
    for partition in partitions(data):
        lines.append("        Partition(")
        lines.append(f"            name: {swift_string(partition['name'])},")
        lines.append(f"            regionPattern: {swift_string(partition['pattern'])},")
        lines.append(f"            regions: {_list(partition['regions'], '            ')},")
        lines.append("            services: [")
        for spec in SERVICES:
            names = partition["services"][spec.model_name]
            lines.append(f"                {swift_string(spec.model_name)}: {_list(names, '                ')},")
        lines.append("            ]),")
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"
