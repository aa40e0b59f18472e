"""Tests of the Cognito Identity extension, through moto's server over HTTP.

Run: python3 -m pytest -q scripts/emulator/test_emulator.py
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from testkit import assert_exits_with_parent, start_emulator, stop_emulator

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")
ACCOUNT = "123456789012"  # moto's default account for unknown access keys
ROLE = f"arn:aws:iam::{ACCOUNT}:role/Cognito_Auth"
UNAUTH_ROLE = f"arn:aws:iam::{ACCOUNT}:role/Cognito_Unauth"
USER_POOL_PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123:3n4b5urk1ft4fl3mg5e62d9ado"
DEV = "login.example.app"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    out = stop_emulator(proc, log_path)
    assert out == "", "the URL must be the only stdout line"


def client(endpoint, service="cognito-identity", region="us-east-1", validate=True):
    config = Config(retries={"max_attempts": 1})
    if not validate:
        config = Config(parameter_validation=False, retries={"max_attempts": 1})
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                        aws_secret_access_key="secret", config=config)


@pytest.fixture(scope="module")
def ci(endpoint):
    return client(endpoint)


@pytest.fixture(scope="module")
def raw(endpoint):
    """Client that sends invalid input unchanged."""
    return client(endpoint, validate=False)


def make_pool(ci, **overrides):
    params = {
        "IdentityPoolName": f"pool_{uuid.uuid4().hex[:10]}",
        "AllowUnauthenticatedIdentities": True,
        "SupportedLoginProviders": {"graph.facebook.com": "1234567890"},
        "DeveloperProviderName": DEV,
        "CognitoIdentityProviders": [{"ProviderName": USER_POOL_PROVIDER.split(":")[0],
                                      "ClientId": USER_POOL_PROVIDER.split(":")[1]}],
    }
    params.update(overrides)
    params = {k: v for k, v in params.items() if v is not None}  # None: leave out
    return ci.create_identity_pool(**params)["IdentityPoolId"]


@pytest.fixture
def pool(ci):
    return make_pool(ci)


def error_of(call, *args, **kwargs):
    with pytest.raises(ClientError) as info:
        call(*args, **kwargs)
    error = info.value.response["Error"]
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    return error["Code"], error["Message"]


def assert_error(code, fragment, call, *args, **kwargs):
    actual_code, message = error_of(call, *args, **kwargs)
    assert actual_code == code, message
    assert fragment in message
    return message


def pool_arn(pool_id, region="us-east-1"):
    return f"arn:aws:cognito-identity:{region}:{ACCOUNT}:identitypool/{pool_id}"


def rules(n, match="Equals"):
    return [{"Claim": "custom:group", "MatchType": match, "Value": f"g{i}", "RoleARN": ROLE}
            for i in range(n)]


# -- GetIdentityPoolRoles / SetIdentityPoolRoles -------------------------------

def test_roles_default_to_empty(ci, pool):
    result = ci.get_identity_pool_roles(IdentityPoolId=pool)
    assert result["IdentityPoolId"] == pool
    assert result["Roles"] == {}
    assert result["RoleMappings"] == {}


def test_roles_round_trip_and_replace(ci, pool):
    mappings = {
        USER_POOL_PROVIDER: {"Type": "Rules", "AmbiguousRoleResolution": "Deny",
                             "RulesConfiguration": {"Rules": rules(2, "StartsWith")}},
        "graph.facebook.com": {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"},
    }
    ci.set_identity_pool_roles(IdentityPoolId=pool,
                               Roles={"authenticated": ROLE, "unauthenticated": UNAUTH_ROLE},
                               RoleMappings=mappings)
    result = ci.get_identity_pool_roles(IdentityPoolId=pool)
    assert result["Roles"] == {"authenticated": ROLE, "unauthenticated": UNAUTH_ROLE}
    assert result["RoleMappings"] == mappings

    # A new call replaces everything: mappings not given are gone.
    ci.set_identity_pool_roles(IdentityPoolId=pool, Roles={"authenticated": ROLE})
    result = ci.get_identity_pool_roles(IdentityPoolId=pool)
    assert result["Roles"] == {"authenticated": ROLE}
    assert result["RoleMappings"] == {}


@pytest.mark.parametrize("provider", [
    USER_POOL_PROVIDER,
    "graph.facebook.com",
    "accounts.google.com",
    "www.amazon.com",
    "appleid.apple.com",
    "login.example.com",
    f"arn:aws:iam::{ACCOUNT}:saml-provider/Corp",
])
def test_role_mapping_accepts_documented_provider_names(ci, pool, provider):
    mapping = {"Type": "Token", "AmbiguousRoleResolution": "Deny"}
    ci.set_identity_pool_roles(IdentityPoolId=pool, Roles={}, RoleMappings={provider: mapping})
    assert ci.get_identity_pool_roles(IdentityPoolId=pool)["RoleMappings"] == {provider: mapping}


def token_mapping(**extra):
    return {"Type": "Token", "AmbiguousRoleResolution": "Deny", **extra}


def rules_mapping(rule_list):
    return {"Type": "Rules", "AmbiguousRoleResolution": "Deny",
            "RulesConfiguration": {"Rules": rule_list}}


@pytest.mark.parametrize("roles, mappings, code, fragment", [
    ({"authenticated": f"arn:aws:iam::{ACCOUNT}:user/bob"}, None,
     "InvalidParameterException", "not a valid IAM role ARN"),
    ({"authenticated": "arn:aws:iam::12345:role/short-account"}, None,
     "InvalidParameterException", "not a valid IAM role ARN"),
    ({"admin": ROLE}, None, "ValidationException", "(un)?authenticated"),
    ({"authenticated": "arn:aws:iam"}, None,
     "ValidationException", "length greater than or equal to 20"),
    ({}, {"graph.facebook.com": {"Type": "Token"}},
     "InvalidParameterException", "AmbiguousRoleResolution must be specified"),
    ({}, {"graph.facebook.com": {"AmbiguousRoleResolution": "Deny"}},
     "ValidationException", "Member must not be null"),
    ({}, {"graph.facebook.com": {"Type": "Magic", "AmbiguousRoleResolution": "Deny"}},
     "ValidationException", "enum value set: [Token, Rules]"),
    ({}, {"graph.facebook.com": {"Type": "Token", "AmbiguousRoleResolution": "Maybe"}},
     "ValidationException", "enum value set: [AuthenticatedRole, Deny]"),
    ({}, {"graph.facebook.com": {"Type": "Rules", "AmbiguousRoleResolution": "Deny"}},
     "InvalidParameterException", "RulesConfiguration is required"),
    ({}, {"graph.facebook.com": token_mapping(RulesConfiguration={"Rules": rules(1)})},
     "InvalidParameterException", "only allowed with Type Rules"),
    ({}, {"graph.facebook.com": rules_mapping([])},
     "ValidationException", "length greater than or equal to 1"),
    ({}, {"graph.facebook.com": rules_mapping(rules(26))},
     "InvalidParameterException", "between 1 and 25 rules"),
    ({}, {"graph.facebook.com": rules_mapping(rules(1, "Regex"))},
     "ValidationException", "Equals, Contains, StartsWith, NotEqual"),
    ({}, {"graph.facebook.com": rules_mapping(
        [{"Claim": "c" * 65, "MatchType": "Equals", "Value": "v", "RoleARN": ROLE}])},
     "ValidationException", "length less than or equal to 64"),
    ({}, {"graph.facebook.com": rules_mapping(
        [{"Claim": "has space", "MatchType": "Equals", "Value": "v", "RoleARN": ROLE}])},
     "ValidationException", "regular expression pattern"),
    ({}, {"graph.facebook.com": rules_mapping(
        [{"Claim": "c", "MatchType": "Equals", "Value": "v" * 129, "RoleARN": ROLE}])},
     "ValidationException", "length less than or equal to 128"),
    ({}, {"graph.facebook.com": rules_mapping(
        [{"Claim": "c", "MatchType": "Equals", "Value": "", "RoleARN": ROLE}])},
     "ValidationException", "length greater than or equal to 1"),
    ({}, {"graph.facebook.com": rules_mapping(
        [{"Claim": "c", "MatchType": "Equals", "Value": "v",
          "RoleARN": f"arn:aws:iam::{ACCOUNT}:policy/p"}])},
     "InvalidParameterException", "not a valid IAM role ARN"),
    ({}, {"not a provider": token_mapping()},
     "InvalidParameterException", "not a valid identity provider name"),
    ({}, {"cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123": token_mapping()},
     "InvalidParameterException", "not a valid identity provider name"),
    ({}, {f"p{i}.example.com": token_mapping() for i in range(11)},
     "ValidationException", "length less than or equal to 10"),
])
def test_set_roles_validation(raw, pool, roles, mappings, code, fragment):
    params = {"IdentityPoolId": pool, "Roles": roles}
    if mappings is not None:
        params["RoleMappings"] = mappings
    assert_error(code, fragment, raw.set_identity_pool_roles, **params)
    # Nothing was stored by the rejected call.
    assert raw.get_identity_pool_roles(IdentityPoolId=pool)["Roles"] == {}


def test_roles_require_roles_member_and_valid_pool(raw, pool):
    message = assert_error("ValidationException", "'roles'",
                           raw.set_identity_pool_roles, IdentityPoolId=pool)
    assert "must not be null" in message
    assert_error("ValidationException", "regular expression pattern",
                 raw.get_identity_pool_roles, IdentityPoolId="not-a-pool-id")
    missing = "us-east-1:00000000-0000-0000-0000-000000000000"
    assert_error("ResourceNotFoundException", missing,
                 raw.get_identity_pool_roles, IdentityPoolId=missing)


# -- principal tag attribute maps ----------------------------------------------

def test_principal_tags_default_and_round_trip(ci, pool):
    default = ci.get_principal_tag_attribute_map(
        IdentityPoolId=pool, IdentityProviderName=USER_POOL_PROVIDER)
    assert default["IdentityPoolId"] == pool
    assert default["IdentityProviderName"] == USER_POOL_PROVIDER
    assert default["UseDefaults"] is True
    assert default.get("PrincipalTags", {}) == {}

    tags = {"client": "aud", "username": "sub"}
    result = ci.set_principal_tag_attribute_map(
        IdentityPoolId=pool, IdentityProviderName=USER_POOL_PROVIDER,
        UseDefaults=False, PrincipalTags=tags)
    assert result["UseDefaults"] is False and result["PrincipalTags"] == tags
    stored = ci.get_principal_tag_attribute_map(
        IdentityPoolId=pool, IdentityProviderName=USER_POOL_PROVIDER)
    assert stored["UseDefaults"] is False and stored["PrincipalTags"] == tags
    # Maps are per provider.
    other = ci.get_principal_tag_attribute_map(
        IdentityPoolId=pool, IdentityProviderName="graph.facebook.com")
    assert other["UseDefaults"] is True


@pytest.mark.parametrize("provider, tags, fragment", [
    ("p" * 129, {}, "length less than or equal to 128"),
    ("", {}, "length greater than or equal to 1"),
    ("graph.facebook.com", {f"k{i}": "v" for i in range(51)}, "length less than or equal to 50"),
    ("graph.facebook.com", {"k" * 129: "v"}, "length less than or equal to 128"),
    ("graph.facebook.com", {"k": "v" * 257}, "length less than or equal to 256"),
    ("graph.facebook.com", {"k": ""}, "length greater than or equal to 1"),
])
def test_principal_tags_validation(raw, pool, provider, tags, fragment):
    assert_error("ValidationException", fragment, raw.set_principal_tag_attribute_map,
                 IdentityPoolId=pool, IdentityProviderName=provider,
                 UseDefaults=False, PrincipalTags=tags)


def test_principal_tags_unknown_pool_and_bad_type(raw):
    missing = "us-east-1:11111111-0000-0000-0000-000000000000"
    assert_error("ResourceNotFoundException", missing, raw.get_principal_tag_attribute_map,
                 IdentityPoolId=missing, IdentityProviderName="graph.facebook.com")
    assert_error("SerializationException", "useDefaults", raw.set_principal_tag_attribute_map,
                 IdentityPoolId=missing, IdentityProviderName="graph.facebook.com",
                 UseDefaults="yes")


# -- identities: GetId, DescribeIdentity, ListIdentities -----------------------

def test_get_id_identities_are_listed_and_described(ci, pool):
    before = time.time()
    anonymous = ci.get_id(IdentityPoolId=pool)["IdentityId"]
    fb = ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "fb-token-1"})["IdentityId"]
    assert anonymous.startswith("us-east-1:") and anonymous != fb
    # The same login maps to the same identity.
    assert ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "fb-token-1"})["IdentityId"] == fb

    listed = ci.list_identities(IdentityPoolId=pool, MaxResults=10)
    assert listed["IdentityPoolId"] == pool
    assert [i["IdentityId"] for i in listed["Identities"]] == [anonymous, fb]
    assert "NextToken" not in listed

    described = ci.describe_identity(IdentityId=fb)
    assert described["IdentityId"] == fb
    assert described["Logins"] == ["graph.facebook.com"]
    assert described["CreationDate"].timestamp() >= before - 1
    assert described["LastModifiedDate"] >= described["CreationDate"]
    assert ci.describe_identity(IdentityId=anonymous)["Logins"] == []


def test_describe_identity_raw_dates_are_epoch_seconds(endpoint, ci, pool):
    identity = ci.get_id(IdentityPoolId=pool)["IdentityId"]
    status, _, body = call_raw(endpoint, "DescribeIdentity", {"IdentityId": identity})
    assert status == 200
    assert isinstance(body["CreationDate"], float)
    assert abs(body["CreationDate"] - time.time()) < 60


def test_get_id_rules(raw, ci):
    closed = make_pool(ci, AllowUnauthenticatedIdentities=False)
    assert_error("NotAuthorizedException", "Unauthenticated access is not supported",
                 raw.get_id, IdentityPoolId=closed)
    assert_error("NotAuthorizedException", "accounts.google.com", raw.get_id,
                 IdentityPoolId=closed, Logins={"accounts.google.com": "t"})
    missing = "us-east-1:22222222-0000-0000-0000-000000000000"
    assert_error("ResourceNotFoundException", missing, raw.get_id, IdentityPoolId=missing)


def test_get_id_routes_by_pool_region(endpoint):
    west = client(endpoint, region="eu-west-1")
    pool_id = make_pool(west)
    # Sent to a us-east-1 endpoint, as unsigned SDK calls may be.
    identity = client(endpoint).get_id(IdentityPoolId=pool_id)["IdentityId"]
    assert identity.startswith("eu-west-1:")
    assert [i["IdentityId"] for i in west.list_identities(
        IdentityPoolId=pool_id, MaxResults=5)["Identities"]] == [identity]


def test_describe_identity_errors(raw):
    assert_error("ResourceNotFoundException", "us-east-1:33333333-0000-0000-0000-000000000000",
                 raw.describe_identity, IdentityId="us-east-1:33333333-0000-0000-0000-000000000000")
    assert_error("ValidationException", "identityId", raw.describe_identity, IdentityId="nope")


def collect(pages_call, key, id_key, **params):
    """Every item of a paginated listing, page by page, plus the page count."""
    items, token, pages = [], None, 0
    while True:
        page = pages_call(**params, **({"NextToken": token} if token else {}))
        items += [item[id_key] for item in page[key]]
        pages += 1
        token = page.get("NextToken")
        if not token:
            return items, pages


def test_list_identities_pagination_hundreds(ci, pool):
    created = [ci.get_id(IdentityPoolId=pool)["IdentityId"] for _ in range(317)]
    items, pages = collect(ci.list_identities, "Identities", "IdentityId",
                           IdentityPoolId=pool, MaxResults=60)
    assert items == created  # each exactly once, in creation order
    assert pages == 6


def test_list_identities_deletion_between_pages_skips_nothing(ci, pool):
    created = [ci.get_id(IdentityPoolId=pool)["IdentityId"] for _ in range(10)]
    first = ci.list_identities(IdentityPoolId=pool, MaxResults=4)
    ci.delete_identities(IdentityIdsToDelete=created[2:6])  # spans the page boundary
    rest = ci.list_identities(IdentityPoolId=pool, MaxResults=60, NextToken=first["NextToken"])
    seen = [i["IdentityId"] for i in first["Identities"] + rest["Identities"]]
    assert seen == created[:4] + created[6:]


def test_list_identities_bad_tokens_and_limits(raw, ci, pool):
    other = make_pool(ci)
    for _ in range(3):
        ci.get_id(IdentityPoolId=pool)
    token = ci.list_identities(IdentityPoolId=pool, MaxResults=1)["NextToken"]
    assert pool not in token  # opaque
    for bad in ["garbage", token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
                token.replace(".", "")]:
        assert_error("InvalidParameterException", "NextToken", raw.list_identities,
                     IdentityPoolId=pool, MaxResults=1, NextToken=bad)
    # A token only works for the listing it came from.
    assert_error("InvalidParameterException", "NextToken", raw.list_identities,
                 IdentityPoolId=other, MaxResults=1, NextToken=token)
    assert_error("InvalidParameterException", "NextToken", raw.list_identity_pools,
                 MaxResults=1, NextToken=token)
    assert_error("ValidationException", "less than or equal to 60", raw.list_identities,
                 IdentityPoolId=pool, MaxResults=61)
    assert_error("ValidationException", "greater than or equal to 1", raw.list_identities,
                 IdentityPoolId=pool, MaxResults=0)
    assert_error("ValidationException", "'maxResults' failed to satisfy constraint: Member must not be null",
                 raw.list_identities, IdentityPoolId=pool)
    missing = "us-east-1:44444444-0000-0000-0000-000000000000"
    assert_error("ResourceNotFoundException", missing, raw.list_identities,
                 IdentityPoolId=missing, MaxResults=5)


def test_list_identity_pools_pagination_hundreds(endpoint):
    sydney = client(endpoint, region="ap-southeast-2")  # a region of its own
    created = [make_pool(sydney) for _ in range(253)]
    first = sydney.list_identity_pools(MaxResults=60)
    assert set(first["IdentityPools"][0]) == {"IdentityPoolId", "IdentityPoolName"}
    items, pages = collect(sydney.list_identity_pools, "IdentityPools", "IdentityPoolId",
                           MaxResults=60)
    assert items == created
    assert pages == 5
    unchecked = client(endpoint, region="ap-southeast-2", validate=False)
    assert_error("ValidationException", "'maxResults'", unchecked.list_identity_pools,
                 MaxResults=100)
    assert_error("ValidationException", "'maxResults'", unchecked.list_identity_pools)


def test_hide_disabled(ci, pool):
    keep = ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "keep"})["IdentityId"]
    gone = ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "gone"})["IdentityId"]
    ci.unlink_identity(IdentityId=gone, Logins={"graph.facebook.com": "gone"},
                       LoginsToRemove=["graph.facebook.com"])
    everyone = ci.list_identities(IdentityPoolId=pool, MaxResults=10)["Identities"]
    assert [i["IdentityId"] for i in everyone] == [keep, gone]
    enabled = ci.list_identities(IdentityPoolId=pool, MaxResults=10, HideDisabled=True)
    assert [i["IdentityId"] for i in enabled["Identities"]] == [keep]


# -- DeleteIdentities, UnlinkIdentity ------------------------------------------

def test_delete_identities_with_unprocessed(ci, pool):
    ids = [ci.get_id(IdentityPoolId=pool)["IdentityId"] for _ in range(3)]
    unknown = "us-east-1:55555555-0000-0000-0000-000000000000"
    result = ci.delete_identities(IdentityIdsToDelete=[ids[0], unknown, ids[2]])
    assert result["UnprocessedIdentityIds"] == [
        {"IdentityId": unknown, "ErrorCode": "InternalServerError"}]
    remaining = ci.list_identities(IdentityPoolId=pool, MaxResults=10)["Identities"]
    assert [i["IdentityId"] for i in remaining] == [ids[1]]
    assert_error("ResourceNotFoundException", ids[0], ci.describe_identity, IdentityId=ids[0])


def test_delete_identities_limits(raw):
    many = [f"us-east-1:{uuid.uuid4()}" for _ in range(61)]
    assert_error("ValidationException", "length less than or equal to 60",
                 raw.delete_identities, IdentityIdsToDelete=many)
    assert_error("ValidationException", "length greater than or equal to 1",
                 raw.delete_identities, IdentityIdsToDelete=[])
    result = raw.delete_identities(IdentityIdsToDelete=many[:60])
    assert len(result["UnprocessedIdentityIds"]) == 60


def test_unlink_identity(ci, raw, pool):
    identity = ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "fb-1"})["IdentityId"]
    ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "fb-1",
                                           USER_POOL_PROVIDER.split(":")[0]: "idp-1"})
    assert sorted(ci.describe_identity(IdentityId=identity)["Logins"]) == sorted(
        ["graph.facebook.com", USER_POOL_PROVIDER.split(":")[0]])
    assert_error("NotAuthorizedException", "does not belong", raw.unlink_identity,
                 IdentityId=identity, Logins={"graph.facebook.com": "someone-else"},
                 LoginsToRemove=["graph.facebook.com"])
    assert_error("InvalidParameterException", "www.amazon.com", raw.unlink_identity,
                 IdentityId=identity, Logins={"graph.facebook.com": "fb-1"},
                 LoginsToRemove=["www.amazon.com"])
    assert_error("ValidationException", "loginsToRemove", raw.unlink_identity,
                 IdentityId=identity, Logins={"graph.facebook.com": "fb-1"})
    ci.unlink_identity(IdentityId=identity, Logins={"graph.facebook.com": "fb-1"},
                       LoginsToRemove=["graph.facebook.com"])
    assert ci.describe_identity(IdentityId=identity)["Logins"] == [USER_POOL_PROVIDER.split(":")[0]]
    # The unlinked login is a new user next time it is seen.
    again = ci.get_id(IdentityPoolId=pool, Logins={"graph.facebook.com": "fb-1"})["IdentityId"]
    assert again != identity


# -- tags ----------------------------------------------------------------------

def test_tags_round_trip(ci):
    pool_id = make_pool(ci, IdentityPoolTags={"team": "auth", "env": "dev"})
    arn = pool_arn(pool_id)
    assert ci.describe_identity_pool(IdentityPoolId=pool_id)["IdentityPoolTags"] == {
        "team": "auth", "env": "dev"}
    assert ci.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "auth", "env": "dev"}
    ci.tag_resource(ResourceArn=arn, Tags={"env": "prod", "cost": "42"})
    ci.untag_resource(ResourceArn=arn, TagKeys=["team", "not-there"])
    expected = {"env": "prod", "cost": "42"}
    assert ci.list_tags_for_resource(ResourceArn=arn)["Tags"] == expected
    assert ci.describe_identity_pool(IdentityPoolId=pool_id)["IdentityPoolTags"] == expected


def test_tags_errors(raw, pool):
    assert_error("InvalidParameterException", "Invalid ResourceArn", raw.list_tags_for_resource,
                 ResourceArn="arn:aws:cognito-idp:us-east-1:123456789012:userpool/x")
    missing = pool_arn("us-east-1:66666666-0000-0000-0000-000000000000")
    assert_error("ResourceNotFoundException", missing, raw.tag_resource,
                 ResourceArn=missing, Tags={"a": "b"})
    assert_error("ResourceNotFoundException", "not found", raw.list_tags_for_resource,
                 ResourceArn=pool_arn(pool, region="eu-north-1"))
    assert_error("InvalidParameterException", "at most 50 tags", raw.tag_resource,
                 ResourceArn=pool_arn(pool), Tags={f"k{i}": "v" for i in range(51)})
    assert_error("InvalidParameterException", "aws:", raw.tag_resource,
                 ResourceArn=pool_arn(pool), Tags={"aws:owner": "me"})
    assert_error("ValidationException", "length less than or equal to 128", raw.tag_resource,
                 ResourceArn=pool_arn(pool), Tags={"k" * 129: "v"})
    assert_error("ValidationException", "tagKeys", raw.untag_resource, ResourceArn=pool_arn(pool))
    assert raw.list_tags_for_resource(ResourceArn=pool_arn(pool))["Tags"] == {}


# -- developer authenticated identities ----------------------------------------

def dev_login(ci, pool_id, user, identity_id=None):
    params = {"IdentityPoolId": pool_id, "Logins": {DEV: user}}
    if identity_id:
        params["IdentityId"] = identity_id
    return ci.get_open_id_token_for_developer_identity(**params)


def test_developer_identity_lookup(ci, raw, pool):
    first = dev_login(ci, pool, "alice")
    identity = first["IdentityId"]
    assert first["Token"].count(".") == 2  # JWT-shaped OpenID token
    assert dev_login(ci, pool, "alice")["IdentityId"] == identity
    dev_login(ci, pool, "alice-phone", identity_id=identity)

    by_user = ci.lookup_developer_identity(IdentityPoolId=pool, DeveloperUserIdentifier="alice")
    assert by_user["IdentityId"] == identity
    assert by_user["DeveloperUserIdentifierList"] == ["alice", "alice-phone"]
    by_id = ci.lookup_developer_identity(IdentityPoolId=pool, IdentityId=identity, MaxResults=5)
    assert by_id["DeveloperUserIdentifierList"] == ["alice", "alice-phone"]
    assert ci.describe_identity(IdentityId=identity)["Logins"] == [DEV]
    # The identity is a normal identity of the pool.
    listed = ci.list_identities(IdentityPoolId=pool, MaxResults=5)["Identities"]
    assert [i["IdentityId"] for i in listed] == [identity]

    bob = dev_login(ci, pool, "bob")["IdentityId"]
    assert_error("ResourceConflictException", "not associated", raw.lookup_developer_identity,
                 IdentityPoolId=pool, IdentityId=bob, DeveloperUserIdentifier="alice")
    assert_error("InvalidParameterException", "Either IdentityId or DeveloperUserIdentifier",
                 raw.lookup_developer_identity, IdentityPoolId=pool)
    assert_error("ResourceNotFoundException", "carol", raw.lookup_developer_identity,
                 IdentityPoolId=pool, DeveloperUserIdentifier="carol")
    assert_error("ValidationException", "less than or equal to 60", raw.lookup_developer_identity,
                 IdentityPoolId=pool, IdentityId=bob, MaxResults=61)
    assert_error("DeveloperUserAlreadyRegisteredException", "alice",
                 raw.get_open_id_token_for_developer_identity,
                 IdentityPoolId=pool, IdentityId=bob, Logins={DEV: "alice"})


def test_developer_identity_lookup_pagination(ci, raw, pool):
    identity = dev_login(ci, pool, "user-0")["IdentityId"]
    users = [f"user-{i}" for i in range(7)]
    for user in users[1:]:
        dev_login(ci, pool, user, identity_id=identity)
    seen, pages, token = [], 0, None
    while True:
        page = ci.lookup_developer_identity(IdentityPoolId=pool, IdentityId=identity,
                                            MaxResults=3, **({"NextToken": token} if token else {}))
        assert page["IdentityId"] == identity
        seen += page["DeveloperUserIdentifierList"]
        pages += 1
        token = page.get("NextToken")
        if not token:
            break
    assert seen == users and pages == 3
    assert_error("InvalidParameterException", "NextToken", raw.lookup_developer_identity,
                 IdentityPoolId=pool, IdentityId=identity, MaxResults=3, NextToken="bogus")


def test_developer_identity_requires_pool_developer_provider(ci, raw):
    plain = make_pool(ci, DeveloperProviderName=None)
    assert_error("InvalidParameterException", "no DeveloperProviderName",
                 raw.get_open_id_token_for_developer_identity,
                 IdentityPoolId=plain, Logins={DEV: "alice"})
    pool_id = make_pool(ci)
    assert_error("InvalidParameterException", DEV, raw.get_open_id_token_for_developer_identity,
                 IdentityPoolId=pool_id, Logins={"other.provider": "alice"})


def test_merge_developer_identities(ci, raw, pool):
    source = dev_login(ci, pool, "old-account")["IdentityId"]
    target = dev_login(ci, pool, "new-account")["IdentityId"]
    merged = ci.merge_developer_identities(
        SourceUserIdentifier="old-account", DestinationUserIdentifier="new-account",
        DeveloperProviderName=DEV, IdentityPoolId=pool)
    assert merged["IdentityId"] == target
    lookup = ci.lookup_developer_identity(IdentityPoolId=pool, DeveloperUserIdentifier="old-account")
    assert lookup["IdentityId"] == target
    assert lookup["DeveloperUserIdentifierList"] == ["new-account", "old-account"]
    # The emptied source identity is disabled.
    visible = ci.list_identities(IdentityPoolId=pool, MaxResults=10, HideDisabled=True)
    assert [i["IdentityId"] for i in visible["Identities"]] == [target]
    assert ci.describe_identity(IdentityId=source)["Logins"] == []

    assert_error("ResourceNotFoundException", "nobody", raw.merge_developer_identities,
                 SourceUserIdentifier="nobody", DestinationUserIdentifier="new-account",
                 DeveloperProviderName=DEV, IdentityPoolId=pool)
    assert_error("InvalidParameterException", "does not match", raw.merge_developer_identities,
                 SourceUserIdentifier="old-account", DestinationUserIdentifier="new-account",
                 DeveloperProviderName="other.provider", IdentityPoolId=pool)
    assert_error("ValidationException", "developerProviderName", raw.merge_developer_identities,
                 SourceUserIdentifier="a", DestinationUserIdentifier="b",
                 DeveloperProviderName="bad name!", IdentityPoolId=pool)


def test_unlink_developer_identity(ci, raw, pool):
    identity = dev_login(ci, pool, "dana")["IdentityId"]
    dev_login(ci, pool, "dana-2", identity_id=identity)
    ci.unlink_developer_identity(IdentityId=identity, IdentityPoolId=pool,
                                 DeveloperProviderName=DEV, DeveloperUserIdentifier="dana")
    assert_error("ResourceNotFoundException", "dana", raw.lookup_developer_identity,
                 IdentityPoolId=pool, DeveloperUserIdentifier="dana")
    assert ci.lookup_developer_identity(IdentityPoolId=pool, IdentityId=identity)[
        "DeveloperUserIdentifierList"] == ["dana-2"]
    assert_error("ResourceNotFoundException", "not linked", raw.unlink_developer_identity,
                 IdentityId=identity, IdentityPoolId=pool,
                 DeveloperProviderName=DEV, DeveloperUserIdentifier="dana")
    ci.unlink_developer_identity(IdentityId=identity, IdentityPoolId=pool,
                                 DeveloperProviderName=DEV, DeveloperUserIdentifier="dana-2")
    assert ci.list_identities(IdentityPoolId=pool, MaxResults=5, HideDisabled=True)["Identities"] == []
    # A new login for the developer user creates a fresh identity.
    assert dev_login(ci, pool, "dana")["IdentityId"] != identity


def test_open_id_token_logs_back_in(ci, pool):
    issued = dev_login(ci, pool, "erin")
    again = ci.get_id(IdentityPoolId=pool,
                      Logins={"cognito-identity.amazonaws.com": issued["Token"]})
    assert again["IdentityId"] == issued["IdentityId"]


# -- state shared with moto's built-in operations ------------------------------

def test_state_shared_with_moto_builtins(ci, raw):
    pool_id = make_pool(ci)
    identity = ci.get_id(IdentityPoolId=pool_id)["IdentityId"]
    ci.set_identity_pool_roles(IdentityPoolId=pool_id, Roles={"authenticated": ROLE})
    listed = ci.list_identity_pools(MaxResults=60)
    all_ids = collect(ci.list_identity_pools, "IdentityPools", "IdentityPoolId", MaxResults=60)[0]
    assert pool_id in all_ids and listed["IdentityPools"]

    # moto's UpdateIdentityPool (fixed to rename) and DescribeIdentityPool.
    ci.update_identity_pool(IdentityPoolId=pool_id, IdentityPoolName="renamed_pool",
                            AllowUnauthenticatedIdentities=False, AllowClassicFlow=True)
    described = ci.describe_identity_pool(IdentityPoolId=pool_id)
    assert described["IdentityPoolName"] == "renamed_pool"
    assert described["AllowClassicFlow"] is True
    assert described["AllowUnauthenticatedIdentities"] is False
    assert "SupportedLoginProviders" not in described or described["SupportedLoginProviders"] == {}
    assert ci.get_identity_pool_roles(IdentityPoolId=pool_id)["Roles"] == {"authenticated": ROLE}

    ci.delete_identity_pool(IdentityPoolId=pool_id)  # moto's own operation
    assert_error("ResourceNotFoundException", pool_id, raw.get_identity_pool_roles,
                 IdentityPoolId=pool_id)
    assert_error("ResourceNotFoundException", pool_id, raw.list_identities,
                 IdentityPoolId=pool_id, MaxResults=5)
    assert_error("ResourceNotFoundException", identity, raw.describe_identity, IdentityId=identity)
    assert_error("ResourceNotFoundException", pool_id, raw.delete_identity_pool,
                 IdentityPoolId=pool_id)
    assert_error("ResourceNotFoundException", pool_id, raw.update_identity_pool,
                 IdentityPoolId=pool_id, IdentityPoolName="x",
                 AllowUnauthenticatedIdentities=True)
    assert pool_id not in collect(ci.list_identity_pools, "IdentityPools", "IdentityPoolId",
                                  MaxResults=60)[0]


def test_moto_reset_keeps_the_extension(endpoint):
    region = "ca-central-1"  # state of its own
    ci = client(endpoint, region=region)
    pool_id = make_pool(ci)
    ci.get_id(IdentityPoolId=pool_id)
    urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset", method="POST"),
                           timeout=10).read()
    assert ci.list_identity_pools(MaxResults=60)["IdentityPools"] == []
    fresh = make_pool(ci)
    ci.set_identity_pool_roles(IdentityPoolId=fresh, Roles={"authenticated": ROLE})
    assert ci.get_identity_pool_roles(IdentityPoolId=fresh)["Roles"] == {"authenticated": ROLE}
    assert len(ci.list_identities(IdentityPoolId=fresh, MaxResults=5)["Identities"]) == 0


# -- wire protocol -------------------------------------------------------------

def call_raw(endpoint, operation, body, raw_body=None):
    request = urllib.request.Request(
        endpoint + "/", method="POST",
        data=raw_body if raw_body is not None else json.dumps(body).encode(),
        headers={
            "X-Amz-Target": f"AWSCognitoIdentityService.{operation}",
            "Content-Type": "application/x-amz-json-1.1",
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/"
                             "us-east-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=0",
        })
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def test_wire_format(endpoint):
    status, headers, body = call_raw(endpoint, "ListIdentityPools", {"MaxResults": 1})
    assert status == 200 and headers["Content-Type"] == "application/x-amz-json-1.1"
    assert "IdentityPools" in body

    status, headers, body = call_raw(endpoint, "GetIdentityPoolRoles",
                                     {"IdentityPoolId": "us-east-1:77777777-0000-0000-0000-000000000000"})
    assert status == 400 and headers["Content-Type"] == "application/x-amz-json-1.1"
    assert body["__type"] == "ResourceNotFoundException" and "77777777" in body["message"]

    status, _, body = call_raw(endpoint, "SetupClass", {})
    assert status == 400 and body["__type"] == "UnknownOperationException"
    status, _, body = call_raw(endpoint, "ListIdentityPools", None, raw_body=b"{not json")
    assert status == 400 and body["__type"] == "SerializationException"
    status, _, body = call_raw(endpoint, "ListIdentityPools", {"MaxResults": "10"})
    assert status == 400 and body["__type"] == "SerializationException"


# -- the other services the console needs --------------------------------------

def test_sts_iam_and_cognito_idp_in_any_region(endpoint):
    iam = client(endpoint, "iam")
    role = iam.create_role(RoleName="EmulatorRole", AssumeRolePolicyDocument="{}")["Role"]
    sts = client(endpoint, "sts", region="eu-central-1")
    assumed = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="session-1")
    assert assumed["AssumedRoleUser"]["Arn"].endswith(":assumed-role/EmulatorRole/session-1")
    assert sts.get_caller_identity()["Account"] == ACCOUNT
    idp = client(endpoint, "cognito-idp", region="sa-east-1")
    user_pool = idp.create_user_pool(PoolName="users")["UserPool"]["Id"]
    assert user_pool.startswith("sa-east-1_")
    # A region botocore has never heard of works too.
    odd = client(endpoint, region="xx-test-9")
    assert make_pool(odd).startswith("xx-test-9:")


def test_explicit_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, SERVER, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().strip() == f"http://127.0.0.1:{port}"
        ci = client(f"http://127.0.0.1:{port}")
        assert ci.list_identity_pools(MaxResults=1)["IdentityPools"] == []
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0


def test_watch_parent_exits_with_parent():
    assert_exits_with_parent(SERVER, "server", parent_lifetime=1, poll=0.2)


# -- cognito-idp updates replace, as the service does ------------------------------------


def test_update_group_resets_what_it_is_not_sent(endpoint):
    idp = client(endpoint, "cognito-idp")
    pool = idp.create_user_pool(PoolName=f"fidelity-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    idp.create_group(GroupName="staff", UserPoolId=pool, Description="Staff", RoleArn=ROLE, Precedence=3)
    idp.update_group(GroupName="staff", UserPoolId=pool, Description="All staff")
    group = idp.get_group(GroupName="staff", UserPoolId=pool)["Group"]
    assert group["Description"] == "All staff"
    assert "Precedence" not in group and "RoleArn" not in group


def test_update_user_pool_client_resets_what_it_is_not_sent_but_keeps_the_name(endpoint):
    idp = client(endpoint, "cognito-idp")
    pool = idp.create_user_pool(PoolName=f"fidelity-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    created = idp.create_user_pool_client(UserPoolId=pool, ClientName="web", RefreshTokenValidity=10,
                                          ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    client_id = created["UserPoolClient"]["ClientId"]
    idp.update_user_pool_client(UserPoolId=pool, ClientId=client_id, AuthSessionValidity=5)
    after = idp.describe_user_pool_client(UserPoolId=pool, ClientId=client_id)["UserPoolClient"]
    assert after["ClientName"] == "web"
    assert after["AuthSessionValidity"] == 5
    assert after["RefreshTokenValidity"] == 30
    assert "ExplicitAuthFlows" not in after
