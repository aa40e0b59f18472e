import CognitoAPI

/// An update as read-modify-write: read the resource as the update's input (only the members
/// the update accepts), merge an edit, diff, and just before sending read again, so a change
/// made meanwhile is shown instead of overwritten. `Update*` and `Set*` calls reset whatever is
/// left out, which is why every update starts from what is there now.
public struct Updater: Sendable {
    public typealias Read = @Sendable (_ backend: any CognitoBackend, _ path: [String]) async throws -> JSONValue
    /// Sends the proposed input; `base` is what was read just before, for updates that send
    /// only the difference (user attributes).
    public typealias Write = @Sendable (_ backend: any CognitoBackend, _ input: JSONValue, _ base: JSONValue) async throws -> Void

    /// The update operation, e.g. `UpdateGroup`.
    public let operation: String
    /// The read operation it starts from, e.g. `GetGroup`.
    public let readOperation: String
    /// Members that identify the resource; the edit may not change them.
    public let identifiers: [String]
    /// Members the update takes that the read does not return: sent without them, the update
    /// resets them, so the diff warns.
    public let notReturned: [String]
    public let read: Read
    public let write: Write
    /// Checks an edited input when the update's own input is not what is edited (user
    /// attributes); nil: the input is validated against the operation's model.
    public let validate: (@Sendable (JSONValue) throws -> Void)?

    public init(_ operation: String, reads readOperation: String, identifiers: [String], notReturned: [String] = [],
                read: @escaping Read, write: @escaping Write, validate: (@Sendable (JSONValue) throws -> Void)? = nil) {
        self.validate = validate
        self.operation = operation
        self.readOperation = readOperation
        self.identifiers = identifiers
        self.notReturned = notReturned
        self.read = read
        self.write = write
    }

    /// Reads the resource and applies `edit` to its update input.
    /// - Throws: the read's errors, `UpdateError` when the edit is not valid for the operation.
    public func plan(_ backend: any CognitoBackend, path: [String], edit: UpdateEdit) async throws -> UpdatePlan {
        let base = try await read(backend, path)
        return try plan(base: base, edit: edit)
    }

    /// The plan for an edit over a known base; pure.
    public func plan(base: JSONValue, edit: UpdateEdit) throws -> UpdatePlan {
        let proposed: JSONValue
        switch edit {
        case .members(let members):
            guard case .object(var object) = base else { throw UpdateError("The current \(readOperation) reply is not an object.") }
            for (key, value) in members {
                // `Parent<US>member` edits one member of an object member (one user attribute).
                let parts = key.split(separator: UpdateEdit.nested, maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    guard case .object(var inner) = object[parts[0]] ?? .object([:]) else {
                        throw UpdateError("\(parts[0]) is not an object.")
                    }
                    inner[parts[1]] = value
                    object[parts[0]] = .object(inner)
                } else if let value {
                    object[key] = value
                } else {
                    object[key] = nil
                }
            }
            proposed = .object(object)
        case .whole(let value):
            proposed = value
        }
        try check(proposed, against: base)
        let resets = notReturned.filter { proposed[$0] == nil }
        return UpdatePlan(operation: operation, edit: edit, base: base, proposed: proposed,
                          changes: UpdateDiff.changes(from: base, to: proposed), resets: resets)
    }

    /// Checks an edited input: an object, the identifiers untouched, valid by the model.
    public func check(_ proposed: JSONValue, against base: JSONValue) throws {
        guard case .object(let new) = proposed, case .object(let old) = base else {
            throw UpdateError("The edit must be a JSON object.")
        }
        for id in identifiers where new[id] != old[id] {
            throw UpdateError("\(id) identifies the resource and cannot be changed here.")
        }
        if let validate {
            try validate(proposed)
            return
        }
        guard let metadata = OperationFacts.operation(operation) else { throw UpdateError("Unknown operation \(operation).") }
        do {
            try OperationCatalog.validate(json: CognitoJSONText.data(proposed), for: metadata)
        } catch let error as InputValidationError {
            throw UpdateError(error.description)
        }
    }

    /// Reads the resource again and sends the plan if nothing changed meanwhile; otherwise
    /// returns the same edit planned over the new state, to be shown instead. (Edited members
    /// are applied to what is there now, so another person's change to other members is kept;
    /// a whole document edited in `$EDITOR` is compared with what is there now.)
    public func commit(_ backend: any CognitoBackend, path: [String], plan: UpdatePlan) async throws -> CommitOutcome {
        let now = try await read(backend, path)
        guard now == plan.base else {
            return .changedMeanwhile(try self.plan(base: now, edit: plan.edit.rebased(from: plan.base)))
        }
        guard plan.hasChanges else { return .nothingToSend }
        try await write(backend, plan.proposed, now)
        return .sent
    }
}

/// What the operator changed: some top-level members (nil removes one), or the whole input.
public enum UpdateEdit: Sendable, Equatable {
    case members([String: JSONValue?])
    case whole(JSONValue)

    /// Separates an object member's name from one of its own members in a `members` key:
    /// `"UserAttributes" + nested + "email"`. A control character, so no member name holds it.
    public static let nested: Character = "\u{1F}"

    /// The edit as the members it changes relative to `base`, to apply over a newer state: a
    /// whole document edited in `$EDITOR` keeps only the members the operator changed, so a
    /// member someone else changed meanwhile is not put back.
    public func rebased(from base: JSONValue) -> UpdateEdit {
        guard case .whole(let proposed) = self, case .object(let new) = proposed, case .object(let old) = base else { return self }
        var members: [String: JSONValue?] = [:]
        for key in Set(old.keys).union(new.keys) where old[key] != new[key] {
            members[key] = .some(new[key])
        }
        return .members(members)
    }
}

/// A read-modify-write ready to confirm: what was read, what would be sent, and the diff.
public struct UpdatePlan: Sendable, Equatable {
    public var operation: String
    /// What the operator changed, kept to plan again over a newer state.
    public var edit: UpdateEdit
    public var base: JSONValue
    public var proposed: JSONValue
    public var changes: [FieldChange]
    /// Members the update takes but the read does not return: sending resets them.
    public var resets: [String] = []

    public var hasChanges: Bool { changes.contains { $0.kind != .kept } }
}

public enum CommitOutcome: Sendable, Equatable {
    case sent
    /// The edit changes nothing; nothing was sent.
    case nothingToSend
    /// The resource changed after the plan was made; nothing was sent.
    case changedMeanwhile(UpdatePlan)
}

/// Why an edit cannot be sent; one sentence.
public struct UpdateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
