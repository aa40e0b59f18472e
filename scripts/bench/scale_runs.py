"""Runs the scale benchmark of scripts/bench/scale.sh and prints its table.

    python3 scripts/bench/scale_runs.py BINARY EMULATOR_URL USERS WORKDIR

1. Full scan of USERS users through the fault proxy adding 150 ms to every request: the release
   build of `cognito-tui users list` (sixteen chains at the UserList quota) and with `--sequential`
   (one chain), a boto3 ListUsers paginator, `aws cognito-idp list-users`.
2. Bulk disable of 1,000 users through the same proxy: `cognito-tui users disable --from FILE`
   at the UserUpdate quota, and a sequential boto3 loop of admin_disable_user (separate pools).
3. Peak resident memory of `cognito-tui users export --format jsonl` of 10,000 and of 100,000
   users, straight to the emulator, with the UserList quota raised to 1000/s.

Pools are made on the emulator itself, their users through its private users route. The
proxy's counters give the calls and the most requests received in any one (calendar) second.
"""
import json
import math
import os
import subprocess
import sys
import time
import urllib.request

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
PROXY = os.path.join(HERE, "..", "emulator", "fault_server.py")

LATENCY_MS = 150
PAGE = 60
# The quotas the rate limiter holds to by default (Sources/AWSCore/RateLimit/CognitoQuotas.swift).
USER_LIST_RATE = 30
USER_UPDATE_RATE = 25
# SCALE_BULK_USERS and SCALE_EXPORT_USERS ("small,large") shrink a trial run.
BULK_USERS = int(os.environ.get("SCALE_BULK_USERS", "1000"))
EXPORT_SIZES = tuple(int(n) for n in os.environ.get("SCALE_EXPORT_USERS", "10000,100000").split(","))
KEYS = {"AWS_ACCESS_KEY_ID": "AKIABENCH", "AWS_SECRET_ACCESS_KEY": "bench"}


def burst(rate: float) -> int:
    """TokenBucket.capacity (Sources/AWSCore/RateLimit/TokenBucket.swift): a fifth of a second's
    worth of requests, at least one. A full bucket lets that many go at once, then it refills at
    the rate, so no one-second window holds more than rate + capacity requests of a category."""
    return max(1, math.floor(rate * 0.2))


def request(url: str, path: str, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url + path, data=data, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(req, timeout=600) as reply:
        return json.loads(reply.read())


def idp(url: str):
    return boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=url, **{
        "aws_access_key_id": KEYS["AWS_ACCESS_KEY_ID"], "aws_secret_access_key": KEYS["AWS_SECRET_ACCESS_KEY"]})


def make_pool(emulator: str, name: str, users: int) -> str:
    """A pool of `users` users named user000000…, made at once by the emulator's private route."""
    pool = idp(emulator).create_user_pool(PoolName=name)["UserPool"]["Id"]
    made = request(emulator, "/_emulator/cognito-idp/users", {"userPoolId": pool, "count": users, "prefix": "user"})
    assert made == {"created": users}, made
    return pool


def disabled(emulator: str, pool: str) -> int:
    pages = idp(emulator).get_paginator("list_users").paginate(UserPoolId=pool, Filter='status = "Disabled"')
    return sum(len(page["Users"]) for page in pages)


class Runner:
    def __init__(self, binary: str, emulator: str, work: str) -> None:
        self.binary, self.emulator, self.work = binary, emulator, work
        self.proxy = subprocess.Popen([sys.executable, PROXY, "--upstream", emulator, "--latency-ms", str(LATENCY_MS),
                                       "--watch-parent"], stdout=subprocess.PIPE, text=True)
        self.proxy_url = self.proxy.stdout.readline().strip()
        if not self.proxy_url.startswith("http://127.0.0.1:"):
            raise SystemExit("the fault proxy did not start.")

    def stop(self) -> None:
        self.proxy.terminate()
        self.proxy.wait(timeout=10)

    def env(self, quotas: str = "") -> dict[str, str]:
        """cognito-tui's environment: a home of its own, the settings file holding `quotas`."""
        config = os.path.join(self.work, "xdg-raised" if quotas else "xdg-default")
        os.makedirs(os.path.join(config, "cognito-tui"), exist_ok=True)
        with open(os.path.join(config, "cognito-tui", "config.yaml"), "w") as out:
            out.write(quotas or "theme: default\n")
        return {"PATH": os.environ.get("PATH", ""), "HOME": self.work, "XDG_CONFIG_HOME": config, **KEYS,
                "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"}

    def tui(self, *arguments: str, endpoint: str | None = None) -> list[str]:
        return [self.binary, *arguments, "--endpoint-url", endpoint or self.proxy_url, "--region", "us-east-1"]

    def measured(self, run):
        """Runs `run()` (-> users, seconds, ok) with the proxy's counters zeroed; adds what the proxy saw."""
        request(self.proxy_url, "/__proxy/reset", {})
        users, seconds, ok = run()
        counters = request(self.proxy_url, "/__proxy/counters")
        return {"users": users, "seconds": seconds, "ok": ok, "requests": counters["requests"],
                "by_operation": {op: sum(c.values()) for op, c in counters["by_operation"].items()},
                "peak": counters["max_per_second"]}

    def timed(self, command: list[str], env: dict[str, str], output: str):
        started = time.monotonic()
        with open(output, "w") as out:
            done = subprocess.run(command, env=env, stdout=out, stderr=subprocess.PIPE, text=True)
        seconds = time.monotonic() - started
        if done.returncode != 0:
            print(f"  {command[1:3]} failed ({done.returncode}): {done.stderr.strip()}", file=sys.stderr)
        return seconds, done.returncode == 0

    def scan_tui(self, pool: str, *extra: str):
        output = os.path.join(self.work, "scan.jsonl")

        def run():
            seconds, ok = self.timed(self.tui("users", "list", "--pool", pool, "--output", "jsonl", *extra),
                                     self.env(), output)
            with open(output) as f:
                names = [json.loads(line)["Username"] for line in f if line.strip()]
            os.remove(output)
            return len(names), seconds, ok and len(names) == len(set(names))
        return self.measured(run)

    def scan_boto3(self, pool: str):
        def run():
            done = subprocess.run([sys.executable, os.path.join(HERE, "boto3_list_users.py"), self.proxy_url, pool],
                                  capture_output=True, text=True, check=True)
            users, seconds, _ = done.stdout.split()
            return int(users), float(seconds), True
        return self.measured(run)

    def scan_cli(self, pool: str):
        output = os.path.join(self.work, "cli.json")

        def run():
            env = dict(os.environ, **KEYS, AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/dev/null",
                       AWS_SHARED_CREDENTIALS_FILE="/dev/null")
            seconds, ok = self.timed([sys.executable, "-m", "awscli", "cognito-idp", "list-users", "--user-pool-id", pool,
                                      "--endpoint-url", self.proxy_url, "--region", "us-east-1",
                                      "--page-size", str(PAGE), "--output", "json"], env, output)
            with open(output) as f:
                users = len(json.load(f)["Users"]) if ok else 0
            os.remove(output)
            return users, seconds, ok
        return self.measured(run)

    def bulk_tui(self, pool: str, names: str):
        def run():
            seconds, ok = self.timed(self.tui("users", "disable", "--pool", pool, "--from", names, "--yes"),
                                     self.env(), os.path.join(self.work, "bulk.out"))
            return disabled(self.emulator, pool), seconds, ok
        return self.measured(run)

    def bulk_boto3(self, pool: str, names: str):
        def run():
            done = subprocess.run([sys.executable, os.path.join(HERE, "boto3_disable_users.py"), self.proxy_url, pool,
                                   names], capture_output=True, text=True, check=True)
            return disabled(self.emulator, pool), float(done.stdout.split()[1]), True
        return self.measured(run)

    def export_rss(self, pool: str):
        """Exports straight to the emulator (no latency), the UserList quota raised; the export's
        lines are counted as they stream. Returns (lines, seconds, peak RSS in bytes, ok)."""
        command = self.tui("users", "export", "--pool", pool, "--format", "jsonl", endpoint=self.emulator)
        done = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *command], env=self.env("quotas: { UserList: 1000 }\n"),
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"  export failed: {done.stderr.strip()}", file=sys.stderr)
            return 0, 0.0, 0, False
        lines, seconds, maxrss_kib = done.stdout.split()
        return int(lines), float(seconds), int(maxrss_kib) * 1024, True


# Runs the command with stdout counted line by line; prints `lines seconds ru_maxrss` (KiB on
# Linux). RUSAGE_CHILDREN's ru_maxrss is the largest child's peak, so each export has a
# wrapper of its own.
RSS_WRAPPER = """
import resource, subprocess, sys, time
started = time.monotonic()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
lines = 0
for chunk in iter(lambda: child.stdout.read(1 << 16), b""):
    lines += chunk.count(b"\\n")
status = child.wait()
seconds = time.monotonic() - started
if status != 0:
    sys.exit(f"exit {status}")
print(lines, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def main() -> None:
    binary, emulator, users, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    runner = Runner(binary, emulator, work)
    started = time.monotonic()
    try:
        print(f"  seeding a pool of {users:,} users...", file=sys.stderr)
        pool = make_pool(emulator, f"scale-{users}", users)
        scans = []
        for label, run in [
            ("cognito-tui users list (16 chains)", lambda: runner.scan_tui(pool)),
            ("cognito-tui users list --sequential", lambda: runner.scan_tui(pool, "--sequential")),
            ("boto3 ListUsers paginator", lambda: runner.scan_boto3(pool)),
            ("aws cognito-idp list-users", lambda: runner.scan_cli(pool)),
        ]:
            print(f"  scan: {label}...", file=sys.stderr)
            scans.append((label, run()))

        names = os.path.join(work, "names.txt")
        with open(names, "w") as out:
            out.write("".join(f"user{i:06d}\n" for i in range(BULK_USERS)))
        bulks = []
        for label, run in [
            ("cognito-tui users disable --from FILE", runner.bulk_tui),
            ("boto3 loop of admin_disable_user", runner.bulk_boto3),
        ]:
            print(f"  bulk: {label}...", file=sys.stderr)
            bulks.append((label, run(make_pool(emulator, f"bulk-{len(bulks)}", BULK_USERS), names)))

        exports = []
        for size in EXPORT_SIZES:
            print(f"  export of {size:,} users...", file=sys.stderr)
            exports.append((size, runner.export_rss(make_pool(emulator, f"export-{size}", size))))
    finally:
        runner.stop()
    report(users, scans, bulks, exports, time.monotonic() - started)


def report(users, scans, bulks, exports, elapsed) -> None:
    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    list_bound, update_bound = USER_LIST_RATE + burst(USER_LIST_RATE), USER_UPDATE_RATE + burst(USER_UPDATE_RATE)
    print(f"cognito-tui at scale: release build, emulator behind the fault proxy adding {LATENCY_MS} ms to every "
          f"request, all on 127.0.0.1; one run")
    print()
    print(f"full scan of {users:,} users (60 a page)")
    header = f"{'client':<40}{'users':>8}{'seconds':>9}{'users/s':>9}{'vs boto3':>9}{'ListUsers':>10}{'max req/s':>10}"
    print(header)
    by_label = dict(scans)
    boto3_rate = by_label["boto3 ListUsers paginator"]["users"] / by_label["boto3 ListUsers paginator"]["seconds"]
    for label, r in scans:
        rate = r["users"] / r["seconds"] if r["seconds"] else 0.0
        print(f"{label:<40}{r['users']:>8}{r['seconds']:>9.1f}{rate:>9.0f}{rate / boto3_rate:>8.2f}x"
              f"{r['by_operation'].get('ListUsers', 0):>10}{r['peak']:>10}")
    print()
    print(f"bulk disable of {BULK_USERS:,} users (separate pools)")
    print(f"{'client':<40}{'disabled':>8}{'seconds':>9}{'users/s':>9}{'vs boto3':>9}{'calls':>10}{'max req/s':>10}")
    boto3_bulk = bulks[1][1]["users"] / bulks[1][1]["seconds"]
    for label, r in bulks:
        rate = r["users"] / r["seconds"]
        print(f"{label:<40}{r['users']:>8}{r['seconds']:>9.1f}{rate:>9.1f}{rate / boto3_bulk:>8.2f}x"
              f"{r['by_operation'].get('AdminDisableUser', 0):>10}{r['peak']:>10}")
    print()
    print("export --format jsonl, straight to the emulator, UserList quota raised to 1000/s")
    print(f"{'users':>8}{'lines':>9}{'seconds':>9}{'peak RSS':>11}")
    for size, (lines, seconds, rss, _) in exports:
        print(f"{size:>8}{lines:>9}{seconds:>9.1f}{rss / 1e6:>8.1f} MB")
    print()

    part, seq = scans[0][1], scans[1][1]
    part_rate = part["users"] / part["seconds"]
    quota_users = USER_LIST_RATE * PAGE

    def other_calls(r, operation):
        return r["requests"] - r["by_operation"].get(operation, 0)

    print("targets")
    rows = [
        (f"partitioned scan vs boto3 paginator", f"{part_rate / boto3_rate:.2f}x", ">= 4x",
         part_rate >= 4 * boto3_rate),
        (f"partitioned scan vs quota ({USER_LIST_RATE} pages/s x {PAGE} = {quota_users:,} users/s)",
         f"{part_rate / quota_users:.0%}", ">= 85%", part_rate >= 0.85 * quota_users),
    ]
    for label, r in (("partitioned", part), ("--sequential", seq)):
        extra = other_calls(r, "ListUsers")
        bound = list_bound + extra
        rows.append((f"{label} scan: max requests in one second", f"{r['peak']}",
                     f"<= {bound} ({USER_LIST_RATE}+{burst(USER_LIST_RATE)} burst+{extra} other)", r["peak"] <= bound))
    bulk = bulks[0][1]
    bulk_rate = bulk["users"] / bulk["seconds"]
    rows.append(("bulk disable vs boto3 loop", f"{bulk_rate / boto3_bulk:.2f}x", ">= 3x", bulk_rate >= 3 * boto3_bulk))
    extra = other_calls(bulk, "AdminDisableUser")
    rows.append(("bulk disable: max requests in one second", f"{bulk['peak']}",
                 f"<= {update_bound + extra} ({USER_UPDATE_RATE}+{burst(USER_UPDATE_RATE)} burst+{extra} other)",
                 bulk["peak"] <= update_bound + extra))
    (small, (small_lines, _, small_rss, small_ok)), (large, (large_lines, _, large_rss, large_ok)) = exports
    ratio = large_rss / small_rss if small_rss else float("inf")
    rows.append((f"export peak RSS, {large:,} vs {small:,} users", f"{ratio:.2f}x", "<= 1.5x (flat)",
                 small_ok and large_ok and small_lines == small and large_lines == large and ratio <= 1.5))
    every = (all(r["users"] == users and r["ok"] for _, r in scans)
             and all(r["users"] == BULK_USERS and r["ok"] for _, r in bulks))
    rows.append(("every client listed/disabled every user once", "yes" if every else "no", "", every))
    width = max(len(row[0]) for row in rows) + 2
    for label, value, target, ok in rows:
        print(f"{label:<{width}}{value:>8}  {target:<30}{verdict(ok)}")
    print()
    print(f"(seconds: a process's wall time, start to exit; boto3: the loop alone, after the client is made. "
          f"max req/s: the most requests the proxy received in one calendar second, every operation; the limiter "
          f"lets a category burst a fifth of a second's worth, so at most rate + burst a second. "
          f"Runs took {elapsed:.0f} s.)")


if __name__ == "__main__":
    main()
