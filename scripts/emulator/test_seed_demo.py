"""Tests of seed_demo.py: seed a fresh emulator and read the data back.

Run: python3 -m pytest -q scripts/emulator/test_seed_demo.py
"""

import json
import os
import random
import subprocess
import sys
import time
import unicodedata

import boto3
import pytest
from botocore.config import Config

from testkit import start_emulator, stop_emulator

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server.py")
SEED = os.path.join(HERE, "seed_demo.py")
ACCOUNT = "123456789012"
USERS = 200




@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    stop_emulator(proc, log_path)


@pytest.fixture(scope="module")
def seeded(endpoint):
    result = subprocess.run([sys.executable, SEED, endpoint, "--users", str(USERS)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def client(endpoint, service, region="us-east-1"):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                        aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}))


@pytest.fixture(scope="module")
def idp(endpoint, seeded):
    return client(endpoint, "cognito-idp")


@pytest.fixture(scope="module")
def ci(endpoint, seeded):
    return client(endpoint, "cognito-identity")


def pools_by_name(idp_client):
    return {p["Name"]: p["Id"] for p in idp_client.list_user_pools(MaxResults=60)["UserPools"]}


@pytest.fixture(scope="module")
def prod(idp):
    return pools_by_name(idp)["prod-customers"]


def every(call, key, token_in, token_out, **params):
    items, token = [], None
    while True:
        page = call(**params, **({token_in: token} if token else {}))
        items += page[key]
        token = page.get(token_out)
        if not token:
            return items


@pytest.fixture(scope="module")
def prod_users(idp, prod):
    return every(idp.list_users, "Users", "PaginationToken", "PaginationToken",
                 UserPoolId=prod, Limit=60)


def attrs(user):
    return {a["Name"]: a["Value"] for a in user["Attributes"]}


def scripts_of(text):
    """Unicode script-ish names of the letters in ``text`` (LATIN, CYRILLIC, CJK, ...)."""
    found = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add("CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
                      else name.split(" ")[0])
    return found


# -- the command ----------------------------------------------------------------

def test_summary_line_and_exit_code(seeded):
    assert seeded.stdout == ""
    lines = seeded.stderr.strip().splitlines()
    assert len(lines) == 1, seeded.stderr
    assert lines[0].startswith("seed_demo: 5 user pools")
    assert f"prod-customers {USERS}" in lines[0]


def test_refuses_to_seed_twice(endpoint, seeded):
    result = subprocess.run([sys.executable, SEED, endpoint, "--users", "5"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "already has a prod-customers user pool" in result.stderr


# -- user pools -----------------------------------------------------------------

def test_user_pools_in_both_regions(endpoint, idp):
    assert set(pools_by_name(idp)) == {"prod-customers", "internal-staff"}
    eu = pools_by_name(client(endpoint, "cognito-idp", "eu-west-1"))
    assert set(eu) == {"staging-customers", "partner-portal", "dev-sandbox"}


def test_prod_pool_settings(idp, prod):
    pool = idp.describe_user_pool(UserPoolId=prod)["UserPool"]
    assert pool["DeletionProtection"] == "ACTIVE"
    assert pool["MfaConfiguration"] == "OPTIONAL"
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 12
    assert pool["AliasAttributes"] == ["email", "phone_number", "preferred_username"]
    assert pool["AutoVerifiedAttributes"] == ["email"]
    assert pool["LambdaConfig"]["PreSignUp"].startswith("arn:aws:lambda:us-east-1:")
    assert pool["UserPoolTags"]["environment"] == "production"
    schema = {a["Name"] for a in pool["SchemaAttributes"]}
    assert {"email", "phone_number", "custom:tenant_id", "custom:plan"} <= schema
    mfa = idp.get_user_pool_mfa_config(UserPoolId=prod)
    assert mfa["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert "SmsConfiguration" in mfa["SmsMfaConfiguration"]


def test_other_pools_vary(endpoint, idp):
    staff = pools_by_name(idp)["internal-staff"]
    assert idp.get_user_pool_mfa_config(UserPoolId=staff)["MfaConfiguration"] == "ON"
    eu = client(endpoint, "cognito-idp", "eu-west-1")
    staging = eu.describe_user_pool(UserPoolId=pools_by_name(eu)["staging-customers"])
    assert staging["UserPool"]["MfaConfiguration"] == "OFF"
    assert staging["UserPool"]["UsernameAttributes"] == ["email"]
    assert staging["UserPool"]["DeletionProtection"] == "INACTIVE"
    for pool_id in pools_by_name(eu).values():
        assert eu.list_users(UserPoolId=pool_id)["Users"], "every pool has users"


def test_prod_clients_domain_providers_resource_server(idp, prod):
    clients = {c["ClientName"]: c["ClientId"]
               for c in idp.list_user_pool_clients(UserPoolId=prod, MaxResults=60)
               ["UserPoolClients"]}
    assert {"web-spa", "ios-app", "android-app", "orders-backend"} <= set(clients)
    web = idp.describe_user_pool_client(UserPoolId=prod, ClientId=clients["web-spa"])
    assert "ClientSecret" not in web["UserPoolClient"]
    assert web["UserPoolClient"]["CallbackURLs"]
    backend = idp.describe_user_pool_client(UserPoolId=prod, ClientId=clients["orders-backend"])
    assert backend["UserPoolClient"]["ClientSecret"]
    assert backend["UserPoolClient"]["AllowedOAuthFlows"] == ["client_credentials"]

    domain = idp.describe_user_pool_domain(Domain="example-prod-customers")
    assert domain["DomainDescription"]["UserPoolId"] == prod
    providers = idp.list_identity_providers(UserPoolId=prod, MaxResults=60)["Providers"]
    assert {(p["ProviderName"], p["ProviderType"]) for p in providers} == {
        ("Google", "Google"), ("AcmeCorpSAML", "SAML")}
    servers = idp.list_resource_servers(UserPoolId=prod, MaxResults=50)["ResourceServers"]
    assert [len(s["Scopes"]) for s in servers] == [3]


# -- users and groups -----------------------------------------------------------

def test_prod_users_have_every_status(prod_users):
    assert len(prod_users) == USERS
    statuses = {u["UserStatus"] for u in prod_users}
    assert {"CONFIRMED", "UNCONFIRMED", "FORCE_CHANGE_PASSWORD"} <= statuses
    assert any(not u["Enabled"] for u in prod_users)
    assert sum(u["UserStatus"] == "CONFIRMED" for u in prod_users) > USERS // 2


def test_prod_users_names_in_many_scripts(prod_users):
    scripts = set()
    for user in prod_users:
        scripts |= scripts_of(attrs(user)["name"])
    assert {"LATIN", "CYRILLIC", "ARABIC", "CJK", "DEVANAGARI"} <= scripts, scripts
    assert len(scripts & {"GREEK", "HEBREW", "THAI"}) >= 2, scripts
    names = [attrs(u)["name"] for u in prod_users]
    assert any(n != n.encode("ascii", "ignore").decode() and "LATIN" in scripts_of(n)
               for n in names), "accented Latin names"


def test_prod_users_attributes(prod_users):
    for user in prod_users:
        values = attrs(user)
        assert "@" in values["email"]
        assert values["custom:plan"] in ("free", "pro", "enterprise")
        assert values["custom:tenant_id"]
    assert any("phone_number" in attrs(u) for u in prod_users)


def test_groups_have_members(idp, prod, prod_users):
    groups = {g["GroupName"]: g for g in idp.list_groups(UserPoolId=prod, Limit=60)["Groups"]}
    assert groups["admins"]["Precedence"] == 0
    assert groups["admins"]["RoleArn"].startswith(f"arn:aws:iam::{ACCOUNT}:role/")
    assert groups["admins"]["Description"]

    def members(name):
        return every(idp.list_users_in_group, "Users", "NextToken", "NextToken",
                     UserPoolId=prod, GroupName=name, Limit=60)

    assert len(members("admins")) == 6
    enterprise = members("enterprise-customers")
    assert enterprise
    assert all(attrs(u)["custom:plan"] == "enterprise" for u in enterprise)
    expected = sum(attrs(u)["custom:plan"] == "enterprise" for u in prod_users)
    assert len(enterprise) == expected
    disabled = {u["Username"] for u in prod_users if not u["Enabled"]}
    assert disabled <= {u["Username"] for u in members("fraud-review")}
    assert members("legacy-import-2019") == []


# -- devices, sign-in events, linked identities ----------------------------------

DOCUMENTATION_NETS = ("192.0.2.", "198.51.100.", "203.0.113.")


@pytest.fixture(scope="module")
def histories(idp, prod, prod_users):
    """Username -> (devices, sign-in events) of every prod user that has devices."""
    found = {}
    for user in prod_users:
        name = user["Username"]
        devices = idp.admin_list_devices(UserPoolId=prod, Username=name)["Devices"]
        if devices:
            events = every(idp.admin_list_user_auth_events, "AuthEvents", "NextToken",
                           "NextToken", UserPoolId=prod, Username=name, MaxResults=60)
            found[name] = (devices, events)
    return found


def test_summary_counts_the_sign_in_history(seeded):
    assert "6 users" in seeded.stderr and "2 linked Google identities" in seeded.stderr


def test_prod_users_have_devices(histories):
    assert 3 <= len(histories) <= 8
    devices = [d for user_devices, _ in histories.values() for d in user_devices]
    remembered = set()
    for device in devices:
        values = {a["Name"]: a["Value"] for a in device["DeviceAttributes"]}
        assert values["device_name"]
        assert values["last_ip_used"].startswith(DOCUMENTATION_NETS)
        remembered.add(values["dev:device_remembered_status"])
        assert device["DeviceCreateDate"] <= device["DeviceLastAuthenticatedDate"]
        assert device["DeviceLastAuthenticatedDate"].timestamp() < time.time()
    assert remembered == {"remembered", "not_remembered"}


def test_prod_users_have_a_sign_in_history(histories):
    events = [e for _, user_events in histories.values() for e in user_events]
    assert 20 <= len(events) <= 40
    assert all(user_events for _, user_events in histories.values())
    assert {e["EventType"] for e in events} == {"SignIn", "SignUp", "ForgotPassword"}
    assert {e["EventResponse"] for e in events} == {"Pass", "Fail"}
    assert {e["EventRisk"]["RiskLevel"] for e in events} == {"Low", "Medium", "High"}
    assert {"NoRisk", "AccountTakeover", "Block"} <= {e["EventRisk"]["RiskDecision"]
                                                       for e in events}
    for event in events:
        context = event["EventContextData"]
        assert context["IpAddress"].startswith(DOCUMENTATION_NETS)
        assert context["City"] and context["Country"]
    for _, user_events in histories.values():
        dates = [e["CreationDate"] for e in user_events]
        assert dates == sorted(dates, reverse=True), "newest first"
        assert user_events[-1]["EventType"] == "SignUp"
    judged = [e["EventFeedback"] for e in events if "EventFeedback" in e]
    assert [(f["FeedbackValue"], f["Provider"]) for f in judged] == [("Invalid", "Admin")]


def test_two_prod_users_are_linked_to_google(prod_users):
    linked = [json.loads(attrs(u)["identities"]) for u in prod_users
              if "identities" in attrs(u)]
    assert len(linked) == 2
    for identities in linked:
        assert [(i["providerName"], i["providerType"]) for i in identities] == [
            ("Google", "Google")]
        assert identities[0]["userId"].isdigit()


# -- identity pools --------------------------------------------------------------

@pytest.fixture(scope="module")
def prod_identities(ci):
    pools = {p["IdentityPoolName"]: p["IdentityPoolId"]
             for p in ci.list_identity_pools(MaxResults=60)["IdentityPools"]}
    assert set(pools) == {"prod_identities"}
    return pools["prod_identities"]


def provider_keys(idp, prod):
    clients = {c["ClientName"]: c["ClientId"]
               for c in idp.list_user_pool_clients(UserPoolId=prod, MaxResults=60)
               ["UserPoolClients"]}
    base = f"cognito-idp.us-east-1.amazonaws.com/{prod}"
    return base, f"{base}:{clients['web-spa']}", f"{base}:{clients['ios-app']}"


def test_prod_identity_pool_configuration(ci, idp, prod, prod_identities):
    pool = ci.describe_identity_pool(IdentityPoolId=prod_identities)
    base, _, _ = provider_keys(idp, prod)
    assert pool["AllowUnauthenticatedIdentities"] is True
    assert pool["DeveloperProviderName"] == "login.example.customers"
    assert "accounts.google.com" in pool["SupportedLoginProviders"]
    assert {p["ProviderName"] for p in pool["CognitoIdentityProviders"]} == {base}
    assert len(pool["CognitoIdentityProviders"]) == 2
    arn = f"arn:aws:cognito-identity:us-east-1:{ACCOUNT}:identitypool/{prod_identities}"
    tags = ci.list_tags_for_resource(ResourceArn=arn)["Tags"]
    assert tags["environment"] == "production" and tags["owner"]


def test_prod_identity_pool_roles_and_mappings(ci, idp, prod, prod_identities):
    _, web, ios = provider_keys(idp, prod)
    roles = ci.get_identity_pool_roles(IdentityPoolId=prod_identities)
    assert set(roles["Roles"]) == {"authenticated", "unauthenticated"}
    rules_mapping = roles["RoleMappings"][web]
    assert rules_mapping["Type"] == "Rules"
    assert rules_mapping["AmbiguousRoleResolution"] == "AuthenticatedRole"
    rules = rules_mapping["RulesConfiguration"]["Rules"]
    assert [(r["Claim"], r["MatchType"], r["Value"]) for r in rules[:4]] == [
        ("cognito:groups", "Contains", "admins"),
        ("cognito:groups", "Contains", "support-agents"),
        ("custom:plan", "Equals", "enterprise"),
        ("email", "StartsWith", "qa+"),
    ]
    assert roles["RoleMappings"][ios] == {"Type": "Token", "AmbiguousRoleResolution": "Deny"}


def test_prod_identity_pool_principal_tags(ci, idp, prod, prod_identities):
    _, web, ios = provider_keys(idp, prod)
    custom = ci.get_principal_tag_attribute_map(IdentityPoolId=prod_identities,
                                                IdentityProviderName=web)
    assert custom["UseDefaults"] is False
    assert custom["PrincipalTags"]["tenant"] == "custom:tenant_id"
    defaults = ci.get_principal_tag_attribute_map(IdentityPoolId=prod_identities,
                                                  IdentityProviderName=ios)
    assert defaults["UseDefaults"] is True


def test_prod_identities(ci, prod_identities):
    identities = every(ci.list_identities, "Identities", "NextToken", "NextToken",
                       IdentityPoolId=prod_identities, MaxResults=60)
    assert len(identities) >= 250
    logins = [set(i.get("Logins", [])) for i in identities]
    assert any(not l for l in logins), "unauthenticated identities"
    assert any("login.example.customers" in l for l in logins), "developer identities"
    assert any("accounts.google.com" in l for l in logins)
    assert any(any(p.startswith("cognito-idp.") for p in l) for l in logins)
    enabled = every(ci.list_identities, "Identities", "NextToken", "NextToken",
                    IdentityPoolId=prod_identities, MaxResults=60, HideDisabled=True)
    assert 0 < len(identities) - len(enabled) < 50, "a few disabled identities"
    developer = next(i["IdentityId"] for i in identities
                     if "login.example.customers" in i.get("Logins", []))
    linked = ci.lookup_developer_identity(IdentityPoolId=prod_identities, IdentityId=developer)
    assert linked["DeveloperUserIdentifierList"][0].startswith("cust-")


def test_staging_identity_pool(endpoint, seeded):
    ci_eu = client(endpoint, "cognito-identity", "eu-west-1")
    pools = {p["IdentityPoolName"]: p["IdentityPoolId"]
             for p in ci_eu.list_identity_pools(MaxResults=60)["IdentityPools"]}
    pool_id = pools["staging_identities"]
    assert ci_eu.describe_identity_pool(IdentityPoolId=pool_id)[
        "AllowUnauthenticatedIdentities"] is False
    assert ci_eu.get_identity_pool_roles(IdentityPoolId=pool_id)["Roles"]["authenticated"]
    assert ci_eu.list_identities(IdentityPoolId=pool_id, MaxResults=60)["Identities"]


# -- determinism ------------------------------------------------------------------

def test_generated_content_is_deterministic():
    import seed_demo
    first = seed_demo.build_users(random.Random(seed_demo.SEED), 150)
    second = seed_demo.build_users(random.Random(seed_demo.SEED), 150)
    assert first == second
    assert len(first["prod"]) == 150
    assert all(len(users) >= 10 for key, users in first.items() if key != "prod")


def test_ordered_seed_lists_users_in_generation_order(tmp_path_factory):
    import seed_demo
    proc, url, log_path = start_emulator(tmp_path_factory)
    try:
        result = subprocess.run([sys.executable, SEED, url, "--users", "40",
                                 "--identities", "5", "--ordered"],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        idp = client(url, "cognito-idp")
        listed = every(idp.list_users, "Users", "PaginationToken", "PaginationToken",
                       UserPoolId=pools_by_name(idp)["prod-customers"], Limit=60)
        expected = seed_demo.build_users(random.Random(seed_demo.SEED), 40)["prod"]
        assert [u["Username"] for u in listed] == [u.username for u in expected]
    finally:
        stop_emulator(proc, log_path)


# -- the sign-in demo -------------------------------------------------------------

def test_sign_in_demo_clients_and_users(endpoint, seeded):
    from pycognito.aws_srp import AWSSRP

    eu = client(endpoint, "cognito-idp", "eu-west-1")
    sandbox = pools_by_name(eu)["dev-sandbox"]
    clients = {c["ClientName"]: c["ClientId"]
               for c in eu.list_user_pool_clients(UserPoolId=sandbox, MaxResults=60)["UserPoolClients"]}
    public = eu.describe_user_pool_client(UserPoolId=sandbox, ClientId=clients["signin-demo"])["UserPoolClient"]
    private = eu.describe_user_pool_client(UserPoolId=sandbox,
                                           ClientId=clients["signin-demo-confidential"])["UserPoolClient"]
    assert "ClientSecret" not in public and private["ClientSecret"]
    assert "ALLOW_USER_SRP_AUTH" in public["ExplicitAuthFlows"]

    # demo-ann signs in by SRP through either client with the documented password.
    for app, secret in ((public, None), (private, private["ClientSecret"])):
        srp = AWSSRP(username="demo-ann", password="Demo-Passw0rd!2024", pool_id=sandbox,
                     client_id=app["ClientId"], client=eu, client_secret=secret)
        assert "IdToken" in srp.authenticate_user()["AuthenticationResult"]
    # demo-totp is asked for the authenticator code.
    reply = eu.initiate_auth(ClientId=public["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "demo-totp", "PASSWORD": "Demo-Passw0rd!2024"})
    assert reply["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    # demo-new must choose a new password.
    reply = eu.initiate_auth(ClientId=public["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "demo-new", "PASSWORD": "Temp-Passw0rd!2024"})
    assert reply["ChallengeName"] == "NEW_PASSWORD_REQUIRED"


def test_summary_counts_the_sign_in_demo(seeded):
    assert "3 dev-sandbox sign-in demo users" in seeded.stderr
