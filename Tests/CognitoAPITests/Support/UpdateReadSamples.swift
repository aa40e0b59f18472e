import CognitoAPI
import Foundation

/// One read output as the service returns it, for each update in `UpdateMapping.all`: what
/// the console would have in hand just before building an update input.
struct UpdateReadSample: Sendable {
    /// The read's whole output, JSON text with the model's member names.
    let output: String
    /// The values of the mapping's identifiers, as the console knows them from the resource.
    let identifiers: [String: String]

    var json: JSONValue { try! JSONValue(json: Data(output.utf8)) }
}

enum UpdateReadSamples {
    static let pool = "us-east-1_Ab12Cd34E"
    static let identityPool = "us-east-1:2c7d0f4e-8b1a-4f3e-9a65-0d3c5e7f9a12"
    static let client = "7lhlkkfbfb4q5kpp90urffao"
    static let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E"

    /// By the update operation's name.
    static let byUpdate: [String: UpdateReadSample] = [
        "SetIdentityPoolRoles": UpdateReadSample(output: #"""
            {"IdentityPoolId": "us-east-1:2c7d0f4e-8b1a-4f3e-9a65-0d3c5e7f9a12",
             "Roles": {"authenticated": "arn:aws:iam::123456789012:role/Cognito_ShopAuth_Role",
                       "unauthenticated": "arn:aws:iam::123456789012:role/Cognito_ShopUnauth_Role"},
             "RoleMappings": {"cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E:7lhlkkfbfb4q5kpp90urffao": {
                 "Type": "Rules", "AmbiguousRoleResolution": "AuthenticatedRole",
                 "RulesConfiguration": {"Rules": [{"Claim": "custom:team", "MatchType": "Equals", "Value": "admins",
                                                   "RoleARN": "arn:aws:iam::123456789012:role/ShopAdmins"}]}}}}
            """#, identifiers: ["IdentityPoolId": identityPool]),

        "SetPrincipalTagAttributeMap": UpdateReadSample(output: #"""
            {"IdentityPoolId": "us-east-1:2c7d0f4e-8b1a-4f3e-9a65-0d3c5e7f9a12",
             "IdentityProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E",
             "UseDefaults": false, "PrincipalTags": {"team": "custom:team", "department": "custom:dept"}}
            """#, identifiers: ["IdentityPoolId": identityPool, "IdentityProviderName": provider]),

        "UpdateIdentityPool": UpdateReadSample(output: #"""
            {"IdentityPoolId": "us-east-1:2c7d0f4e-8b1a-4f3e-9a65-0d3c5e7f9a12", "IdentityPoolName": "shop_prod",
             "AllowUnauthenticatedIdentities": true, "AllowClassicFlow": false,
             "SupportedLoginProviders": {"accounts.google.com": "1234-abcd.apps.googleusercontent.com"},
             "DeveloperProviderName": "login.shop.example",
             "OpenIdConnectProviderARNs": ["arn:aws:iam::123456789012:oidc-provider/auth.example.com"],
             "CognitoIdentityProviders": [{"ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E",
                                           "ClientId": "7lhlkkfbfb4q5kpp90urffao", "ServerSideTokenCheck": true}],
             "SamlProviderARNs": ["arn:aws:iam::123456789012:saml-provider/Okta"],
             "IdentityPoolTags": {"env": "prod", "team": "identity"}}
            """#, identifiers: ["IdentityPoolId": identityPool]),

        "AdminSetUserSettings": UpdateReadSample(output: adminGetUser,
                                                 identifiers: ["UserPoolId": pool, "Username": "jdoe"]),
        "AdminUpdateUserAttributes": UpdateReadSample(output: adminGetUser,
                                                      identifiers: ["UserPoolId": pool, "Username": "jdoe"]),

        "SetLogDeliveryConfiguration": UpdateReadSample(output: #"""
            {"LogDeliveryConfiguration": {"UserPoolId": "us-east-1_Ab12Cd34E", "LogConfigurations": [
                {"LogLevel": "ERROR", "EventSource": "userNotification",
                 "CloudWatchLogsConfiguration": {"LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/cognito/shop"}},
                {"LogLevel": "INFO", "EventSource": "userAuthEvents",
                 "FirehoseConfiguration": {"StreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/shop-auth"}}]}}
            """#, identifiers: ["UserPoolId": pool]),

        "SetRiskConfiguration": UpdateReadSample(output: #"""
            {"RiskConfiguration": {"UserPoolId": "us-east-1_Ab12Cd34E", "ClientId": "7lhlkkfbfb4q5kpp90urffao",
             "CompromisedCredentialsRiskConfiguration": {"EventFilter": ["SIGN_IN", "PASSWORD_CHANGE"],
                                                         "Actions": {"EventAction": "BLOCK"}},
             "AccountTakeoverRiskConfiguration": {
                 "NotifyConfiguration": {"From": "security@example.com",
                                         "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                                         "BlockEmail": {"Subject": "We blocked a sign-in", "TextBody": "Someone tried to sign in."}},
                 "Actions": {"LowAction": {"Notify": false, "EventAction": "NO_ACTION"},
                             "MediumAction": {"Notify": true, "EventAction": "MFA_IF_CONFIGURED"},
                             "HighAction": {"Notify": true, "EventAction": "BLOCK"}}},
             "RiskExceptionConfiguration": {"BlockedIPRangeList": ["203.0.113.0/24"],
                                            "SkippedIPRangeList": ["198.51.100.7/32"]},
             "LastModifiedDate": 1718000000.5}}
            """#, identifiers: ["UserPoolId": pool]),

        "SetUICustomization": UpdateReadSample(output: #"""
            {"UICustomization": {"UserPoolId": "us-east-1_Ab12Cd34E", "ClientId": "ALL",
             "ImageUrl": "https://d111111abcdef8.cloudfront.net/us-east-1_Ab12Cd34E/ALL/20240101/assets/images/image.jpg",
             "CSS": ".banner-customizable {background-color: #0f1b2d;}", "CSSVersion": "20240101120000",
             "LastModifiedDate": 1704110400, "CreationDate": 1704100000}}
            """#, identifiers: ["UserPoolId": pool]),

        "SetUserPoolMfaConfig": UpdateReadSample(output: #"""
            {"SmsMfaConfiguration": {"SmsAuthenticationMessage": "Your sign-in code is {####}",
                                     "SmsConfiguration": {"SnsCallerArn": "arn:aws:iam::123456789012:role/CognitoSNS",
                                                          "ExternalId": "shop-external-id", "SnsRegion": "us-east-1"}},
             "SoftwareTokenMfaConfiguration": {"Enabled": true},
             "EmailMfaConfiguration": {"Message": "Your sign-in code is {####}", "Subject": "Your sign-in code"},
             "MfaConfiguration": "OPTIONAL",
             "WebAuthnConfiguration": {"RelyingPartyId": "auth.example.com", "UserVerification": "preferred"}}
            """#, identifiers: ["UserPoolId": pool]),

        "UpdateGroup": UpdateReadSample(output: #"""
            {"Group": {"GroupName": "admins", "UserPoolId": "us-east-1_Ab12Cd34E", "Description": "Shop administrators",
             "RoleArn": "arn:aws:iam::123456789012:role/ShopAdmins", "Precedence": 1,
             "LastModifiedDate": 1718000000, "CreationDate": 1700000000}}
            """#, identifiers: ["GroupName": "admins", "UserPoolId": pool]),

        "UpdateIdentityProvider": UpdateReadSample(output: #"""
            {"IdentityProvider": {"UserPoolId": "us-east-1_Ab12Cd34E", "ProviderName": "Okta", "ProviderType": "SAML",
             "ProviderDetails": {"MetadataURL": "https://example.okta.com/app/exk1/sso/saml/metadata", "IDPSignout": "true",
                                 "SLORedirectBindingURI": "https://example.okta.com/app/exk1/slo/saml"},
             "AttributeMapping": {"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"},
             "IdpIdentifiers": ["example.com"], "LastModifiedDate": 1718000000, "CreationDate": 1700000000}}
            """#, identifiers: ["UserPoolId": pool, "ProviderName": "Okta"]),

        "UpdateManagedLoginBranding": UpdateReadSample(output: #"""
            {"ManagedLoginBranding": {"ManagedLoginBrandingId": "3f2b8c1e-5d4a-4b6c-9e7f-1a2b3c4d5e6f",
             "UserPoolId": "us-east-1_Ab12Cd34E", "UseCognitoProvidedValues": false,
             "Settings": {"components": {"pageBackground": {"lightMode": {"color": "f4f6f8ff"}}}},
             "Assets": [{"Category": "PAGE_HEADER_LOGO", "ColorMode": "LIGHT", "Extension": "PNG",
                         "Bytes": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="}],
             "CreationDate": 1700000000, "LastModifiedDate": 1718000000}}
            """#, identifiers: ["UserPoolId": pool, "ManagedLoginBrandingId": "3f2b8c1e-5d4a-4b6c-9e7f-1a2b3c4d5e6f"]),

        "UpdateResourceServer": UpdateReadSample(output: #"""
            {"ResourceServer": {"UserPoolId": "us-east-1_Ab12Cd34E", "Identifier": "https://api.example.com",
             "Name": "Shop API", "Scopes": [{"ScopeName": "orders.read", "ScopeDescription": "Read orders"},
                                            {"ScopeName": "orders.write", "ScopeDescription": "Place orders"}]}}
            """#, identifiers: ["UserPoolId": pool, "Identifier": "https://api.example.com"]),

        "UpdateTerms": UpdateReadSample(output: #"""
            {"Terms": {"TermsId": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "UserPoolId": "us-east-1_Ab12Cd34E",
             "ClientId": "7lhlkkfbfb4q5kpp90urffao", "TermsName": "terms-of-use", "TermsSource": "LINK",
             "Enforcement": "NONE", "Links": {"cognito:default": "https://example.com/terms",
                                              "cognito:french": "https://example.com/fr/conditions"},
             "CreationDate": 1700000000, "LastModifiedDate": 1718000000}}
            """#, identifiers: ["TermsId": "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "UserPoolId": pool]),

        "UpdateUserPool": UpdateReadSample(output: #"""
            {"UserPool": {"Id": "us-east-1_Ab12Cd34E", "Name": "shop-customers",
             "Policies": {"PasswordPolicy": {"MinimumLength": 12, "RequireUppercase": true, "RequireLowercase": true,
                                             "RequireNumbers": true, "RequireSymbols": false, "PasswordHistorySize": 3,
                                             "TemporaryPasswordValidityDays": 7},
                          "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]}},
             "DeletionProtection": "ACTIVE",
             "LambdaConfig": {"PreSignUp": "arn:aws:lambda:us-east-1:123456789012:function:shop-pre-signup",
                              "PreTokenGenerationConfig": {"LambdaVersion": "V2_0",
                                  "LambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:shop-claims"}},
             "Status": "Enabled", "LastModifiedDate": 1718000000, "CreationDate": 1700000000,
             "SchemaAttributes": [{"Name": "sub", "AttributeDataType": "String", "DeveloperOnlyAttribute": false,
                                   "Mutable": false, "Required": true,
                                   "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "2048"}},
                                  {"Name": "custom:team", "AttributeDataType": "String", "Mutable": true, "Required": false}],
             "AutoVerifiedAttributes": ["email"], "UsernameAttributes": ["email"],
             "SmsVerificationMessage": "Your verification code is {####}",
             "EmailVerificationMessage": "Your verification code is {####}",
             "EmailVerificationSubject": "Your verification code",
             "VerificationMessageTemplate": {"SmsMessage": "Your verification code is {####}",
                                             "EmailMessage": "Your verification code is {####}",
                                             "EmailSubject": "Your verification code",
                                             "DefaultEmailOption": "CONFIRM_WITH_CODE"},
             "SmsAuthenticationMessage": "Your sign-in code is {####}",
             "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
             "MfaConfiguration": "OPTIONAL",
             "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": true},
             "EstimatedNumberOfUsers": 48213,
             "EmailConfiguration": {"SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
                                    "EmailSendingAccount": "DEVELOPER", "From": "Shop <no-reply@example.com>"},
             "SmsConfiguration": {"SnsCallerArn": "arn:aws:iam::123456789012:role/CognitoSNS",
                                  "ExternalId": "shop-external-id", "SnsRegion": "us-east-1"},
             "UserPoolTags": {"env": "prod"},
             "Domain": "shop-auth",
             "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7,
                                       "InviteMessageTemplate": {"EmailSubject": "Welcome",
                                                                 "EmailMessage": "Your username is {username} and temporary password is {####}."}},
             "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
             "UsernameConfiguration": {"CaseSensitive": false},
             "Arn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Ab12Cd34E",
             "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
             "UserPoolTier": "ESSENTIALS"}}
            """#, identifiers: ["UserPoolId": pool]),

        "UpdateUserPoolClient": UpdateReadSample(output: #"""
            {"UserPoolClient": {"UserPoolId": "us-east-1_Ab12Cd34E", "ClientName": "shop-web",
             "ClientId": "7lhlkkfbfb4q5kpp90urffao", "ClientSecret": "1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p1q2w3e4r",
             "LastModifiedDate": 1718000000, "CreationDate": 1700000000,
             "RefreshTokenValidity": 30, "AccessTokenValidity": 60, "IdTokenValidity": 60,
             "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
             "ReadAttributes": ["email", "email_verified", "custom:team"], "WriteAttributes": ["email"],
             "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
             "SupportedIdentityProviders": ["COGNITO", "Okta"],
             "CallbackURLs": ["https://shop.example.com/callback"], "LogoutURLs": ["https://shop.example.com/"],
             "DefaultRedirectURI": "https://shop.example.com/callback",
             "AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid", "email", "https://api.example.com/orders.read"],
             "AllowedOAuthFlowsUserPoolClient": true,
             "AnalyticsConfiguration": {"ApplicationId": "0123456789abcdef0123456789abcdef",
                                        "RoleArn": "arn:aws:iam::123456789012:role/CognitoPinpoint", "UserDataShared": false},
             "PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
             "EnablePropagateAdditionalUserContextData": false, "AuthSessionValidity": 3,
             "RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 10}}}
            """#, identifiers: ["UserPoolId": pool, "ClientId": client]),

        "UpdateUserPoolDomain": UpdateReadSample(output: #"""
            {"DomainDescription": {"UserPoolId": "us-east-1_Ab12Cd34E", "AWSAccountId": "123456789012",
             "Domain": "shop-auth", "S3Bucket": "aws-cognito-prod-iad-assets",
             "CloudFrontDistribution": "d111111abcdef8.cloudfront.net", "Version": "20240101000000",
             "Status": "ACTIVE", "ManagedLoginVersion": 2}}
            """#, identifiers: ["Domain": "shop-auth"]),
    ]

    static let adminGetUser = #"""
        {"Username": "jdoe",
         "UserAttributes": [{"Name": "sub", "Value": "94a8e4d8-3071-70b6-1c49-2b6b8f1c9d3e"},
                            {"Name": "email", "Value": "jdoe@example.com"}, {"Name": "email_verified", "Value": "true"},
                            {"Name": "custom:team", "Value": "admins"}],
         "UserCreateDate": 1700000000.123, "UserLastModifiedDate": 1718000000, "Enabled": true,
         "UserStatus": "CONFIRMED", "MFAOptions": [{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}],
         "PreferredMfaSetting": "SMS_MFA", "UserMFASettingList": ["SMS_MFA"]}
        """#
}
