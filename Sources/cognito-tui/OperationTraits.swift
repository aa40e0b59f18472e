/// Whether an operation is signed and whether it changes data, for the raw `call` command.
///
/// The unsigned operations are the ones the AWS service models mark with no authentication.
/// An operation is taken to change data unless its name starts with a read-only verb; the
/// read-only guard therefore errs on the side of refusing.
enum OperationTraits {
    struct Traits: Equatable {
        var signed: Bool
        var mutates: Bool
    }

    static let unsigned: [String: Set<String>] = [
        "cognito-identity": ["GetCredentialsForIdentity", "GetId", "GetOpenIdToken", "UnlinkIdentity"],
        "cognito-idp": [
            "AssociateSoftwareToken", "ChangePassword", "CompleteWebAuthnRegistration", "ConfirmDevice",
            "ConfirmForgotPassword", "ConfirmSignUp", "DeleteUser", "DeleteUserAttributes",
            "DeleteWebAuthnCredential", "ForgetDevice", "ForgotPassword", "GetDevice", "GetTokensFromRefreshToken",
            "GetUser", "GetUserAttributeVerificationCode", "GetUserAuthFactors", "GlobalSignOut", "InitiateAuth",
            "ListDevices", "ListWebAuthnCredentials", "ResendConfirmationCode", "RespondToAuthChallenge",
            "RevokeToken", "SetUserMFAPreference", "SetUserSettings", "SignUp", "StartWebAuthnRegistration",
            "UpdateAuthEventFeedback", "UpdateDeviceStatus", "UpdateUserAttributes", "VerifySoftwareToken",
            "VerifyUserAttribute",
        ],
        "sts": ["AssumeRoleWithSAML", "AssumeRoleWithWebIdentity"],
    ]

    /// Read-only verbs. `GetId`, `GetOpenIdToken*` and `GetCredentialsForIdentity` can create an
    /// identity, so they count as changes; the AssumeRole calls create nothing lasting.
    static let readPrefixes = ["Describe", "List", "Lookup", "AdminGet", "AdminList", "Get"]
    static let readExceptions: Set<String> = [
        "GetId", "GetOpenIdToken", "GetOpenIdTokenForDeveloperIdentity", "GetCredentialsForIdentity",
        "GetTokensFromRefreshToken", "GetUserAttributeVerificationCode",
    ]
    static let alwaysReads: Set<String> = [
        "AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML", "DecodeAuthorizationMessage",
    ]

    static func lookup(service: String, operation: String) -> Traits {
        let signed = !(unsigned[service]?.contains(operation) ?? false)
        let reads = alwaysReads.contains(operation)
            || (!readExceptions.contains(operation) && readPrefixes.contains { operation.hasPrefix($0) })
        return Traits(signed: signed, mutates: !reads)
    }
}
