import CognitoAdmin

/// One file's contribution: a resource kind's descriptor and the lists and detail tabs it
/// defines. Every file under `Resources/Kinds` makes one; `ResourceRegistry.modules` lists them.
public struct ResourceModule: Sendable {
    public let descriptor: ResourceDescriptor?
    public let lists: [ListSpec]
    public let details: [DetailSpec]

    public init(_ descriptor: ResourceDescriptor?, lists: [ListSpec] = [], details: [DetailSpec] = []) {
        self.descriptor = descriptor
        self.lists = lists
        self.details = details
    }
}

/// The registered resource kinds, lists and detail tabs, looked up by their ids. Adding a kind
/// is one new file plus one line here.
public enum ResourceRegistry {
    public static let modules: [ResourceModule] = [
        UserPools.module,
        Users.module,
        Groups.module,
        AppClients.module,
        IdentityProviders.module,
        ResourceServers.module,
        Domains.module,
        Devices.module,
        AuthEvents.module,
        LinkedIdentities.module,
        IdentityPools.module,
        AllRegions.module,
        Identities.module,
        PrincipalTags.module,
        CallLog.module,
        Audit.module,
    ]

    private static let tables = Tables(modules)

    /// Every descriptor, in registration order.
    public static var descriptors: [ResourceDescriptor] { tables.descriptorList }
    /// Every list spec, in registration order.
    public static var lists: [ListSpec] { tables.listList }

    public static func descriptor(_ kind: ResourceKind) -> ResourceDescriptor {
        guard let found = tables.descriptors[kind] else { fatalError("No descriptor is registered for \(kind)") }
        return found
    }

    public static func list(_ kind: ListKind) -> ListSpec {
        guard let found = tables.lists[kind] else { fatalError("No list is registered as \(kind)") }
        return found
    }

    public static func detail(_ kind: DetailKind) -> DetailSpec {
        guard let found = tables.details[kind] else { fatalError("No detail tab is registered as \(kind)") }
        return found
    }

    /// Whether a resource of this kind opens a pane of its own (it has tabs).
    public static func hasPane(_ kind: ResourceKind) -> Bool {
        !(tables.tabs[kind] ?? []).isEmpty
    }

    /// The tabs of a resource's pane, in order.
    public static func tabs(of kind: ResourceKind) -> [PaneTab] {
        tables.tabs[kind] ?? []
    }

    /// A tab of a pane: details of the resource, or a list scoped to it.
    public struct PaneTab: Sendable {
        public enum Content: Sendable { case detail(DetailKind), list(ListKind) }
        public let id: TabID
        public let title: String
        public let order: Int
        public let content: Content
    }

    private struct Tables: Sendable {
        var descriptorList: [ResourceDescriptor] = []
        var listList: [ListSpec] = []
        var descriptors: [ResourceKind: ResourceDescriptor] = [:]
        var lists: [ListKind: ListSpec] = [:]
        var details: [DetailKind: DetailSpec] = [:]
        var tabs: [ResourceKind: [PaneTab]] = [:]

        init(_ modules: [ResourceModule]) {
            for module in modules {
                if let descriptor = module.descriptor {
                    precondition(descriptors[descriptor.kind] == nil, "\(descriptor.kind) is registered twice")
                    descriptors[descriptor.kind] = descriptor
                    descriptorList.append(descriptor)
                }
                for list in module.lists {
                    precondition(lists[list.kind] == nil, "\(list.kind) is registered twice")
                    lists[list.kind] = list
                    listList.append(list)
                    if case .tab(let owner, let id, let title, let order) = list.placement {
                        tabs[owner, default: []].append(PaneTab(id: id, title: title, order: order, content: .list(list.kind)))
                    }
                }
                for detail in module.details {
                    precondition(details[detail.kind] == nil, "\(detail.kind) is registered twice")
                    details[detail.kind] = detail
                    tabs[detail.owner, default: []].append(PaneTab(id: detail.tab, title: detail.title, order: detail.order,
                                                                   content: .detail(detail.kind)))
                }
            }
            for kind in tabs.keys { tabs[kind]!.sort { $0.order < $1.order } }
        }
    }
}
