import CognitoAPI

/// Finds an identity pool from what an operator types: its id (`REGION:UUID`, used as it is),
/// or its name when exactly one pool of the account and region has it (`ListIdentityPools`,
/// every page).
public enum IdentityPoolLookup {
    /// Whether the text has the shape of an identity pool id: a region, `:`, then hex digits and dashes.
    public static func looksLikeID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            && parts[1].allSatisfy { $0.isASCII && ($0.isHexDigit && !$0.isUppercase || $0 == "-") }
    }

    /// The pool id `reference` names.
    /// - Throws: `IdentityPoolLookupError` when no pool or several pools have the name; the listing's errors.
    public static func resolve(_ backend: any CognitoBackend, _ reference: String) async throws -> String {
        if looksLikeID(reference) { return reference }
        let matches = try await IdentityPoolReads.identityPools(backend).filter { $0.identityPoolName == reference }
        switch matches.count {
        case 1: return matches[0].identityPoolId ?? reference
        case 0: throw IdentityPoolLookupError.noMatch(name: reference, region: backend.info.region)
        default: throw IdentityPoolLookupError.ambiguous(name: reference, ids: matches.compactMap(\.identityPoolId).sorted())
        }
    }
}

/// Why a name does not name one identity pool; one sentence each.
public enum IdentityPoolLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noMatch(name: String, region: String)
    case ambiguous(name: String, ids: [String])

    public var description: String {
        switch self {
        case .noMatch(let name, let region):
            return "No identity pool in \(region) is called \(name); give its id (eu-west-1:0a1b2c3d-…) or a name from `cognito-tui idpools list`."
        case .ambiguous(let name, let ids):
            return "\(ids.count) identity pools are called \(name) (\(ids.joined(separator: ", "))); give the id of the one you mean."
        }
    }
}
