"""Tests of the credentials Cognito Identity gives on the emulator (identity_credentials.py):
GetCredentialsForIdentity through the pool's roles and the emulator's STS, signed OpenID
tokens, and STS AssumeRoleWithWebIdentity checking them.

Run: python3 -m pytest -q scripts/emulator/test_identity_credentials.py
"""

import base64
import json
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from testkit import start_emulator, stop_emulator

ACCOUNT = "123456789012"
AUTH_ROLE = f"arn:aws:iam::{ACCOUNT}:role/app-auth"
UNAUTH_ROLE = f"arn:aws:iam::{ACCOUNT}:role/app-guest"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    assert stop_emulator(proc, log_path) == ""


def client(endpoint, service, **keys):
    keys = keys or {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "secret"}
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}), **keys)


def code(info):
    return info.value.response["Error"]["Code"]


@pytest.fixture()
def setup(endpoint):
    """A user pool with a signed-in user, and an identity pool that trusts it and allows guests."""
    idp, ci = client(endpoint, "cognito-idp"), client(endpoint, "cognito-identity")
    pool = idp.create_user_pool(PoolName=f"cred-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    app = idp.create_user_pool_client(UserPoolId=pool, ClientName="app",
                                      ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool, Username="ann", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="ann", Password="Corr3ct-horse!", Permanent=True)
    id_token = idp.admin_initiate_auth(UserPoolId=pool, ClientId=app, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                       AuthParameters={"USERNAME": "ann", "PASSWORD": "Corr3ct-horse!"}
                                       )["AuthenticationResult"]["IdToken"]
    provider = f"cognito-idp.us-east-1.amazonaws.com/{pool}"
    identity_pool = ci.create_identity_pool(
        IdentityPoolName=f"cred_{uuid.uuid4().hex[:8]}", AllowUnauthenticatedIdentities=True,
        CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": app}])["IdentityPoolId"]
    return {"ci": ci, "pool": identity_pool, "logins": {provider: id_token}}


def test_unknown_identity_is_resource_not_found(setup):
    with pytest.raises(ClientError) as info:
        setup["ci"].get_credentials_for_identity(IdentityId="us-east-1:00000000-0000-4000-8000-000000000000")
    assert code(info) == "ResourceNotFoundException"


def test_a_pool_without_roles_is_an_invalid_configuration(setup):
    guest = setup["ci"].get_id(IdentityPoolId=setup["pool"])["IdentityId"]
    with pytest.raises(ClientError) as info:
        setup["ci"].get_credentials_for_identity(IdentityId=guest)
    assert code(info) == "InvalidIdentityPoolConfigurationException"


def test_credentials_carry_the_pool_role_of_the_identity(endpoint, setup):
    ci = setup["ci"]
    ci.set_identity_pool_roles(IdentityPoolId=setup["pool"],
                               Roles={"authenticated": AUTH_ROLE, "unauthenticated": UNAUTH_ROLE})

    def caller(reply):
        keys = reply["Credentials"]
        sts = client(endpoint, "sts", aws_access_key_id=keys["AccessKeyId"],
                     aws_secret_access_key=keys["SecretKey"], aws_session_token=keys["SessionToken"])
        return sts.get_caller_identity()["Arn"]

    guest = ci.get_id(IdentityPoolId=setup["pool"])["IdentityId"]
    assert caller(ci.get_credentials_for_identity(IdentityId=guest)) == \
        f"arn:aws:sts::{ACCOUNT}:assumed-role/app-guest/CognitoIdentityCredentials"

    user = ci.get_id(IdentityPoolId=setup["pool"], Logins=setup["logins"])["IdentityId"]
    with pytest.raises(ClientError) as info:
        ci.get_credentials_for_identity(IdentityId=user)
    assert code(info) == "NotAuthorizedException"
    assert caller(ci.get_credentials_for_identity(IdentityId=user, Logins=setup["logins"])) == \
        f"arn:aws:sts::{ACCOUNT}:assumed-role/app-auth/CognitoIdentityCredentials"
    custom = f"arn:aws:iam::{ACCOUNT}:role/app-admin"
    assert "assumed-role/app-admin/" in caller(
        ci.get_credentials_for_identity(IdentityId=user, Logins=setup["logins"], CustomRoleArn=custom))
    with pytest.raises(ClientError) as info:
        ci.get_credentials_for_identity(IdentityId=guest, CustomRoleArn=custom)
    assert code(info) == "NotAuthorizedException"


def test_open_id_token_is_accepted_by_sts_and_a_changed_one_is_not(endpoint, setup):
    ci = setup["ci"]
    identity = ci.get_id(IdentityPoolId=setup["pool"], Logins=setup["logins"])["IdentityId"]
    token = ci.get_open_id_token(IdentityId=identity, Logins=setup["logins"])["Token"]
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "RS256"
    sts = client(endpoint, "sts")
    role = f"arn:aws:iam::{ACCOUNT}:role/web"
    reply = sts.assume_role_with_web_identity(RoleArn=role, RoleSessionName="web-session", WebIdentityToken=token)
    assert reply["Credentials"]["AccessKeyId"]

    head, claims, signature = token.split(".")
    body = json.loads(base64.urlsafe_b64decode(claims + "=="))
    body["sub"] = "us-east-1:00000000-0000-4000-8000-000000000000"
    forged = ".".join([head, base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("="), signature])
    with pytest.raises(ClientError) as info:
        sts.assume_role_with_web_identity(RoleArn=role, RoleSessionName="web-session", WebIdentityToken=forged)
    assert code(info) == "InvalidIdentityToken"
    # Other issuers' tokens are moto's business, as before.
    sts.assume_role_with_web_identity(RoleArn=role, RoleSessionName="web-session", WebIdentityToken="opaque-token-from-elsewhere")
