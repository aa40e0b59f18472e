import AWSCore
import Foundation

/// The `SECRET_HASH` an app client with a secret requires with every sign-in call: the base64
/// HMAC-SHA256 under the client secret of the username followed by the client id ("Computing
/// secret hash values" in the Amazon Cognito Developer Guide).
public enum SecretHash {
    public static func compute(username: String, clientId: String, clientSecret: String) -> String {
        Data(Digest.hmacSHA256(key: Array(clientSecret.utf8), username + clientId)).base64EncodedString()
    }
}
