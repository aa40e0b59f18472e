/// Input that breaks a rule of the service model, found before anything was sent.
///
/// The description is one sentence naming the operation, the member and the rule:
/// `ListUsers: Limit must be between 0 and 60, got 500`.
public struct InputValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Rule: Sendable, Equatable {
        /// The text is not JSON, or not a JSON object.
        case notAnObject
        /// A required member is absent or null.
        case required
        /// A member the shape does not have; `suggestion` is the nearest known name.
        case unknownMember(suggestion: String?)
        /// The value has the wrong JSON type; `expected` is e.g. `a string`.
        case type(expected: String)
        /// A string's length in characters (Unicode scalars), or a blob's in bytes.
        case length(min: Int?, max: Int?, actual: Int)
        /// A string that does not match the model's pattern.
        case pattern(String)
        /// A number outside the model's range.
        case range(min: Double?, max: Double?, actual: Double)
        /// A list's items or a map's entries.
        case count(min: Int?, max: Int?, actual: Int)
        /// A blob that is not base64.
        case base64
    }

    /// The operation whose input it is.
    public var operation: String
    /// Where in the input: `Limit`, `UserAttributes[2].Name`, `Logins["accounts.google.com"]`;
    /// empty for the input itself.
    public var path: String
    public var rule: Rule
    /// The sentence for people.
    public var description: String

    public init(operation: String, path: String, rule: Rule, description: String) {
        self.operation = operation
        self.path = path
        self.rule = rule
        self.description = description
    }
}
