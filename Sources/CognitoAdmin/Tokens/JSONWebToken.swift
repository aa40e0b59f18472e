import AWSCore
import CognitoAPI
import Foundation

/// A JSON Web Token taken apart (RFC 7519): its header and claims as JSON, and what the
/// signature covers. Decoding checks the form only; `TokenVerifier` decides whether to trust it.
public struct JSONWebToken: Sendable, Equatable {
    /// The JOSE header (`alg`, `kid`, …).
    public let header: [String: JSONValue]
    /// The claims set.
    public let claims: [String: JSONValue]
    /// The bytes the signature covers: the first two segments as written, joined by a dot.
    public let signingInput: [UInt8]
    /// The signature, decoded from the third segment.
    public let signature: [UInt8]

    /// Takes a compact-serialised JWS apart; surrounding whitespace is ignored.
    /// - Throws: `TokenDecodingError` naming the part that is wrong; its text never contains the token.
    public init(compact text: String) throws {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw TokenDecodingError.empty }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw TokenDecodingError.segments(parts.count) }
        header = try Self.object(parts[0], part: "header")
        claims = try Self.object(parts[1], part: "claims")
        guard let signature = Base64URL.decode(parts[2]) else { throw TokenDecodingError.notBase64URL(part: "signature") }
        self.signature = Array(signature)
        signingInput = Array("\(parts[0]).\(parts[1])".utf8)
    }

    /// The header's `alg`.
    public var algorithm: String? { header["alg"]?.stringValue }
    /// The header's `kid`: which key of the set signed it.
    public var keyId: String? { header["kid"]?.stringValue }

    /// A string claim.
    public func string(_ name: String) -> String? { claims[name]?.stringValue }

    /// A NumericDate claim (seconds since the epoch, RFC 7519 §2) as a date.
    public func date(_ name: String) -> Date? {
        switch claims[name] {
        case .integer(let v)?: return Date(timeIntervalSince1970: TimeInterval(v))
        case .number(let v)?: return Date(timeIntervalSince1970: v)
        default: return nil
        }
    }

    /// A claim holding a list of strings (`cognito:groups`, `cognito:roles`); a single string
    /// counts as a list of one.
    public func strings(_ name: String) -> [String]? {
        switch claims[name] {
        case .array(let values)?: return values.compactMap(\.stringValue)
        case .string(let value)?: return [value]
        default: return nil
        }
    }

    /// What Cognito says the token is for (`token_use`).
    public var tokenUse: TokenUse? { string("token_use").flatMap(TokenUse.init(rawValue:)) }

    /// The user pool id at the end of a Cognito issuer (`https://cognito-idp.<region>.amazonaws.com/<pool id>`).
    public var userPoolId: String? {
        guard let issuer = string("iss"), let url = URLComponents(string: issuer) else { return nil }
        let last = url.path.split(separator: "/").last.map(String.init)
        return last.flatMap { $0.contains("_") ? $0 : nil }
    }

    /// The app client the token was issued to: `aud` in an ID token, `client_id` in an access token.
    public var clientId: String? {
        tokenUse == .access ? string("client_id") : (string("aud") ?? strings("aud")?.first)
    }

    private static func object(_ segment: Substring, part: String) throws -> [String: JSONValue] {
        guard let data = Base64URL.decode(segment) else { throw TokenDecodingError.notBase64URL(part: part) }
        guard let value = try? JSONValue(json: data), case .object(let object) = value else {
            throw TokenDecodingError.notJSONObject(part: part)
        }
        return object
    }
}

/// The `token_use` claim of Cognito's tokens.
public enum TokenUse: String, Sendable, CaseIterable {
    case id
    case access
}

/// Why text is not a JWT. Descriptions never quote the token.
public enum TokenDecodingError: Error, Equatable, CustomStringConvertible {
    case empty
    case segments(Int)
    case notBase64URL(part: String)
    case notJSONObject(part: String)

    public var description: String {
        switch self {
        case .empty: return "the token is empty"
        case .segments(let n): return "a JWT has three parts separated by dots, this text has \(n)"
        case .notBase64URL(let part): return "the token's \(part) is not base64url"
        case .notJSONObject(let part): return "the token's \(part) is not a JSON object"
        }
    }
}

extension JSONValue {
    /// The string, when this is one.
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
