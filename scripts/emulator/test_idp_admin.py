"""Tests of the cognito-idp operations the emulator adds to moto (idp_admin.py): devices,
sign-in events and linked providers through boto3, and the private seed route.

Run: python3 -m pytest -q scripts/emulator/test_idp_admin.py
"""

import io
import json
import time
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from testkit import start_emulator, stop_emulator

SEED_PATH = "/_emulator/cognito-idp/seed"
GOOGLE = {"client_id": "g-client", "client_secret": "g-secret", "authorize_scopes": "openid"}
FACEBOOK = {"client_id": "fb-client", "client_secret": "fb-secret", "authorize_scopes": "email"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    proc, url, log_path = start_emulator(tmp_path_factory)
    yield url
    assert stop_emulator(proc, log_path) == ""


def client(endpoint, validate=True):
    options = {"retries": {"max_attempts": 1}}
    if not validate:
        options["parameter_validation"] = False
    return boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                        aws_secret_access_key="secret", config=Config(**options))


@pytest.fixture(scope="module")
def idp(endpoint):
    return client(endpoint)


@pytest.fixture(scope="module")
def raw(endpoint):
    """Client that sends invalid input unchanged."""
    return client(endpoint, validate=False)


def post(endpoint, body, path=SEED_PATH, method="POST", raw_body=None):
    data = raw_body if raw_body is not None else json.dumps(body).encode()
    request = urllib.request.Request(endpoint + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def seed(endpoint, pool_id, username, devices=(), events=()):
    status, reply = post(endpoint, {"users": [{
        "userPoolId": pool_id, "username": username,
        "devices": list(devices), "authEvents": list(events)}]})
    assert status == 200, reply
    return reply["users"][0]


def new_pool(idp, security="ENFORCED", **config):
    name = f"admin-ops-{uuid.uuid4().hex[:8]}"
    if security:
        config["UserPoolAddOns"] = {"AdvancedSecurityMode": security}
    return idp.create_user_pool(PoolName=name, **config)["UserPool"]["Id"]


def new_user(idp, pool_id, username="alice", **extra):
    idp.admin_create_user(UserPoolId=pool_id, Username=username, MessageAction="SUPPRESS",
                          **extra)
    return username


@pytest.fixture
def pool(idp):
    return new_pool(idp)


@pytest.fixture
def alice(idp, pool):
    return new_user(idp, pool)


def error_of(call, **params):
    with pytest.raises(ClientError) as info:
        call(**params)
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    return info.value.response["Error"]["Code"], info.value.response["Error"]["Message"]


def assert_error(code, fragment, call, **params):
    actual, message = error_of(call, **params)
    assert actual == code, message
    assert fragment in message, message
    return message


def device(name, remembered=None, authenticated=None, key=None):
    attributes = [{"Name": "device_name", "Value": name}]
    if remembered is not None:
        attributes.append({"Name": "dev:device_remembered_status", "Value": remembered})
    data = {"DeviceAttributes": attributes}
    if authenticated is not None:
        data["DeviceLastAuthenticatedDate"] = authenticated
    if key is not None:
        data["DeviceKey"] = key
    return data


def event(created, kind="SignIn", response="Pass", level="Low", ip="192.0.2.10", **extra):
    return {"EventType": kind, "CreationDate": created, "EventResponse": response,
            "EventRisk": {"RiskDecision": "NoRisk", "RiskLevel": level,
                          "CompromisedCredentialsDetected": False},
            "ChallengeResponses": [{"ChallengeName": "Password", "ChallengeResponse": "Success"}],
            "EventContextData": {"IpAddress": ip, "DeviceName": "Firefox, Linux",
                                 "City": "Lyon", "Country": "France"},
            **extra}


def attrs(user, key="UserAttributes"):
    return {a["Name"]: a["Value"] for a in user[key]}


# -- devices ------------------------------------------------------------------------


def test_devices_are_listed_in_pages_and_read_back(endpoint, idp, pool, alice):
    base = time.time() - 86400
    keys = seed(endpoint, pool, alice,
                devices=[device(f"phone-{i}", authenticated=base + i) for i in range(7)])["deviceKeys"]
    assert len(set(keys)) == 7 and all(k.startswith("us-east-1_") for k in keys)

    seen, token, pages = [], None, 0
    while True:
        page = idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=3,
                                      **({"PaginationToken": token} if token else {}))
        seen += [d["DeviceKey"] for d in page["Devices"]]
        pages += 1
        token = page.get("PaginationToken")
        if not token:
            break
    assert seen == keys and pages == 3
    # Limit 0, or none: up to 60.
    assert len(idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=0)["Devices"]) == 7
    assert len(idp.admin_list_devices(UserPoolId=pool, Username=alice)["Devices"]) == 7

    got = idp.admin_get_device(UserPoolId=pool, Username=alice, DeviceKey=keys[2])["Device"]
    assert got["DeviceKey"] == keys[2]
    assert attrs(got, "DeviceAttributes") == {
        "device_name": "phone-2", "device_status": "valid",
        "dev:device_remembered_status": "not_remembered"}
    assert got["DeviceLastAuthenticatedDate"].timestamp() == pytest.approx(base + 2, abs=0.01)
    assert abs(got["DeviceCreateDate"].timestamp() - time.time()) < 60


def test_forget_device(endpoint, idp, raw, pool, alice):
    keys = seed(endpoint, pool, alice, devices=[device("a"), device("b"), device("c")])["deviceKeys"]
    idp.admin_forget_device(UserPoolId=pool, Username=alice, DeviceKey=keys[1])
    listed = idp.admin_list_devices(UserPoolId=pool, Username=alice)["Devices"]
    assert [d["DeviceKey"] for d in listed] == [keys[0], keys[2]]
    assert_error("ResourceNotFoundException", "Device does not exist", raw.admin_get_device,
                 UserPoolId=pool, Username=alice, DeviceKey=keys[1])
    assert_error("ResourceNotFoundException", "Device does not exist", raw.admin_forget_device,
                 UserPoolId=pool, Username=alice, DeviceKey=keys[1])


def test_forgetting_between_pages_skips_nothing(endpoint, idp, pool, alice):
    keys = seed(endpoint, pool, alice, devices=[device(str(i)) for i in range(6)])["deviceKeys"]
    first = idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=3)
    idp.admin_forget_device(UserPoolId=pool, Username=alice, DeviceKey=keys[1])
    idp.admin_forget_device(UserPoolId=pool, Username=alice, DeviceKey=keys[3])
    rest = idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=3,
                                  PaginationToken=first["PaginationToken"])
    assert [d["DeviceKey"] for d in first["Devices"] + rest["Devices"]] == keys[:3] + keys[4:]
    assert "PaginationToken" not in rest


def test_update_device_status(endpoint, idp, raw, pool, alice):
    key = seed(endpoint, pool, alice, devices=[device("laptop")])["deviceKeys"][0]
    before = idp.admin_get_device(UserPoolId=pool, Username=alice, DeviceKey=key)["Device"]
    time.sleep(0.05)

    def status():
        got = idp.admin_get_device(UserPoolId=pool, Username=alice, DeviceKey=key)["Device"]
        return attrs(got, "DeviceAttributes")["dev:device_remembered_status"], got

    idp.admin_update_device_status(UserPoolId=pool, Username=alice, DeviceKey=key,
                                   DeviceRememberedStatus="remembered")
    remembered, after = status()
    assert remembered == "remembered"
    assert after["DeviceLastModifiedDate"] > before["DeviceLastModifiedDate"]
    idp.admin_update_device_status(UserPoolId=pool, Username=alice, DeviceKey=key,
                                   DeviceRememberedStatus="not_remembered")
    assert status()[0] == "not_remembered"
    assert_error("InvalidParameterException", "enum value set: [remembered, not_remembered]",
                 raw.admin_update_device_status, UserPoolId=pool, Username=alice,
                 DeviceKey=key, DeviceRememberedStatus="forgotten")
    assert status()[0] == "not_remembered"


@pytest.mark.parametrize("operation, extra", [
    ("admin_list_devices", {}),
    ("admin_get_device", {"DeviceKey": "us-east-1_00000000-0000-0000-0000-000000000000"}),
    ("admin_forget_device", {"DeviceKey": "us-east-1_00000000-0000-0000-0000-000000000000"}),
    ("admin_update_device_status", {"DeviceKey": "us-east-1_00000000-0000-0000-0000-000000000000",
                                    "DeviceRememberedStatus": "remembered"}),
])
def test_device_operations_unknown_user_pool_and_device(raw, pool, alice, operation, extra):
    call = getattr(raw, operation)
    assert_error("UserNotFoundException", "User does not exist", call,
                 UserPoolId=pool, Username="nobody", **extra)
    assert_error("ResourceNotFoundException", "us-east-1_NoSuchPool", call,
                 UserPoolId="us-east-1_NoSuchPool", Username=alice, **extra)
    if extra:
        assert_error("ResourceNotFoundException", "Device does not exist", call,
                     UserPoolId=pool, Username=alice, **extra)
        message = assert_error("InvalidParameterException", "'deviceKey'", call,
                               UserPoolId=pool, Username=alice,
                               **{**extra, "DeviceKey": "not-a-key"})
        assert message.startswith("1 validation error detected: Value 'not-a-key' at 'deviceKey'")


def test_list_devices_validation(endpoint, idp, raw, pool, alice):
    seed(endpoint, pool, alice, devices=[device("a"), device("b")])
    for limit, bound in ((61, "less than or equal to 60"), (-1, "greater than or equal to 0")):
        assert_error("InvalidParameterException", bound, raw.admin_list_devices,
                     UserPoolId=pool, Username=alice, Limit=limit)
    # Username is sensitive: its value is not repeated in the message.
    message = assert_error("InvalidParameterException", "regular expression pattern",
                           raw.admin_list_devices, UserPoolId=pool, Username="has space")
    assert message.startswith("1 validation error detected: Value at 'username'")
    three = assert_error("InvalidParameterException", "3 validation errors detected",
                       raw.admin_list_devices, UserPoolId="bad pool", Username="")
    assert "'userPoolId'" in three and "'username'" in three
    assert_error("InvalidParameterException", "'userPoolId'", raw.admin_list_devices,
                 Username=alice)

    token = idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=1)["PaginationToken"]
    assert_error("InvalidParameterException", "NextToken", raw.admin_list_devices,
                 UserPoolId=pool, Username=alice, Limit=1, PaginationToken="garbage")
    # A token only pages the listing it came from.
    other = new_user(idp, pool, "bob")
    assert_error("InvalidParameterException", "NextToken", raw.admin_list_devices,
                 UserPoolId=pool, Username=other, Limit=1, PaginationToken=token)


def test_a_pool_with_email_user_names_finds_users_by_email(endpoint, idp):
    pool_id = new_pool(idp, UsernameAttributes=["email"])
    idp.admin_create_user(UserPoolId=pool_id, Username="carol@example.com",
                          MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "carol@example.com"}])
    seed(endpoint, pool_id, "carol@example.com", devices=[device("tablet")])
    listed = idp.admin_list_devices(UserPoolId=pool_id, Username="carol@example.com")
    assert [attrs(d, "DeviceAttributes")["device_name"] for d in listed["Devices"]] == ["tablet"]


# -- sign-in events --------------------------------------------------------------------


def test_auth_events_newest_first_in_pages(endpoint, idp, pool, alice):
    now = time.time()
    # Seeded out of order; the listing is newest first.
    offsets = [5, 1, 12, 3, 25, 7, 2, 19, 11, 4, 8, 30, 6, 14, 9, 21, 10, 17, 13, 16, 15, 22, 18]
    ids = seed(endpoint, pool, alice,
               events=[event(now - 3600 * o, ip=f"198.51.100.{o}") for o in offsets])["eventIds"]
    expected = [i for _, i in sorted(zip(offsets, ids))]

    seen, token, pages = [], None, 0
    while True:
        page = idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice, MaxResults=10,
                                               **({"NextToken": token} if token else {}))
        seen += page["AuthEvents"]
        pages += 1
        token = page.get("NextToken")
        if not token:
            break
    assert [e["EventId"] for e in seen] == expected and pages == 3
    dates = [e["CreationDate"] for e in seen]
    assert dates == sorted(dates, reverse=True)
    assert len(idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice,
                                               MaxResults=0)["AuthEvents"]) == 23

    newest = seen[0]
    assert newest["EventType"] == "SignIn" and newest["EventResponse"] == "Pass"
    assert newest["EventRisk"] == {"RiskDecision": "NoRisk", "RiskLevel": "Low",
                                   "CompromisedCredentialsDetected": False}
    assert newest["ChallengeResponses"] == [{"ChallengeName": "Password",
                                             "ChallengeResponse": "Success"}]
    assert newest["EventContextData"]["IpAddress"] == "198.51.100.1"
    assert newest["EventContextData"]["City"] == "Lyon"
    assert newest["CreationDate"].timestamp() == pytest.approx(now - 3600, abs=0.01)
    assert "EventFeedback" not in newest


def test_auth_event_feedback(endpoint, idp, raw, pool, alice):
    ids = seed(endpoint, pool, alice, events=[event(time.time() - 60, response="Fail",
                                                    level="High")])["eventIds"]
    idp.admin_update_auth_event_feedback(UserPoolId=pool, Username=alice, EventId=ids[0],
                                         FeedbackValue="Invalid")
    listed = idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice)["AuthEvents"]
    feedback = listed[0]["EventFeedback"]
    assert feedback["FeedbackValue"] == "Invalid" and feedback["Provider"] == "Admin"
    assert abs(feedback["FeedbackDate"].timestamp() - time.time()) < 60
    idp.admin_update_auth_event_feedback(UserPoolId=pool, Username=alice, EventId=ids[0],
                                         FeedbackValue="Valid")
    listed = idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice)["AuthEvents"]
    assert listed[0]["EventFeedback"]["FeedbackValue"] == "Valid"

    assert_error("ResourceNotFoundException", "no-such-event",
                 raw.admin_update_auth_event_feedback, UserPoolId=pool, Username=alice,
                 EventId="no-such-event", FeedbackValue="Valid")
    assert_error("InvalidParameterException", "enum value set: [Valid, Invalid]",
                 raw.admin_update_auth_event_feedback, UserPoolId=pool, Username=alice,
                 EventId=ids[0], FeedbackValue="Fraud")
    assert_error("InvalidParameterException", "'eventId'", raw.admin_update_auth_event_feedback,
                 UserPoolId=pool, Username=alice, EventId="not/an/id", FeedbackValue="Valid")
    assert_error("InvalidParameterException", "'feedbackValue' failed to satisfy constraint: "
                 "Member must not be null", raw.admin_update_auth_event_feedback,
                 UserPoolId=pool, Username=alice, EventId=ids[0])
    assert_error("UserNotFoundException", "User does not exist",
                 raw.admin_update_auth_event_feedback, UserPoolId=pool, Username="nobody",
                 EventId=ids[0], FeedbackValue="Valid")


def test_auth_event_errors(endpoint, idp, raw, pool, alice):
    seed(endpoint, pool, alice, events=[event(time.time() - i) for i in range(3)])
    assert_error("UserNotFoundException", "User does not exist", raw.admin_list_user_auth_events,
                 UserPoolId=pool, Username="nobody")
    assert_error("ResourceNotFoundException", "us-east-1_Gone", raw.admin_list_user_auth_events,
                 UserPoolId="us-east-1_Gone", Username=alice)
    assert_error("InvalidParameterException", "less than or equal to 60",
                 raw.admin_list_user_auth_events, UserPoolId=pool, Username=alice, MaxResults=61)
    assert_error("InvalidParameterException", "NextToken", raw.admin_list_user_auth_events,
                 UserPoolId=pool, Username=alice, MaxResults=1, NextToken="bogus")
    devices_token = idp.admin_list_devices(UserPoolId=pool, Username=alice, Limit=1)
    assert "PaginationToken" not in devices_token  # no devices: one page
    token = idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice,
                                            MaxResults=1)["NextToken"]
    # An events token does not page the device listing.
    seed(endpoint, pool, alice, devices=[device("a"), device("b")])
    assert_error("InvalidParameterException", "NextToken", raw.admin_list_devices,
                 UserPoolId=pool, Username=alice, Limit=1, PaginationToken=token)


def test_auth_events_need_advanced_security(endpoint, idp, raw):
    pool_id = new_pool(idp, security=None)
    user = new_user(idp, pool_id)
    ids = seed(endpoint, pool_id, user, events=[event(time.time())])["eventIds"]
    assert_error("UserPoolAddOnNotEnabledException", "AdvancedSecurityMode",
                 raw.admin_list_user_auth_events, UserPoolId=pool_id, Username=user)
    assert_error("UserPoolAddOnNotEnabledException", "AdvancedSecurityMode",
                 raw.admin_update_auth_event_feedback, UserPoolId=pool_id, Username=user,
                 EventId=ids[0], FeedbackValue="Valid")
    audit = new_pool(idp, security="AUDIT")
    new_user(idp, audit, user)
    seed(endpoint, audit, user, events=[event(time.time())])
    assert len(idp.admin_list_user_auth_events(UserPoolId=audit, Username=user)["AuthEvents"]) == 1


# -- linked providers --------------------------------------------------------------------


def with_providers(idp, pool_id):
    idp.create_identity_provider(UserPoolId=pool_id, ProviderName="Google", ProviderType="Google",
                                 ProviderDetails=GOOGLE)
    idp.create_identity_provider(UserPoolId=pool_id, ProviderName="Facebook",
                                 ProviderType="Facebook", ProviderDetails=FACEBOOK)
    idp.create_identity_provider(
        UserPoolId=pool_id, ProviderName="CorpOIDC", ProviderType="OIDC",
        ProviderDetails={"client_id": "c", "client_secret": "s", "authorize_scopes": "openid",
                         "attributes_request_method": "GET",
                         "oidc_issuer": "https://login.corp.example.com"})


def link(call, pool_id, username, provider, subject, attribute="Cognito_Subject"):
    source = {"ProviderName": provider, "ProviderAttributeValue": subject}
    if attribute is not None:
        source["ProviderAttributeName"] = attribute
    return call(UserPoolId=pool_id,
                DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": username},
                SourceUser=source)


def identities(idp, pool_id, username):
    value = attrs(idp.admin_get_user(UserPoolId=pool_id, Username=username)).get("identities")
    return json.loads(value) if value is not None else None


def test_link_shows_in_user_attributes_and_disable_removes_it(idp, pool, alice):
    with_providers(idp, pool)
    started = time.time()
    link(idp.admin_link_provider_for_user, pool, alice, "Google", "108000000000000000001")
    linked = identities(idp, pool, alice)
    assert len(linked) == 1
    entry = linked[0]
    assert set(entry) == {"userId", "providerName", "providerType", "issuer", "primary",
                          "dateCreated"}
    assert (entry["userId"], entry["providerName"], entry["providerType"]) == (
        "108000000000000000001", "Google", "Google")
    assert entry["issuer"] is None and entry["primary"] is False
    assert started - 1 <= entry["dateCreated"] / 1000 <= time.time() + 1

    link(idp.admin_link_provider_for_user, pool, alice, "CorpOIDC", "corp-42", attribute="sub")
    # ListUsers shows the same attribute.
    listed = idp.list_users(UserPoolId=pool, Filter=f'username = "{alice}"')["Users"]
    from_list = json.loads(attrs(listed[0], "Attributes")["identities"])
    assert [(i["providerName"], i["providerType"], i["issuer"]) for i in from_list] == [
        ("Google", "Google", None), ("CorpOIDC", "OIDC", "https://login.corp.example.com")]

    idp.admin_disable_provider_for_user(
        UserPoolId=pool, User={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject",
                               "ProviderAttributeValue": "108000000000000000001"})
    assert [i["providerName"] for i in identities(idp, pool, alice)] == ["CorpOIDC"]
    idp.admin_disable_provider_for_user(
        UserPoolId=pool, User={"ProviderName": "CorpOIDC", "ProviderAttributeValue": "corp-42"})
    assert identities(idp, pool, alice) is None
    # Unlinked, the Google user can be linked again (to someone else, even).
    bob = new_user(idp, pool, "bob")
    link(idp.admin_link_provider_for_user, pool, bob, "Google", "108000000000000000001")
    assert identities(idp, pool, bob)[0]["userId"] == "108000000000000000001"


def test_link_is_idempotent_and_one_per_provider(idp, raw, pool, alice):
    with_providers(idp, pool)
    link(idp.admin_link_provider_for_user, pool, alice, "Facebook", "10150000001")
    link(idp.admin_link_provider_for_user, pool, alice, "Facebook", "10150000001")
    assert len(identities(idp, pool, alice)) == 1
    assert_error("InvalidParameterException", "one link per provider",
                 lambda **p: link(raw.admin_link_provider_for_user, **p),
                 pool_id=pool, username=alice, provider="Facebook", subject="10150000002")
    bob = new_user(idp, pool, "bob")
    assert_error("AliasExistsException", "already linked to another user",
                 lambda **p: link(raw.admin_link_provider_for_user, **p),
                 pool_id=pool, username=bob, provider="Facebook", subject="10150000001")
    assert identities(idp, pool, bob) is None


def test_link_limit(idp, raw, pool, alice):
    names = [f"Corp{i}" for i in range(6)]
    for name in names:
        idp.create_identity_provider(
            UserPoolId=pool, ProviderName=name, ProviderType="OIDC",
            ProviderDetails={"client_id": "c", "client_secret": "s", "authorize_scopes": "openid",
                             "attributes_request_method": "GET",
                             "oidc_issuer": f"https://{name.lower()}.example.com"})
    for name in names[:5]:
        link(idp.admin_link_provider_for_user, pool, alice, name, f"{name}-user")
    assert_error("LimitExceededException", "5 linked identities",
                 lambda **p: link(raw.admin_link_provider_for_user, **p),
                 pool_id=pool, username=alice, provider=names[5], subject="x")
    assert len(identities(idp, pool, alice)) == 5


def test_link_errors(idp, raw, pool, alice):
    with_providers(idp, pool)

    def linking(**params):
        return link(raw.admin_link_provider_for_user, **params)

    assert_error("UserNotFoundException", "User does not exist", linking,
                 pool_id=pool, username="nobody", provider="Google", subject="1")
    assert_error("ResourceNotFoundException", "us-east-1_Gone", linking,
                 pool_id="us-east-1_Gone", username=alice, provider="Google", subject="1")
    assert_error("InvalidParameterException", "DestinationUser", linking,
                 pool_id=pool, username=alice, provider="Cognito", subject="bob")
    assert_error("InvalidParameterException", "not an identity provider of user pool", linking,
                 pool_id=pool, username=alice, provider="Okta Corp", subject="1")
    assert_error("InvalidParameterException", "must be Cognito_Subject", linking,
                 pool_id=pool, username=alice, provider="Google", subject="1",
                 attribute="email")
    assert_error("InvalidParameterException", "must be Cognito_Subject", linking,
                 pool_id=pool, username=alice, provider="Facebook", subject="1", attribute=None)
    # The model: provider names are 1-32 printable characters (spaces allowed, tabs not).
    assert_error("InvalidParameterException", "length less than or equal to 32", linking,
                 pool_id=pool, username=alice, provider="G" * 33, subject="1")
    assert_error("InvalidParameterException", "regular expression pattern", linking,
                 pool_id=pool, username=alice, provider="Okta\tCorp", subject="1")
    assert_error("InvalidParameterException", "'sourceUser' failed to satisfy constraint: "
                 "Member must not be null", raw.admin_link_provider_for_user, UserPoolId=pool,
                 DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": alice})
    assert_error("InvalidParameterException", "ProviderAttributeValue",
                 raw.admin_link_provider_for_user, UserPoolId=pool,
                 DestinationUser={"ProviderName": "Cognito"},
                 SourceUser={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject",
                             "ProviderAttributeValue": "1"})
    # A Google user who has signed in already is a user of the pool: it can't be linked.
    new_user(idp, pool, "Google_555")
    assert_error("AliasExistsException", "already signed in", linking,
                 pool_id=pool, username=alice, provider="Google", subject="555")
    assert identities(idp, pool, alice) is None


def test_disable_provider_errors(idp, raw, pool, alice):
    with_providers(idp, pool)
    link(idp.admin_link_provider_for_user, pool, alice, "Google", "77")

    def disabling(provider, subject, attribute=None, pool_id=pool):
        user = {"ProviderName": provider, "ProviderAttributeValue": subject}
        if attribute:
            user["ProviderAttributeName"] = attribute
        return raw.admin_disable_provider_for_user(UserPoolId=pool_id, User=user)

    assert_error("UserNotFoundException", "Google user 78", disabling, provider="Google",
                 subject="78")
    assert_error("InvalidParameterException", "not an identity provider", disabling,
                 provider="Okta", subject="77")
    assert_error("InvalidParameterException", "Cognito", disabling, provider="Cognito",
                 subject=alice)
    assert_error("InvalidParameterException", "must be Cognito_Subject", disabling,
                 provider="Google", subject="77", attribute="email")
    assert_error("ResourceNotFoundException", "us-east-1_Gone", disabling,
                 provider="Google", subject="77", pool_id="us-east-1_Gone")
    assert_error("InvalidParameterException", "'user' failed to satisfy constraint: "
                 "Member must not be null", raw.admin_disable_provider_for_user, UserPoolId=pool)
    assert [i["userId"] for i in identities(idp, pool, alice)] == ["77"]


# -- state shared with moto's own operations --------------------------------------------


def test_admin_delete_user_drops_devices_events_and_links(endpoint, idp, raw, pool, alice):
    with_providers(idp, pool)
    seeded = seed(endpoint, pool, alice, devices=[device("phone")],
                  events=[event(time.time())])
    link(idp.admin_link_provider_for_user, pool, alice, "Google", "900")
    idp.admin_delete_user(UserPoolId=pool, Username=alice)  # moto's own operation
    assert_error("UserNotFoundException", "User does not exist", raw.admin_list_devices,
                 UserPoolId=pool, Username=alice)

    new_user(idp, pool, alice)  # the same name, a new user
    assert idp.admin_list_devices(UserPoolId=pool, Username=alice)["Devices"] == []
    assert idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice)["AuthEvents"] == []
    assert_error("ResourceNotFoundException", "Device does not exist", raw.admin_get_device,
                 UserPoolId=pool, Username=alice, DeviceKey=seeded["deviceKeys"][0])
    assert identities(idp, pool, alice) is None
    # The deleted user's Google link went with it.
    bob = new_user(idp, pool, "bob")
    link(idp.admin_link_provider_for_user, pool, bob, "Google", "900")


def test_delete_user_pool_drops_everything(endpoint, idp, raw, pool, alice):
    seed(endpoint, pool, alice, devices=[device("phone")])
    idp.delete_user_pool(UserPoolId=pool)
    assert_error("ResourceNotFoundException", pool, raw.admin_list_devices,
                 UserPoolId=pool, Username=alice)
    status, reply = post(endpoint, {"users": [{"userPoolId": pool, "username": alice}]})
    assert status == 404 and pool in reply["message"]


# -- the seed route ----------------------------------------------------------------------


def test_seed_route_fills_in_defaults(endpoint, idp, pool, alice):
    reply = seed(endpoint, pool, alice,
                 devices=[device("kept", remembered="remembered",
                                 key="us-east-1_0a1b2c3d-0000-4000-8000-000000000001"),
                          {}],
                 events=[{"EventType": "SignUp", "EventResponse": "Pass"},
                         {"EventId": "evt-42", "EventType": "ForgotPassword",
                          "CreationDate": 1700000000}])
    assert reply["userPoolId"] == pool and reply["username"] == alice
    assert reply["deviceKeys"][0] == "us-east-1_0a1b2c3d-0000-4000-8000-000000000001"
    assert reply["eventIds"][1] == "evt-42"
    devices = idp.admin_list_devices(UserPoolId=pool, Username=alice)["Devices"]
    assert attrs(devices[0], "DeviceAttributes")["dev:device_remembered_status"] == "remembered"
    bare = devices[1]
    assert attrs(bare, "DeviceAttributes") == {"device_status": "valid",
                                               "dev:device_remembered_status": "not_remembered"}
    assert bare["DeviceLastAuthenticatedDate"] == bare["DeviceCreateDate"]
    assert abs(bare["DeviceCreateDate"].timestamp() - time.time()) < 60
    events = idp.admin_list_user_auth_events(UserPoolId=pool, Username=alice)["AuthEvents"]
    assert [e["EventType"] for e in events] == ["SignUp", "ForgotPassword"]
    assert events[1]["CreationDate"].timestamp() == 1700000000


def test_seed_route_checks_everything_before_storing(endpoint, idp, pool, alice):
    good = {"userPoolId": pool, "username": alice, "devices": [device("one")]}

    def rejected(entry, status=400):
        code, reply = post(endpoint, {"users": [good, entry]})
        assert code == status, reply
        return reply["message"]

    assert "users[1]" in rejected({"userPoolId": pool, "username": "nobody"}, status=404)
    assert "users[1].devices[0]" in rejected(
        {**good, "devices": [device("x", remembered="maybe")]})
    assert "deviceKey" in rejected({**good, "devices": [device("x", key="no-key")]})
    key = "us-east-1_0a1b2c3d-0000-4000-8000-000000000002"
    assert "already has a device" in rejected(
        {**good, "devices": [device("x", key=key), device("y", key=key)]})
    assert "enum value set" in rejected({**good, "authEvents": [{"EventType": "Login"}]})
    assert "eventId" in rejected({**good, "authEvents": [{"EventId": "a b"}]})
    assert "already has an event" in rejected(
        {**good, "authEvents": [{"EventId": "e1"}, {"EventId": "e1"}]})
    assert "creationDate" in rejected({**good, "authEvents": [{"CreationDate": "yesterday"}]})
    assert "userPoolId" in rejected({"username": alice})
    # Nothing of any rejected request was stored, not even its valid first entry.
    assert idp.admin_list_devices(UserPoolId=pool, Username=alice)["Devices"] == []


def test_seed_route_rejects_malformed_requests(endpoint):
    assert post(endpoint, None, raw_body=b"{not json")[0] == 400
    status, reply = post(endpoint, {"devices": []})
    assert status == 400 and "users" in reply["message"]
    assert post(endpoint, None, method="GET", raw_body=b"")[0] == 405
    assert post(endpoint, {"users": []}, path="/_emulator/other")[0] == 404
    assert post(endpoint, {"users": []}) == (200, {"users": []})


def test_seed_route_answers_loopback_callers_only():
    import idp_admin

    def app(environ, start_response):
        start_response("200 OK", [])
        return [b"aws"]

    served = idp_admin.with_private_routes(app)
    statuses = []

    def call(path, address):
        environ = {"PATH_INFO": path, "REMOTE_ADDR": address, "REQUEST_METHOD": "POST",
                   "CONTENT_LENGTH": "12", "wsgi.input": io.BytesIO(b'{"users":[]}')}
        body = b"".join(served(environ, lambda status, headers: statuses.append(status)))
        return statuses[-1], body

    assert call(SEED_PATH, "192.0.2.7")[0].startswith("403")
    assert call(SEED_PATH, "127.0.0.1") == ("200 OK", b'{"users": []}')
    # Everything else is the AWS API's.
    assert call("/", "192.0.2.7") == ("200 OK", b"aws")


def test_wire_format_of_added_operations(endpoint, pool, alice):
    request = urllib.request.Request(
        endpoint + "/", method="POST", data=json.dumps({"UserPoolId": pool,
                                                        "Username": "nobody"}).encode(),
        headers={"X-Amz-Target": "AWSCognitoIdentityProviderService.AdminListDevices",
                 "Content-Type": "application/x-amz-json-1.1",
                 "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/"
                                  "us-east-1/cognito-idp/aws4_request, SignedHeaders=host, "
                                  "Signature=0"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400
    assert json.loads(info.value.read())["__type"] == "UserNotFoundException"
    request.data = b"{broken"
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert json.loads(info.value.read())["__type"] == "SerializationException"


# -- the users route, for benchmarks ---------------------------------------------------------

USERS_PATH = "/_emulator/cognito-idp/users"


def test_users_route_creates_many_users_readable_through_the_api(endpoint, idp):
    pool_id = new_pool(idp, security=None)
    status, reply = post(endpoint, {"userPoolId": pool_id, "count": 250, "prefix": "bulk"}, path=USERS_PATH)
    assert (status, reply) == (200, {"created": 250})
    names = [u["Username"] for page in idp.get_paginator("list_users").paginate(UserPoolId=pool_id) for u in page["Users"]]
    assert sorted(names) == [f"bulk{i:06d}" for i in range(250)]
    user = idp.admin_get_user(UserPoolId=pool_id, Username="bulk000042")
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["email"] == "bulk000042@example.com"
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"


@pytest.mark.parametrize("body, code", [
    ({"userPoolId": "us-east-1_nope", "count": 1}, 404),
    ({"userPoolId": "nope", "count": 1}, 400),
    ({"count": 1}, 400),
    ({"userPoolId": "us-east-1_x", "count": 0}, 400),
    ({"userPoolId": "us-east-1_x", "count": 200_001}, 400),
    ({"userPoolId": "us-east-1_x", "count": True}, 400),
    ({"userPoolId": "us-east-1_x", "count": 1, "prefix": ""}, 400),
    ([], 400),
])
def test_users_route_refuses_bad_bodies(endpoint, body, code):
    status, reply = post(endpoint, body, path=USERS_PATH)
    assert status == code, reply
    assert reply["message"]
