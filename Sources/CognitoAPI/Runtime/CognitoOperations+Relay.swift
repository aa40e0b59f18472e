import AWSCore
import Foundation

/// The two steps around each typed call of the generated `call(_:json:)`: JSON to the typed
/// input, typed output back to JSON, with the protocol's encoding of dates and blobs.
extension CognitoOperations {
    func relay<Input: Decodable, Output: Encodable>(
        _ operation: OperationMetadata, _ json: JSONValue, as _: Input.Type,
        _ body: (Input) async throws -> Output
    ) async throws -> JSONValue {
        let output = try await body(try Self.decode(operation, json))
        return try JSONValue(json: CognitoCoding.encoder().encode(output))
    }

    func relayWithoutOutput<Input: Decodable>(
        _ operation: OperationMetadata, _ json: JSONValue, as _: Input.Type,
        _ body: (Input) async throws -> Void
    ) async throws -> JSONValue {
        try await body(try Self.decode(operation, json))
        return .object([:])
    }

    private static func decode<Input: Decodable>(_ operation: OperationMetadata, _ json: JSONValue) throws -> Input {
        guard case .object = json else {
            throw AWSClientError.invalidInput("\(operation.name): the input must be a JSON object, got \(json.kindDescription)")
        }
        do {
            return try CognitoCoding.decoder().decode(Input.self, from: JSONEncoder().encode(json))
        } catch {
            throw AWSClientError.invalidInput("\(operation.name): \(CognitoCoding.explain(error))")
        }
    }
}
