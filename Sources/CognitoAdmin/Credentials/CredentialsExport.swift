import AWSCore
import Foundation

/// Credentials written out for other programs: environment lines, the AWS CLI's
/// `credential_process` JSON, or a section of `~/.aws/credentials`.
public enum CredentialsExport {
    /// `export AWS_ACCESS_KEY_ID=…` lines for a POSIX shell (values single-quoted).
    public static func environment(_ credentials: Credentials) -> String {
        var lines = [("AWS_ACCESS_KEY_ID", credentials.accessKeyId), ("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey)]
        if let token = credentials.sessionToken { lines.append(("AWS_SESSION_TOKEN", token)) }
        if let expiration = credentials.expiration { lines.append(("AWS_CREDENTIAL_EXPIRATION", ISO8601.format(expiration))) }
        return lines.map { "export \($0.0)=\(quoted($0.1))\n" }.joined()
    }

    /// The JSON a `credential_process` prints ("Sourcing credentials with an external process"
    /// in the AWS CLI User Guide): `Version` 1, the keys, and `Expiration` in ISO 8601.
    public static func credentialProcess(_ credentials: Credentials) throws -> Data {
        var object: [String: String] = ["AccessKeyId": credentials.accessKeyId,
                                        "SecretAccessKey": credentials.secretAccessKey]
        if let token = credentials.sessionToken { object["SessionToken"] = token }
        if let expiration = credentials.expiration { object["Expiration"] = ISO8601.format(expiration) }
        var json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        // Version is a number, not a string.
        json.removeFirst()
        return Data(#"{"Version":1,"#.utf8) + json
    }

    /// A `[profile]` section of `~/.aws/credentials`.
    public static func credentialsFileSection(_ credentials: Credentials, profile: String) -> String {
        var text = "[\(profile)]\naws_access_key_id = \(credentials.accessKeyId)\naws_secret_access_key = \(credentials.secretAccessKey)\n"
        if let token = credentials.sessionToken { text += "aws_session_token = \(token)\n" }
        return text
    }

    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
