"""Tests of the scripted fault/metadata server.

Run: python3 -m pytest -q scripts/emulator/test_fault_server.py
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from testkit import assert_exits_with_parent

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fault_server.py")


@pytest.fixture(scope="module")
def port():
    proc = subprocess.Popen([sys.executable, SERVER], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    yield int(url.rsplit(":", 1)[1])
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert out == "", "the URL must be the only stdout line"


def request(port, method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def script(port, *responses):
    status, _, body = request(port, "POST", "/__script",
                              body=json.dumps({"responses": list(responses)}))
    assert status == 200, body
    return json.loads(body)


def recorded(port):
    status, _, body = request(port, "GET", "/__requests")
    assert status == 200
    return json.loads(body)


@pytest.fixture(autouse=True)
def clean(port):
    request(port, "POST", "/__reset")


def test_default_reply_when_queue_is_empty(port):
    status, headers, body = request(port, "POST", "/", body="{}")
    assert status == 200 and body == b"{}"
    assert headers["Content-Type"] == "application/x-amz-json-1.1"
    assert headers["x-amzn-RequestId"] == "fault-default"
    assert headers["Content-Length"] == "2"


def test_queue_is_consumed_in_order_and_requests_recorded(port):
    assert script(port,
                  {"status": 503, "headers": {"Retry-After": "1"}, "body": "slow down"},
                  {"status": 200, "headers": {"Content-Type": "application/json"},
                   "body": {"Credentials": {"AccessKeyId": "AKIA"}}})["queued"] == 2
    first = request(port, "POST", "/some/path?a=1&b=two", body='{"x": 1}',
                    headers={"X-Amz-Target": "Svc.Op", "Content-Type": "application/json"})
    assert first[0] == 503 and first[1]["Retry-After"] == "1" and first[2] == b"slow down"
    second = request(port, "GET", "/next")
    assert second[0] == 200 and json.loads(second[2]) == {"Credentials": {"AccessKeyId": "AKIA"}}
    third = request(port, "DELETE", "/after")
    assert third[0] == 200 and third[1]["x-amzn-RequestId"] == "fault-default"

    log = recorded(port)
    assert [(r["method"], r["path"]) for r in log] == [
        ("POST", "/some/path"), ("GET", "/next"), ("DELETE", "/after")]
    assert log[0]["query"] == "a=1&b=two"
    assert log[0]["body"] == '{"x": 1}'
    assert log[0]["headers"]["x-amz-target"] == "Svc.Op"
    assert all(name == name.lower() for name in log[0]["headers"])
    assert log[1]["body"] == ""


def test_script_replaces_queue_and_clears_record(port):
    script(port, {"status": 500}, {"status": 501})
    request(port, "GET", "/one")
    script(port, {"status": 418})
    assert recorded(port) == []
    assert request(port, "GET", "/two")[0] == 418
    assert request(port, "GET", "/three")[0] == 200


@pytest.mark.parametrize("body, fragment", [
    ({"responses": [{"action": "explode"}]}, "action"),
    ({"responses": [{"status": 99}]}, "status"),
    ({"responses": [{"delay": -1}]}, "delay"),
    ({"responses": [{"headers": {"a": 1}}]}, "headers"),
    ({"responses": [{"colour": "red"}]}, "unknown fields"),
    ({"responses": "nope"}, "responses"),
    ([], "responses"),
])
def test_invalid_scripts_are_rejected(port, body, fragment):
    script(port, {"status": 404})
    status, _, reply = request(port, "POST", "/__script", body=json.dumps(body))
    assert status == 400 and fragment in json.loads(reply)["error"]
    assert request(port, "GET", "/x")[0] == 404  # the old script is untouched


def test_reset_clears_queue_and_record(port):
    script(port, {"status": 500})
    request(port, "GET", "/seen")
    status, _, _ = request(port, "POST", "/__reset")
    assert status == 200
    assert recorded(port) == []
    assert request(port, "GET", "/x")[0] == 200


def test_reset_action_sends_tcp_rst(port):
    script(port, {"action": "reset"})
    with pytest.raises(ConnectionResetError):
        request(port, "POST", "/", body="payload")
    assert [r["body"] for r in recorded(port)] == ["payload"]
    assert request(port, "GET", "/")[0] == 200  # the server carries on


def test_close_action_closes_without_reply(port):
    script(port, {"action": "close"})
    with pytest.raises(http.client.RemoteDisconnected):
        request(port, "GET", "/")
    assert len(recorded(port)) == 1


def test_hang_and_delay(port):
    script(port, {"action": "hang", "delay": 0.4, "status": 202}, {"action": "hang", "delay": 5})
    started = time.monotonic()
    assert request(port, "GET", "/")[0] == 202
    assert time.monotonic() - started >= 0.4
    with pytest.raises(TimeoutError):
        request(port, "GET", "/", timeout=0.3)


def test_reset_releases_hung_requests(port):
    script(port, {"action": "hang", "delay": 60})
    outcome = {}

    def client():
        try:
            request(port, "GET", "/hung", timeout=30)
        except Exception as error:  # noqa: BLE001 - any disconnect will do
            outcome["error"] = error

    thread = threading.Thread(target=client)
    started = time.monotonic()
    thread.start()
    while not recorded(port):
        time.sleep(0.02)
    request(port, "POST", "/__reset")
    thread.join(timeout=10)
    assert not thread.is_alive() and time.monotonic() - started < 10
    assert isinstance(outcome.get("error"), (http.client.RemoteDisconnected, ConnectionError))


def test_keep_alive_reuses_one_connection(port):
    script(port, {"status": 200, "body": "first"}, {"status": 404, "body": "second"})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/a")
        first = conn.getresponse()
        assert first.read() == b"first" and first.getheader("Connection") != "close"
        sock = conn.sock
        assert sock is not None
        conn.request("POST", "/b", body="data")
        second = conn.getresponse()
        assert second.status == 404 and second.read() == b"second"
        assert conn.sock is sock  # no reconnect happened
        conn.request("GET", "/__requests")
        assert [r["path"] for r in json.loads(conn.getresponse().read())] == ["/a", "/b"]
        assert conn.sock is sock
    finally:
        conn.close()


def test_head_and_chunked_requests(port):
    script(port, {"status": 200, "body": "abcdef"})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("HEAD", "/head")
        head = conn.getresponse()
        assert head.getheader("Content-Length") == "6" and head.read() == b""
        conn.request("PUT", "/chunked", body=iter([b"hello ", b"world"]),
                     headers={"Transfer-Encoding": "chunked"}, encode_chunked=True)
        assert conn.getresponse().read() == b"{}"
    finally:
        conn.close()
    assert [r["body"] for r in recorded(port)] == ["", "hello world"]


def test_imds_v2_and_sso_flows_can_be_scripted(port):
    expiration = "2030-01-01T00:00:00Z"
    script(port,
           {"body": "imds-token", "headers": {"X-aws-ec2-metadata-token-ttl-seconds": "21600"}},
           {"body": "EmulatorRole"},
           {"body": {"Code": "Success", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "s",
                     "Token": "t", "Expiration": expiration}},
           {"body": {"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "s",
                                         "sessionToken": "t", "expiration": 1893456000000}}})
    base = "/latest/meta-data/iam/security-credentials/"
    token = request(port, "PUT", "/latest/api/token",
                    headers={"X-aws-ec2-metadata-token-ttl-seconds": "21600"})[2].decode()
    role = request(port, "GET", base, headers={"X-aws-ec2-metadata-token": token})[2].decode()
    creds = json.loads(request(port, "GET", base + role,
                               headers={"X-aws-ec2-metadata-token": token})[2])
    assert creds["AccessKeyId"] == "ASIAIMDS"
    sso = json.loads(request(port, "GET", "/federation/credentials?role_name=R&account_id=111122223333",
                             headers={"x-amz-sso_bearer_token": "bearer"})[2])
    assert sso["roleCredentials"]["accessKeyId"] == "ASIASSO"

    log = recorded(port)
    assert [r["method"] for r in log] == ["PUT", "GET", "GET", "GET"]
    assert log[0]["headers"]["x-aws-ec2-metadata-token-ttl-seconds"] == "21600"
    assert log[2]["path"] == base + "EmulatorRole"
    assert log[2]["headers"]["x-aws-ec2-metadata-token"] == "imds-token"
    assert log[3]["query"] == "role_name=R&account_id=111122223333"
    assert log[3]["headers"]["x-amz-sso_bearer_token"] == "bearer"


def test_watch_parent_exits_with_parent():
    # The parent lives long enough for the server to note it even on a loaded machine.
    assert_exits_with_parent(SERVER, "fault server", parent_lifetime=2.0, poll=0.1)


def test_explicit_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, SERVER, "--port", str(free)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == f"http://127.0.0.1:{free}"
        assert request(free, "GET", "/")[0] == 200
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0


def test_a_burst_of_connections_is_answered_not_reset():
    """Many tests open connections at once; a backlog of 5 reset some of a burst of 300."""
    proc = subprocess.Popen([sys.executable, SERVER, "--upstream", "http://127.0.0.1:9"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        burst_port = int(proc.stdout.readline().strip().rsplit(":", 1)[1])
        failures = []

        def one():
            try:
                request(burst_port, "POST", "/__proxy/reset", body=b"{}")
            except OSError as error:
                failures.append(type(error).__name__)

        for _ in range(5):
            threads = [threading.Thread(target=one) for _ in range(300)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert failures == []
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=10)
