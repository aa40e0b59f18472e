import CognitoAdmin

/// One thing an operator can do to a resource, as data: its palette verb (the command line's
/// verb too), keys, title, the AWS operations it calls (so read-only disables it, with the reason
/// in help and the footer), where it applies, how it is confirmed, what it asks for first, and
/// what it does. Help, hints, the palette and refusals are generated from these.
public struct ResourceAction: Sendable {
    /// Where the action applies.
    public enum Scope: Sendable, Equatable {
        /// The selected row of a list of this kind.
        case row
        /// The pane of the resource itself.
        case pane
        /// Both the selected row and the resource's pane.
        case rowOrPane
        /// A list of this kind itself, to make a new one (create): the subject's path is the list's
        /// scope with an empty id.
        case list
    }

    /// How the operator confirms before anything is sent.
    public enum Confirmation: Sendable, Equatable {
        case none
        /// `y` / `n`, for reversible actions.
        case yesNo
        /// The resource's name typed, then Enter; for deletions.
        case typeName
    }

    /// What the action does, and what it asks for first.
    public enum Work: Sendable {
        /// Confirm, then perform.
        case run(Perform)
        /// A form (made from the resource as it is now), confirm, then perform with its values.
        case form(FormRecipe, Perform)
        /// A picker of several (groups, users), then confirm, then perform with the chosen ones
        /// in the values as `picked`, comma-separated.
        case pick(PickRecipe, Perform)
        /// An update through its form: read, merge, diff, confirm, read again, send. Nil: the
        /// descriptor's update.
        case updateForm(UpdateSpec? = nil)
        /// An update as JSON in `$EDITOR`: validated, diffed, confirmed, read again, sent.
        case editJSON(UpdateSpec? = nil)
        /// Steps of its own, run by the reducer from here (signing in, asking for credentials):
        /// the action gives its keys, verb, help line and read-only refusal like any other.
        case start(@Sendable (inout ConsoleState, ActionRequest) -> [ConsoleEffect])
    }

    public typealias Perform = @Sendable (_ backend: any CognitoBackend, _ ref: ActionTarget, _ values: FormValues) async throws -> ActionOutcome

    public let verb: String
    public let keys: [Key]
    public let title: String
    /// Every AWS operation the action may call.
    public let operations: [String]
    public let scope: Scope
    public let confirmation: Confirmation
    public let work: Work
    public let hint: Bool
    /// Says what the confirmation asks, e.g. "Disable ann? They cannot sign in until enabled again."
    public let question: @Sendable (ResourceRef) -> String
    /// Reads a resource back after a call whose outcome is unknown (a dropped connection), so a
    /// job never sends it twice: whether the change is in place, is not (it may go again), or
    /// cannot be (the item failed), or the read cannot tell; `values` are those asked once.
    public let verify: Verify?
    public typealias Verify = @Sendable (_ backend: any CognitoBackend, _ ref: ResourceRef, _ values: FormValues) async throws -> JobVerification
    /// A form or picker action that, on marked rows, asks once and then runs on each as a job
    /// (add the marked users to groups, set their attributes).
    public let bulk: Bool
    /// The lists the action is offered on; nil: any list of its kind (and the pane).
    public let lists: Set<ListKind>?
    /// Whether the action makes its resource go away (a deletion): after a job, its rows are
    /// removed rather than read back.
    public let removesResource: Bool
    /// For an operation that takes several resources a call (`DeleteIdentities`): a job on marked
    /// rows sends them together, up to `size` a call, instead of one call each.
    public let batch: Batch?

    public struct Batch: Sendable {
        public let size: Int
        /// One call for these resources; returns the failures of those it did not process, by
        /// resource id.
        public let send: @Sendable (_ backend: any CognitoBackend, _ refs: [ResourceRef]) async throws -> [String: JobFailure]

        public init(size: Int, send: @escaping @Sendable (_ backend: any CognitoBackend, _ refs: [ResourceRef]) async throws -> [String: JobFailure]) {
            self.size = size
            self.send = send
        }
    }

    public init(_ verb: String, keys: [Key], title: String, operations: [String], scope: Scope = .rowOrPane,
                confirmation: Confirmation, hint: Bool = false,
                question: @escaping @Sendable (ResourceRef) -> String = { _ in "" },
                verify: Verify? = nil,
                lists: Set<ListKind>? = nil, removes: Bool = false, bulk: Bool = false, batch: Batch? = nil, work: Work) {
        self.verify = verify
        self.batch = batch
        self.bulk = bulk
        self.removesResource = removes
        self.lists = lists
        self.verb = verb
        self.keys = keys
        self.title = title
        self.operations = operations
        self.scope = scope
        self.confirmation = confirmation
        self.work = work
        self.hint = hint
        self.question = question
    }

    /// `e`: a resource's update as JSON in `$EDITOR`.
    public static func edit(_ update: Updater, verb: String = "edit", key: Key = .character("e"), what: String = "") -> ResourceAction {
        ResourceAction(verb, keys: [key], title: "edit \(what.isEmpty ? "" : what + " ")as JSON ($EDITOR)",
                       operations: [update.readOperation, update.operation], confirmation: .yesNo,
                       work: .editJSON(UpdateSpec(update)))
    }

    /// The update this action makes, if it is one: its own, else the descriptor's.
    public func update(for kind: ResourceKind) -> UpdateSpec? {
        switch work {
        case .updateForm(let spec), .editJSON(let spec): return spec ?? ResourceRegistry.descriptor(kind).update
        default: return nil
        }
    }


    /// What it does once asked and confirmed; nil for updates, which go through their plan.
    public var perform: Perform? {
        switch work {
        case .run(let perform), .form(_, let perform), .pick(_, let perform): return perform
        case .updateForm, .editJSON, .start: return nil
        }
    }

    /// Whether it can run on many marked rows as a job: a plain call per resource.
    public var runsAsJob: Bool {
        if case .run = work, scope != .pane, scope != .list { return true }
        return false
    }

    /// Whether marked rows make it a job: a plain call, or a bulk form or picker asked once.
    public var runsOnMarked: Bool { runsAsJob || (bulk && scope != .pane && scope != .list) }

    /// Whether any operation it calls changes data, by the generated operation metadata.
    public var mutates: Bool { operations.contains { OperationFacts.mutates($0) } }
}

/// What an action did, for the status line and for refreshing exactly what it touched.
public struct ActionOutcome: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// The resource changed: its row is read back and its pane reloaded.
        case updated
        /// The resource is gone: its row is removed and its pane closed.
        case removed
        /// A resource was made; the list it belongs to is loaded again.
        case created(ResourceRef)
        /// Resources were linked to or unlinked from the pane's resource (group membership): the
        /// lists of the pane's resource are loaded again; the resources themselves are unchanged.
        case relinked
        /// Nothing changed; a pane opens on what the action read (the role-mapping editor).
        case open(PaneKind)
        case none
    }
    /// One sentence for the status line.
    public var notice: String
    public var change: Change
    /// Something to show once and never again (a generated password), with what it is.
    public var secret: (label: String, value: String)?

    public init(_ notice: String, _ change: Change, secret: (label: String, value: String)? = nil) {
        self.notice = notice
        self.change = change
        self.secret = secret
    }

    public static func == (a: ActionOutcome, b: ActionOutcome) -> Bool {
        a.notice == b.notice && a.change == b.change && a.secret?.label == b.secret?.label && a.secret?.value == b.secret?.value
    }
}

/// An action by resource kind and verb: what a mutation effect carries, since closures cannot be
/// compared; the view-model finds the action again in the registry.
public struct ActionKey: Sendable, Hashable {
    public var kind: ResourceKind
    public var verb: String
    /// The list the action was started on: one verb can name different actions on different
    /// lists (`add-to-group` on a pool's users and on a group's members).
    public var list: ListKind?
    public init(_ kind: ResourceKind, _ verb: String, list: ListKind? = nil) {
        self.kind = kind
        self.verb = verb
        self.list = list
    }

    public var action: ResourceAction? {
        let actions = ResourceRegistry.descriptor(kind).actions.filter { $0.verb == verb }
        guard let list else { return actions.first { $0.lists == nil } ?? actions.first }
        return actions.first { $0.lists?.contains(list) == true } ?? actions.first { $0.lists == nil }
    }
}

/// What an action acts on: the resource, and the resource whose pane listed it when that
/// matters (a group on a user's Groups tab: removing it means removing the user from it).
public struct ActionTarget: Sendable, Equatable {
    public var ref: ResourceRef
    /// The resource of the pane the list belongs to; nil when the action is on a pane or a
    /// top-level list.
    public var within: ResourceRef?

    public init(_ ref: ResourceRef, within: ResourceRef? = nil) {
        self.ref = ref
        self.within = within
    }

    public var id: String { ref.id }
    public var path: [String] { ref.path }
    public subscript(_ index: Int) -> String { ref[index] }
}

/// What a picker offers: its title, and the options for what is typed (every option for an
/// empty query); `serverSide` pickers ask again as the operator types.
public struct PickRecipe: Sendable {
    public typealias Options = @Sendable (_ backend: any CognitoBackend, _ target: ActionTarget, _ query: String) async throws -> [String]
    public let title: @Sendable (ActionTarget) -> String
    public let serverSide: Bool
    public let options: Options

    public init(title: @escaping @Sendable (ActionTarget) -> String, serverSide: Bool = false, options: @escaping Options) {
        self.title = title
        self.serverSide = serverSide
        self.options = options
    }
}
