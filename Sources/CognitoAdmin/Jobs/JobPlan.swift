/// The call one job item will make, as shown to the operator before anything is sent.
///
/// This is free text chosen by the caller and it is copied verbatim into plans, progress and
/// reports: it must never hold a secret (no passwords, temporary passwords, tokens or keys).
public struct JobCall: Sendable, Hashable, Codable {
    /// The AWS operation, e.g. `AdminDisableUser`.
    public var operation: String
    /// What the operation acts on, e.g. `us-east-1_Abc123/alice`.
    public var resource: String

    public init(operation: String, resource: String) {
        self.operation = operation
        self.resource = resource
    }
}

/// One unit of work in a job.
///
/// The label and the call are written into reports that operators keep and share, so they must
/// never hold a secret.
public struct JobItem: Sendable, Hashable, Codable, Identifiable {
    /// Stable within its plan; the work and verify closures use it to find their input.
    public var id: String
    /// What people call the item, e.g. the username.
    public var label: String
    /// The call the item will make.
    public var call: JobCall

    public init(id: String, label: String, call: JobCall) {
        self.id = id
        self.label = label
        self.call = call
    }
}

/// Why a plan could not be made.
public enum JobPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two items share an id, so the report could not tell them apart.
    case duplicateItemID(String)

    public var description: String {
        switch self {
        case .duplicateItemID(let id): return "The plan lists the item \(id) more than once."
        }
    }
}

/// Everything a job will do, item by item, known before anything is sent.
///
/// A dry run stops here: the plan is the answer.
public struct JobPlan: Sendable, Hashable, Codable {
    /// A short name for the whole job, e.g. `Disable users`.
    public var title: String
    /// The items in the order they will be started.
    public private(set) var items: [JobItem]

    /// - Throws: `JobPlanError.duplicateItemID` when two items share an id.
    public init(title: String, items: [JobItem]) throws {
        var seen = Set<String>()
        for item in items where !seen.insert(item.id).inserted {
            throw JobPlanError.duplicateItemID(item.id)
        }
        self.title = title
        self.items = items
    }

    public var count: Int { items.count }

    /// The operations the plan calls, each once, in first-use order (for read-only refusals and
    /// confirmations).
    public var operations: [String] {
        var seen = Set<String>()
        return items.map(\.call.operation).filter { seen.insert($0).inserted }
    }
}
