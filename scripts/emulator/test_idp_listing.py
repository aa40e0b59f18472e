"""Tests of the emulator's ListUsers filter and GetCSVHeader (idp_listing.py), through boto3.

Run: python3 -m pytest -q scripts/emulator/test_idp_listing.py
"""

import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from testkit import start_emulator, stop_emulator


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


PEOPLE = {
    "ann": {"email": "Ann.Lee@example.com", "given_name": "Ann", "family_name": "Lee"},
    "Anna": {"email": "anna@example.org", "given_name": "Anna", "family_name": 'O"Brien'},
    "bob": {"email": "bob@example.com", "given_name": "Bob", "family_name": "Back\\slash"},
    "carol": {"email": "carol@example.com", "given_name": "carol", "family_name": "Lee"},
}


@pytest.fixture(scope="module")
def pool(idp):
    pool_id = idp.create_user_pool(PoolName=f"listing-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    for username, attributes in PEOPLE.items():
        idp.admin_create_user(UserPoolId=pool_id, Username=username, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()])
    idp.admin_disable_user(UserPoolId=pool_id, Username="bob")
    idp.admin_set_user_password(UserPoolId=pool_id, Username="carol", Password="Passw0rd!x", Permanent=True)
    return pool_id


def usernames(idp, pool_id, filter_text, **extra):
    users, token = [], None
    while True:
        args = {"UserPoolId": pool_id, "Filter": filter_text, **extra}
        if token:
            args["PaginationToken"] = token
        reply = idp.list_users(**args)
        users += [u["Username"] for u in reply["Users"]]
        token = reply.get("PaginationToken")
        if not token:
            return users


def error_of(call):
    with pytest.raises(ClientError) as caught:
        call()
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def test_an_empty_filter_lists_every_user(idp, pool):
    assert sorted(usernames(idp, pool, "")) == sorted(PEOPLE)


def test_equals_and_starts_with_on_an_attribute_ignore_case(idp, pool):
    assert usernames(idp, pool, 'email = "ann.lee@EXAMPLE.com"') == ["ann"]
    assert usernames(idp, pool, 'given_name ^= "AN"') == ["ann", "Anna"]


def test_username_is_case_sensitive(idp, pool):
    assert usernames(idp, pool, 'username ^= "an"') == ["ann"]
    assert usernames(idp, pool, 'username = "Anna"') == ["Anna"]


def test_results_are_sorted_by_the_searched_attribute(idp, pool):
    assert usernames(idp, pool, 'family_name ^= ""') == ["bob", "ann", "carol", "Anna"]


def test_escaped_quotes_and_backslashes_in_the_value(idp, pool):
    assert usernames(idp, pool, r'family_name = "O\"Brien"') == ["Anna"]
    assert usernames(idp, pool, r'family_name = "Back\\slash"') == ["bob"]


def test_blanks_around_the_parts_are_allowed(idp, pool):
    assert usernames(idp, pool, '  family_name="Lee"  ') == ["ann", "carol"]


def test_status_is_enabled_or_disabled_case_sensitively(idp, pool):
    assert usernames(idp, pool, 'status = "Disabled"') == ["bob"]
    assert usernames(idp, pool, 'status = "disabled"') == []


def test_the_user_status_is_searched_without_regard_to_case(idp, pool):
    assert usernames(idp, pool, 'cognito:user_status = "confirmed"') == ["carol"]
    assert sorted(usernames(idp, pool, 'cognito:user_status ^= "FORCE"')) == ["Anna", "ann", "bob"]


def test_sub_prefixes_split_the_pool_into_disjoint_parts(idp, pool):
    parts = [usernames(idp, pool, f'sub ^= "{digit}"') for digit in "0123456789abcdef"]
    found = [name for part in parts for name in part]
    assert sorted(found) == sorted(PEOPLE)
    subs = [a["Value"] for u in idp.list_users(UserPoolId=pool)["Users"]
            for a in u["Attributes"] if a["Name"] == "sub"]
    assert all(uuid.UUID(sub).version == 4 and sub == sub.lower() for sub in subs)


def test_a_filtered_listing_pages_without_repeats(idp):
    pool_id = idp.create_user_pool(PoolName=f"listing-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    for n in range(7):
        idp.admin_create_user(UserPoolId=pool_id, Username=f"user{n}", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "name", "Value": f"Same {n % 2}"}])
    assert usernames(idp, pool_id, 'name ^= "same"', Limit=2) == \
        ["user0", "user2", "user4", "user6", "user1", "user3", "user5"]


@pytest.mark.parametrize("text", [
    'email = "a" and name = "b"',
    'email == "a"',
    'email = a',
    'email = "a',
    'email ~ "a"',
    '= "a"',
])
def test_a_filter_that_does_not_parse_is_refused(idp, pool, text):
    assert error_of(lambda: idp.list_users(UserPoolId=pool, Filter=text)) == \
        ("InvalidParameterException", "Error while parsing filter.")


@pytest.mark.parametrize("name", ["custom:tier", "locale", "Email"])
def test_only_the_searchable_attributes_can_be_searched(idp, pool, name):
    assert error_of(lambda: idp.list_users(UserPoolId=pool, Filter=f'{name} = "x"')) == \
        ("InvalidParameterException", f"Invalid search attribute: {name}")


def test_the_request_is_checked_against_the_model(raw, pool):
    code, message = error_of(lambda: raw.list_users(UserPoolId=pool, Filter="x" * 257))
    assert code == "InvalidParameterException" and "at 'filter'" in message
    code, message = error_of(lambda: raw.list_users(UserPoolId=pool, Limit=61))
    assert code == "InvalidParameterException" and "at 'limit'" in message


def test_an_unknown_pool_is_not_found(idp):
    code, _ = error_of(lambda: idp.list_users(UserPoolId="us-east-1_Nope0000", Filter='sub ^= "0"'))
    assert code == "ResourceNotFoundException"


def test_csv_header_lists_the_standard_then_custom_attributes(idp):
    pool_id = idp.create_user_pool(PoolName=f"import-{uuid.uuid4().hex[:8]}", Schema=[
        {"Name": "email", "AttributeDataType": "String", "Required": True},
        {"Name": "tier", "AttributeDataType": "String"},
        {"Name": "seats", "AttributeDataType": "Number"},
        {"Name": "secret", "AttributeDataType": "String", "DeveloperOnlyAttribute": True},
    ])["UserPool"]["Id"]
    reply = idp.get_csv_header(UserPoolId=pool_id)
    assert reply["UserPoolId"] == pool_id
    assert reply["CSVHeader"] == [
        "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
        "profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
        "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
        "custom:tier", "custom:seats", "cognito:mfa_enabled", "cognito:username"]


def test_csv_header_of_an_unknown_pool_is_not_found(idp):
    code, _ = error_of(lambda: idp.get_csv_header(UserPoolId="us-east-1_Nope0000"))
    assert code == "ResourceNotFoundException"


def test_csv_header_refuses_a_malformed_pool_id(raw):
    code, message = error_of(lambda: raw.get_csv_header(UserPoolId="no-underscore"))
    assert code == "InvalidParameterException" and "at 'userPoolId'" in message
