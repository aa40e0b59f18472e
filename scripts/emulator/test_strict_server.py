"""Tests of the strict endpoint (signing time against its own clock, expired tokens, endless pages).

Run: .venv/bin/python3 -m pytest -q scripts/emulator/test_strict_server.py
"""

import email.utils
import http.client
import json
import os
import signal
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "strict_server.py")


def start(*arguments):
    proc = subprocess.Popen([sys.executable, SERVER, *arguments], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    return proc, int(url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def ahead():
    proc, port = start("--clock-offset", "3600", "--expired-token", "old",
                       "--reply", '{"Users": [], "PaginationToken": "t{n}"}')
    yield port
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


def post(port, amz_date, token=None):
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Date": amz_date}
    if token:
        headers["X-Amz-Security-Token"] = token
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", "/", body=b"{}", headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), json.loads(response.read())
    finally:
        conn.close()


def stamp(seconds):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(seconds))


def test_a_request_signed_by_this_machines_clock_is_refused_as_expired_with_the_servers_date(ahead):
    status, headers, body = post(ahead, stamp(time.time()))
    assert status == 400
    assert body["__type"] == "InvalidSignatureException"
    assert body["message"].startswith("Signature expired: ")
    server_time = email.utils.parsedate_to_datetime(headers["Date"]).timestamp()
    assert abs(server_time - (time.time() + 3600)) < 5


def test_a_request_signed_at_the_servers_time_is_answered_with_a_fresh_token_each_time(ahead):
    first = post(ahead, stamp(time.time() + 3600))
    second = post(ahead, stamp(time.time() + 3600))
    assert first[0] == second[0] == 200
    assert first[2]["Users"] == [] and first[2]["PaginationToken"] != second[2]["PaginationToken"]


def test_an_expired_session_token_is_refused(ahead):
    status, _, body = post(ahead, stamp(time.time() + 3600), token="old")
    assert status == 400 and body["__type"] == "ExpiredTokenException"
    assert post(ahead, stamp(time.time() + 3600), token="new")[0] == 200
