import CognitoAdmin

extension UserCondition {
    /// What `:users ` completes to: the fields a condition can start with (any other attribute,
    /// `custom:` ones included, is typed in full).
    static let completions = [
        "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
        "status", "enabled", "created", "modified", "sub", "custom:",
    ]
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
