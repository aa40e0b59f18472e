#!/usr/bin/env bash
# Listing, bulk changes and export at scale, in one run on this machine, with the fault proxy
# (scripts/emulator/fault_server.py --upstream) adding 150 ms to every request in front of the
# emulator, as a far region would:
#   - a full scan of USERS users: the release build of `cognito-tui users list` (sixteen chains
#     over `sub` prefixes, paced by the rate limiter at the UserList quota, 30 requests/s), the
#     same with --sequential (one chain of pages), a boto3 ListUsers paginator and
#     `aws cognito-idp list-users`; users/s and the most requests the proxy saw in one second;
#   - a bulk disable of 1,000 users: `cognito-tui users disable --from FILE` at the UserUpdate
#     quota (25/s) against a sequential boto3 loop of admin_disable_user, on separate pools;
#   - the peak resident memory of `cognito-tui users export --format jsonl` of 10,000 and of
#     100,000 users (straight to the emulator, the UserList quota raised to 1000/s).
# The table ends with the targets, met or missed. See scripts/bench/scale_runs.py.
#
#   scripts/bench/scale.sh [USERS]      (default 20000)
#
# SCALE_BULK_USERS (default 1000) and SCALE_EXPORT_USERS (default 10000,100000) shrink a trial.
# Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
users="${1:-20000}"
scripts/setup.sh

echo "building cognito-tui (release)..." >&2
swift build -c release --product cognito-tui >/dev/null
bin_dir="$(swift build -c release --show-bin-path)"

. scripts/bench/emulator.sh

echo "scale benchmark: $users users, the fault proxy in front of $url..." >&2
.venv/bin/python3 scripts/bench/scale_runs.py "$bin_dir/cognito-tui" "$url" "$users" "$work"
