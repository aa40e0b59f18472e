import AWSCore
import Foundation

/// Temporary credentials from an identity pool: the identity id is resolved with `GetId` (and
/// kept), then credentials come by the enhanced flow (`GetCredentialsForIdentity`) or, when a
/// role ARN is given, the basic flow (`GetOpenIdToken`, then STS `AssumeRoleWithWebIdentity`).
/// The equivalent of the AWS SDK for JavaScript's `fromCognitoIdentityPool` and of the v2 SDK's
/// `AWS.CognitoIdentityCredentials` (`clearCachedId()`, `refresh()`, the basic flow).
///
/// - Identity ids are kept per pool and user: in the provider, and in `cache` under
///   `aws:cognito-identity-credentials:<pool>:<userIdentifier>` when a `userIdentifier` is given
///   (as the JavaScript SDK does, so that two users sharing a cache never share an identity).
/// - When the service rejects a kept identity id (`ResourceNotFoundException` or
///   `NotAuthorizedException`: the identity was deleted, or belongs to other logins), the id is
///   dropped and a new one is fetched, once.
/// - Credentials are kept and fetched again `refreshWindow` before they expire; callers
///   arriving during a fetch share it.
public actor CognitoIdentityPoolCredentialProvider: CredentialProvider {
    public let identityPoolId: String
    let accountId: String?
    let logins: [String: CognitoLogin]
    let customRoleArn: String?
    let userIdentifier: String?
    let cache: any IdentityIdCache
    let basicFlow: BasicFlow?
    let client: CognitoIdentityClient
    var keeper: CredentialKeeper
    var resolvedId: String?
    var inFlight: Task<Credentials, any Error>?

    /// The classic (basic) flow's settings: the role to assume with the OpenID token.
    public struct BasicFlow: Sendable {
        public var roleArn: String
        public var roleSessionName: String
        /// A session policy (JSON) that narrows the role.
        public var sessionPolicy: String?
        public var durationSeconds: Int?
        public var sts: any STSCalling

        public init(roleArn: String, roleSessionName: String = "web-identity", sessionPolicy: String? = nil,
                    durationSeconds: Int? = nil, sts: any STSCalling) {
            self.roleArn = roleArn
            self.roleSessionName = roleSessionName
            self.sessionPolicy = sessionPolicy
            self.durationSeconds = durationSeconds
            self.sts = sts
        }
    }

    /// - Parameters:
    ///   - identityPoolId: the pool (`eu-west-1:…`).
    ///   - accountId: the AWS account that owns the pool (needed by `GetId` for some pools).
    ///   - logins: provider name → token or a function giving a fresh token; none for a guest.
    ///   - customRoleArn: a role of the pool's role mappings to ask for (enhanced flow).
    ///   - userIdentifier: who the logins belong to; names the identity id in `cache`.
    ///   - cache: where identity ids outlive the provider (`MemoryIdentityIdCache` by default,
    ///     `FileIdentityIdCache` to keep them across runs).
    ///   - basicFlow: use the basic flow with this role instead of the enhanced flow.
    ///   - client: the Cognito Identity client.
    ///   - now: the clock expiry is judged by.
    ///   - refreshWindow: fetch new credentials this long before the old ones expire.
    public init(identityPoolId: String, accountId: String? = nil, logins: [String: CognitoLogin] = [:],
                customRoleArn: String? = nil, userIdentifier: String? = nil,
                cache: any IdentityIdCache = MemoryIdentityIdCache(), basicFlow: BasicFlow? = nil,
                client: CognitoIdentityClient, now: @escaping @Sendable () -> Date = Date.init,
                refreshWindow: Duration = .seconds(300)) {
        self.identityPoolId = identityPoolId
        self.accountId = accountId
        self.logins = logins
        self.customRoleArn = customRoleArn
        self.userIdentifier = userIdentifier
        self.cache = cache
        self.basicFlow = basicFlow
        self.client = client
        keeper = CredentialKeeper(now: now, refreshWindow: refreshWindow)
    }

    /// The same, with clients made from `configuration`; `roleArn` chooses the basic flow.
    public init(identityPoolId: String, accountId: String? = nil, logins: [String: CognitoLogin] = [:],
                customRoleArn: String? = nil, userIdentifier: String? = nil,
                cache: any IdentityIdCache = MemoryIdentityIdCache(), roleArn: String? = nil,
                roleSessionName: String = "web-identity", sessionPolicy: String? = nil,
                configuration: CognitoClientConfiguration, refreshWindow: Duration = .seconds(300)) {
        let basic = roleArn.map { BasicFlow(roleArn: $0, roleSessionName: roleSessionName, sessionPolicy: sessionPolicy,
                                            sts: configuration.stsClient()) }
        self.init(identityPoolId: identityPoolId, accountId: accountId, logins: logins, customRoleArn: customRoleArn,
                  userIdentifier: userIdentifier, cache: cache, basicFlow: basic, client: configuration.identityClient(),
                  now: configuration.context.now, refreshWindow: refreshWindow)
    }

    /// The identity id in use, once one is resolved.
    public var identityId: String? { resolvedId }

    /// The key identity ids are cached under, or nil when they are kept in the provider only.
    public var cacheKey: String? { userIdentifier.map { "aws:cognito-identity-credentials:\(identityPoolId):\($0)" } }

    /// The kept credentials while they are fresh, else new ones.
    /// - Throws: the service's errors (`NotAuthorizedException` for a pool without guests and no
    ///   logins, `InvalidIdentityPoolConfigurationException` for a pool without roles, …).
    public func credentials() async throws -> Credentials {
        if let fresh = keeper.fresh() { return fresh }
        return try await refresh()
    }

    /// New credentials now, whatever is kept (calls arriving meanwhile share this fetch).
    public func refresh() async throws -> Credentials {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.fetch() }
        inFlight = task
        defer { inFlight = nil }
        let credentials = try await task.value
        keeper.keep(credentials)
        return credentials
    }

    /// Forgets the identity id (here and in the cache) and the credentials, so that the next
    /// call starts with `GetId`: after signing out, or to become a new guest.
    public func clearCachedId() async {
        resolvedId = nil
        keeper.forget()
        if let cacheKey { await cache.removeIdentityId(forKey: cacheKey) }
    }

    private func fetch() async throws -> Credentials {
        let (id, wasKept) = try await resolveIdentityId()
        do {
            return try await credentials(for: id)
        } catch let error as AWSServiceError where wasKept && Self.rejectsIdentity(error) {
            // The kept id is stale: drop it and try once more with a new one.
            resolvedId = nil
            if let cacheKey { await cache.removeIdentityId(forKey: cacheKey) }
            let (fresh, _) = try await resolveIdentityId()
            return try await credentials(for: fresh)
        }
    }

    static func rejectsIdentity(_ error: AWSServiceError) -> Bool {
        error.code == "ResourceNotFoundException" || error.code == "NotAuthorizedException"
    }

    /// The identity id and whether it was kept from before (rather than just made by `GetId`).
    private func resolveIdentityId() async throws -> (String, Bool) {
        if let resolvedId { return (resolvedId, true) }
        if let cacheKey, let cached = await cache.identityId(forKey: cacheKey) {
            resolvedId = cached
            return (cached, true)
        }
        let reply = try await client.getId(.init(accountId: accountId, identityPoolId: identityPoolId,
                                                 logins: try await CognitoLogin.resolve(logins)))
        guard let id = reply.identityId else {
            throw AWSClientError.malformedResponse(operation: "GetId", status: 200, detail: "the reply has no IdentityId", requestId: nil)
        }
        resolvedId = id
        if let cacheKey { await cache.setIdentityId(id, forKey: cacheKey) }
        return (id, false)
    }

    private func credentials(for identityId: String) async throws -> Credentials {
        guard let basicFlow else {
            return try await CognitoIdentityCredentialProvider.fetch(client, identityId: identityId, logins: logins,
                                                                     customRoleArn: customRoleArn)
        }
        let reply = try await client.getOpenIdToken(.init(identityId: identityId, logins: try await CognitoLogin.resolve(logins)))
        guard let token = reply.token else {
            throw AWSClientError.malformedResponse(operation: "GetOpenIdToken", status: 200, detail: "the reply has no Token", requestId: nil)
        }
        var credentials = try await basicFlow.sts.assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest(
            roleArn: basicFlow.roleArn, roleSessionName: basicFlow.roleSessionName, webIdentityToken: token,
            durationSeconds: basicFlow.durationSeconds, policy: basicFlow.sessionPolicy))
        credentials.source = "cognito-identity-basic"
        return credentials
    }
}
