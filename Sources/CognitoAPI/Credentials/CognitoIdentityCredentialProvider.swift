import AWSCore
import Foundation

/// Temporary credentials for a known identity id: `GetCredentialsForIdentity` with the
/// identity's logins and an optional `CustomRoleArn`. The equivalent of the AWS SDK for
/// JavaScript's `fromCognitoIdentity`; credentials are kept and fetched again before they expire.
///
///     let provider = CognitoIdentityCredentialProvider(
///         identityId: "eu-west-1:…", logins: ["cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123def": .provider { try await idToken() }],
///         configuration: CognitoClientConfiguration(region: "eu-west-1"))
///     let s3 = AWSClient(service: …, region: "eu-west-1", credentials: provider, …)
public actor CognitoIdentityCredentialProvider: CredentialProvider {
    public let identityId: String
    let logins: [String: CognitoLogin]
    let customRoleArn: String?
    let client: CognitoIdentityClient
    var keeper: CredentialKeeper

    /// - Parameters:
    ///   - logins: provider name → token (or a function giving a fresh one), for an authenticated identity.
    ///   - customRoleArn: a role of the pool's role mappings to ask for.
    ///   - client: the Cognito Identity client.
    ///   - now: the clock expiry is judged by.
    ///   - refreshWindow: fetch new credentials this long before the old ones expire.
    public init(identityId: String, logins: [String: CognitoLogin] = [:], customRoleArn: String? = nil,
                client: CognitoIdentityClient, now: @escaping @Sendable () -> Date = Date.init,
                refreshWindow: Duration = .seconds(300)) {
        self.identityId = identityId
        self.logins = logins
        self.customRoleArn = customRoleArn
        self.client = client
        keeper = CredentialKeeper(now: now, refreshWindow: refreshWindow)
    }

    /// The same, with a client made from `configuration`.
    public init(identityId: String, logins: [String: CognitoLogin] = [:], customRoleArn: String? = nil,
                configuration: CognitoClientConfiguration, refreshWindow: Duration = .seconds(300)) {
        self.init(identityId: identityId, logins: logins, customRoleArn: customRoleArn,
                  client: configuration.identityClient(), now: configuration.context.now, refreshWindow: refreshWindow)
    }

    /// The kept credentials while they are fresh, else new ones.
    /// - Throws: the service's error (`ResourceNotFoundException` for an unknown identity,
    ///   `NotAuthorizedException` for logins that do not match it, …).
    public func credentials() async throws -> Credentials {
        if let fresh = keeper.fresh() { return fresh }
        return try await refresh()
    }

    /// New credentials now, whatever is kept.
    public func refresh() async throws -> Credentials {
        let credentials = try await Self.fetch(client, identityId: identityId, logins: logins, customRoleArn: customRoleArn)
        keeper.keep(credentials)
        return credentials
    }

    static func fetch(_ client: CognitoIdentityClient, identityId: String, logins: [String: CognitoLogin],
                      customRoleArn: String?) async throws -> Credentials {
        let reply = try await client.getCredentialsForIdentity(.init(
            identityId: identityId, logins: try await CognitoLogin.resolve(logins), customRoleArn: customRoleArn))
        guard let keys = reply.credentials, let keyId = keys.accessKeyId, let secret = keys.secretKey else {
            throw AWSClientError.malformedResponse(operation: "GetCredentialsForIdentity", status: 200,
                                                   detail: "the reply has no credentials", requestId: nil)
        }
        return Credentials(accessKeyId: keyId, secretAccessKey: secret, sessionToken: keys.sessionToken,
                           expiration: keys.expiration, source: "cognito-identity")
    }
}

/// Credentials kept until `refreshWindow` before they expire (for good without an expiration).
struct CredentialKeeper: Sendable {
    let now: @Sendable () -> Date
    let refreshWindow: TimeInterval
    private(set) var kept: Credentials?

    init(now: @escaping @Sendable () -> Date, refreshWindow: Duration) {
        self.now = now
        let (seconds, attoseconds) = refreshWindow.components
        self.refreshWindow = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    func fresh() -> Credentials? {
        guard let kept else { return nil }
        guard let expiration = kept.expiration else { return kept }
        return expiration.timeIntervalSince(now()) > refreshWindow ? kept : nil
    }

    mutating func keep(_ credentials: Credentials) { kept = credentials }
    mutating func forget() { kept = nil }
}
