import AWSCore
import CognitoAPI
import Foundation

/// Temporary credentials for an identity of an identity pool, as an operator asks for them: a
/// guest or the identity of some logins, by the enhanced or the basic flow, and the role they
/// carry. The providers of CognitoAPI do the work.
public struct IdentityCredentialsRequest: Sendable {
    /// How the credentials are obtained.
    public enum Flow: Sendable, Equatable {
        /// `GetCredentialsForIdentity`, optionally with a custom role of the pool's mappings.
        case enhanced(customRoleArn: String?)
        /// `GetOpenIdToken`, then STS `AssumeRoleWithWebIdentity` with this role (pools that
        /// allow the classic flow).
        case basic(roleArn: String, sessionName: String, sessionPolicy: String?)
    }

    public var identityPoolId: String
    /// A known identity; nil to resolve one with `GetId`.
    public var identityId: String?
    public var logins: [String: CognitoLogin]
    public var flow: Flow

    public init(identityPoolId: String, identityId: String? = nil, logins: [String: CognitoLogin] = [:],
                flow: Flow = .enhanced(customRoleArn: nil)) {
        self.identityPoolId = identityPoolId
        self.identityId = identityId
        self.logins = logins
        self.flow = flow
    }

    /// The region the pool lives in: the part of its id before the colon.
    public var region: String { identityPoolId.split(separator: ":").first.map(String.init) ?? "" }

    /// Whether getting the credentials calls `GetId` (which makes an identity when none fits).
    public var resolvesIdentity: Bool { identityId == nil }
}

/// Credentials issued to an identity. Its description masks the secret and the session token.
public struct IssuedCredentials: Sendable, CustomStringConvertible {
    public let identityId: String?
    public let credentials: Credentials

    public init(identityId: String?, credentials: Credentials) {
        self.identityId = identityId
        self.credentials = credentials
    }

    public var description: String {
        "IssuedCredentials(identity: \(identityId ?? "?"), key: \(credentials.accessKeyId), secret: •••, expires: "
            + "\(credentials.expiration.map(ISO8601.format) ?? "never"))"
    }
}

public enum IdentityCredentials {
    /// Gets the credentials the request describes.
    /// - Throws: the service's errors (`NotAuthorizedException`, `ResourceNotFoundException`,
    ///   `InvalidIdentityPoolConfigurationException`, STS's `InvalidIdentityToken`, …).
    public static func issue(_ request: IdentityCredentialsRequest,
                             configuration: CognitoClientConfiguration) async throws -> IssuedCredentials {
        switch request.flow {
        case .enhanced(let customRoleArn):
            if let identityId = request.identityId {
                let provider = CognitoIdentityCredentialProvider(identityId: identityId, logins: request.logins,
                                                                 customRoleArn: customRoleArn, configuration: configuration)
                return IssuedCredentials(identityId: identityId, credentials: try await provider.credentials())
            }
            let provider = CognitoIdentityPoolCredentialProvider(identityPoolId: request.identityPoolId, logins: request.logins,
                                                                 customRoleArn: customRoleArn, configuration: configuration)
            let credentials = try await provider.credentials()
            return IssuedCredentials(identityId: await provider.identityId, credentials: credentials)
        case .basic(let roleArn, let sessionName, let policy):
            // A known identity goes in as the provider's cached id.
            let cache = MemoryIdentityIdCache()
            let user = request.identityId.map { _ in "given" }
            if let identityId = request.identityId, let user {
                await cache.setIdentityId(identityId, forKey: "aws:cognito-identity-credentials:\(request.identityPoolId):\(user)")
            }
            let provider = CognitoIdentityPoolCredentialProvider(
                identityPoolId: request.identityPoolId, logins: request.logins, userIdentifier: user, cache: cache,
                roleArn: roleArn, roleSessionName: sessionName, sessionPolicy: policy, configuration: configuration)
            let credentials = try await provider.credentials()
            return IssuedCredentials(identityId: await provider.identityId, credentials: credentials)
        }
    }

    /// The ARN the credentials act as (STS `GetCallerIdentity` signed with them): the role and session.
    public static func callerArn(_ credentials: Credentials, sts: STSClient) async throws -> String? {
        try await sts.getCallerIdentity(credentials: FixedCredentials(credentials))["Arn"]
    }
}
