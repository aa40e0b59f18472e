#!/usr/bin/env bash
# Installs what building and testing cognito-tui needs, when it is missing:
# Debian's -dev packages for the C libraries, tmux and nginx for the terminal tests and
# benchmarks, zsh, man-db and groff-base for the install test (completions load, the manual
# page renders), and the pinned Python packages (moto[server] and friends) for the emulator.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

packages=(libncursesw5-dev libcurl4-openssl-dev libssl-dev tmux nginx-light python3-pip zsh man-db groff-base)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3-pip is only needed when the Python in PATH has no pip of its own.
if python3 -m pip --version >/dev/null 2>&1; then
  missing=("${missing[@]/python3-pip}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 "$here/check_requirements.py" "$here/requirements.txt" 2>/dev/null; then
  echo "setup: installing the pinned Python packages from scripts/requirements.txt" >&2
  python3 -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
fi
