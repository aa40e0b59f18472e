import CognitoAdmin

/// The sign-in as it goes: the app clients are read, the operator picks a client, a flow and
/// types the password, then answers each challenge in its own masked form.
public struct SignInFormState: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        /// Reading the pool's app clients.
        case loading
        /// Client, flow, password.
        case start([AppClientChoice])
        /// A challenge to answer; `totp` is the authenticator secret an `MFA_SETUP` made.
        case challenge(SignInChallenge, totp: TOTPSetup?)
    }

    public var ticket: Int
    public var pool: String
    public var username: String
    public var stage: Stage
    public var form: FormState
    /// The client signed in to, once chosen.
    public var client: AppClientChoice?
    public var flow: SignInFlow?
    /// A call is in flight: keys wait, Esc stops waiting.
    public var waiting: Bool

    public init(ticket: Int, pool: String, username: String) {
        self.ticket = ticket
        self.pool = pool
        self.username = username
        stage = .loading
        form = FormState(title: "Sign in as \(username)", fields: [])
        waiting = true
    }
}

/// The form of temporary credentials, while it is filled in and while the credentials are asked for.
public struct CredentialsFormState: Sendable, Equatable {
    public var ticket: Int
    public var origin: CredentialsOrigin
    public var form: FormState
    public var waiting: Bool

    public init(ticket: Int, origin: CredentialsOrigin) {
        self.ticket = ticket
        self.origin = origin
        form = FormState(title: "Temporary credentials for \(origin.who)", fields: [])
        waiting = true
    }
}

/// Saving or copying the credentials in one of the formats other programs read.
public struct ExportFormState: Sendable, Equatable {
    public var credentials: CredentialsState
    public var form: FormState
}
