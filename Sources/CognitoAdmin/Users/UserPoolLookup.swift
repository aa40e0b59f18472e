import AWSCore
import CognitoAPI

/// Finds a user pool from what an operator types: its id, or its name when that name belongs to
/// exactly one pool of the account and region.
///
/// Text shaped like a pool id (`<region>_<suffix>`, e.g. `eu-west-1_AbC123def`) is taken as an
/// id without a call; anything else is looked up by name among every pool (`ListUserPools`,
/// every page).
public enum UserPoolLookup {
    /// Whether the text has the shape of a user pool id: a region, `_`, then letters and digits.
    public static func looksLikeID(_ text: String) -> Bool {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        // A region: lowercase words joined by dashes, ending in a number (us-east-1, us-gov-west-1).
        let region = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard region.count >= 3, let last = region.last, !last.isEmpty, last.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return false
        }
        return region.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    /// The pool id for `reference`: the reference itself when it looks like an id, else the id of
    /// the one pool with that name.
    /// - Throws: `PoolLookupError` when no pool or several pools have the name; the listing's
    ///   errors.
    public static func resolve(_ backend: any CognitoBackend, _ reference: String) async throws -> String {
        if looksLikeID(reference) { return reference }
        var matches: [CognitoIdentityProvider.UserPoolDescriptionType] = []
        for try await pool in Paging.listUserPools.everyItem(.init(maxResults: 60), fetch: { try await backend.listUserPools($0) })
        where pool.name == reference {
            matches.append(pool)
        }
        switch matches.count {
        case 1: return matches[0].id ?? reference
        case 0: throw PoolLookupError.noMatch(name: reference, region: backend.info.region)
        default: throw PoolLookupError.ambiguous(name: reference, ids: matches.compactMap(\.id).sorted())
        }
    }
}

/// Why a pool name does not name one pool; one sentence each.
public enum PoolLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case noMatch(name: String, region: String)
    case ambiguous(name: String, ids: [String])

    public var description: String {
        switch self {
        case .noMatch(let name, let region):
            return "No user pool in \(region) is called \(name); give its id (eu-west-1_AbC123def) or a name from `cognito-tui pools list`."
        case .ambiguous(let name, let ids):
            return "\(ids.count) user pools are called \(name) (\(ids.joined(separator: ", "))); give the id of the one you mean."
        }
    }
}
