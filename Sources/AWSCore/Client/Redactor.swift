import Foundation

/// Removes secrets from what is shown or logged: signatures, session tokens, passwords, keys and
/// the JWTs of auth flows. Pagination tokens are not secrets and stay visible.
public enum Redactor {
    public static let mask = "<redacted>"

    /// A header value, redacted when it carries a credential.
    public static func header(_ name: String, _ value: String) -> String {
        switch name.lowercased() {
        case "authorization":
            // Keep the access key id and scope readable; drop the signature.
            if let range = value.range(of: "Signature=") {
                return String(value[..<range.upperBound]) + mask
            }
            return mask
        case "x-amz-security-token", "x-amz-sso_bearer_token", "x-aws-ec2-metadata-token", "cookie", "set-cookie":
            return mask
        default:
            return value
        }
    }

    /// True for member names whose values are secrets.
    public static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased()
        if k.hasSuffix("nexttoken") || k == "paginationtoken" || k == "nexttoken" || k.hasSuffix("tokenvalidityunits")
            || k.hasSuffix("validity") { return false }
        return k.contains("password") || k.contains("secret") || k.contains("token") || k == "logins"
            || k == "session" || k == "code" || k == "confirmationcode" || k == "secrethash"
            || k == "answer" || k == "challengeresponses" || k == "authparameters" || k == "usercode"
            || k == "credentials" || k.contains("privatekey") || k.contains("private_key") || k.contains("assertion")
            || k == "providerdetails"
    }

    /// A body for display: JSON with secret members masked, a form or XML with secret values
    /// masked, anything else summarised by size.
    public static func body(_ data: Data) -> String {
        if data.isEmpty { return "(empty body)" }
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let clean = redactJSON(object)
            if let out = try? JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .fragmentsAllowed]) {
                return String(decoding: out, as: UTF8.self)
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("<") { return redactXML(text) }
        if text.contains("=") && !text.contains(" ") { return redactForm(text) }
        return "(\(data.count) bytes)"
    }

    static func redactJSON(_ value: Any) -> Any {
        if let dict = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in dict { out[k] = isSecretKey(k) ? mask : redactJSON(v) }
            return out
        }
        if let list = value as? [Any] { return list.map(redactJSON) }
        return value
    }

    static func redactForm(_ text: String) -> String {
        text.split(separator: "&").map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return String(pair) }
            return isSecretKey(String(parts[0])) ? "\(parts[0])=\(mask)" : String(pair)
        }.joined(separator: "&")
    }

    static func redactXML(_ text: String) -> String {
        var out = text
        for tag in ["SecretAccessKey", "SessionToken", "Token", "WebIdentityToken"] {
            let pattern = "<\(tag)>[^<]*</\(tag)>"
            out = out.replacingOccurrences(of: pattern, with: "<\(tag)>\(mask)</\(tag)>", options: .regularExpression)
        }
        return out
    }
}
