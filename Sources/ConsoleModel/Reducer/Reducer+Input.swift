/// Input: overlays first, then the key tables; mouse events; the layout the front end reports.
extension Reducer {
    static func input(_ state: inout ConsoleState, _ event: InputEvent) -> [ConsoleEffect] {
        switch event {
        case .resize(_, _, let bodyHeight):
            state.bodyHeight = max(1, bodyHeight)
            let height = state.tableHeight
            state.withCurrentList { $0.clampScroll(height: height) }
            return scroll(&state, by: 0)
        case .key(let key):
            if state.overlay != nil { return overlayKey(&state, key) }
            // A new key press replaces an old notice, but an error stays until something else is said.
            if state.message?.kind != .error { state.message = nil }
            return KeyDispatch.handle(key, &state)
        case .mouse(let mouse):
            // A picker's items arrive as rows: a click selects the item, a double click picks it.
            if case .picker(var picker)? = state.overlay {
                switch mouse {
                case .selectRow(let item) where picker.items.indices.contains(item):
                    picker.selected = item
                    state.overlay = .picker(picker)
                    return []
                case .activateRow(let item) where picker.items.indices.contains(item):
                    picker.selected = item
                    return choose(&state, picker)
                case .scroll(let lines):
                    picker.selected = min(max(0, picker.selected + lines), picker.items.count - 1)
                    state.overlay = .picker(picker)
                    return []
                default:
                    break
                }
            }
            if state.overlay != nil {
                if case .scroll = mouse { return [] }
                state.overlay = nil
            }
            return self.mouse(&state, mouse)
        }
    }

    static func mouse(_ state: inout ConsoleState, _ event: MouseEvent) -> [ConsoleEffect] {
        switch event {
        case .scroll(let lines):
            if state.currentList != nil { return moveCursor(&state) { $0.cursor + lines } }
            return scroll(&state, by: lines)
        case .selectRow(let row):
            return moveCursor(&state) { _ in row }
        case .activateRow(let row):
            return moveCursor(&state) { _ in row } + open(&state)
        case .selectTab(let tab):
            return selectTab(&state, tab)
        case .selectBreadcrumb(let index):
            let crumbs = breadcrumbs(state)
            guard crumbs.indices.contains(index) else { return [] }
            // A tab's crumb shows the tab that was active, so going back to its pane is enough.
            return pop(&state, toDepth: crumbs[index].depth)
        }
    }

    /// Whether Enter has something to open on the current list.
    static func canOpen(_ state: ConsoleState) -> Bool {
        guard let list = state.currentList, let id = list.selectedID else { return false }
        return list.source.drill(id: id, name: id) != nil || list.source.describe(id: id) != nil
    }

    static func openHelp(_ state: inout ConsoleState) {
        let pane = state.current
        let title = pane.tabs.count > 1 ? "\(pane.title) › \(pane.tabs[pane.activeTab].title)" : pane.title
        state.overlay = .help(title: "Keys: \(title)", entries: KeyDispatch.help(for: state))
    }

    static func openPicker(_ state: inout ConsoleState, _ purpose: PickerState.Purpose) {
        let items: [String]
        let current: String
        switch purpose {
        case .profile: items = state.profiles; current = state.info.profile
        case .region: items = state.regions; current = state.info.region
        case .theme: items = state.themes; current = ""
        }
        guard !items.isEmpty else { return }
        state.overlay = .picker(PickerState(purpose: purpose, items: items, selected: items.firstIndex(of: current) ?? 0))
    }

    /// What choosing an item of a picker does.
    static func choose(_ state: inout ConsoleState, _ picker: PickerState) -> [ConsoleEffect] {
        let item = picker.items[picker.selected]
        state.overlay = nil
        switch picker.purpose {
        case .profile: return [.switchContext(profile: item, region: nil)]
        case .region: return [.switchContext(profile: state.info.profile, region: item)]
        case .theme: return [.frontEnd(.applyTheme(item))]
        }
    }
}
