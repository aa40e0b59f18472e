"""What the emulator's tests share: starting and stopping a server, and checking that a server
started with --watch-parent ends with its parent."""

import os
import signal
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")


def start_emulator(tmp_path_factory):
    """Starts server.py on a free port; returns the process, its URL and its stderr log."""
    log_path = tmp_path_factory.mktemp("emulator") / "stderr.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, SERVER], stdout=subprocess.PIPE,
                                stderr=log, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), log_path.read_text()
    return proc, url, log_path


def stop_emulator(proc, log_path):
    """Stops it and returns what else it printed on stdout (nothing, when all is well)."""
    proc.terminate()
    out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0
    # Every error must have been an AWS-style reply, never a server crash.
    assert "Traceback" not in log_path.read_text(), log_path.read_text()
    return out


def running(pid):
    """Whether ``pid`` is a live process (an unreaped zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def assert_exits_with_parent(script, what, parent_lifetime=1.0, poll=0.2):
    """A shell starts ``script --watch-parent`` in the background, prints its pid and exits;
    the server must then exit within ten seconds."""
    shell = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" "{script}" --watch-parent >/dev/null 2>&1 & echo $!; sleep {parent_lifetime}'],
        capture_output=True, text=True, timeout=30)
    pid = int(shell.stdout.strip())
    deadline = time.time() + 10
    while time.time() < deadline:
        if not running(pid):
            return
        time.sleep(poll)
    os.kill(pid, signal.SIGKILL)
    pytest.fail(f"{what} outlived its parent")
