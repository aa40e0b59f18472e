import AWSCore
import Foundation

/// Every operation of both Cognito services, for callers that work from names and raw JSON, such
/// as `cognito-tui call`: look an operation up as people type it, list a service's operations,
/// show an input skeleton, validate JSON input, and call it with the right signing and read-only
/// behaviour.
public enum OperationCatalog {
    /// The service ids, as the CLI and `ServiceDescriptor` spell them.
    public static var serviceIDs: [String] { CognitoService.allCases.map(\.rawValue) }

    /// The service with this id (`cognito-identity`, `cognito-idp`).
    public static func service(_ id: String) throws -> CognitoService {
        guard let service = CognitoService(rawValue: id.lowercased()) else {
            throw CatalogError.unknownService(id, known: serviceIDs)
        }
        return service
    }

    /// Every operation of a service, sorted by name.
    public static func operations(of serviceID: String) throws -> [OperationMetadata] {
        try service(serviceID).operations
    }

    /// The operation called `name` in a service, matched ignoring case, `-` and `_`: `ListUsers`,
    /// `listusers` and `list-users` all find `ListUsers`.
    /// - Throws: `CatalogError.unknownService`, or `.unknownOperation` with the nearest name.
    public static func operation(named name: String, in serviceID: String) throws -> OperationMetadata {
        let operations = try operations(of: serviceID)
        let wanted = NameMatching.normalized(name)
        if let found = operations.first(where: { NameMatching.normalized($0.name) == wanted }) {
            return found
        }
        let suggestion = NameMatching.nearest(to: name, among: operations.map(\.name))
        throw CatalogError.unknownOperation(name, service: serviceID, suggestion: suggestion)
    }

    /// The operation's input as a JSON skeleton: every member with its type and limits, e.g.
    /// `"Limit": "integer (0..60)"`, required members marked; see `InputSkeleton`.
    public static func describeInput(of operation: OperationMetadata) -> String {
        InputSkeleton(schema: operation.service.schema).render(shape: operation.input)
    }

    /// Checks JSON text against the operation's input shape.
    /// - Throws: `InputValidationError` for the first broken rule.
    public static func validate(json: Data, for operation: OperationMetadata) throws {
        try operation.service.schema.validate(json: json, for: operation)
    }

    /// Checks a decoded JSON object (from `JSONSerialization`) against the operation's input shape.
    /// - Throws: `InputValidationError` for the first broken rule.
    public static func validate(json: [String: Any], for operation: OperationMetadata) throws {
        guard JSONSerialization.isValidJSONObject(json),
              let data = try? JSONSerialization.data(withJSONObject: json) else {
            throw InputValidationError(operation: operation.name, path: "", rule: .notAnObject,
                                  description: "\(operation.name): the input holds values that are not JSON")
        }
        try validate(json: data, for: operation)
    }

    /// Calls the operation with raw JSON input: refused first if the client is read-only and the
    /// operation mutates, then validated, then sent signed or not as the model says.
    /// - Parameter client: an `AWSClient` for the operation's service.
    /// - Returns: the reply, whose body is the output JSON.
    /// - Throws: `AWSClientError` (`.readOnly`, `.invalidInput` for a client of another service),
    ///   `InputValidationError`, `AWSServiceError`.
    public static func call(_ operation: OperationMetadata, json: Data, using client: AWSClient) async throws -> AWSResponse {
        try await client.call(operation, json: json)
    }
}
