import CognitoAdmin

/// Signing in as a user and asking an identity pool for temporary credentials: entries of the
/// user's and the identity pool's action tables, whose steps the reducer runs (`Reducer+SignIn`,
/// `Reducer+Credentials`) over `SignIn` and `IdentityCredentials`.
enum TokenActions {
    /// `t` on a user: pick an app client and a flow it allows, type the password, answer the
    /// challenges; the tokens open in the inspector. Every call of a sign-in is one the
    /// generated table counts as a change (`InitiateAuth` records a sign-in and issues a refresh
    /// token; `RespondToAuthChallenge` also sets new passwords and MFA), so read-only refuses it.
    static let signIn = ResourceAction(
        "signin", keys: [.character("t")], title: "sign in as the user (tokens)",
        operations: ["DescribeUserPoolClient", "InitiateAuth", "AdminInitiateAuth", "RespondToAuthChallenge",
                     "AdminRespondToAuthChallenge", "AssociateSoftwareToken", "VerifySoftwareToken"],
        confirmation: .none,
        work: .start { state, request in Reducer.beginSignIn(&state, request) })

    /// `t` on an identity pool: credentials for a guest (`GetId` makes an identity, so read-only refuses it).
    static let guestCredentials = ResourceAction(
        "credentials", keys: [.character("t")], title: "temporary credentials as a guest",
        operations: ["GetId", "GetCredentialsForIdentity", "GetOpenIdToken"],
        confirmation: .none,
        work: .start { state, request in
            Reducer.beginCredentials(&state, CredentialsOrigin(identityPoolId: request.ref.id, logins: [:], who: "a guest"))
        })
}
