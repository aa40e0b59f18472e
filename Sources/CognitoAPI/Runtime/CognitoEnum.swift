/// A string-valued enum of the model, kept open: values the model lists are static members, and a
/// value it does not list (one AWS added later) decodes as itself instead of failing the reply.
public protocol CognitoEnum: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
    /// Every value the model lists, in its order.
    static var knownValues: [Self] { get }
}

extension CognitoEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    /// Whether the model lists this value.
    public var isKnown: Bool { Self.knownValues.contains(self) }
}
