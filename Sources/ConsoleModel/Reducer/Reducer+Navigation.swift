/// The navigation stack: drilling down, going back, tabs, refresh, and the jumps of `:`.
extension Reducer {
    /// Opens a pane on top of the stack at `tab` and loads that tab.
    static func push(_ state: inout ConsoleState, _ kind: PaneKind, tab: Int = 0) -> [ConsoleEffect] {
        var pane = PaneState(id: state.makeID(), kind: kind, views: state.views)
        pane.activeTab = max(0, min(tab, pane.tabs.count - 1))
        state.stack.append(pane)
        return load(&state, state.currentAddress, force: false)
    }

    /// `Esc` at the outermost filter level: back one pane, where the cursor was.
    static func back(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.stack.count > 1 else { return [] }
        return pop(&state, toDepth: state.stack.count - 2)
    }

    /// Closes every pane above `depth` and stops their calls.
    static func pop(_ state: inout ConsoleState, toDepth depth: Int) -> [ConsoleEffect] {
        guard depth >= 0, depth < state.stack.count - 1 else { return [] }
        let closed = state.stack[(depth + 1)...].map(\.id)
        state.stack.removeSubrange((depth + 1)...)
        let height = state.tableHeight
        state.withCurrentList { $0.clampScroll(height: height) }
        return [.cancel(panes: closed)]
    }

    /// Shows another tab of the current pane, loading it the first time.
    static func selectTab(_ state: inout ConsoleState, _ index: Int) -> [ConsoleEffect] {
        let count = state.current.tabs.count
        guard count > 1 else { return [] }
        let wrapped = ((index % count) + count) % count
        state.stack[state.stack.count - 1].activeTab = wrapped
        return load(&state, state.currentAddress, force: false)
    }

    /// Loads a tab if it has not been loaded, or again when `force` (refresh). A refreshed list
    /// keeps its filter, marks and cursor; a refreshed detail shows the old values meanwhile.
    static func load(_ state: inout ConsoleState, _ address: TabAddress, force: Bool) -> [ConsoleEffect] {
        let ticket = state.makeID()
        let log = state.callLog
        return state.withContent(address) { content -> [ConsoleEffect] in
            switch content {
            case .list(var list):
                content = .vacant
                defer { content = .list(list) }
                if list.source == .callLog {
                    guard force || list.store.count == 0 else { return [] }
                    list.clearRows()
                    list.append(log.map(callItem))
                    list.cursor = max(0, list.store.count - 1)
                    return []
                }
                if list.source.scans {
                    guard force || list.scan == nil else { return [] }
                    return startScan(&list, address, ticket: ticket)
                }
                guard force || list.pager.isIdle else { return [] }
                if force { list.clearRows() }
                if force, let scan = list.scan {
                    // A refreshed "load all" scans again.
                    return (scan.running ? [ConsoleEffect.cancelScan(ticket: scan.ticket)] : []) + startScan(&list, address, ticket: ticket)
                }
                return [.fetchPage(address, list.source, list.pager.start())]
            case .detail(var detail):
                guard force || (detail.sections == nil && detail.loading == nil && detail.failure == nil) else { return [] }
                detail.loading = ticket
                detail.failure = nil
                content = .detail(detail)
                return [.fetchDetail(address, detail.source, ticket: ticket)]
            case .text(var text):
                guard let target = text.target,
                      force || (text.lines == nil && text.loading == nil && text.failure == nil) else { return [] }
                text.loading = ticket
                text.failure = nil
                content = .text(text)
                return [.describe(address, target, ticket: ticket)]
            case .token(var tab):
                if force {
                    tab.verification = nil
                    tab.verifyFailure = nil
                    tab.verifying = nil
                }
                let effects = verifyIfNeeded(&tab, address, ticket: ticket)
                content = .token(tab)
                return effects
            case .credentials(var credentials):
                guard force || credentials.needsCaller else { return [] }
                credentials.asking = ticket
                credentials.callerArn = nil
                credentials.callerFailure = nil
                content = .credentials(credentials)
                return [.tokens(.caller(address, ticket: ticket, credentials.credentials, region: credentials.region))]
            case .vacant, .job, .rules:
                return []
            }
        } ?? []
    }

    /// `r`: loads the current tab again.
    static func refresh(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.message = nil
        return load(&state, state.currentAddress, force: true)
    }

    /// `:userpools`, `:idpools`: back to that root, or a new stack with it.
    static func jump(_ state: inout ConsoleState, root: PaneKind) -> [ConsoleEffect] {
        if state.stack.first?.kind == root {
            return pop(&state, toDepth: 0)
        }
        let closed = state.stack.map(\.id)
        state.stack = []
        return [.cancel(panes: closed)] + push(&state, root)
    }

    /// `:users`, `:groups`, `:identities`…: back to the nearest pane that has the tab, and that tab.
    static func jump(_ state: inout ConsoleState, toTab id: TabID, command: String) -> [ConsoleEffect] {
        guard let depth = state.stack.lastIndex(where: { $0.kind.tabIndex(id) != nil }),
              let tab = state.stack[depth].kind.tabIndex(id) else {
            let owners = ResourceRegistry.descriptors.filter { descriptor in
                ResourceRegistry.tabs(of: descriptor.kind).contains { $0.id == id }
            }.map { "a \($0.noun)" }
            let what = owners.isEmpty ? "a resource" : owners.joined(separator: " or ")
            state.message = StatusMessage(.warning, "Open \(what) first, then :\(command) shows it.")
            return []
        }
        let effects = pop(&state, toDepth: depth)
        return effects + selectTab(&state, tab)
    }

    /// The breadcrumbs and, for each, the stack depth a click on it goes back to.
    static func breadcrumbs(_ state: ConsoleState) -> [(title: String, depth: Int)] {
        var crumbs: [(String, Int)] = []
        for (depth, pane) in state.stack.enumerated() {
            crumbs.append((pane.title, depth))
            if pane.tabs.count > 1 { crumbs.append((pane.tabs[pane.activeTab].title, depth)) }
        }
        return crumbs
    }

    /// `R` or Enter on a row of every region's pools: opens the row's pool in its region, over
    /// that region's own list (switching region first when it is not the current one).
    static func openInRegion(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let list = state.currentList, let regional = list.source.spec.regional,
              let index = list.selectedIndex else { return [] }
        let id = list.store.ids[index]
        let region = list.store.rows[index].cells[regional.regionColumn]
        if id.hasPrefix(RegionalRows.failedPrefix) {
            state.message = StatusMessage(.warning, "\(region) did not answer; there is nothing to open there.")
            return []
        }
        let pane = regional.open(id, list.store.names[index])
        if region == state.info.region { return push(&state, pane) }
        state.openAfterSwitch = (regional.root, pane)
        state.message = StatusMessage(.info, "Switching to \(region)…")
        return [.switchContext(profile: state.info.profile, region: region)]
    }
}
