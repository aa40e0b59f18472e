#!/usr/bin/env bash
# Start the local AWS emulator (moto server + the Cognito Identity extension).
# Installs the pinned Python packages first if moto's server isn't importable.
# All arguments go to scripts/emulator/server.py (--port N, --watch-parent,
# --verbose). Its only stdout line is the URL: http://127.0.0.1:PORT
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"

if ! "$python" -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; then
    echo "emulator.sh: installing $here/requirements.txt" >&2
    "$python" -m pip install --quiet --disable-pip-version-check \
        -r "$here/requirements.txt" >&2
fi

exec "$python" "$here/emulator/server.py" "$@"
