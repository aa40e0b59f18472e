import AWSCore
import CognitoAPI

/// `CognitoBackend` over the generated clients (the forwarding of every operation is generated):
/// each method is one typed call, so the client core's read-only guard, signing, retries and call
/// observer all apply.
public struct ClientBackend: CognitoBackend, CognitoClientForwarding {
    public let info: BackendInfo
    public let identityProvider: CognitoIdentityProviderClient
    public let identity: CognitoIdentityClient

    /// - Parameters:
    ///   - identityProvider: the `cognito-idp` client.
    ///   - identity: the `cognito-identity` client.
    ///   - profile: the profile name shown in the header.
    public init(identityProvider: CognitoIdentityProviderClient, identity: CognitoIdentityClient, profile: String) {
        self.identityProvider = identityProvider
        self.identity = identity
        let client = identityProvider.client
        let url = client.endpoint.description
        let isAWS = client.endpoint.host.hasSuffix(".amazonaws.com") || client.endpoint.host.hasSuffix(".amazonaws.com.cn")
        self.info = BackendInfo(profile: profile, region: client.region, endpoint: isAWS ? nil : url,
                                readOnly: client.readOnly)
    }

    /// Both clients from one session.
    ///
    /// - Throws: `AWSClientError.configuration` when the session has no region or a bad endpoint.
    public init(session: AWSSession) throws {
        self.init(identityProvider: CognitoIdentityProviderClient(try session.client(.cognitoIdentityProvider)),
                  identity: CognitoIdentityClient(try session.client(.cognitoIdentity)),
                  profile: session.config.profileName)
    }
}
