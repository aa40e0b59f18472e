import AWSCore

/// What the service model says about one operation, plus the generator's decision on whether it
/// mutates (scripts/codegen/model.py, "MUTATION RULE").
public struct OperationMetadata: Sendable, Hashable, CustomStringConvertible {
    public let service: CognitoService
    /// The model's name, e.g. `ListUsers`.
    public let name: String
    /// The AWS CLI's spelling, e.g. `list-users`.
    public let cliName: String
    /// The `X-Amz-Target` header value, e.g. `AWSCognitoIdentityProviderService.ListUsers`.
    public let target: String
    /// False when the model marks the operation unsigned (`authtype: none` / `smithy.api#noAuth`).
    public let signed: Bool
    /// Whether the operation changes data: a read-only client refuses it, and the runtime never
    /// resends it after a failure that leaves its outcome unknown.
    public let mutates: Bool
    /// The input shape's name.
    public let input: String
    /// The output shape's name; nil when the operation returns nothing.
    public let output: String?
    /// The error codes the model lists for the operation.
    public let errors: [String]
    /// How the operation pages; nil when it does not.
    public let pagination: Pagination?

    /// Made by the generated operation tables only.
    init(service: CognitoService, name: String, cliName: String, target: String, signed: Bool,
                mutates: Bool, input: String, output: String?, errors: [String], pagination: Pagination?) {
        self.service = service
        self.name = name
        self.cliName = cliName
        self.target = target
        self.signed = signed
        self.mutates = mutates
        self.input = input
        self.output = output
        self.errors = errors
        self.pagination = pagination
    }

    public var description: String { "\(service.rawValue) \(name)" }
}

/// The member names an operation pages by.
public struct Pagination: Sendable, Hashable {
    /// The input member that carries the token of the page to fetch.
    public let inputToken: String
    /// The output member that carries the next page's token.
    public let outputToken: String
    /// The input member that bounds the page size, if any.
    public let limitKey: String?
    /// The output member that holds the page's items.
    public let resultKey: String

    init(inputToken: String, outputToken: String, limitKey: String?, resultKey: String) {
        self.inputToken = inputToken
        self.outputToken = outputToken
        self.limitKey = limitKey
        self.resultKey = resultKey
    }
}
