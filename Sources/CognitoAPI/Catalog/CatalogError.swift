/// A name `OperationCatalog` could not resolve.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownService(String, known: [String])
    case unknownOperation(String, service: String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownService(let id, let known):
            return "There is no service \"\(id)\"; the services are \(known.joined(separator: " and "))."
        case .unknownOperation(let name, let service, let suggestion):
            let hint = suggestion.map { "; did you mean \($0)?" } ?? "."
            return "\(service) has no operation \"\(name)\"\(hint)"
        }
    }
}
