"""Runs bulk jobs of the cognito-tui binary through the fault proxy and prints a table.

    python3 scripts/bench/bulk_runs.py BINARY EMULATOR_URL USERS WORKDIR

Each row is one job over USERS users of a fresh pool: how long it took, the items per second,
the most requests the proxy saw in one second (the rate limiter's pacing), what the proxy did
(throttled, dropped) and the calls of the job's operation that reached the emulator per item
(1.00 means nothing was done twice).
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PROXY = os.path.join(HERE, "..", "emulator", "fault_server.py")
sys.path.insert(0, HERE)
from seed_users import seed  # noqa: E402

SCENARIOS = [
    # title, command, operation, quotas (config.yaml), extra arguments, faults
    ("disable at the UserUpdate quota (25/s)", "disable", "AdminDisableUser", "", [], {}),
    ("enable, quota raised to 1000/s", "enable", "AdminEnableUser", "quotas:\n  UserUpdate: 1000\n", [], {}),
    ("disable, --rate 10", "disable", "AdminDisableUser", "", ["--rate", "10"], {}),
    ("enable, raised, 20 ms latency, 30% throttled, 5% dropped", "enable", "AdminEnableUser",
     "quotas:\n  UserUpdate: 1000\n  UserRead: 1000\n", [], {"latency_ms": 20, "throttle": 0.3, "drop": 0.05}),
]


def control(url, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.loads(reply.read())


def main() -> None:
    binary, emulator, users, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    proxy = subprocess.Popen([sys.executable, PROXY, "--upstream", emulator, "--watch-parent", "--seed", "9"],
                             stdout=subprocess.PIPE, text=True)
    proxy_url = proxy.stdout.readline().strip()
    rows = []
    try:
        for title, command, operation, quotas, extra, faults in SCENARIOS:
            print(f"  {title}...", file=sys.stderr)
            pool = seed(emulator, users, name=f"bulk-{command}-{len(rows)}")
            if command == "enable":
                subprocess.run([sys.executable, "-c", DISABLE_ALL, emulator, pool], check=True)
            names = os.path.join(work, "names.txt")
            with open(names, "w") as out:
                out.write("".join(f"user{i:06d}\n" for i in range(users)))
            home = os.path.join(work, f"home{len(rows)}")
            os.makedirs(os.path.join(home, ".config", "cognito-tui"), exist_ok=True)
            with open(os.path.join(home, ".config", "cognito-tui", "config.yaml"), "w") as out:
                out.write(quotas or "theme: default\n")
            control(proxy_url, "/__proxy/config", {"latency_ms": 0, "throttle": 0, "drop": 0, **faults})
            control(proxy_url, "/__proxy/reset", {})
            env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_ACCESS_KEY_ID": "AKIABENCH",
                   "AWS_SECRET_ACCESS_KEY": "bench", "AWS_EC2_METADATA_DISABLED": "true",
                   "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}
            started = time.monotonic()
            done = subprocess.run([binary, "users", command, "--pool", pool, "--from", names, "--yes",
                                   "--endpoint-url", proxy_url, "--region", "us-east-1", *extra],
                                  env=env, capture_output=True, text=True)
            seconds = time.monotonic() - started
            counters = control(proxy_url, "/__proxy/counters")
            by_op = counters["by_operation"].get(operation, {})
            reached = by_op.get("forwarded", 0) + by_op.get("dropped", 0)
            summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
            rows.append((title, users, seconds, users / seconds, counters["max_per_second"], counters["throttled"],
                         counters["dropped"], reached / users, done.returncode, summary))
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)

    header = ("job", "users", "seconds", "users/s", "max req/s", "throttled", "dropped", "sent/user", "exit")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for title, count, seconds, per_second, peak, throttled, dropped, per_user, status, _ in rows:
        print(f"| {title} | {count} | {seconds:.1f} | {per_second:.1f} | {peak} | {throttled} | {dropped} | "
              f"{per_user:.2f} | {status} |")
    for row in rows:
        print(f"{row[0]}: {row[-1]}", file=sys.stderr)


DISABLE_ALL = """
import sys, boto3
from concurrent.futures import ThreadPoolExecutor
idp = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=sys.argv[1],
                   aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
names = [u["Username"] for page in idp.get_paginator("list_users").paginate(UserPoolId=sys.argv[2]) for u in page["Users"]]
with ThreadPoolExecutor(max_workers=8) as threads:
    list(threads.map(lambda n: idp.admin_disable_user(UserPoolId=sys.argv[2], Username=n), names))
"""

if __name__ == "__main__":
    main()
