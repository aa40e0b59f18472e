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

    /// The values a request sends under secret members (passwords, tokens, `SECRET_HASH`, the
    /// tokens of a `Logins` map, …), at least six characters long; usernames are left out. A
    /// service may quote what it was sent in an error message: these are scrubbed from replies.
    public static func secretValues(in body: Data) -> [String] {
        var found: [String] = []
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) {
            collect(object, underSecret: false, into: &found)
        } else {
            let text = String(decoding: body, as: UTF8.self)
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, isSecretKey(parts[0]) else { continue }
                let value = parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? parts[1]
                found.append(value)
            }
        }
        return Array(Set(found.filter { $0.count >= 6 })).sorted { $0.count > $1.count }
    }

    private static func collect(_ value: Any, underSecret: Bool, into found: inout [String]) {
        if let dict = value as? [String: Any] {
            for (key, member) in dict where !key.lowercased().contains("username") {
                collect(member, underSecret: underSecret || isSecretKey(key), into: &found)
            }
        } else if let list = value as? [Any] {
            for member in list { collect(member, underSecret: underSecret, into: &found) }
        } else if underSecret, let text = value as? String {
            found.append(text)
        }
    }

    /// `text` with each of `values` (as sent, and JSON-escaped) replaced by the mask.
    public static func scrub(_ text: String, values: [String]) -> String {
        var out = text
        for value in values {
            out = out.replacingOccurrences(of: value, with: mask)
            let escaped = value.replacingOccurrences(of: "/", with: "\\/")
            if escaped != value { out = out.replacingOccurrences(of: escaped, with: mask) }
        }
        return out
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
