"""Launches the real console in tmux (100x30) against an endpoint and measures, per run:

- launch -> pools visible: from releasing the console's start (it waits on a FIFO inside the
  pane, so tmux and the shell are already up) until `capture-pane` first shows a user pool;
  polled through one tmux control-mode client every POLL_MS, so no process is spawned per poll;
- launch -> frame drawn: the same start to the console's own timestamp of the first frame that
  shows the pools (COGNITO_TUI_TRACE_FRAMES; CLOCK_MONOTONIC, the clock time.monotonic_ns reads);
- reply -> frame drawn: the console's timestamp of the ListUserPools reply to that frame's;
- for context, launch -> the console's first frame (the "loading" notice) and -> the reply.

    python3 console_launch.py BINARY ENDPOINT_URL RUNS WORKDIR POOL_NAME_REGEX

One warm-up launch is not counted. Per-run figures go to stderr; stdout gets `key value` lines
(seconds): medians and maxima over the runs, and the median polling period.
"""
import os
import re
import select
import shlex
import statistics
import subprocess
import sys
import time

COLUMNS, ROWS = 100, 30
POLL_MS = 5
TIMEOUT_S = 30


class ControlClient:
    """One `tmux -C attach` client: sends commands, reads their %begin/%end replies in order."""

    def __init__(self, tmux: list, session: str):
        self.proc = subprocess.Popen(tmux + ["-C", "attach-session", "-t", session],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.buffer = b""
        self.sync("ready")

    def _line(self, deadline: float) -> str:
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                raise TimeoutError("tmux control client did not answer")
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise EOFError("tmux control client ended")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def _block(self, deadline: float) -> list:
        """The next reply block to a command of this client (flags 1); notifications (%output
        and friends) and blocks of commands tmux ran on its own (the attach) are skipped."""
        while True:
            head = self._line(deadline)
            if not head.startswith("%begin "):
                continue
            lines = []
            while True:
                line = self._line(deadline)
                if line.startswith("%end ") or line.startswith("%error "):
                    break
                lines.append(line)
            if head.split()[-1] == "1":
                return lines

    def command(self, text: str, timeout: float = 5.0) -> list:
        self.proc.stdin.write(text.encode() + b"\n")
        return self._block(time.monotonic() + timeout)

    def sync(self, tag: str) -> None:
        # The attach itself may answer with a block first: read until our marker comes back.
        self.proc.stdin.write(f"display-message -p SYNC-{tag}\n".encode())
        deadline = time.monotonic() + 10
        while f"SYNC-{tag}" not in self._block(deadline):
            pass

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def parse_trace(path: str):
    """(first frame ns, ListUserPools reply ns, first frame ns after it with table rows), or None."""
    first = reply = None
    with open(path) as trace:
        for line in trace:
            parts = line.split()
            if len(parts) == 3 and parts[1] == "frame" and first is None:
                first = int(parts[0])
            if len(parts) >= 4 and parts[1] == "reply" and parts[2] == "ListUserPools" and reply is None:
                if parts[3] != "200":
                    raise RuntimeError(f"ListUserPools answered {parts[3]}")
                reply = int(parts[0])
            elif len(parts) == 3 and parts[1] == "frame" and reply is not None and int(parts[2]) > 0:
                return first, reply, int(parts[0])
    return None


def launch(tmux: list, binary: str, url: str, workdir: str, run: int, pattern: re.Pattern):
    fifo = os.path.join(workdir, f"go-{run}")
    frames = os.path.join(workdir, f"frames-{run}.txt")
    log = os.path.join(workdir, f"trace-{run}.log")
    os.mkfifo(fifo)
    env = {
        "AWS_ACCESS_KEY_ID": "AKIABENCH", "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true", "XDG_CONFIG_HOME": workdir,
        "COGNITO_TUI_TRACE_FRAMES": frames,
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = (f"export {exports}; read _ < {shlex.quote(fifo)}; exec {shlex.quote(binary)} "
               f"--endpoint-url {shlex.quote(url)} --region us-east-1 --log-file {shlex.quote(log)}")
    session = f"launch{run}"
    subprocess.run(tmux + ["new-session", "-d", "-s", session, "-x", str(COLUMNS), "-y", str(ROWS),
                           "sh", "-c", command], check=True)
    client = ControlClient(tmux, session)
    try:
        size = client.command(f"display-message -p -t {session} '#{{pane_width}}x#{{pane_height}}'")
        if size != [f"{COLUMNS}x{ROWS}"]:
            raise RuntimeError(f"pane is {size}, expected {COLUMNS}x{ROWS}")
        # Opening the FIFO waits until the pane's shell is reading it.
        go = os.open(fifo, os.O_WRONLY)
        start = time.monotonic_ns()
        os.write(go, b"\n")
        os.close(go)
        seen = None
        polls = []
        deadline = time.monotonic() + TIMEOUT_S
        while seen is None:
            asked = time.monotonic_ns()
            screen = "\n".join(client.command(f"capture-pane -p -t {session}"))
            answered = time.monotonic_ns()
            polls.append(answered - asked)
            if pattern.search(screen):
                seen = answered
                with open(os.path.join(workdir, f"screen-{run}.txt"), "w") as shot:
                    shot.write(screen + "\n")
                break
            if time.monotonic() > deadline:
                raise TimeoutError("the user pools never showed:\n" + screen)
            time.sleep(POLL_MS / 1000)
        # The frame's timestamp is written just after the frame reaches the terminal.
        pair = None
        for _ in range(400):
            if os.path.exists(frames):
                pair = parse_trace(frames)
            if pair:
                break
            time.sleep(0.005)
        if pair is None:
            raise RuntimeError(f"no reply/frame pair in {frames}")
        first, reply, frame = pair
        with open(log) as trace_log:
            if not any(line.startswith("=== ListUserPools: 200") for line in trace_log):
                raise RuntimeError(f"no `=== ListUserPools: 200` line in {log}")
        client.command(f"send-keys -t {session} q")
        for _ in range(200):
            alive = subprocess.run(tmux + ["has-session", "-t", session], capture_output=True).returncode == 0
            if not alive:
                break
            time.sleep(0.01)
        else:
            raise RuntimeError("the console did not quit on `q`")
    finally:
        client.close()
        subprocess.run(tmux + ["kill-session", "-t", session], capture_output=True)
    poll_period = statistics.median(polls) + POLL_MS * 1e6
    return {
        "launch_first_frame": (first - start) / 1e9,
        "launch_reply": (reply - start) / 1e9,
        "launch_visible": (seen - start) / 1e9,
        "launch_frame": (frame - start) / 1e9,
        "reply_frame": (frame - reply) / 1e9,
        "reply_visible": (seen - reply) / 1e9,
        "poll": poll_period / 1e9,
    }


def main() -> None:
    binary, url, runs, workdir, name = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    pattern = re.compile(name)
    tmux = ["tmux", "-S", os.path.join(workdir, "tmux.sock"), "-f", "/dev/null"]
    # A session that outlives the launches keeps one tmux server up: when the last session
    # closes the server exits, and a new-session racing that exit fails.
    subprocess.run(tmux + ["new-session", "-d", "-s", "keeper", "-x", str(COLUMNS), "-y", str(ROWS),
                           "sh", "-c", "while :; do sleep 3600; done"], check=True)
    results = []
    try:
        for run in range(runs + 1):
            figures = launch(tmux, binary, url, workdir, run, pattern)
            label = "warm-up" if run == 0 else f"run {run}"
            print(f"  launch {label}: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in figures.items()),
                  file=sys.stderr)
            if run > 0:
                results.append(figures)
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)
    for key in ("launch_first_frame", "launch_reply", "launch_visible", "launch_frame", "reply_frame", "reply_visible"):
        values = [r[key] for r in results]
        print(f"{key}_median {statistics.median(values):.6f}")
        print(f"{key}_max {max(values):.6f}")
    print(f"poll_period_median {statistics.median(r['poll'] for r in results):.6f}")
    print(f"runs {len(results)}")


if __name__ == "__main__":
    main()
