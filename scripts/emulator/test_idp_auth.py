"""Tests of sign-in as the emulator runs it (idp_auth.py): USER_SRP_AUTH checked for real,
with pycognito (PyPI) as the independent client; challenge parameters as strings; RevokeToken.

Run: python3 -m pytest -q scripts/emulator/test_idp_auth.py
"""

import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from pycognito.aws_srp import AWSSRP

from testkit import start_emulator, stop_emulator

PASSWORD = "Corr3ct-horse-b4ttery!"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    assert stop_emulator(proc, log_path) == ""


def make_client(endpoint, validate=True):
    options = {"retries": {"max_attempts": 1}}
    if not validate:
        options["parameter_validation"] = False
    return boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="secret",
                        config=Config(**options))


@pytest.fixture(scope="module")
def idp(endpoint):
    return make_client(endpoint)


@pytest.fixture()
def pool(idp):
    """A pool with one confirmed user `ann`, a public client and a client with a secret."""
    pool_id = idp.create_user_pool(PoolName=f"auth-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
             "ALLOW_ADMIN_USER_PASSWORD_AUTH"]
    public = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="public",
                                         ExplicitAuthFlows=flows)["UserPoolClient"]
    private = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="private", GenerateSecret=True,
                                          ExplicitAuthFlows=flows)["UserPoolClient"]
    idp.admin_create_user(UserPoolId=pool_id, Username="ann", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool_id, Username="ann", Password=PASSWORD, Permanent=True)
    return {"id": pool_id, "public": public["ClientId"], "private": private["ClientId"],
            "secret": private["ClientSecret"]}


def srp(idp, pool, password=PASSWORD, client="public"):
    secret = pool["secret"] if client == "private" else None
    return AWSSRP(username="ann", password=password, pool_id=pool["id"], client_id=pool[client],
                  client=idp, client_secret=secret)


def error_code(info):
    return info.value.response["Error"]["Code"]


def test_srp_sign_in_with_pycognito_gets_tokens(idp, pool):
    for client in ("public", "private"):
        tokens = srp(idp, pool, client=client).authenticate_user()
        assert set(tokens["AuthenticationResult"]) >= {"IdToken", "AccessToken", "RefreshToken"}


def test_srp_challenge_values_are_hex_and_base64(idp, pool):
    helper = srp(idp, pool)
    reply = idp.initiate_auth(AuthFlow="USER_SRP_AUTH", AuthParameters=helper.get_auth_params(),
                              ClientId=pool["public"])
    params = reply["ChallengeParameters"]
    int(params["SALT"], 16), int(params["SRP_B"], 16)
    import base64
    assert len(base64.b64decode(params["SECRET_BLOCK"], validate=True)) == 48


def test_srp_with_a_wrong_password_is_refused(idp, pool):
    with pytest.raises(ClientError) as info:
        srp(idp, pool, password="Wrong-password-1!").authenticate_user()
    assert error_code(info) == "NotAuthorizedException"
    assert "Incorrect username or password" in info.value.response["Error"]["Message"]


def test_srp_answer_with_a_bad_timestamp_or_a_used_secret_block_is_refused(idp, pool):
    helper = srp(idp, pool)
    reply = idp.initiate_auth(AuthFlow="USER_SRP_AUTH", AuthParameters=helper.get_auth_params(),
                              ClientId=pool["public"])
    answer = helper.process_challenge(reply["ChallengeParameters"], {"USERNAME": "ann"})
    with pytest.raises(ClientError) as info:
        idp.respond_to_auth_challenge(ClientId=pool["public"], ChallengeName="PASSWORD_VERIFIER",
                                      ChallengeResponses={**answer, "TIMESTAMP": "2026-03-03T07:05:09Z"})
    assert error_code(info) == "InvalidParameterException"
    # The exchange is spent: even the right answer no longer works.
    with pytest.raises(ClientError) as info:
        idp.respond_to_auth_challenge(ClientId=pool["public"], ChallengeName="PASSWORD_VERIFIER",
                                      ChallengeResponses=answer)
    assert error_code(info) == "NotAuthorizedException"


def test_mfa_setup_lists_its_methods_as_a_json_string(idp, pool):
    idp.set_user_pool_mfa_config(UserPoolId=pool["id"], MfaConfiguration="ON",
                                 SoftwareTokenMfaConfiguration={"Enabled": True})
    reply = idp.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=pool["public"],
                              AuthParameters={"USERNAME": "ann", "PASSWORD": PASSWORD})
    if reply.get("ChallengeName") != "MFA_SETUP":
        helper = srp(idp, pool)
        first = idp.initiate_auth(AuthFlow="USER_SRP_AUTH", AuthParameters=helper.get_auth_params(),
                                  ClientId=pool["public"])
        reply = idp.respond_to_auth_challenge(
            ClientId=pool["public"], ChallengeName="PASSWORD_VERIFIER",
            ChallengeResponses=helper.process_challenge(first["ChallengeParameters"], {"USERNAME": "ann"}))
    assert reply["ChallengeName"] == "MFA_SETUP"
    assert reply["ChallengeParameters"]["MFAS_CAN_SETUP"] == '["SOFTWARE_TOKEN_MFA"]'


def sign_in(idp, pool):
    return idp.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=pool["public"],
                             AuthParameters={"USERNAME": "ann", "PASSWORD": PASSWORD})["AuthenticationResult"]


def test_revoke_token_ends_the_refresh_token_and_its_access_tokens(idp, pool):
    tokens = sign_in(idp, pool)
    other = sign_in(idp, pool)
    idp.revoke_token(Token=tokens["RefreshToken"], ClientId=pool["public"])
    with pytest.raises(ClientError) as info:
        idp.initiate_auth(AuthFlow="REFRESH_TOKEN_AUTH", ClientId=pool["public"],
                          AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})
    assert error_code(info) == "NotAuthorizedException"
    with pytest.raises(ClientError) as info:
        idp.get_user(AccessToken=tokens["AccessToken"])
    assert error_code(info) == "NotAuthorizedException"
    # Another sign-in's tokens are untouched.
    assert idp.get_user(AccessToken=other["AccessToken"])["Username"] == "ann"
    # Revoking again, or a token never issued, changes nothing and is not an error.
    idp.revoke_token(Token=tokens["RefreshToken"], ClientId=pool["public"])
    idp.revoke_token(Token=str(uuid.uuid4()), ClientId=pool["public"])


def test_revoke_token_refusals(endpoint, idp, pool):
    tokens = sign_in(idp, pool)
    cases = [
        ({"Token": tokens["AccessToken"], "ClientId": pool["public"]}, "UnsupportedTokenTypeException"),
        ({"Token": tokens["RefreshToken"], "ClientId": pool["private"], "ClientSecret": pool["secret"]},
         "UnauthorizedException"),
        ({"Token": tokens["RefreshToken"], "ClientId": pool["private"]}, "UnauthorizedException"),
        ({"Token": tokens["RefreshToken"], "ClientId": "nosuchclient0000000000000"}, "UnauthorizedException"),
    ]
    for request, code in cases:
        with pytest.raises(ClientError) as info:
            idp.revoke_token(**request)
        assert error_code(info) == code, request
    raw = make_client(endpoint, validate=False)
    with pytest.raises(ClientError) as info:
        raw.revoke_token(Token="not a token!", ClientId=pool["public"])
    assert error_code(info) == "InvalidParameterException"

    idp.update_user_pool_client(UserPoolId=pool["id"], ClientId=pool["public"], EnableTokenRevocation=False)
    with pytest.raises(ClientError) as info:
        idp.revoke_token(Token=tokens["RefreshToken"], ClientId=pool["public"])
    assert error_code(info) == "UnsupportedOperationException"
