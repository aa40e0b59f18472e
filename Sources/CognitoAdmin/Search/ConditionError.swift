/// A condition that does not parse: one sentence naming the wrong word, and where it is.
public struct ConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence that names the wrong word, e.g. `unknown operator "=="; use =, !=, ^=, $=,
    /// *=, ~, < or >`.
    public var message: String
    /// The character offset of the wrong word in the text (its length when something is missing
    /// at the end).
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
