"""Checks the Swift tests' structure before they run: every test has a time limit.

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
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Tests"))
