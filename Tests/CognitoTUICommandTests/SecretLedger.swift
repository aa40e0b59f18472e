import Foundation

/// The secrets a scenario has seen, and every form a leak of one could take: the whole value, its
/// base64 and base64url, its percent-encoded and JSON-escaped spellings, its first and last
/// characters (for a JWT, whose header is public, the start of its signature instead of its first
/// characters). `leaks(in:)` names each form found.
struct SecretLedger {
    struct Secret {
        var name: String
        var value: String
    }

    private(set) var secrets: [Secret] = []

    /// Records a secret; values shorter than eight characters would match by chance and are refused.
    mutating func add(_ name: String, _ value: String) {
        precondition(value.count >= 8, "\(name) is too short to look for")
        if !secrets.contains(where: { $0.value == value }) { secrets.append(Secret(name: name, value: value)) }
    }

    /// The forms of `value` a leak could take, each with what it is.
    static func forms(of value: String) -> [(form: String, text: String)] {
        var forms: [(String, String)] = [("whole", value)]
        let base64 = Data(value.utf8).base64EncodedString()
        forms.append(("base64", base64))
        let base64URL = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        if base64URL != base64 { forms.append(("base64url", base64URL)) }
        if let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != value {
            forms.append(("percent-encoded", encoded))
        }
        let escaped = value.replacingOccurrences(of: "/", with: "\\/")
        if escaped != value { forms.append(("JSON-escaped", escaped)) }
        let part = value.count >= 30 ? 20 : max(8, value.count * 2 / 3)
        let segments = value.split(separator: ".", omittingEmptySubsequences: false)
        let isJWT = segments.count == 3 && segments[2].count >= 20
        // A JWT's first characters are its header, the same for every token of a pool: not secret.
        if !isJWT { forms.append(("first \(part) characters", String(value.prefix(part)))) }
        forms.append(("last \(part) characters", String(value.suffix(part))))
        if isJWT {
            forms.append(("signature's first 20 characters", String(segments[2].prefix(20))))
        }
        return forms
    }

    /// Each secret form found in `text`, as "NAME (FORM)".
    func leaks(in text: String) -> [String] {
        var found: [String] = []
        for secret in secrets {
            for (form, needle) in Self.forms(of: secret.value) where text.contains(needle) {
                found.append("\(secret.name) (\(form))")
            }
        }
        return found
    }
}
