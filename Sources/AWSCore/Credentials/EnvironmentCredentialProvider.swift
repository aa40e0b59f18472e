import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and
/// `AWS_CREDENTIAL_EXPIRATION` ("Environment variables to configure the AWS CLI", AWS CLI User
/// Guide). Applies when `AWS_ACCESS_KEY_ID` is set.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public var context: RuntimeContext

    public init(context: RuntimeContext) {
        self.context = context
    }

    public func credentials() async throws -> Credentials {
        guard let accessKey = context.env("AWS_ACCESS_KEY_ID") else { throw CredentialSourceNotConfigured() }
        guard let secretKey = context.env("AWS_SECRET_ACCESS_KEY") else {
            throw AWSClientError.credentials("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.")
        }
        // botocore reads the older AWS_SECURITY_TOKEN first, then AWS_SESSION_TOKEN.
        let token = context.env("AWS_SECURITY_TOKEN") ?? context.env("AWS_SESSION_TOKEN")
        var expiration: Date?
        if let text = context.env("AWS_CREDENTIAL_EXPIRATION") {
            guard let date = CredentialSupport.parseTimestamp(text) else {
                throw AWSClientError.credentials(
                    "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as 2030-01-01T00:00:00Z, but it is `\(text)`.")
            }
            expiration = date
        }
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token,
                           expiration: expiration, source: "environment")
    }
}
