import AWSCore
import ArgumentParser
import Foundation

/// `cognito-tui call <service> <Operation> [JSON | @file | -]`: one raw API call.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call one operation of cognito-identity, cognito-idp or sts and print its JSON reply.",
        discussion: """
            The input is a JSON object given inline, read from a file with @path, or from stdin with -. \
            The reply is printed as JSON: indented on a terminal, compact otherwise. Errors go to stderr \
            with the error code, message and request id.

            Examples:
              cognito-tui call cognito-idp ListUserPools '{"MaxResults":10}'
              cognito-tui call cognito-identity DescribeIdentityPool @pool.json --region eu-west-1
              echo '{}' | cognito-tui call sts GetCallerIdentity -
            """
    )

    @Argument(help: "The service: cognito-identity, cognito-idp or sts.")
    var service: String

    @Argument(help: "The operation, e.g. ListUserPools.")
    var operation: String

    @Argument(help: "The input: a JSON object, @file, or - for stdin (default {}).")
    var input: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ServiceDescriptor.named(service) != nil else {
            throw ValidationError("Unknown service `\(service)`; use cognito-identity, cognito-idp or sts.")
        }
        guard !operation.isEmpty, operation.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("The operation must be a name like ListUserPools, got `\(operation)`.")
        }
    }

    func run() async throws {
        let descriptor = ServiceDescriptor.named(service)!
        let object = try InputReader.readObject(input, operation: operation)
        let session = try global.session()
        let client = try session.client(descriptor)
        let traits = OperationTraits.lookup(service: service, operation: operation)
        let body: Data
        switch descriptor.wireProtocol {
        case .json:
            let data = try JSONSerialization.data(withJSONObject: object)
            body = try await client.callJSON(operation, input: data, signed: traits.signed, mutates: traits.mutates).body
        case .query:
            let reply = try await client.callQuery(operation, parameters: QueryJSON.parameters(object),
                                                   signed: traits.signed, mutates: traits.mutates)
            guard let result = QueryJSON.result(reply.body, action: operation) else {
                throw AWSClientError.malformedResponse(operation: operation, status: reply.status,
                                                       detail: "the XML reply could not be parsed", requestId: reply.requestId)
            }
            body = try JSONSerialization.data(withJSONObject: result)
        }
        Output.json(body, pretty: isatty(STDOUT_FILENO) == 1)
    }
}

/// Reads the JSON input of `call`.
enum InputReader {
    static func readObject(_ argument: String?, operation: String) throws -> [String: Any] {
        let text: String
        let origin: String
        switch argument {
        case nil:
            return [:]
        case "-":
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            origin = "stdin"
        case let value? where value.hasPrefix("@"):
            let path = String(value.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AWSClientError.invalidInput("The input file `\(path)` cannot be read.")
            }
            text = String(decoding: data, as: UTF8.self)
            origin = "`\(path)`"
        case let value?:
            text = value
            origin = "the command line"
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [:] }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw AWSClientError.invalidInput(
                "The input for \(operation) from \(origin) is not valid JSON (\(JSONErrorText.describe(error, in: text))).")
        }
        guard let object = parsed as? [String: Any] else {
            throw AWSClientError.invalidInput("The input for \(operation) from \(origin) must be a JSON object, like {\"MaxResults\": 10}.")
        }
        return object
    }
}

/// A short position-bearing description of a JSON syntax error.
enum JSONErrorText {
    static func describe(_ error: Error, in text: String) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty {
            return detail.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        }
        return "it could not be parsed"
    }
}
