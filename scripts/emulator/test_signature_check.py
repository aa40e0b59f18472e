"""Tests of fault_server.py's signing mode (``--keys``), in front of the real emulator: requests
signed with botocore pass, and every way a signature can be wrong is refused as the service
refuses it, without reaching the emulator.

Run: python3 -m pytest -q scripts/emulator/test_signature_check.py
"""

import http.client
import json
import signal
import subprocess
import sys
import uuid
from urllib.parse import urlencode

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from test_fault_proxy import SERVER, request
from testkit import start_emulator, stop_emulator

KEY, SECRET = "AKIASIGNATURETEST001", "signature-test-secret"
IDP = "AWSCognitoIdentityProviderService."
IDENTITY = "AWSCognitoIdentityService."
JSON = "application/x-amz-json-1.1"
FORM = "application/x-www-form-urlencoded; charset=utf-8"


@pytest.fixture(scope="module")
def emulator(tmp_path_factory):
    proc, url, log = start_emulator(tmp_path_factory)
    yield url
    stop_emulator(proc, log)


@pytest.fixture(scope="module")
def hop(emulator, tmp_path_factory):
    keys = tmp_path_factory.mktemp("keys") / "keys.json"
    keys.write_text(json.dumps({KEY: SECRET}))
    proc = subprocess.Popen([sys.executable, SERVER, "--upstream", emulator, "--keys", str(keys)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), proc.stderr.read()
    yield int(url.rsplit(":", 1)[1])
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0 and out == "" and "Traceback" not in err, err
    # No secret of any kind reaches the hop's output.
    assert SECRET not in err


@pytest.fixture(autouse=True)
def zeroed(hop):
    assert request(hop, "POST", "/__proxy/reset")[0] == 200


def counters(port):
    return json.loads(request(port, "GET", "/__proxy/counters")[2])


def signed(port, service, headers, body, key=KEY, secret=SECRET, token=None, region="us-east-1"):
    """Headers of a request to ``port`` signed by botocore's SigV4Auth, as a list of pairs."""
    req = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=body, headers=headers)
    SigV4Auth(Credentials(key, secret, token), service, region).add_auth(req)
    return dict(req.headers.items())


def send(port, headers, body):
    status, reply_headers, reply = request(port, "POST", "/", body, headers)
    return status, reply_headers, reply


def idp_call(operation, payload):
    return {"X-Amz-Target": IDP + operation, "Content-Type": JSON}, json.dumps(payload).encode()


def error(reply):
    document = json.loads(reply)
    return document["__type"], document["message"]


def pool_names(emulator):
    idp = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=emulator,
                       aws_access_key_id="AKIAJUDGE", aws_secret_access_key="judge")
    return {pool["Name"] for page in idp.get_paginator("list_user_pools").paginate(MaxResults=60)
            for pool in page["UserPools"]}


def test_a_boto3_client_with_a_known_key_goes_through(hop):
    idp = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=f"http://127.0.0.1:{hop}",
                       aws_access_key_id=KEY, aws_secret_access_key=SECRET)
    name = f"signed-{uuid.uuid4().hex[:8]}"
    pool = idp.create_user_pool(PoolName=name)["UserPool"]["Id"]
    assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["Name"] == name
    seen = counters(hop)
    assert (seen["forwarded"], seen["refused"]) == (2, 0)


def test_one_changed_byte_of_the_body_is_refused_and_not_forwarded(hop, emulator):
    name = f"tampered-{uuid.uuid4().hex[:8]}"
    headers, body = idp_call("CreateUserPool", {"PoolName": name})
    headers = signed(hop, "cognito-idp", headers, body)
    changed = body.replace(b"tampered", b"tamperee")
    status, reply_headers, reply = send(hop, headers, changed)
    assert status == 403
    code, message = error(reply)
    assert code == "InvalidSignatureException" == reply_headers["x-amzn-ErrorType"]
    assert "does not match" in message and KEY in message and SECRET not in message
    assert name.replace("tampered", "tamperee") not in pool_names(emulator)
    assert (counters(hop)["forwarded"], counters(hop)["refused"]) == (0, 1)


def test_a_changed_signed_header_is_refused(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-idp", headers, body)
    headers["X-Amz-Target"] = IDP + "ListUsers"
    status, _, reply = send(hop, headers, body)
    assert (status, error(reply)[0]) == (403, "InvalidSignatureException")
    assert counters(hop)["forwarded"] == 0


def test_a_wrong_secret_is_refused_without_naming_either_secret(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-idp", headers, body, secret="not-the-secret")
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (403, "InvalidSignatureException")
    assert "not-the-secret" not in message and SECRET not in message
    assert counters(hop)["forwarded"] == 0


def test_an_unknown_access_key_is_unrecognized(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-idp", headers, body, key="AKIANOBODYKNOWS00001")
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (400, "UnrecognizedClientException")
    assert "AKIANOBODYKNOWS00001" in message
    assert counters(hop)["forwarded"] == 0


def test_a_signed_header_the_request_lacks_is_an_incomplete_signature(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-idp", {**headers, "X-Extra": "1"}, body)
    del headers["X-Extra"]
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (400, "IncompleteSignature")
    assert "x-extra" in message
    assert counters(hop)["forwarded"] == 0


def test_an_unsigned_target_is_an_incomplete_signature(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    target = headers.pop("X-Amz-Target")
    headers = signed(hop, "cognito-idp", headers, body)
    headers["X-Amz-Target"] = target
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (400, "IncompleteSignature") and "x-amz-target" in message


def test_a_scope_for_another_service_is_refused(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-identity", headers, body)
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (403, "InvalidSignatureException") and "'cognito-idp'" in message


def test_a_malformed_authorization_header_is_an_incomplete_signature(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    headers = signed(hop, "cognito-idp", headers, body)
    headers["Authorization"] = headers["Authorization"].split(", Signature=")[0]
    status, _, reply = send(hop, headers, body)
    code, message = error(reply)
    assert (status, code) == (400, "IncompleteSignature") and "Signature" in message


def test_an_unsigned_call_of_a_signed_operation_is_refused(hop):
    headers, body = idp_call("ListUserPools", {"MaxResults": 1})
    status, _, reply = send(hop, headers, body)
    assert (status, error(reply)[0]) == (403, "MissingAuthenticationTokenException")
    assert counters(hop)["forwarded"] == 0


def test_unauthenticated_operations_and_the_emulator_routes_pass_unsigned(hop):
    headers, body = idp_call("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH", "ClientId": "nope",
                                              "AuthParameters": {"USERNAME": "u", "PASSWORD": "p"}})
    status, _, reply = send(hop, headers, body)
    # The emulator answers (no such client): the hop let the call through.
    assert status == 400 and error(reply)[0] == "ResourceNotFoundException"
    status, _, reply = request(hop, "POST", "/_emulator/cognito-idp/seed", b'{"users": []}',
                               {"Content-Type": "application/json"})
    assert (status, json.loads(reply)) == (200, {"users": []})
    assert counters(hop)["forwarded"] == 2 and counters(hop)["refused"] == 0


def sts_signed(port, params, **signing):
    body = urlencode({**params, "Version": "2011-06-15"}).encode()
    return signed(port, "sts", {"Content-Type": FORM}, body, **signing), body


def test_sts_query_requests_are_checked_and_refused_in_xml(hop):
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"})
    status, _, reply = send(hop, headers, body)
    assert status == 200 and b"GetCallerIdentityResult" in reply
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"}, secret="wrong")
    status, _, reply = send(hop, headers, body)
    assert status == 403 and b"<Code>SignatureDoesNotMatch</Code>" in reply
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"}, key="AKIANOBODYKNOWS00001")
    status, _, reply = send(hop, headers, body)
    assert status == 403 and b"<Code>InvalidClientTokenId</Code>" in reply
    assert (counters(hop)["forwarded"], counters(hop)["refused"]) == (1, 2)


def test_a_key_from_assume_role_is_learnt_with_its_token(hop):
    headers, body = sts_signed(hop, {"Action": "AssumeRole", "RoleSessionName": "hop",
                                     "RoleArn": "arn:aws:iam::123456789012:role/hop"})
    status, _, reply = send(hop, headers, body)
    assert status == 200, reply
    text = reply.decode()
    key = text.split("<AccessKeyId>")[1].split("<")[0]
    secret = text.split("<SecretAccessKey>")[1].split("<")[0]
    token = text.split("<SessionToken>")[1].split("<")[0]
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"}, key=key, secret=secret, token=token)
    status, _, reply = send(hop, headers, body)
    assert status == 200 and b"assumed-role/hop/hop" in reply
    # The same key with another token, or none, is not the credential that was issued.
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"}, key=key, secret=secret, token="forged")
    status, _, reply = send(hop, headers, body)
    assert status == 403 and b"<Code>InvalidClientTokenId</Code>" in reply and token.encode() not in reply
    headers, body = sts_signed(hop, {"Action": "GetCallerIdentity"}, key=key, secret="wrong", token=token)
    assert send(hop, headers, body)[0] == 403


def test_a_key_from_get_credentials_for_identity_is_learnt(hop):
    identity = boto3.client("cognito-identity", region_name="us-east-1", endpoint_url=f"http://127.0.0.1:{hop}",
                            aws_access_key_id=KEY, aws_secret_access_key=SECRET)
    pool = identity.create_identity_pool(IdentityPoolName="hop_pool",
                                         AllowUnauthenticatedIdentities=True)["IdentityPoolId"]
    identity.set_identity_pool_roles(IdentityPoolId=pool,
                                     Roles={"unauthenticated": "arn:aws:iam::123456789012:role/guest"})
    # GetId and GetCredentialsForIdentity go unsigned, as the SDKs send them.
    headers = {"X-Amz-Target": IDENTITY + "GetId", "Content-Type": JSON}
    status, _, reply = send(hop, headers, json.dumps({"IdentityPoolId": pool}).encode())
    assert status == 200, reply
    identity_id = json.loads(reply)["IdentityId"]
    headers = {"X-Amz-Target": IDENTITY + "GetCredentialsForIdentity", "Content-Type": JSON}
    status, _, reply = send(hop, headers, json.dumps({"IdentityId": identity_id}).encode())
    assert status == 200, reply
    credentials = json.loads(reply)["Credentials"]
    learnt = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=f"http://127.0.0.1:{hop}",
                          aws_access_key_id=credentials["AccessKeyId"],
                          aws_secret_access_key=credentials["SecretKey"],
                          aws_session_token=credentials["SessionToken"])
    assert "UserPools" in learnt.list_user_pools(MaxResults=1)
    forged = boto3.client("cognito-idp", region_name="us-east-1", endpoint_url=f"http://127.0.0.1:{hop}",
                          aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key="forged",
                          aws_session_token=credentials["SessionToken"])
    with pytest.raises(forged.exceptions.ClientError) as refused:
        forged.list_user_pools(MaxResults=1)
    assert refused.value.response["Error"]["Code"] == "InvalidSignatureException"


def test_a_keys_file_that_is_not_an_object_of_strings_is_refused(emulator, tmp_path):
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({KEY: 1}))
    result = subprocess.run([sys.executable, SERVER, "--upstream", emulator, "--keys", str(keys)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "mapping access keys to secrets" in result.stderr
