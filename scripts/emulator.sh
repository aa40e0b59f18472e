#!/usr/bin/env bash
# Start the local AWS emulator (moto server + the Cognito Identity extension).
# Runs the project's Python (.venv, made by scripts/setup.sh when missing).
# All arguments go to scripts/emulator/server.py (--port N, --watch-parent,
# --verbose). Its only stdout line is the URL: http://127.0.0.1:PORT
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="$here/../.venv/bin/python3"

if ! "$python" -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; then
    "$here/setup.sh" >&2
fi

exec "$python" "$here/emulator/server.py" "$@"
