import Foundation

/// A profile's static keys, `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token`,
/// from one of the two shared files ("Shared config and credentials files", AWS SDKs and Tools
/// Reference Guide). Applies when the profile in that file has `aws_access_key_id`.
public struct ProfileKeysCredentialProvider: CredentialProvider {
    /// Which of the two files to read.
    public enum File: Sendable {
        case credentials, config
    }

    public var profileName: String
    public var files: AWSConfigFiles
    public var file: File

    public init(profileName: String, files: AWSConfigFiles, file: File) {
        self.profileName = profileName
        self.files = files
        self.file = file
    }

    public func credentials() async throws -> Credentials {
        let (section, display) = switch file {
        case .credentials: (files.credentialsProfiles[profileName], files.credentialsDisplay)
        case .config: (files.configProfiles[profileName], files.configDisplay)
        }
        guard let section, let accessKey = nonEmpty(section["aws_access_key_id"]) else {
            throw CredentialSourceNotConfigured()
        }
        guard let secretKey = nonEmpty(section["aws_secret_access_key"]) else {
            throw AWSClientError.credentials(
                "The profile `\(profileName)` in \(display) has aws_access_key_id but no aws_secret_access_key.")
        }
        // As botocore: the older aws_security_token first, then aws_session_token.
        let token = nonEmpty(section["aws_security_token"]) ?? nonEmpty(section["aws_session_token"])
        return Credentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token,
                           source: file == .credentials ? "shared-credentials-file" : "config-file")
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
