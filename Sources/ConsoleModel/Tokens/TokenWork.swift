import AWSCore
import CognitoAdmin
import Foundation

/// An app client as the sign-in form offers it: its name, the flows it allows (the rest are not
/// offered) and whether calls carry a `SECRET_HASH`. The secret itself stays in the domain layer.
public struct AppClientChoice: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// The client's `ExplicitAuthFlows` as the service lists them.
    public var explicitFlows: [String]
    /// The flows of `SignInFlow` the client allows.
    public var flows: [SignInFlow]
    public var hasSecret: Bool

    public init(id: String, name: String?, explicitFlows: [String], flows: [SignInFlow], hasSecret: Bool) {
        self.id = id
        self.name = name
        self.explicitFlows = explicitFlows
        self.flows = flows
        self.hasSecret = hasSecret
    }

    /// How the form's choice shows it: `name (id)`.
    public var label: String { name.map { "\($0) (\(id))" } ?? id }
}

/// What temporary credentials are asked for: a guest of a pool, or the identity of the logins
/// (a sign-in's ID token under its user-pool provider name).
public struct CredentialsOrigin: Sendable, Equatable {
    /// Nil: the identity pool is chosen in the form.
    public var identityPoolId: String?
    /// Provider name → token.
    public var logins: [String: String]
    /// Whose they are, for titles: "a guest", "ann's ID token".
    public var who: String

    public init(identityPoolId: String?, logins: [String: String], who: String) {
        self.identityPoolId = identityPoolId
        self.logins = logins
        self.who = who
    }
}

/// Sign-in, token and credential work the view-model runs with the backend (and its
/// `TokenServices`); each comes back as a `TokenReply`.
public enum TokenWork: Sendable, Equatable {
    /// The app clients of a pool, each described for its flows.
    case appClients(ticket: Int, pool: String)
    /// `SignIn.start` (or `refresh`, where `secret` is the refresh token).
    case signIn(ticket: Int, pool: String, client: String, username: String, flow: SignInFlow, secret: String)
    /// `SignIn.answer`.
    case answer(ticket: Int, pool: String, client: String, SignInChallenge, ChallengeAnswer)
    /// Verify the token of a tab.
    case verify(TabAddress, ticket: Int, token: String, TokenExpectations)
    /// What the app sees: `GetUser` with the access token.
    case appView(pool: String, client: String, accessToken: String)
    /// `RevokeToken`.
    case revoke(pool: String, client: String, refreshToken: String)
    /// The form of temporary credentials (the identity pools to choose from, or the pool's flows).
    case credentialsForm(ticket: Int, CredentialsOrigin)
    /// `IdentityCredentials.issue` with the form's values.
    case issue(ticket: Int, CredentialsOrigin, FormValues)
    /// STS `GetCallerIdentity` with the credentials of a tab.
    case caller(TabAddress, ticket: Int, Credentials, region: String)
    /// Write exported credentials to a file (never over an existing one).
    case save(path: String, text: String)
}

/// What token work answers.
public enum TokenReply: Sendable {
    case appClients(ticket: Int, [AppClientChoice])
    /// The next step of a sign-in; `totp` when an `MFA_SETUP` was met by associating an authenticator app.
    case stepped(ticket: Int, SignInStep, totp: TOTPSetup?)
    case verified(TabAddress, ticket: Int, TokenVerification)
    case credentialsForm(ticket: Int, FormState)
    case issued(ticket: Int, CredentialsState)
    case caller(TabAddress, ticket: Int, arn: String?, failure: String?)
    /// A verification that could not start (no key source); one sentence.
    case unverified(TabAddress, ticket: Int, String)
    /// Work of the sign-in or credentials form with this ticket failed; one sentence.
    case failed(ticket: Int, String)
}
