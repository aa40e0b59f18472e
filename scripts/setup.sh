#!/usr/bin/env bash
# Installs what building and testing cognito-tui needs, when it is missing:
# Debian's -dev packages for the C libraries, tmux and nginx for the terminal tests and
# benchmarks, zsh, man-db and groff-base for the install test (completions load, the manual
# page renders), procps (the tests call pkill), and the pinned Python packages (moto[server] and
# friends) for the emulator, in the project's virtual environment `.venv` at the top of the
# repository (a stock Debian python3 refuses `pip install` outside one). Every script and test
# that runs Python runs `.venv/bin/python3`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"

# Swift 6.3 or later (strict concurrency as this code base uses it).
swift_version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9.]*\).*/\1/p' | head -1)"
major="${swift_version%%.*}"; rest="${swift_version#*.}"; minor="${rest%%.*}"
if [ -z "$swift_version" ] || [ "$major" -lt 6 ] || { [ "$major" -eq 6 ] && [ "$minor" -lt 3 ]; }; then
  echo "setup: cognito-tui needs Swift 6.3 or later, and \`swift --version\` says ${swift_version:-nothing (no swift in PATH)}; install it from https://www.swift.org/install/linux/." >&2
  exit 1
fi

packages=(libncursesw5-dev libcurl4-openssl-dev libssl-dev tmux nginx-light procps python3-venv zsh man-db groff-base)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-venv is only needed when the Python in PATH cannot make a virtual environment by itself.
if python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing=("${missing[@]/python3-venv}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv="$top/.venv"
if [ ! -x "$venv/bin/python3" ]; then
  echo "setup: making the Python virtual environment $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python3" "$here/check_requirements.py" "$here/requirements.txt" 2>/dev/null; then
  echo "setup: installing the pinned Python packages from scripts/requirements.txt into .venv" >&2
  "$venv/bin/python3" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
fi
