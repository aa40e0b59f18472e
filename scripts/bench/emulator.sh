# Sourced by the benchmarks after `cd` to the project: makes a work folder and starts the
# emulator on a free loopback port, both gone on exit. Sets $work, $url and $emulator_pid. A
# benchmark that starts more (tmux) defines bench_cleanup, which runs first on exit.
work="$(mktemp -d)"
emulator_pid=""
bench_exit() {
  if declare -F bench_cleanup >/dev/null; then bench_cleanup; fi
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap bench_exit EXIT

.venv/bin/python3 scripts/emulator/server.py --watch-parent >"$work/url" 2>"$work/emulator.log" &
emulator_pid=$!
for _ in $(seq 300); do
  [ -s "$work/url" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; echo "the emulator did not start." >&2; exit 1; }
  sleep 0.1
done
url="$(head -n 1 "$work/url")"
[ -n "$url" ] || { echo "the emulator did not start." >&2; exit 1; }
