import AWSCore
import Foundation

/// The one path every generated operation takes: refuse if read-only, encode, validate against
/// the model, call, decode.
extension AWSClient {
    /// Calls an operation with a reply and decodes it.
    func perform<Input: Encodable, Output: Decodable>(
        _ operation: OperationMetadata, _ input: Input
    ) async throws -> Output {
        let response = try await send(operation, input)
        do {
            return try CognitoCoding.decoder().decode(Output.self, from: response.body)
        } catch {
            throw AWSClientError.malformedResponse(
                operation: operation.name, status: response.status,
                detail: CognitoCoding.explain(error), requestId: response.requestId)
        }
    }

    /// Calls an operation whose model declares no output.
    func performWithoutOutput<Input: Encodable>(_ operation: OperationMetadata, _ input: Input) async throws {
        _ = try await send(operation, input)
    }

    private func send<Input: Encodable>(_ operation: OperationMetadata, _ input: Input) async throws -> AWSResponse {
        let body: Data
        do {
            body = try CognitoCoding.encoder().encode(input)
        } catch {
            throw AWSClientError.invalidInput("\(operation.name): the input could not be encoded: \(error)")
        }
        return try await call(operation, json: body)
    }

    /// Steps shared with raw JSON calls: the read-only refusal comes first, so an operator on a
    /// read-only profile hears that rather than a complaint about the input.
    func call(_ operation: OperationMetadata, json: Data) async throws -> AWSResponse {
        guard service.id == operation.service.rawValue else {
            throw AWSClientError.invalidInput(
                "\(operation.name) belongs to \(operation.service.rawValue), but this client calls \(service.id).")
        }
        if readOnly && operation.mutates {
            throw AWSClientError.readOnly(operation: operation.name)
        }
        try operation.service.schema.validate(json: json, for: operation)
        return try await callJSON(operation.name, input: json, signed: operation.signed, mutates: operation.mutates)
    }
}
