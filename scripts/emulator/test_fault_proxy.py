"""Tests of fault_server.py in proxy mode, in front of the real emulator.

Run: python3 -m pytest -q scripts/emulator/test_fault_proxy.py
"""

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import boto3
import pytest
from botocore.config import Config

from testkit import start_emulator, stop_emulator

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fault_server.py")
TARGET = "AWSCognitoIdentityProviderService."


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    proc, url, log = start_emulator(tmp_path_factory)
    yield url
    stop_emulator(proc, log)


def start_proxy(upstream, *arguments):
    proc = subprocess.Popen([sys.executable, SERVER, "--upstream", upstream, *arguments],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), proc.stderr.read()
    return proc, int(url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def proxy(emulator):
    proc, port = start_proxy(emulator, "--seed", "7")
    yield port
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0 and out == "" and "Traceback" not in err, err


@pytest.fixture(autouse=True)
def calm(proxy):
    """Every test starts with no faults and zeroed counters."""
    configure(proxy, latency_ms=0, throttle=0, drop=0, drop_action="reset", seed=7, operations=[])
    assert request(proxy, "POST", "/__proxy/reset")[0] == 200


def request(port, method, path, body=b"", headers=None, timeout=10, conn=None):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        if own:
            conn.close()


def call(port, operation, payload, conn=None):
    """One JSON 1.1 call to cognito-idp through ``port``."""
    return request(port, "POST", "/", json.dumps(payload).encode(),
                   {"X-Amz-Target": TARGET + operation, "Content-Type": "application/x-amz-json-1.1"},
                   conn=conn)


def configure(port, **faults):
    status, _, body = request(port, "POST", "/__proxy/config", json.dumps(faults).encode())
    assert status == 200, body
    return json.loads(body)


def counters(port):
    status, _, body = request(port, "GET", "/__proxy/counters")
    assert status == 200
    return json.loads(body)


def judge(url):
    """boto3 straight at the emulator, past the proxy."""
    return boto3.client("cognito-idp", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="AKIAPROXYJUDGE000001", aws_secret_access_key="judge",
                        config=Config(retries={"max_attempts": 1}))


def pool_names(url):
    return {p["Name"] for p in judge(url).list_user_pools(MaxResults=60)["UserPools"]}


def test_forwards_requests_and_replies_unchanged(emulator, proxy):
    name = f"proxied-{uuid.uuid4().hex[:8]}"
    status, headers, body = call(proxy, "CreateUserPool", {"PoolName": name})
    assert status == 200, body
    assert json.loads(body)["UserPool"]["Name"] == name
    assert name in pool_names(emulator)
    # boto3 through the proxy sees what it would see at the emulator.
    via = judge(f"http://127.0.0.1:{proxy}")
    assert name in {p["Name"] for p in via.list_user_pools(MaxResults=60)["UserPools"]}
    seen = counters(proxy)
    assert seen["forwarded"] == 2 and seen["throttled"] == 0 and seen["dropped"] == 0
    assert seen["by_operation"] == {"CreateUserPool": {"forwarded": 1}, "ListUserPools": {"forwarded": 1}}


def test_throttled_requests_are_answered_as_throttling_and_never_forwarded(emulator, proxy):
    configure(proxy, throttle=1)
    name = f"throttled-{uuid.uuid4().hex[:8]}"
    status, headers, body = call(proxy, "CreateUserPool", {"PoolName": name})
    assert status == 400
    assert headers["x-amzn-ErrorType"] == "TooManyRequestsException"
    assert headers["Content-Type"] == "application/x-amz-json-1.1"
    assert json.loads(body)["__type"] == "TooManyRequestsException"
    assert name not in pool_names(emulator)
    via = judge(f"http://127.0.0.1:{proxy}")
    with pytest.raises(via.exceptions.TooManyRequestsException):
        via.list_user_pools(MaxResults=10)
    seen = counters(proxy)
    assert seen["throttled"] == 2 and seen["forwarded"] == 0


@pytest.mark.parametrize("action, error", [("reset", ConnectionResetError),
                                           ("close", http.client.RemoteDisconnected)])
def test_dropped_requests_are_applied_but_never_answered(emulator, proxy, action, error):
    configure(proxy, drop=1, drop_action=action)
    name = f"dropped-{uuid.uuid4().hex[:8]}"
    with pytest.raises(error):
        call(proxy, "CreateUserPool", {"PoolName": name})
    assert name in pool_names(emulator), "the upstream applied the call before the drop"
    seen = counters(proxy)
    assert seen["dropped"] == 1 and seen["by_operation"]["CreateUserPool"] == {"dropped": 1}


def test_draws_are_seeded_and_a_resent_request_gets_a_fresh_one(proxy):
    def fates(seed):
        configure(proxy, throttle=0.5, seed=seed)
        request(proxy, "POST", "/__proxy/reset")
        result = []
        for index in range(40):
            payload = {"MaxResults": 1 + index % 20}  # twenty distinct requests, each sent twice
            result.append(call(proxy, "ListUserPools", payload)[0])
        return result

    first, again, other = fates(11), fates(11), fates(12)
    assert first == again, "the same seed and requests give the same fates"
    assert first != other
    assert 0 < first.count(400) < 40
    # Each request is sent twice; its second send is a fresh draw, not a copy of the first.
    assert first[:20] != first[20:]


def test_faults_can_be_limited_to_some_operations(emulator, proxy):
    configure(proxy, drop=1, operations=["CreateUserPool"])
    name = f"only-{uuid.uuid4().hex[:8]}"
    with pytest.raises(ConnectionResetError):
        call(proxy, "CreateUserPool", {"PoolName": name})
    status, _, _ = call(proxy, "ListUserPools", {"MaxResults": 5})
    assert status == 200
    seen = counters(proxy)
    assert seen["by_operation"] == {"CreateUserPool": {"dropped": 1}, "ListUserPools": {"forwarded": 1}}


def test_latency_delays_each_request(proxy):
    configure(proxy, latency_ms=250)
    started = time.monotonic()
    assert call(proxy, "ListUserPools", {"MaxResults": 1})[0] == 200
    assert time.monotonic() - started >= 0.25


def test_concurrent_kept_alive_connections_are_all_served_and_counted(proxy):
    configure(proxy, throttle=0.3, seed=3)
    statuses = []
    lock = threading.Lock()

    def client(index):
        conn = http.client.HTTPConnection("127.0.0.1", proxy, timeout=20)
        sock = None
        try:
            for n in range(15):
                status, _, _ = call(proxy, "ListUserPools", {"MaxResults": 1 + (index * 15 + n) % 60}, conn=conn)
                sock = sock or conn.sock
                assert conn.sock is sock, "the connection is kept alive"
                with lock:
                    statuses.append(status)
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(statuses) == 120 and set(statuses) == {200, 400}
    seen = counters(proxy)
    assert seen["requests"] == 120
    assert seen["forwarded"] == statuses.count(200) and seen["throttled"] == statuses.count(400)
    assert sum(count for _, count in seen["per_second"]) == 120
    assert seen["max_per_second"] == max(count for _, count in seen["per_second"])


@pytest.mark.parametrize("faults, fragment", [
    ({"throttle": 1.5}, "throttle"),
    ({"drop": -0.1}, "drop"),
    ({"throttle": 0.6, "drop": 0.6}, "together"),
    ({"latency_ms": "slow"}, "latency_ms"),
    ({"drop_action": "explode"}, "drop_action"),
    ({"colour": "red"}, "unknown fields"),
    ({"operations": "CreateUserPool"}, "operations"),
])
def test_bad_fault_settings_are_refused_and_change_nothing(proxy, faults, fragment):
    status, _, body = request(proxy, "POST", "/__proxy/config", json.dumps(faults).encode())
    assert status == 400 and fragment in json.loads(body)["error"]
    assert counters(proxy)["faults"]["throttle"] == 0


def test_bad_command_line_is_refused(emulator):
    for arguments in (["--throttle", "2"], ["--upstream", "ftp://x"]):
        command = [sys.executable, SERVER] + (arguments if arguments[0] == "--upstream"
                                              else ["--upstream", emulator, *arguments])
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
        assert done.returncode == 2 and done.stdout == ""
