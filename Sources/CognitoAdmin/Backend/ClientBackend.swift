import AWSCore
import Foundation
import CognitoAPI

/// `CognitoBackend` over the generated clients (the forwarding of every operation is generated):
/// each method is one typed call, so the client core's read-only guard, signing, retries and call
/// observer all apply.
public struct ClientBackend: CognitoBackend, CognitoClientForwarding {
    public let info: BackendInfo
    public let identityProvider: CognitoIdentityProviderClient
    public let identity: CognitoIdentityClient
    /// Set from the session; tests point it at the emulator.
    public var tokenServices: TokenServices?

    /// - Parameters:
    ///   - identityProvider: the `cognito-idp` client.
    ///   - identity: the `cognito-identity` client.
    ///   - profile: the profile name shown in the header.
    ///   - protected: the profile is marked `protected` in the settings: every change asks for
    ///     the resource's name.
    public init(identityProvider: CognitoIdentityProviderClient, identity: CognitoIdentityClient, profile: String,
                protected: Bool = false) {
        self.identityProvider = identityProvider
        self.identity = identity
        let client = identityProvider.client
        let url = client.endpoint.description
        let isAWS = client.endpoint.host.hasSuffix(".amazonaws.com") || client.endpoint.host.hasSuffix(".amazonaws.com.cn")
        self.info = BackendInfo(profile: profile, region: client.region, endpoint: isAWS ? nil : url,
                                readOnly: client.readOnly, protected: protected,
                                rates: client.limiter?.configuredRates ?? [:])
    }

    /// Both clients from one session.
    ///
    /// - Parameter protected: whether the session's profile is protected (see `Settings`).
    /// - Throws: `AWSClientError.configuration` when the session has no region or a bad endpoint.
    public init(session: AWSSession, protected: Bool = false) throws {
        self.init(identityProvider: CognitoIdentityProviderClient(try session.client(.cognitoIdentityProvider)),
                  identity: CognitoIdentityClient(try session.client(.cognitoIdentity)),
                  profile: session.config.profileName, protected: protected)
        tokenServices = try TokenServices(session: session)
    }

    /// Both clients from one session, protected as `settings` say for the session's profile.
    public init(session: AWSSession, settings: Settings) throws {
        try self.init(session: session, protected: settings.isProtected(profile: session.config.profileName))
    }

    public var rateLimitStatus: RateLimitStatus? { identityProvider.client.limiter?.status() }

    public func credentialExpiration() async throws -> Date? {
        try await identityProvider.client.credentialExpiration()
    }

    /// Both clients for `region`, over the same session (see `AWSClient.inRegion`).
    public func inRegion(_ region: String) -> any CognitoBackend {
        ClientBackend(identityProvider: CognitoIdentityProviderClient(identityProvider.client.inRegion(region)),
                      identity: CognitoIdentityClient(identity.client.inRegion(region)),
                      profile: info.profile, protected: info.protected)
    }
}
