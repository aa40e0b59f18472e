import CognitoAPI

extension Updater {
    /// The read-modify-write of a replacing update, from the generated mapping: the read is
    /// called with the resource's identifiers, its output becomes the update's input (only the
    /// members the update takes), and the update is sent through the same backend.
    ///
    /// - Parameters:
    ///   - update: the update operation, e.g. `UpdateUserPoolClient`; it must have a mapping.
    ///   - ids: the identifier members' values from the resource's path.
    public init(mapped update: String, ids: @escaping @Sendable (_ path: [String]) -> [String: String]) {
        guard let operation = OperationFacts.operation(update), let mapping = UpdateMapping.forUpdate(operation) else {
            preconditionFailure("\(update) has no describe-to-update mapping")
        }
        self.init(update, reads: mapping.read.name, identifiers: mapping.identifiers, notReturned: mapping.notReturned,
                  read: { backend, path in
                      let values = ids(path)
                      let output = try await backend.call(mapping.read, json: .object(values.mapValues { .string($0) }))
                      return try mapping.updateInput(from: output, identifiers: values)
                  },
                  write: { backend, input, _ in
                      _ = try await backend.call(mapping.update, json: input)
                  })
    }
}
