import Foundation

/// Typed shapes to and from `JSONValue`, the way the JSON 1.1 protocol writes them (epoch-second
/// timestamps, base64 blobs, nil members left out). For callers that edit inputs as JSON: the
/// read-modify-write updates and `$EDITOR` editing.
public enum CognitoJSON {
    public static func value(_ shape: some Encodable) throws -> JSONValue {
        try JSONValue(json: CognitoCoding.encoder().encode(shape))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try CognitoCoding.decoder().decode(T.self, from: CognitoCoding.encoder().encode(value))
    }

    /// Checks one member of an operation's input, as a form field holds it, by the model's rules
    /// for that member (type, length, pattern, range, size); nil passes. A missing required
    /// member is reported too.
    /// - Throws: `InputValidationError` naming the member.
    public static func validate(member: String, value: JSONValue?, of operation: OperationMetadata) throws {
        let schema = operation.service.schema
        let input = schema.shape(operation.input)
        guard let shape = input.members.first(where: { $0.name == member })?.shape else {
            throw InputValidationError(operation: operation.name, path: member, rule: .unknownMember(suggestion: nil),
                                       description: "\(operation.name) has no member \(member)")
        }
        guard let value, value != .null else {
            if input.required.contains(member) {
                throw InputValidationError(operation: operation.name, path: member, rule: .required,
                                           description: "\(member) is required")
            }
            return
        }
        try InputValidator(schema: schema, operation: operation.name).check(value, shapeName: shape, path: member)
    }
}
