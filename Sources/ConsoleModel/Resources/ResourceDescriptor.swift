import CognitoAPI
import CognitoAdmin

/// Everything the console knows about one kind of resource, written once: how deep its path
/// is, what it is called (its pane's tabs are the lists and detail specs placed on it), what `d`
/// shows, how one row is read back after a change, and its actions.
/// Panes, the palette, help and the footer read these; nothing switches over resource kinds.
public struct ResourceDescriptor: Sendable {
    public typealias FetchRow = @Sendable (_ backend: any CognitoBackend, _ ref: ResourceRef, _ views: [String: [String]]) async throws -> ListItem

    public let kind: ResourceKind
    /// How many ids its path has (a pool 1, a user 2, a device 3).
    public let depth: Int
    /// The singular noun: "user pool", "user".
    public let noun: String
    /// The plural noun: "user pools", "identities".
    public var plural: String { noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s" }
    public let describe: DescribeSpec?
    /// Reads one resource back as a row, so a change refreshes exactly that row.
    public let fetchRow: FetchRow?
    /// Its read-modify-write update, for the actions that edit it (a form, `e`).
    public let update: UpdateSpec?
    public let actions: [ResourceAction]
    /// Its page in the AWS console, which `o` shows and copies; nil when the console has none.
    public let consolePage: ConsolePage?
    /// The environment variable each id of its path is given to a plugin as (`USER_POOL_ID`,
    /// `USERNAME`); an empty name passes that id on under no name.
    public let variables: [String]

    public init(_ kind: ResourceKind, depth: Int, noun: String, describe: DescribeSpec? = nil,
                fetchRow: FetchRow? = nil, update: UpdateSpec? = nil, actions: [ResourceAction] = [],
                consolePage: ConsolePage? = nil, variables: [String] = []) {
        self.kind = kind
        self.depth = depth
        self.noun = noun
        self.describe = describe
        self.fetchRow = fetchRow
        self.update = update
        self.actions = actions
        self.consolePage = consolePage
        self.variables = variables
    }
}

/// What `d` shows for a resource: the read operation's output as pretty JSON.
public struct DescribeSpec: Sendable {
    public typealias Fetch = @Sendable (_ backend: any CognitoBackend, _ ref: ResourceRef) async throws -> [String]
    /// The operation, for the title: `AdminGetUser ann`.
    public let operation: String
    public let fetch: Fetch

    public init(_ operation: String, fetch: @escaping Fetch) {
        self.operation = operation
        self.fetch = fetch
    }

    /// A describe spec from a typed read: the output, masked by `mask`, as sorted pretty JSON.
    public static func reading<Output: Encodable & Sendable>(
        _ operation: String, mask: @escaping @Sendable (inout Output) -> Void = { _ in },
        _ read: @escaping @Sendable (any CognitoBackend, ResourceRef) async throws -> Output
    ) -> DescribeSpec {
        DescribeSpec(operation) { backend, ref in
            var output = try await read(backend, ref)
            mask(&output)
            return try JSONLines.pretty(output)
        }
    }
}

/// How a resource is updated: the read-modify-write `Updater`, and optionally a form over some
/// of its fields with the members each value becomes. A form field's key is the member it
/// edits; only the fields the operator changed become the edit.
public struct UpdateSpec: Sendable {
    /// Makes the form from the update input as it is now (and may read more, such as a schema).
    public typealias MakeForm = @Sendable (_ backend: any CognitoBackend, _ target: ActionTarget, _ current: JSONValue) async throws -> FormState
    public typealias Members = @Sendable (_ values: FormValues) -> [String: JSONValue?]
    public let updater: Updater
    public let form: MakeForm?
    public let members: Members?

    public init(_ updater: Updater, form: MakeForm? = nil, members: Members? = nil) {
        self.updater = updater
        self.form = form
        self.members = members
    }
}
