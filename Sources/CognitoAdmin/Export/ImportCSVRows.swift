import CognitoAPI

/// Rows of the CSV a Cognito user-import job reads, by the rules of the developer guide
/// ("Creating the user import CSV file", "Formatting the CSV file"):
///
/// - the columns are GetCSVHeader's, every one present, in its order;
/// - `cognito:username` is the username; `cognito:mfa_enabled` is `true` in a pool where MFA is
///   required, `false` where it is off, and where it is optional whether the user has an MFA
///   method (looked up per user), never empty;
/// - booleans are `true` or `false`; `email_verified` and `phone_number_verified` are `false`
///   when the user has no such attribute;
/// - values are not quoted; a comma in a value is written `\,`;
/// - `birthdate` is `mm/dd/yyyy` (Cognito keeps it as `yyyy-mm-dd`); `updated_at` is seconds
///   since 1970, as Cognito keeps it;
/// - a row may hold at most 16,000 characters.
///
/// The format has no way to write a line break in a value: it becomes a space, and a row over
/// the length limit is still written; each is named in a warning, since the import would
/// refuse or change that user.
struct ImportCSVRows: Sendable {
    let columns: [String]
    let mfa: CognitoIdentityProvider.UserPoolMfaType

    static let maximumRowLength = 16_000
    /// The verified flags, each with the address it speaks of.
    static let flags = ["email_verified": "email", "phone_number_verified": "phone_number"]

    func row(_ exported: ExportedUser) -> (text: String, warnings: [String]) {
        let user = exported.user
        let username = user.username ?? ""
        var attributes: [String: String] = [:]
        for attribute in user.attributes ?? [] { attributes[attribute.name] = attribute.value ?? "" }
        var warnings: [String] = []
        let cells = columns.map { column -> String in
            let value: String
            switch column {
            case "cognito:username": value = username
            case "cognito:mfa_enabled": value = mfaEnabled(exported) ? "true" : "false"
            case "birthdate": value = attributes[column].map(Self.birthdate) ?? ""
            default:
                if Self.flags[column] != nil {
                    value = attributes[column]?.lowercased() == "true" ? "true" : "false"
                } else {
                    value = attributes[column] ?? ""
                }
            }
            if value.contains(where: \.isNewline) {
                warnings.append("\(username): the line breaks in \(column) are written as spaces, as the import CSV cannot hold them")
            }
            return Self.escaped(value)
        }
        let text = cells.joined(separator: ",")
        if text.count > Self.maximumRowLength {
            warnings.append("\(username): the row has \(text.count) characters; a user-import job takes at most \(Self.maximumRowLength)")
        }
        return (text, warnings)
    }

    func mfaEnabled(_ exported: ExportedUser) -> Bool {
        switch mfa {
        case .on: return true
        case .off: return false
        default: return exported.mfaEnabled ?? !(exported.user.mfaOptions ?? []).isEmpty
        }
    }

    /// `1985-02-01` as `02/01/1985`; anything else as it is.
    static func birthdate(_ value: String) -> String {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return value }
        return "\(parts[1])/\(parts[2])/\(parts[0])"
    }

    /// `02/01/1985` as `1985-02-01`, undoing `birthdate(_:)`; anything else as it is.
    static func isoBirthdate(_ value: String) -> String {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return value }
        return "\(parts[2])-\(parts[0])-\(parts[1])"
    }

    static func escaped(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 }).replacingOccurrences(of: ",", with: "\\,")
    }
}
