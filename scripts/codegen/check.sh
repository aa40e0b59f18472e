#!/usr/bin/env bash
# Checks that the committed generated code (Sources/CognitoAPI/Generated and
# Tests/ConsoleTestSupport/Generated) is exactly what the generator writes from the installed
# botocore models. Exits 1 and lists the differences when it is not; run
# scripts/codegen/generate.py and commit the result to fix that.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

committed=Sources/CognitoAPI/Generated
committed_tests=Tests/ConsoleTestSupport/Generated
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! .venv/bin/python3 scripts/codegen/generate.py --output "$work/generated" --test-output "$work/generated-tests" \
        2>"$work/log"; then
    cat "$work/log" >&2
    echo "codegen check: the generator failed (see above)." >&2
    exit 1
fi

status=0
for pair in "$committed:$work/generated" "$committed_tests:$work/generated-tests"; do
    mine=${pair%%:*}
    fresh=${pair#*:}
    if ! diff -ru "$mine" "$fresh" >"$work/diff" 2>&1; then
        echo "codegen check: $mine is not what scripts/codegen/generate.py writes now." >&2
        diff -rq "$mine" "$fresh" | sed -e "s|$fresh|<fresh run>|g" -e 's/^/  /' >&2 || true
        echo "First lines of the difference:" >&2
        head -n 40 "$work/diff" | sed -e "s|$fresh|<fresh run>|g" >&2
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "Run '.venv/bin/python3 scripts/codegen/generate.py' and commit the result" \
         "(with the botocore version pinned in scripts/requirements.txt)." >&2
    exit 1
fi
echo "codegen check: $committed and $committed_tests match a fresh run of the generator."
