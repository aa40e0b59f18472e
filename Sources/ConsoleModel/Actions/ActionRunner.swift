import CognitoAdmin
import CognitoAPI

/// Runs an action's steps against a backend, off the main actor: finds the action and the
/// resource's update in the registry and calls the domain layer.
enum ActionRunner {
    static func action(_ request: ActionRequest) throws -> ResourceAction {
        guard let action = request.action.action else { throw UpdateError("No action \(request.action.verb) for \(request.ref.kind).") }
        return action
    }

    static func updater(_ request: ActionRequest) -> Updater? {
        request.action.action?.update(for: request.ref.kind)?.updater
    }

    static func update(_ request: ActionRequest) throws -> UpdateSpec {
        guard let update = request.action.action?.update(for: request.ref.kind) else {
            throw UpdateError("A \(ResourceRegistry.descriptor(request.ref.kind).noun) cannot be updated here.")
        }
        return update
    }

    static func form(_ backend: any CognitoBackend, _ request: ActionRequest) async throws -> FormState {
        switch try action(request).work {
        case .form(let recipe, _):
            return try await recipe.load(backend, request.target)
        case .updateForm:
            let update = try update(request)
            guard let make = update.form else { throw UpdateError("This update has no form; press e to edit it as JSON.") }
            return try await make(backend, request.target, try await update.updater.read(backend, request.ref.path))
        default:
            throw UpdateError("\(request.action.verb) has no form.")
        }
    }

    static func perform(_ backend: any CognitoBackend, _ request: ActionRequest, _ values: FormValues) async throws -> ActionOutcome {
        switch try action(request).work {
        case .run(let perform), .form(_, let perform), .pick(_, let perform):
            return try await perform(backend, request.target, values)
        default:
            throw UpdateError("\(request.action.verb) is an update; it is sent through its plan.")
        }
    }

    static func read(_ backend: any CognitoBackend, _ request: ActionRequest) async throws -> JSONValue {
        try await update(request).updater.read(backend, request.ref.path)
    }

    static func plan(_ backend: any CognitoBackend, _ request: ActionRequest, _ edit: UpdateEdit) async throws -> UpdatePlan {
        try await update(request).updater.plan(backend, path: request.ref.path, edit: edit)
    }

    static func commit(_ backend: any CognitoBackend, _ request: ActionRequest, _ plan: UpdatePlan) async throws -> CommitOutcome {
        try await update(request).updater.commit(backend, path: request.ref.path, plan: plan)
    }
}
