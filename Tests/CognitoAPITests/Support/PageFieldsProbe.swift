@testable import CognitoAPI
import Foundation
import Testing

/// One generated page-fields value opened to its shapes and driven through JSON, so a test can
/// treat every paginated operation alike: requests are made from the least input the schema
/// accepts (its required members), replies from the paginator's members only.
struct Probe: Sendable, CustomTestStringConvertible {
    let fields: any PagedOperation

    init(_ fields: any PagedOperation) { self.fields = fields }

    var operation: OperationMetadata { fields.operation }
    var limitRange: ClosedRange<Int>? { fields.limitRange }
    var testDescription: String { operation.name }

    /// The members of the least input.
    var requiredMembers: Set<String> { operation.service.schema.shape(operation.input).required }

    /// The least input with `token` and `limit` written in, as JSON members.
    func request(token: String?, limit: Int?) throws -> [String: JSONValue] {
        try Self.request(fields, token: token, limit: limit)
    }

    /// A reply holding `token` and `itemCount` least items, read back: the next token and the
    /// number of items.
    func reply(token: String, itemCount: Int) throws -> (String?, Int) {
        try Self.reply(fields, token: token, itemCount: itemCount)
    }

    private static func request<F: PagedOperation>(_ fields: F, token: String?, limit: Int?) throws -> [String: JSONValue] {
        let schema = fields.operation.service.schema
        let input = try CognitoJSON.decode(F.Input.self, from: least(fields.operation.input, in: schema))
        guard case .object(let members) = try CognitoJSON.value(fields.request(input, token: token, limit: limit)) else {
            throw ProbeFailure("\(fields.operation.name): the request is not a JSON object")
        }
        return members
    }

    private static func reply<F: PagedOperation>(_ fields: F, token: String, itemCount: Int) throws -> (String?, Int) {
        let schema = fields.operation.service.schema
        guard let pagination = fields.operation.pagination, let outputName = fields.operation.output,
              case .object(var members) = least(outputName, in: schema),
              let list = schema.shape(outputName).members.first(where: { $0.name == pagination.resultKey }),
              let itemShape = schema.shape(list.shape).element else {
            throw ProbeFailure("\(fields.operation.name): no reply to make")
        }
        members[pagination.outputToken] = .string(token)
        members[pagination.resultKey] = .array(Array(repeating: least(itemShape, in: schema), count: itemCount))
        let output = try CognitoJSON.decode(F.Output.self, from: .object(members))
        return (fields.nextToken(in: output), fields.items(in: output).count)
    }

    /// The smallest value of a shape that decodes: a structure with its required members only.
    private static func least(_ name: String, in schema: ServiceSchema) -> JSONValue {
        let shape = schema.shape(name)
        switch shape.kind {
        case .structure:
            var members: [String: JSONValue] = [:]
            for member in shape.members where shape.required.contains(member.name) {
                members[member.name] = least(member.shape, in: schema)
            }
            return .object(members)
        case .list: return .array([])
        case .map, .document: return .object([:])
        case .string: return .string(shape.enumValues?.first ?? "x")
        case .integer, .long, .timestamp: return .integer(Int64(shape.min ?? 1))
        case .double, .float: return .number(shape.min ?? 1)
        case .boolean: return .bool(true)
        case .blob: return .string("")
        }
    }
}

struct ProbeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
