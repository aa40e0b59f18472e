/// A server-side user search: the `Filter` of `ListUsers`, one attribute compared exactly (`=`)
/// or by prefix (`^=`). Cognito can search only the attributes in `attributes` (ListUsers,
/// "Filter" in the Amazon Cognito API reference).
public struct UserSearch: Sendable, Equatable {
    public enum Match: String, Sendable, Equatable, CaseIterable {
        case exact = "="
        case prefix = "^="
    }

    /// The attributes ListUsers can filter on, in the reference's order.
    public static let attributes = [
        "username", "email", "phone_number", "name", "given_name", "family_name",
        "preferred_username", "cognito:user_status", "status", "sub",
    ]

    public var attribute: String
    public var match: Match
    public var value: String

    public init(attribute: String, match: Match, value: String) {
        self.attribute = attribute
        self.match = match
        self.value = value
    }

    /// The `Filter` string ListUsers takes: `email ^= "ann"`, with `"` and `\` in the value
    /// escaped by a backslash.
    public var filterExpression: String {
        var escaped = ""
        for char in value {
            if char == "\"" || char == "\\" { escaped.append("\\") }
            escaped.append(char)
        }
        return "\(attribute) \(match.rawValue) \"\(escaped)\""
    }

    /// Why a search expression was not understood; one sentence for the status line.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Parses `email ^= "ann"`, `username = bob`, `status="Enabled"`.
    ///
    /// - Throws: `ParseError` for an attribute Cognito cannot search, a missing operator, an
    ///   empty or unterminated value.
    public static func parse(_ text: String) throws(ParseError) -> UserSearch {
        var rest = Substring(text).drop { $0 == " " }
        let attribute = String(rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != "^" })
        rest = rest.dropFirst(attribute.count).drop { $0 == " " }
        guard !attribute.isEmpty else {
            throw ParseError(description: "Type a search as ATTRIBUTE = \"value\" or ATTRIBUTE ^= \"prefix\".")
        }
        guard let known = attributes.first(where: { $0.lowercased() == attribute.lowercased() }) else {
            throw ParseError(description: "Cognito cannot search on `\(attribute)`; use one of \(attributes.joined(separator: ", ")).")
        }
        let match: Match
        if rest.hasPrefix("^=") {
            match = .prefix
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("=") {
            match = .exact
            rest = rest.dropFirst()
        } else {
            throw ParseError(description: "After `\(known)` put = for an exact match or ^= for a prefix.")
        }
        rest = rest.drop { $0 == " " }
        let value: String
        if rest.first == "\"" {
            var out = ""
            var escaping = false
            var closed = false
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex {
                let char = rest[index]
                index = rest.index(after: index)
                if escaping { out.append(char); escaping = false; continue }
                if char == "\\" { escaping = true; continue }
                if char == "\"" { closed = true; break }
                out.append(char)
            }
            guard closed else { throw ParseError(description: "The quoted value has no closing \".") }
            guard rest[index...].allSatisfy(\.isWhitespace) else {
                throw ParseError(description: "Only one attribute can be searched at a time; remove what follows the value.")
            }
            value = out
        } else {
            value = rest.trimmingTrailingSpaces()
        }
        guard !value.isEmpty else { throw ParseError(description: "The search value is empty.") }
        return UserSearch(attribute: known, match: match, value: value)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
