import Foundation

/// Base64url without padding (RFC 4648 §5), as JWS and JWK use it (RFC 7515 §2).
public enum Base64URL {
    /// The bytes the text encodes; nil when it is not base64url (padding is accepted).
    public static func decode(_ text: some StringProtocol) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !standard.contains("=") || standard.hasSuffix("=") else { return nil }
        standard = standard.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        switch standard.count % 4 {
        case 1: return nil
        case 2: standard += "=="
        case 3: standard += "="
        default: break
        }
        return Data(base64Encoded: standard)
    }

    /// The bytes as base64url without padding.
    public static func encode<D: ContiguousBytes>(_ bytes: D) -> String {
        let data = bytes.withUnsafeBytes { Data($0) }
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
