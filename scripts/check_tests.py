"""Checks the Swift tests' structure before they run: every test has a time limit, and the
end-to-end scenarios take their regions from TestRegion.

Swift Testing runs a test without end unless a `.timeLimit` trait bounds it, and a hung test
would hold CI until its own timeout. Every `@Suite` here carries `.timeLimit(...)`, and every
`@Test` sits in a type whose `@Suite` does (the trait reaches the tests of the type's
extensions and nested types too). Exits 1 naming each offender.
"""
import pathlib
import re
import sys

TYPE = re.compile(r"^(?:@Suite(?:\([^\n]*\))?\s+)?(?:public |final |private |fileprivate )*"
                  r"(struct|class|enum|actor|extension)\s+([A-Za-z0-9_.]+)")
SUITE = re.compile(r"@Suite(\([^\n]*\))?\s*\n?\s*(?:public |final )*(?:struct|class|enum|actor)\s+([A-Za-z0-9_]+)")


def main(root: str) -> int:
    files = sorted(pathlib.Path(root).rglob("*.swift"))
    limited: set[str] = set()
    problems: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for match in SUITE.finditer(text):
            traits, name = match.group(1) or "", match.group(2)
            if ".timeLimit(" in traits:
                limited.add(name)
            else:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path}:{line}: @Suite {name} has no .timeLimit trait")
    for path in files:
        enclosing = None
        in_literal = False  # inside a multi-line string (Python scripts run by the tests)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.count('"""') % 2 == 1:
                in_literal = not in_literal
                continue
            if in_literal:
                continue
            declared = TYPE.match(line)
            if declared:
                enclosing = declared.group(2).split(".")[0]
            if re.match(r"\s*@Test\b", line):
                if line.startswith("@Test"):
                    problems.append(f"{path}:{number}: a @Test outside a type has no time limit; put it in a suite")
                elif enclosing not in limited:
                    problems.append(f"{path}:{number}: @Test in {enclosing}, which has no @Suite with .timeLimit")
    problems += hand_picked_regions(pathlib.Path(root) / "CognitoTUICommandTests")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


REGION = re.compile(r'"(?:af|ap|ca|cn|eu|il|me|mx|sa|us)-[a-z]+-[0-9]"')


def hand_picked_regions(folder: pathlib.Path) -> list[str]:
    """The scenarios share one emulator, which keeps pools per region; two that picked the same
    region by hand saw each other's pools. Only us-east-1 (the subcommand tests') may be named."""
    found = []
    for path in sorted(folder.glob("*.swift")):
        if path.name == "TestRegion.swift":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for region in REGION.findall(line):
                if region != '"us-east-1"':
                    found.append(f"{path}:{number}: region {region} picked by hand; use TestRegion.claim()")
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Tests"))
