"""GetCredentialsForIdentity applies the pool's role mappings, and STS GetCallerIdentity with
the credentials it returns names the assumed role. The cases are the table the simulator is
tested against (Tests/CognitoAdminTests/Fixtures/role-resolution.json), written from the
developer guide's "Role-based access control".

Run: python3 -m pytest -q scripts/emulator/test_role_resolution.py
"""

import base64
import json
import os
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from testkit import start_emulator, stop_emulator

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "..", "Tests", "CognitoAdminTests", "Fixtures", "role-resolution.json")
ACCOUNT = "123456789012"
with open(TABLE) as table_file:
    TABLE_DATA = json.load(table_file)
PROVIDER_KEY = TABLE_DATA["provider"]
PROVIDER, CLIENT = PROVIDER_KEY.rsplit(":", 1)


def arn(name):
    return name if name is None or name.startswith("arn:") else f"arn:aws:iam::{ACCOUNT}:role/{name}"


def expand(claims):
    """The case's claims with role names as ARNs."""
    out = dict(claims)
    if "cognito:roles" in out:
        out["cognito:roles"] = [arn(r) for r in out["cognito:roles"]]
    if "cognito:preferred_role" in out:
        out["cognito:preferred_role"] = arn(out["cognito:preferred_role"])
    return out


def mapping_json(mapping):
    if mapping is None:
        return None
    out = {"Type": mapping["Type"], "AmbiguousRoleResolution": mapping["AmbiguousRoleResolution"]}
    if "Rules" in mapping:
        out["RulesConfiguration"] = {"Rules": [
            {"Claim": c, "MatchType": m, "Value": v, "RoleARN": arn(r)} for c, m, v, r in mapping["Rules"]]}
    return out


def jwt(claims):
    """An unsigned JWT with these claims (the emulator decodes, it does not verify)."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}.signature"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    stop_emulator(proc, log_path)


def client(endpoint, service, **keys):
    keys = keys or {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "secret"}
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}), **keys)


def new_pool(ci, roles, mappings, allow_unauthenticated=False):
    pool = ci.create_identity_pool(
        IdentityPoolName=f"roles_{uuid.uuid4().hex[:8]}", AllowUnauthenticatedIdentities=allow_unauthenticated,
        CognitoIdentityProviders=[{"ProviderName": PROVIDER, "ClientId": CLIENT}])["IdentityPoolId"]
    ci.set_identity_pool_roles(IdentityPoolId=pool, Roles=roles, RoleMappings=mappings)
    return pool


def caller_arn(endpoint, credentials):
    sts = client(endpoint, "sts", aws_access_key_id=credentials["AccessKeyId"],
                 aws_secret_access_key=credentials["SecretKey"], aws_session_token=credentials["SessionToken"])
    return sts.get_caller_identity()["Arn"]


@pytest.mark.parametrize("case", TABLE_DATA["cases"], ids=[c["name"] for c in TABLE_DATA["cases"]])
def test_credentials_follow_the_role_mapping(endpoint, case):
    ci = client(endpoint, "cognito-identity")
    mapping = mapping_json(case["mapping"])
    pool = new_pool(ci, {"authenticated": arn(TABLE_DATA["authenticatedRole"])},
                    {PROVIDER_KEY: mapping} if mapping else {})
    claims = {**expand(case["claims"]), "aud": CLIENT, "sub": str(uuid.uuid4())}
    logins = {PROVIDER: jwt(claims)}
    app = boto3.client("cognito-identity", endpoint_url=endpoint, region_name="us-east-1",
                       config=Config(signature_version=botocore_unsigned(), retries={"max_attempts": 1}))
    identity = app.get_id(IdentityPoolId=pool, Logins=logins)["IdentityId"]
    extra = {"CustomRoleArn": arn(case["customRoleArn"])} if case.get("customRoleArn") else {}
    expected = arn(case["expect"]["role"])
    if expected is None:
        with pytest.raises(ClientError) as denied:
            app.get_credentials_for_identity(IdentityId=identity, Logins=logins, **extra)
        assert denied.value.response["Error"]["Code"] == "NotAuthorizedException"
        return
    credentials = app.get_credentials_for_identity(IdentityId=identity, Logins=logins, **extra)["Credentials"]
    role_name = expected.rsplit("/", 1)[1]
    assert caller_arn(endpoint, credentials) == \
        f"arn:aws:sts::{ACCOUNT}:assumed-role/{role_name}/CognitoIdentityCredentials"


def botocore_unsigned():
    from botocore import UNSIGNED
    return UNSIGNED


def test_unauthenticated_identity_gets_the_unauthenticated_role(endpoint):
    ci = client(endpoint, "cognito-identity")
    pool = new_pool(ci, {"authenticated": arn("Authenticated"), "unauthenticated": arn("Guest")}, {},
                    allow_unauthenticated=True)
    identity = ci.get_id(IdentityPoolId=pool)["IdentityId"]
    credentials = ci.get_credentials_for_identity(IdentityId=identity)["Credentials"]
    assert caller_arn(endpoint, credentials).endswith(":assumed-role/Guest/CognitoIdentityCredentials")


def test_pool_without_the_role_answers_invalid_configuration(endpoint):
    ci = client(endpoint, "cognito-identity")
    pool = new_pool(ci, {"authenticated": arn("Authenticated")}, {}, allow_unauthenticated=True)
    identity = ci.get_id(IdentityPoolId=pool)["IdentityId"]
    with pytest.raises(ClientError) as error:
        ci.get_credentials_for_identity(IdentityId=identity)
    assert error.value.response["Error"]["Code"] == "InvalidIdentityPoolConfigurationException"


def test_logins_must_belong_to_the_identity(endpoint):
    ci = client(endpoint, "cognito-identity")
    pool = new_pool(ci, {"authenticated": arn("Authenticated")}, {})
    mine = {PROVIDER: jwt({"aud": CLIENT, "sub": "ann"})}
    identity = ci.get_id(IdentityPoolId=pool, Logins=mine)["IdentityId"]
    with pytest.raises(ClientError) as without:
        ci.get_credentials_for_identity(IdentityId=identity)
    assert without.value.response["Error"]["Code"] == "NotAuthorizedException"
    with pytest.raises(ClientError) as other:
        ci.get_credentials_for_identity(IdentityId=identity, Logins={PROVIDER: jwt({"aud": CLIENT, "sub": "bob"})})
    assert other.value.response["Error"]["Code"] == "NotAuthorizedException"
    credentials = ci.get_credentials_for_identity(IdentityId=identity, Logins=mine)["Credentials"]
    assert caller_arn(endpoint, credentials).endswith(":assumed-role/Authenticated/CognitoIdentityCredentials")
