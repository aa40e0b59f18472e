import CognitoAdmin
import CognitoAPI

/// One run of an action: a ticket (so a late reply for a closed form finds nothing), the action
/// and the resource it acts on.
public struct ActionRequest: Sendable, Equatable {
    public var ticket: Int
    public var action: ActionKey
    public var ref: ResourceRef
    /// The resource of the pane whose list the action was started on (see `ActionTarget`).
    public var within: ResourceRef?
    /// The marked rows a bulk form or picker will run on, once asked; empty for one resource.
    public var marked: [ResourceRef]
    public init(ticket: Int, action: ActionKey, ref: ResourceRef, within: ResourceRef? = nil, marked: [ResourceRef] = []) {
        self.ticket = ticket
        self.action = action
        self.ref = ref
        self.within = within
        self.marked = marked
    }

    public var target: ActionTarget { ActionTarget(ref, within: within) }
}

/// An action's form, open over the body.
public struct ActionFormState: Sendable, Equatable {
    public var request: ActionRequest
    public var form: FormState
}

/// A confirmation, open over the body: what will be sent, the diff for an update, and, for a
/// deletion or a protected profile, the name to type.
public struct ConfirmState: Sendable, Equatable {
    public enum Pending: Sendable, Equatable {
        /// Perform the action with these values.
        case perform(FormValues)
        /// Send this read-modify-write plan.
        case commit(UpdatePlan)
        /// Run the action on each of these resources as a job, with the values asked for once.
        case job([ResourceRef], FormValues)
        /// Run these effects (a call that is not a resource action: revoking a refresh token).
        case effects([ConsoleEffect])
    }
    public var request: ActionRequest
    public var title: String
    public var question: String
    public var lines: [ConfirmLine]
    /// When set, the operator types this and presses Enter; otherwise `y` / `n`.
    public var typeToConfirm: String?
    public var input = ""
    public var pending: Pending
}

/// The text the front end needs to run `$EDITOR` and the ticket its answer comes back with.
public struct EditRequest: Sendable, Equatable {
    public var ticket: Int
    public var text: String
    public init(ticket: Int, text: String) {
        self.ticket = ticket
        self.text = text
    }
}

/// Choosing several of a list for an action (groups to add a user to, users to add to a group):
/// typing narrows it — on the server when the recipe searches there — space ticks, Enter goes on.
public struct PickState: Sendable, Equatable {
    public var request: ActionRequest
    public var title: String
    public var options: [String]
    public var filter = ""
    public var chosen: [String] = []
    public var cursor = 0
    public var serverSide: Bool
    /// The query of the search in flight, for a server-side picker.
    public var searching: String?

    public init(request: ActionRequest, title: String, options: [String], serverSide: Bool) {
        self.request = request
        self.title = title
        self.options = options
        self.serverSide = serverSide
    }

    /// The options as shown: all that contain the filter (the server already narrowed them when
    /// it searches), chosen ones kept in view.
    public var shown: [String] {
        guard !serverSide, !filter.isEmpty else { return options }
        // The matches first, where the cursor goes; the ones ticked before stay in sight below.
        let needle = filter.lowercased()
        let matching = options.filter { $0.lowercased().contains(needle) }
        return matching + options.filter { chosen.contains($0) && !matching.contains($0) }
    }
}
