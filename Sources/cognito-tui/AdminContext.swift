import AWSCore
import CognitoAdmin

/// What a subcommand that changes things works with: the session the global options and the
/// settings file describe, and the backend over it (protected as the settings say).
struct AdminContext {
    let session: AWSSession
    let backend: ClientBackend

    /// The resolved profile's name.
    var profile: String { session.config.profileName }
    /// Whether the profile is marked `protected: true` in config.yaml.
    var isProtected: Bool { backend.info.protected }

    /// Reads the settings file and builds the session and the backend; sends nothing.
    static func make(_ global: GlobalOptions) throws -> AdminContext {
        let context = RuntimeContext.live()
        let settings = try GlobalOptions.loadSettings(context)
        let session = try global.session(context: context, settings: settings)
        return AdminContext(session: session, backend: try ClientBackend(session: session, settings: settings))
    }

    /// Refuses a change before anything is sent, reads included, when the session is read-only
    /// (`--read-only`, or `read_only: true` for the profile); the client core would refuse the
    /// change itself, but only after the reads a command makes first.
    /// - Throws: `AWSClientError.readOnly` for the first operation that changes data.
    func refuseIfReadOnly(_ operations: [String]) throws {
        guard session.readOnly, let operation = operations.first(where: OperationFacts.mutates) else { return }
        throw AWSClientError.readOnly(operation: operation)
    }

    /// The id of the pool `reference` names: an id as it is, a name looked up among the pools.
    /// - Throws: `CommandFailure.usage` when no pool or several pools have the name.
    func pool(_ reference: String) async throws -> String {
        do {
            return try await UserPoolLookup.resolve(backend, reference)
        } catch let error as PoolLookupError {
            throw CommandFailure.usage(error.description)
        }
    }
}
