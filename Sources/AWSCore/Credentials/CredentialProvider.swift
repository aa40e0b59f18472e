import Foundation

/// A source of AWS credentials.
public protocol CredentialProvider: Sendable {
    /// Fresh-enough credentials, or an error saying why this source cannot give them.
    func credentials() async throws -> Credentials
    /// Forgets credentials kept from earlier calls, after the service said they have expired;
    /// the next `credentials()` fetches new ones. Providers that keep nothing do nothing.
    func invalidate() async
}

extension CredentialProvider {
    public func invalidate() async {}
}

/// The STS calls that credential providers need (Query protocol, XML replies). The runtime's
/// implementation is `STSClient`; providers take this protocol so they can be tested alone.
public protocol STSCalling: Sendable {
    /// `AssumeRole`, signed with `credentials`.
    func assumeRole(_ request: AssumeRoleRequest, credentials: Credentials) async throws -> Credentials
    /// `AssumeRoleWithWebIdentity`, which is not signed.
    func assumeRoleWithWebIdentity(_ request: AssumeRoleWithWebIdentityRequest) async throws -> Credentials
}

public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleArn: String
    public var roleSessionName: String
    public var externalId: String?
    public var durationSeconds: Int?
    public var serialNumber: String?
    public var tokenCode: String?

    public init(roleArn: String, roleSessionName: String, externalId: String? = nil,
                durationSeconds: Int? = nil, serialNumber: String? = nil, tokenCode: String? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.externalId = externalId
        self.durationSeconds = durationSeconds
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

public struct AssumeRoleWithWebIdentityRequest: Sendable, Equatable {
    public var roleArn: String
    public var roleSessionName: String
    public var webIdentityToken: String
    public var durationSeconds: Int?
    /// A session policy (JSON) that narrows what the role allows.
    public var policy: String?

    public init(roleArn: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil,
                policy: String? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.webIdentityToken = webIdentityToken
        self.durationSeconds = durationSeconds
        self.policy = policy
    }
}
