import CognitoAPI

/// Facts about operations by name, from the generated operation tables of both services.
public enum OperationFacts {
    private static let byName: [String: OperationMetadata] = {
        var table: [String: OperationMetadata] = [:]
        for service in CognitoService.allCases {
            for operation in service.operations { table[operation.name] = operation }
        }
        return table
    }()

    /// The operation called `name` in either service.
    public static func operation(_ name: String) -> OperationMetadata? { byName[name] }

    /// Whether the operation changes data; an unknown name counts as a change, so read-only
    /// refuses it until someone decides.
    public static func mutates(_ name: String) -> Bool { byName[name]?.mutates ?? true }
}
