"""Tests of the MFA steps the emulator adds to moto's sign-in (idp_mfa.py): email codes and the
choice between methods, after each password flow.

Run: python3 -m pytest -q scripts/emulator/test_idp_mfa.py
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


@pytest.fixture(scope="module")
def idp(endpoint):
    return boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}))


@pytest.fixture()
def pool(idp):
    pool_id = idp.create_user_pool(PoolName=f"mfa-{uuid.uuid4().hex[:8]}")["UserPool"]["Id"]
    idp.set_user_pool_mfa_config(UserPoolId=pool_id, MfaConfiguration="OPTIONAL",
                                 SoftwareTokenMfaConfiguration={"Enabled": True})
    client = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="app",
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH"],
    )["UserPoolClient"]["ClientId"]
    return {"id": pool_id, "client": client}


def user(idp, pool, name, email=True):
    attributes = [{"Name": "email", "Value": f"{name}@example.com"}] if email else []
    idp.admin_create_user(UserPoolId=pool["id"], Username=name, MessageAction="SUPPRESS", UserAttributes=attributes)
    idp.admin_set_user_password(UserPoolId=pool["id"], Username=name, Password=PASSWORD, Permanent=True)


def password_sign_in(idp, pool, name):
    return idp.initiate_auth(ClientId=pool["client"], AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": name, "PASSWORD": PASSWORD})


def srp_sign_in(idp, pool, name):
    helper = AWSSRP(username=name, password=PASSWORD, pool_id=pool["id"], client_id=pool["client"], client=idp)
    first = idp.initiate_auth(ClientId=pool["client"], AuthFlow="USER_SRP_AUTH", AuthParameters=helper.get_auth_params())
    return idp.respond_to_auth_challenge(
        ClientId=pool["client"], ChallengeName="PASSWORD_VERIFIER",
        ChallengeResponses=helper.process_challenge(first["ChallengeParameters"], {"USERNAME": name}))


def link_authenticator(idp, pool, name):
    access = password_sign_in(idp, pool, name)["AuthenticationResult"]["AccessToken"]
    idp.associate_software_token(AccessToken=access)
    idp.verify_software_token(AccessToken=access, UserCode="123456")


def test_email_otp_when_preferred(idp, pool):
    user(idp, pool, "ann")
    idp.admin_set_user_mfa_preference(UserPoolId=pool["id"], Username="ann",
                                      EmailMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert "EMAIL_OTP" in idp.admin_get_user(UserPoolId=pool["id"], Username="ann")["UserMFASettingList"]
    for reply in (password_sign_in(idp, pool, "ann"), srp_sign_in(idp, pool, "ann")):
        assert reply["ChallengeName"] == "EMAIL_OTP"
        assert reply["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "a***@e***"
        done = idp.respond_to_auth_challenge(ClientId=pool["client"], ChallengeName="EMAIL_OTP", Session=reply["Session"],
                                             ChallengeResponses={"USERNAME": "ann", "EMAIL_OTP_CODE": "12345678"})
        assert "AccessToken" in done["AuthenticationResult"]


def test_email_mfa_needs_an_email(idp, pool):
    user(idp, pool, "bob", email=False)
    with pytest.raises(ClientError) as info:
        idp.admin_set_user_mfa_preference(UserPoolId=pool["id"], Username="bob",
                                          EmailMfaSettings={"Enabled": True, "PreferredMfa": True})
    assert info.value.response["Error"]["Code"] == "InvalidParameterException"


def test_select_mfa_type_when_several_and_none_preferred(idp, pool):
    user(idp, pool, "cat")
    link_authenticator(idp, pool, "cat")
    idp.admin_set_user_mfa_preference(UserPoolId=pool["id"], Username="cat",
                                      SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": False},
                                      EmailMfaSettings={"Enabled": True, "PreferredMfa": False})
    for reply in (password_sign_in(idp, pool, "cat"), srp_sign_in(idp, pool, "cat")):
        assert reply["ChallengeName"] == "SELECT_MFA_TYPE"
        assert reply["ChallengeParameters"]["MFAS_CAN_CHOOSE"] == '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]'
        with pytest.raises(ClientError) as info:
            idp.respond_to_auth_challenge(ClientId=pool["client"], ChallengeName="SELECT_MFA_TYPE", Session=reply["Session"],
                                          ChallengeResponses={"USERNAME": "cat", "ANSWER": "SMS_MFA"})
        assert info.value.response["Error"]["Code"] == "InvalidParameterException"
        chosen = idp.respond_to_auth_challenge(ClientId=pool["client"], ChallengeName="SELECT_MFA_TYPE",
                                               Session=reply["Session"],
                                               ChallengeResponses={"USERNAME": "cat", "ANSWER": "SOFTWARE_TOKEN_MFA"})
        assert chosen["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
        done = idp.respond_to_auth_challenge(ClientId=pool["client"], ChallengeName="SOFTWARE_TOKEN_MFA",
                                             Session=chosen["Session"],
                                             ChallengeResponses={"USERNAME": "cat", "SOFTWARE_TOKEN_MFA_CODE": "123456"})
        assert "IdToken" in done["AuthenticationResult"]


def test_no_mfa_means_tokens(idp, pool):
    user(idp, pool, "dan")
    assert "AuthenticationResult" in password_sign_in(idp, pool, "dan")
    assert "AuthenticationResult" in srp_sign_in(idp, pool, "dan")
