/// What a pane shows: a root list (user pools, identity pools), one resource with its tabs,
/// the call log, or one resource's JSON. Decides the breadcrumb and the tabs; the facts come
/// from the resource registry.
public enum PaneKind: Sendable, Equatable {
    public static func == (a: PaneKind, b: PaneKind) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return x == y
        case (.resource(let x), .resource(let y)): return x == y
        case (.callLog, .callLog): return true
        case (.describe(let x), .describe(let y)): return x == y
        case (.job(let x), .job(let y)): return x.ticket == y.ticket
        case (.rules(let x), .rules(let y)): return x.pool == y.pool && x.provider == y.provider
        case (.simulation(let x, _), .simulation(let y, _)): return x == y
        case (.tokens(let x), .tokens(let y)): return x == y
        case (.credentials(let x), .credentials(let y)): return x.ticket == y.ticket
        default: return false
        }
    }

    case list(ListSource)
    case resource(ResourceRef)
    /// `@`: the API calls of this session.
    case callLog
    /// `d`: one resource as JSON.
    case describe(ResourceRef)
    /// An action run on many resources: its plan, progress and report.
    case job(JobState)
    /// The role-mapping editor of one provider of an identity pool.
    case rules(RulesState)
    /// Which role a simulation gave, step by step: its title, and its lines.
    case simulation(String, [String])
    /// The token inspector: a sign-in's tokens, or a pasted JWT.
    case tokens(TokenSet)
    /// Temporary credentials from an identity pool.
    case credentials(CredentialsState)

    /// The breadcrumb.
    public var title: String {
        switch self {
        case .list(let source):
            if case .root(let title) = source.spec.placement { return title }
            return source.noun
        case .resource(let ref): return ref.title
        case .callLog: return "API calls"
        case .describe(let ref): return Self.describeTitle(ref)
        case .job(let job): return "Job: \(job.plan.title)"
        case .rules(let rules): return "Role mapping: \(rules.provider)"
        case .simulation(let title, _): return title
        case .tokens(let set): return set.title
        case .credentials(let credentials): return "Credentials: \(credentials.identityId ?? credentials.identityPoolId)"
        }
    }

    /// The describe view's title: the operation and the resource.
    public static func describeTitle(_ ref: ResourceRef) -> String {
        let operation = ResourceRegistry.descriptor(ref.kind).describe?.operation ?? ref.kind.id
        return "\(operation) \(ref.id)"
    }

    /// The resource this pane shows, if it shows one.
    public var resource: ResourceRef? {
        if case .resource(let ref) = self { return ref }
        return nil
    }

    /// The tabs a new pane of this kind starts with, nothing loaded yet; lists show the columns
    /// `views` choose for them (`config.yaml`).
    public func makeTabs(views: [String: [String]] = [:]) -> [TabState] {
        switch self {
        case .list(let source):
            return [TabState(TabID(source.kind.id), title, .list(ListState(source: source)))]
        case .resource(let ref):
            return ResourceRegistry.tabs(of: ref.kind).map { tab in
                switch tab.content {
                case .detail(let kind):
                    return TabState(tab.id, tab.title, .detail(DetailState(source: DetailSource(kind, ref))))
                case .list(let kind):
                    let spec = ResourceRegistry.list(kind)
                    var source = spec.source(scope: ref.path)
                    if let view = spec.view, let fields = views[view.name] { source.view = fields }
                    return TabState(tab.id, tab.title, .list(ListState(source: source)))
                }
            }
        case .callLog:
            return [TabState(TabID("calls"), "API calls", .list(ListState(source: .callLog)))]
        case .describe(let ref):
            let title = Self.describeTitle(ref)
            return [TabState(TabID("json"), title, .text(TextState(target: ref, title: title)))]
        case .job(let job):
            return [TabState(TabID("job"), title, .job(job))]
        case .rules(let rules):
            return [TabState(TabID("rules"), title, .rules(rules))]
        case .simulation(let title, let lines):
            var text = TextState(target: nil, title: title)
            text.lines = lines
            return [TabState(TabID("simulation"), title, .text(text))]
        case .tokens(let set):
            return set.tabs.map { TabState(TabID($0.kind.rawValue), $0.kind.rawValue, .token($0)) }
        case .credentials(let credentials):
            return [TabState(TabID("credentials"), title, .credentials(credentials))]
        }
    }

    /// The index of a tab by id, for `:users`, `:groups`, `:clients`, `:identities`.
    public func tabIndex(_ id: TabID) -> Int? {
        guard case .resource(let ref) = self else { return nil }
        return ResourceRegistry.tabs(of: ref.kind).firstIndex { $0.id == id }
    }
}
