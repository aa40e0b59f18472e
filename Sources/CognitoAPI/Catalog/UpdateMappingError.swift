/// Why `UpdateMapping.updateInput` could not build an update input.
public enum UpdateMappingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The update merges `member` item by item; its input is built from the changes, not a read.
    case needsAdapter(update: String, member: String)
    /// The read output has no JSON object at `path`.
    case resourceMissing(read: String, path: [String])
    /// No value was given for an identifier the update needs.
    case missingIdentifier(update: String, name: String)
    /// A value was given for a member that is not one of the mapping's identifiers.
    case unknownIdentifier(update: String, name: String, identifiers: [String])

    public var description: String {
        switch self {
        case .needsAdapter(let update, let member):
            return "\(update) merges \(member) item by item; send the changed items, not the read output"
        case .resourceMissing(let read, let path):
            let place = path.isEmpty ? "output" : path.joined(separator: ".")
            return "the \(read) output has no object at \(place)"
        case .missingIdentifier(let update, let name):
            return "\(update) needs a value for the identifier \(name)"
        case .unknownIdentifier(let update, let name, let identifiers):
            return "\(name) is not an identifier of \(update); its identifiers are \(identifiers.joined(separator: ", "))"
        }
    }
}
