#!/usr/bin/env bash
# The client's own cost per call: N sequential signed calls through the library against a local
# nginx that returns a fixed JSON reply, next to boto3 and a raw curl loop (one curl process,
# one kept-alive connection) on the same server in the same run.
#
#   scripts/bench/client-calls.sh [CALLS]      (default 5000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
calls="${1:-5000}"
scripts/setup.sh

echo "building the benchmark (release)..." >&2
swift build -c release --product cognito-call-bench >/dev/null
bench_bin="$(swift build -c release --show-bin-path)/cognito-call-bench"

work="$(mktemp -d)"
trap 'nginx -p "$work" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
port="$(.venv/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$port;
    location / {
      default_type application/x-amz-json-1.1;
      add_header x-amzn-RequestId bench-0000;
      return 200 '{"UserPools":[]}';
    }
  }
}
CONF
nginx -p "$work" -c nginx.conf
url="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$url/" && break; sleep 0.1; done

ours=$("$bench_bin" "$url" "$calls")
boto=$(.venv/bin/python3 scripts/bench/boto3_calls.py "$url" "$calls")
raw=$(.venv/bin/python3 scripts/bench/curl_calls.py "$url" "$calls")

.venv/bin/python3 - "$ours" "$boto" "$raw" <<'PY'
import sys
rows = {}
for name, line in zip(["cognito-tui (AWSCore)", "boto3", "curl loop (floor)"], sys.argv[1:]):
    n, secs, cpu = (float(x) for x in line.split())
    rows[name] = (n, n / secs, cpu / n * 1000)
print(f"{'client':<24}{'calls':>8}{'calls/s':>12}{'CPU s/1000 calls':>18}")
for name, (n, rate, cpu) in rows.items():
    print(f"{name:<24}{int(n):>8}{rate:>12.0f}{cpu:>18.3f}")
ours, boto, raw = rows["cognito-tui (AWSCore)"][1], rows["boto3"][1], rows["curl loop (floor)"][1]
print()
print(f"cognito-tui / boto3 calls per second:     {ours / boto:5.1f}x   (target >= 5x)")
print(f"cognito-tui / curl loop calls per second: {ours / raw:5.2f}    (target >= 0.5)")
PY
