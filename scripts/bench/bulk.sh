#!/usr/bin/env bash
# Bulk jobs at the speed the service allows, in one run on this machine: the release build of
# `cognito-tui users disable|enable --from FILE` over USERS users of the emulator, through the
# fault proxy (scripts/emulator/fault_server.py --upstream), whose counters give the most
# requests seen in one second, the throttles and drops it made, and how many times each user's
# call reached the emulator. Rows: at the UserUpdate quota the rate limiter holds (25/s); with
# the quota raised (the client's and the emulator's own cost); with --rate 10; raised, with
# latency, 30% throttled and 5% dropped after the call was applied.
#
#   scripts/bench/bulk.sh [USERS]      (default 300)
#
# Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
users="${1:-300}"
scripts/setup.sh

echo "building cognito-tui (release)..." >&2
swift build -c release --product cognito-tui >/dev/null
bin_dir="$(swift build -c release --show-bin-path)"

. scripts/bench/emulator.sh

echo "bulk jobs of $users users through the fault proxy in front of $url..." >&2
.venv/bin/python3 scripts/bench/bulk_runs.py "$bin_dir/cognito-tui" "$url" "$users" "$work"
