import Foundation
import TestSupport

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

extension SecretLedger {
    /// Temporary keys of their own for a scenario, as the variables the binary reads: a session
    /// from the emulator's STS, fetched through the signature check so that it knows them. Each
    /// run's are new, so finding one anywhere is a leak of this run.
    static func sessionKeys() throws -> [String: String] {
        let url = try TestEmulator.url()
        let printed = try AdminCommandKit.boto(url, """
            sts = boto3.client("sts", endpoint_url=\(AdminCommandKit.literal(url)), region_name="us-east-1",
                               aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")
            c = sts.get_session_token(DurationSeconds=3600)["Credentials"]
            print(json.dumps({"AWS_ACCESS_KEY_ID": c["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": c["SecretAccessKey"],
                              "AWS_SESSION_TOKEN": c["SessionToken"]}))
            """)
        return try JSONDecoder().decode([String: String].self, from: Data(printed.utf8))
    }
}
