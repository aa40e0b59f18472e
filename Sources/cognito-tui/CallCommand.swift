import AWSCore
import ArgumentParser
import CognitoAPI
import Foundation

/// `cognito-tui call <service> <Operation> [JSON | @file | -]`: one raw API call.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call one operation of cognito-identity, cognito-idp or sts and print its JSON reply.",
        discussion: """
            The input is a JSON object given inline, read from a file with @path, or from stdin with -. \
            For the Cognito services it is checked against the operation's input shape before anything \
            is sent. Operation names match in any case and in the AWS CLI's kebab-case (list-users). \
            The reply is printed as JSON: indented on a terminal, compact otherwise. Errors go to stderr \
            with the error code, message and request id.

            Examples:
              cognito-tui call cognito-idp ListUserPools '{"MaxResults":10}'
              cognito-tui call cognito-idp list-users @query.json --profile prod-admin
              cognito-tui call cognito-idp --list
              cognito-tui call cognito-idp ListUsers --describe-input
              echo '{}' | cognito-tui call sts GetCallerIdentity -
            """
    )

    @Argument(help: "The service: cognito-identity, cognito-idp or sts.")
    var service: String

    @Argument(help: "The operation, e.g. ListUserPools or list-user-pools.")
    var operation: String?

    @Argument(help: "The input: a JSON object, @file, or - for stdin (default {}).")
    var input: String?

    @Flag(help: "List the service's operations and exit.")
    var list = false

    @Flag(name: .customLong("describe-input"), help: "Print the operation's input as a JSON skeleton with types and limits, and exit.")
    var describeInput = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard ServiceDescriptor.named(service) != nil else {
            throw ValidationError("Unknown service `\(service)`; use cognito-identity, cognito-idp or sts.")
        }
        if list {
            guard operation == nil else { throw ValidationError("--list takes no operation.") }
            return
        }
        guard let operation else { throw ValidationError("Name an operation, or pass --list to see them.") }
        guard !operation.isEmpty, operation.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("The operation must be a name like ListUserPools, got `\(operation)`.")
        }
    }

    func run() async throws {
        let descriptor = ServiceDescriptor.named(service)!
        if case .query = descriptor.wireProtocol {
            try await runQuery(descriptor)
            return
        }
        if list {
            for op in try OperationCatalog.operations(of: service) {
                print("\(op.name)\t\(op.cliName)\(op.mutates ? "\tchanges data" : "")")
            }
            return
        }
        let metadata = try OperationCatalog.operation(named: operation!, in: service)
        if describeInput {
            print(OperationCatalog.describeInput(of: metadata))
            return
        }
        let object = try InputReader.readObject(input, operation: metadata.name)
        try OperationCatalog.validate(json: object, for: metadata)
        let context = RuntimeContext.live()
        let session = try global.session(context: context, settings: try GlobalOptions.loadSettings(context))
        let client = try session.client(descriptor)
        let data = try JSONSerialization.data(withJSONObject: object)
        let reply = try await OperationCatalog.call(metadata, json: data, using: client)
        Output.json(reply.body, pretty: isatty(STDOUT_FILENO) == 1)
    }

    /// STS, over the Query protocol: JSON in, flattened to form parameters; XML out, as JSON.
    func runQuery(_ descriptor: ServiceDescriptor) async throws {
        if list {
            for name in STSOperations.all { print(name) }
            return
        }
        guard let name = STSOperations.named(operation!) else {
            throw AWSClientError.invalidInput("sts has no operation `\(operation!)` that cognito-tui can call; see `cognito-tui call sts --list`.")
        }
        if describeInput {
            throw AWSClientError.invalidInput("--describe-input covers cognito-identity and cognito-idp only.")
        }
        let object = try InputReader.readObject(input, operation: name)
        let context = RuntimeContext.live()
        let client = try global.session(context: context, settings: try GlobalOptions.loadSettings(context)).client(descriptor)
        let reply = try await client.callQuery(name, parameters: QueryJSON.parameters(object),
                                               signed: !STSOperations.unsigned.contains(name), mutates: false)
        guard let result = QueryJSON.result(reply.body, action: name) else {
            throw AWSClientError.malformedResponse(operation: name, status: reply.status,
                                                   detail: "the XML reply could not be parsed", requestId: reply.requestId)
        }
        Output.json(try JSONSerialization.data(withJSONObject: result), pretty: isatty(STDOUT_FILENO) == 1)
    }
}

/// The STS operations `call` reaches. None changes data: they hand out temporary credentials or
/// describe the caller, so the read-only guard lets them through.
enum STSOperations {
    static let all = [
        "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot", "DecodeAuthorizationMessage",
        "GetAccessKeyInfo", "GetCallerIdentity", "GetDelegatedAccessToken", "GetFederationToken", "GetSessionToken",
        "GetWebIdentityToken",
    ]
    /// The operations the STS model marks as not signed.
    static let unsigned: Set<String> = ["AssumeRoleWithSAML", "AssumeRoleWithWebIdentity"]

    /// Matches in any case and in kebab-case.
    static func named(_ name: String) -> String? {
        let wanted = name.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "").lowercased()
        return all.first { $0.lowercased() == wanted }
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
                "The input for \(operation) from \(origin) is not valid JSON (\(JSONErrorText.describe(error))).")
        }
        guard let object = parsed as? [String: Any] else {
            throw AWSClientError.invalidInput("The input for \(operation) from \(origin) must be a JSON object, like {\"MaxResults\": 10}.")
        }
        return object
    }
}

/// A short description of a JSON syntax error, with its position when Foundation gives one.
enum JSONErrorText {
    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty {
            return detail.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        }
        return "it could not be parsed"
    }
}
