#!/usr/bin/env bash
# The console's figures, in one run on this machine:
#   - launch to the first page of user pools drawn: the release build of `cognito-tui` in tmux
#     (100x30) against the emulator, seen by polling the pane and by the console's own frame
#     trace (COGNITO_TUI_TRACE_FRAMES), and the time from the ListUserPools reply to that frame;
#   - frame render (Screen + Grid at 100x30) and filtering with 100,000 users loaded, and the
#     resident memory of that process (cognito-console-bench, synthetic users through the reducer);
#   - "load all" of USERS users of one pool on the emulator (60 a page): the console's view-model
#     pressing `L` through ClientBackend, at the UserList quota the rate limiter enforces and with
#     the quota raised, next to a boto3 paginator and `aws cognito-idp list-users` on the same data
#     in the same run (plus CognitoAPI's paginator alone and a bare HTTP loop, the emulator's floor,
#     to show where the time goes).
#
#   scripts/bench/console.sh [USERS]      (default 5000)
#
# BENCH_LAUNCHES (default 5) launches and BENCH_REPEAT (default 3) interleaved rounds of "load
# all" are taken; the table shows medians. Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
users="${1:-5000}"
launches="${BENCH_LAUNCHES:-5}"
repeat="${BENCH_REPEAT:-3}"
scripts/setup.sh

echo "building cognito-tui and the benchmark (release)..." >&2
swift build -c release --product cognito-tui >/dev/null
swift build -c release --product cognito-console-bench >/dev/null
bin_dir="$(swift build -c release --show-bin-path)"

bench_cleanup() { tmux -S "$work/tmux.sock" kill-server 2>/dev/null || true; }
. scripts/bench/emulator.sh

echo "seeding a pool with $users users and 59 more pools at $url..." >&2
pool="$(.venv/bin/python3 scripts/bench/seed_users.py "$url" "$users")"
.venv/bin/python3 scripts/bench/seed_pools.py "$url" 59

echo "launching the console $launches times (plus one warm-up) in tmux..." >&2
launch="$(.venv/bin/python3 scripts/bench/console_launch.py "$bin_dir/cognito-tui" "$url" "$launches" "$work" "bench-$users|launch-pool-")"

echo "frames, filters and memory with 100,000 users loaded..." >&2
model="$("$bin_dir/cognito-console-bench" model 100000 50)"

echo "load all, $repeat rounds..." >&2
export AWS_ACCESS_KEY_ID=AKIABENCH AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
# The CLI's output (JSON) goes to /dev/null when timed; one untimed run counts what it lists (and
# warms its imports in the page cache, as seeding did for boto3's).
cli_users="$(aws cognito-idp list-users --user-pool-id "$pool" --endpoint-url "$url" --region us-east-1 \
  --page-size 60 --query 'length(Users)' --output json)"
rounds="$work/rounds"
: >"$rounds"
# Every call waits for the session's rate limiter, which holds ListUsers to the UserList quota
# (30 requests a second by default). One run shows that pacing; the others raise the quota, as a
# profile's `quotas:` can, to compare the client's own cost with boto3's and the CLI's, which
# have no such limiter.
raised="UserList=1000,UserPoolRead=1000"
for round in $(seq "$repeat"); do
  # One assignment per client, so that a failing one stops the script (set -e).
  line="$("$bin_dir/cognito-console-bench" load-all "$url" "$pool")"; echo "at-quota $line" >>"$rounds"
  line="$(BENCH_RATE_LIMITS=$raised "$bin_dir/cognito-console-bench" load-all "$url" "$pool")"; echo "view-model $line" >>"$rounds"
  line="$(BENCH_RATE_LIMITS=$raised "$bin_dir/cognito-console-bench" paginator "$url" "$pool")"; echo "paginator $line" >>"$rounds"
  line="$(.venv/bin/python3 scripts/bench/boto3_list_users.py "$url" "$pool")"; echo "boto3 $line" >>"$rounds"
  line="$(.venv/bin/python3 scripts/bench/cli_list_users.py "$url" "$pool")"; echo "cli $cli_users $line" >>"$rounds"
  line="$(.venv/bin/python3 scripts/bench/raw_list_users.py "$url" "$pool")"; echo "raw $line" >>"$rounds"
  echo "  round $round of $repeat done" >&2
done

.venv/bin/python3 - "$launch" "$model" "$rounds" "$users" "$launches" "$repeat" <<'PY'
import statistics
import sys

launch_text, model_text, rounds_path, users, launches, repeat = sys.argv[1:]
L = {k: float(v) for k, v in (line.split() for line in launch_text.splitlines())}
M = {k: float(v) for k, v in (line.split() for line in model_text.splitlines())}

def ms(s): return f"{s * 1000:.2f} ms"
def mb(b): return f"{b / 1e6:.1f} MB"
def verdict(ok): return "met" if ok else "MISSED"

rows = []  # (measure, median, p95/max, target, verdict)
def row(name, value, spread="", target="", ok=None):
    rows.append((name, value, spread, target, "" if ok is None else verdict(ok)))

n = int(L["runs"])
row("launch -> first frame of any kind (frame trace)", ms(L["launch_first_frame_median"]), ms(L["launch_first_frame_max"]))
row("launch -> ListUserPools reply (frame trace)", ms(L["launch_reply_median"]), ms(L["launch_reply_max"]))
row("launch -> first page of pools drawn (frame trace)", ms(L["launch_frame_median"]), ms(L["launch_frame_max"]))
row(f"launch -> pools visible in tmux (poll ~{L['poll_period_median'] * 1000:.0f} ms)",
    ms(L["launch_visible_median"]), ms(L["launch_visible_max"]))
row("ListUserPools reply -> frame drawn (frame trace)", ms(L["reply_frame_median"]), ms(L["reply_frame_max"]),
    "<= 100 ms", L["reply_frame_max"] <= 0.1)
row("ListUserPools reply -> visible in tmux (polled)", ms(L["reply_visible_median"]), ms(L["reply_visible_max"]))
rows.append(None)
rows_loaded = int(M["rows"])
def model_row(name, key, target=None, limit=None):
    med, p95 = M[key + "_median"], M[key + "_p95"]
    row(name, ms(med), ms(p95), target or "", None if limit is None else p95 < limit)
model_row("frame: Screen + Grid 100x30, cursor at top", "frame_top", "< 5 ms", 0.005)
model_row(f"frame: cursor at row {rows_loaded // 2:,}", "frame_middle", "< 5 ms", 0.005)
model_row(f"frame: filter \"ann\" active ({int(M['matches']):,} rows)", "frame_filtered", "< 5 ms", 0.005)
model_row("  of which: Screen build (no filter)", "screen_build")
model_row("  of which: Grid render (no filter)", "grid_render")
model_row("filter: keystroke \"a\" (all rows)", "keystroke1", "< 50 ms", 0.05)
model_row("filter: keystroke \"n\" (\"an\", narrowing)", "keystroke2", "< 50 ms", 0.05)
model_row("filter: keystroke \"n\" (\"ann\", narrowing)", "keystroke3", "< 50 ms", 0.05)
model_row("filter: typing \"ann\", 3 keystrokes in all", "typed3", "< 50 ms", 0.05)
model_row("filter: typing \"ann\" with a frame per keystroke", "typed3_frames")
model_row("filter: \"ann\" from scratch over all rows", "filter_scratch", "< 50 ms", 0.05)
row(f"load {rows_loaded:,} users into the state (reducer)", ms(M["load_seconds"]))
rows.append(None)
row("resident memory before loading (VmRSS)", mb(M["rss_baseline_bytes"]))
row(f"resident memory, {rows_loaded:,} users loaded (VmRSS)", mb(M["rss_loaded_bytes"]), "", "< 150 MB",
    M["rss_loaded_bytes"] < 150e6)
row("peak resident memory, end of run (VmHWM)", mb(M["hwm_end_bytes"]), "", "< 150 MB", M["hwm_end_bytes"] < 150e6)

print(f"cognito-tui console benchmark: release builds; the console in tmux 100x30 on the emulator, "
      f"{n} launches; {rows_loaded:,} synthetic users for frames, filters and memory "
      f"({int(M['iterations'])} iterations); times are medians")
print()
print(f"{'measure':<52}{'median':>11}{'p95/max':>11}  {'target':<10}{'':<6}")
for r in rows:
    if r is None:
        print()
        continue
    name, value, spread, target, ok = r
    print(f"{name:<52}{value:>11}{spread:>11}  {target:<10}{ok}")
print(f"(launch rows: median and max of {n} launches; frame and filter rows: median and p95)")

runs = {}
with open(rounds_path) as f:
    for line in f:
        name, count, secs, cpu = line.split()
        runs.setdefault(name, []).append((int(count), float(secs), float(cpu)))
labels = {
    "at-quota": "cognito-tui: `L` at the UserList quota",
    "view-model": "cognito-tui: `L`, quota raised",
    "paginator": "cognito-tui: paginator, quota raised",
    "boto3": "boto3 paginator",
    "cli": "aws cognito-idp list-users",
    "raw": "bare HTTP loop (emulator floor)",
}
med = {}
print()
print(f"load all: {int(users):,} users of one pool on the emulator, 60 a page; median of {repeat} interleaved rounds")
print(f"{'client':<40}{'users':>8}{'seconds':>10}{'users/s':>10}{'CPU s':>8}")
for key, label in labels.items():
    values = runs[key]
    count = values[0][0]
    secs = statistics.median(v[1] for v in values)
    cpu = statistics.median(v[2] for v in values)
    med[key] = secs
    print(f"{label:<40}{count:>8}{secs:>10.3f}{count / secs:>10.0f}{cpu:>8.3f}")
print()
ours = med["view-model"]
print(f"boto3 / cognito-tui seconds:   {med['boto3'] / ours:5.2f}x   (target >= 1x)   {verdict(med['boto3'] >= ours)}")
print(f"aws CLI / cognito-tui seconds: {med['cli'] / ours:5.2f}x   (target >= 2x)   {verdict(med['cli'] >= 2 * ours)}")
floor = med["raw"]
print(f"above the emulator floor: cognito-tui {ours - floor:.3f} s, boto3 {med['boto3'] - floor:.3f} s, "
      f"aws CLI {med['cli'] - floor:.3f} s")
PY
