import CognitoAdmin

/// The describe view's text: `PrettyJSON`, one string per line.
enum JSONLines {
    static func pretty(_ value: some Encodable) throws -> [String] {
        try PrettyJSON.lines(value)
    }
}
