import Foundation

/// How a read's output becomes the input of the update that replaces the same resource.
///
/// Cognito's `Update*` and `Set*` calls reset every member they are not sent, so an edit is
/// read-modify-write: describe, change, send everything back. The generated table
/// (`UpdateMapping.all`) says, for each such update, which read returns the current state,
/// where in its output the resource is, and which members carry over; the rule that builds it
/// from the model is written at the top of scripts/codegen/emit_updates.py.
public struct UpdateMapping: Sendable, Equatable {
    /// Whether the update replaces the resource or merges into it.
    public enum Kind: Sendable, Equatable {
        /// The update replaces the resource: a member it is not sent is reset to its default.
        case replacement
        /// The service merges the list `member` item by item, matched on `key`; items not sent
        /// keep their values. A read output is not a valid update (it holds items that cannot
        /// be written, such as the attribute `sub`), so `updateInput` refuses: the caller sends
        /// only the items that changed.
        case mergeByName(member: String, key: String)
    }

    /// An `Update*`/`Set*` operation the table leaves out, and why.
    public struct Unmapped: Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// The user calls it with an access token or unsigned; an administrator does not.
            case userCall
            /// No Describe or Get operation reads the same resource.
            case noRead
            /// The read returns none of the update's members beyond the identifiers: the update
            /// sets something no read shows (a password, a device's remembered status).
            case nothingToKeep(read: OperationMetadata)
        }

        public let update: OperationMetadata
        public let reason: Reason
    }

    /// The operation that writes the resource.
    public let update: OperationMetadata
    /// The operation that returns the resource's current state.
    public let read: OperationMetadata
    public let kind: Kind
    /// The members leading to the resource object in the read's output (`["UserPoolClient"]`);
    /// empty when the output itself is the resource.
    public let resourcePath: [String]
    /// The members the read's input requires; they name the resource, and the update takes
    /// them with the same values.
    public let identifiers: [String]
    /// The update members taken from the resource object, in the model's order.
    public let copied: [String]
    /// The copied members that the resource spells differently: update member -> resource member.
    public let renamed: [String: String]
    /// The update members the read does not return. A replacement resets them when it is sent
    /// without them: the console warns before sending.
    public let notReturned: [String]
    /// The resource members the update does not take (dates, ARNs, secrets, status): left out.
    public let dropped: [String]

    /// Made by the generated table only.
    init(update: OperationMetadata, read: OperationMetadata, kind: Kind, resourcePath: [String],
         identifiers: [String], copied: [String], renamed: [String: String], notReturned: [String],
         dropped: [String]) {
        self.update = update
        self.read = read
        self.kind = kind
        self.resourcePath = resourcePath
        self.identifiers = identifiers
        self.copied = copied
        self.renamed = renamed
        self.notReturned = notReturned
        self.dropped = dropped
    }

    /// The mapping whose update is `operation`; nil when the table has none.
    public static func forUpdate(_ operation: OperationMetadata) -> UpdateMapping? {
        all.first { $0.update == operation }
    }

    /// The update input that sends back what the read returned: the identifiers' values and
    /// every copied member the resource holds, nothing else.
    ///
    /// - Parameters:
    ///   - readOutput: the read's whole output, as JSON with the model's member names.
    ///   - values: a value for each of `identifiers`, by member name.
    /// - Returns: a JSON object with only members of the update's input.
    /// - Throws: `UpdateMappingError`: the update merges (`.needsAdapter`), an identifier is
    ///   missing or is not one, or the resource is not an object.
    public func updateInput(from readOutput: JSONValue, identifiers values: [String: String]) throws -> JSONValue {
        if case .mergeByName(let member, _) = kind {
            throw UpdateMappingError.needsAdapter(update: update.name, member: member)
        }
        if let stray = values.keys.sorted().first(where: { !identifiers.contains($0) }) {
            throw UpdateMappingError.unknownIdentifier(update: update.name, name: stray, identifiers: identifiers)
        }
        var resource = readOutput
        for (depth, key) in resourcePath.enumerated() {
            guard case .object(let members) = resource, let next = members[key] else {
                throw UpdateMappingError.resourceMissing(read: read.name, path: Array(resourcePath[...depth]))
            }
            resource = next
        }
        guard case .object(let members) = resource else {
            throw UpdateMappingError.resourceMissing(read: read.name, path: resourcePath)
        }
        var input: [String: JSONValue] = [:]
        for name in copied {
            if let value = members[renamed[name] ?? name], value != .null {
                input[name] = value
            }
        }
        for name in identifiers {
            guard let value = values[name] else {
                throw UpdateMappingError.missingIdentifier(update: update.name, name: name)
            }
            input[name] = .string(value)
        }
        return .object(input)
    }
}
