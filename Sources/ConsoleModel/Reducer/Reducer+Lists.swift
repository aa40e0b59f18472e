/// What the keys of a list do: the cursor, paging on demand, load all, the filter, marks, the
/// server-side user search, and the identities' disabled toggle.
extension Reducer {
    /// Moves the list cursor to where `target` says, then asks for the next page if the cursor
    /// came near the end of what is loaded.
    static func moveCursor(_ state: inout ConsoleState, _ target: (ListState) -> Int) -> [ConsoleEffect] {
        let height = state.tableHeight
        let margin = prefetchMargin(state)
        let address = state.currentAddress
        return state.withList(address) { list -> [ConsoleEffect] in
            list.moveCursor(to: target(list), height: height)
            guard let request = list.pager.nextIfNeeded(position: list.cursor, count: list.shownCount, margin: margin)
            else { return [] }
            return [.fetchPage(address, list.source, request)]
        } ?? []
    }

    /// Scrolls a detail or text tab by `delta` lines (`Int.max` / `Int.min` for the ends).
    static func scroll(_ state: inout ConsoleState, by delta: Int) -> [ConsoleEffect] {
        // The body's first line is a heading (the JSON's title, a section's), as for tables.
        let height = state.tableHeight
        state.withContent(state.currentAddress) { content in
            switch content {
            case .detail(var detail):
                detail.scroll = clampLine(detail.scroll, delta, total: detail.lineCount, height: height)
                content = .detail(detail)
            case .text(var text):
                text.scroll = clampLine(text.scroll, delta, total: text.lines?.count ?? 0, height: height)
                content = .text(text)
            case .job(var job):
                job.scroll = clampLine(job.scroll, delta, total: job.lineCount, height: height)
                content = .job(job)
            case .token(var tab):
                tab.scroll = clampLine(tab.scroll, delta, total: tab.lineCount, height: height)
                content = .token(tab)
            case .credentials(var credentials):
                credentials.scroll = clampLine(credentials.scroll, delta, total: credentials.lineCount, height: height)
                content = .credentials(credentials)
            default:
                break
            }
        }
        return []
    }

    static func clampLine(_ offset: Int, _ delta: Int, total: Int, height: Int) -> Int {
        let moved = delta > 0 ? (offset > Int.max - delta ? Int.max : offset + delta) : (offset < Int.min - delta ? 0 : offset + delta)
        return max(0, min(moved, total - height))
    }

    /// Starts the list's scan from no rows; the pager stops paging.
    /// Starts a scan of the list's source, whose rows replace the list's.
    /// - Parameter keepingRows: the rows loaded so far stay on screen until the scan's first rows
    ///   arrive ("load all" on a list already paged into), so that a slow first page leaves the
    ///   operator what they had rather than an empty list.
    static func startScan(_ list: inout ListState, _ address: TabAddress, ticket: Int,
                          keepingRows: Bool = false) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        if let old = list.scan, old.running { effects.append(.cancelScan(ticket: old.ticket)) }
        var scan = ScanState(ticket: ticket)
        if keepingRows, list.store.count > 0 {
            scan.replacing = list.pager.resumed
        } else {
            list.clearRows()
        }
        list.pager.handOver()
        list.scan = scan
        return effects + [.scanList(address, list.source, ticket: ticket)]
    }

    /// Puts back the rows and paging a scan was to replace, when it ends before its first rows.
    /// - Returns: whether there was anything to put back.
    static func restoreReplaced(_ list: inout ListState) -> Bool {
        guard let previous = list.scan?.replacing else { return false }
        list.pager = previous
        list.scan = nil
        return true
    }

    /// Stops a running scan; the rows found so far stay (or the rows it was to replace, when it
    /// had found none).
    static func stopScan(_ list: inout ListState) -> [ConsoleEffect] {
        guard var scan = list.scan, scan.running else { return [] }
        if restoreReplaced(&list) { return [.cancelScan(ticket: scan.ticket)] }
        scan.running = false
        scan.stopped = true
        list.scan = scan
        return [.cancelScan(ticket: scan.ticket)]
    }

    /// A page of a scan: its rows join the list.
    static func scanned(_ state: inout ConsoleState, _ address: TabAddress, ticket: Int, _ items: [ListItem],
                        _ progress: ScanProgress) {
        let height = state.tableHeight
        state.withList(address) { list in
            guard let scan = list.scan, scan.ticket == ticket, scan.running else { return }
            if scan.replacing != nil {
                list.clearRows()
                list.scan?.replacing = nil
            }
            list.append(items)
            list.scan?.progress = progress
            list.clampScroll(height: height)
        }
    }

    static func scanEnded(_ state: inout ConsoleState, _ address: TabAddress, ticket: Int, failure: String?) {
        state.withList(address) { list in
            guard let scan = list.scan, scan.ticket == ticket, scan.running else { return }
            if scan.replacing != nil {
                // It ended before its first rows: on a failure the rows it was to replace come
                // back; on success there are no rows at all.
                if failure != nil, restoreReplaced(&list) { return }
                list.clearRows()
                list.scan?.replacing = nil
            }
            list.scan?.running = false
            list.scan?.failure = failure
        }
        if let failure, state.currentAddress == address {
            state.message = StatusMessage(.error, "The scan stopped: \(failure)")
        }
    }

    /// `L`: loads every row — at the quota, through the list's scan, when it has one — or stops
    /// a run in progress (after the page in flight, when paging).
    static func toggleLoadAll(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let address = state.currentAddress
        let ticket = state.makeID()
        var stopped: Int?
        let effects = state.withList(address) { list -> [ConsoleEffect] in
            if list.scan?.running == true {
                stopped = list.store.count
                return stopScan(&list)
            }
            if list.source.spec.scan != nil, list.scan == nil, list.pager.hasMore {
                return startScan(&list, address, ticket: ticket, keepingRows: true)
            }
            if list.pager.cancelLoadAll() {
                stopped = list.store.count
                return []
            }
            return list.pager.loadAll().map { [.fetchPage(address, list.source, $0)] } ?? []
        } ?? []
        if let stopped {
            state.message = StatusMessage(.info, "Stopped loading all at \(NumberText.grouped(stopped)) rows.")
        }
        return effects
    }

    /// The `/` filter as typed; applied at once to the loaded rows.
    static func setFilter(_ state: inout ConsoleState, _ text: String) {
        let height = state.tableHeight
        state.withCurrentList { list in
            list.setFilter(text)
            list.clampScroll(height: height)
        }
    }

    /// `Esc` on a list: clears the local filter, else the server-side search, else stops "load
    /// all". The key table offers it only when one of them is active; otherwise `Esc` goes back.
    static func clearFilter(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let list = state.currentList else { return [] }
        if !list.filter.isEmpty {
            setFilter(&state, "")
            return []
        }
        if list.source.search != nil { return setUserSearch(&state, nil) }
        if list.isFilling { return toggleLoadAll(&state) }
        return []
    }

    /// Replaces the current user list with one searched for (nil: all users).
    static func setUserSearch(_ state: inout ConsoleState, _ search: UserCondition?) -> [ConsoleEffect] {
        guard var source = state.currentList?.source, source.spec.searchable else { return [] }
        source.search = search
        return replaceList(&state, with: source)
    }

    /// The list's toggle (`h` on identities): asks again with it flipped.
    static func toggleList(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var source = state.currentList?.source, let toggle = source.spec.toggle else { return [] }
        source.toggled.toggle()
        state.message = StatusMessage(.info, source.toggled ? toggle.onNotice : toggle.offNotice)
        return replaceList(&state, with: source)
    }

    static func replaceList(_ state: inout ConsoleState, with source: ListSource) -> [ConsoleEffect] {
        let address = state.currentAddress
        var cancel: [ConsoleEffect] = []
        state.withContent(address) { content in
            var fresh = ListState(source: source)
            if case .list(var old) = content {
                fresh.pager = Pager(ticketsAfter: old.pager)
                cancel = stopScan(&old)
            }
            content = .list(fresh)
        }
        return cancel + load(&state, address, force: false)
    }

    /// `space` / `v`: marks the row and moves down, as file managers do.
    static func toggleMark(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.withCurrentList { $0.toggleMark() }
        return moveCursor(&state) { $0.cursor + 1 }
    }

    /// `>` / `<`: sorts by the next or the previous column; before the first column, the rows go
    /// back to the order they came in.
    static func stepSort(_ state: inout ConsoleState, by step: Int) -> [ConsoleEffect] {
        guard let list = state.currentList else { return [] }
        let count = list.source.columns.count
        let next = (list.sort?.column ?? (step > 0 ? -1 : count)) + step
        return applySort(&state, next >= 0 && next < count ? ListSort(column: next) : nil)
    }

    /// Shift and a column's initial: sorts by it; again, the other way.
    static func sortByInitial(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        guard let list = state.currentList, case .character(let letter) = key else { return [] }
        guard let column = sortColumn(list, initial: letter) else {
            state.message = StatusMessage(.warning, "No column starts with \(letter); < and > sort by any column.")
            return []
        }
        let descending = list.sort?.column == column ? !(list.sort?.descending ?? true) : false
        return applySort(&state, ListSort(column: column, descending: descending))
    }

    /// The first column whose title starts with `initial`.
    static func sortColumn(_ list: ListState, initial: Character) -> Int? {
        list.source.columns.firstIndex { $0.title.first.map { Character($0.uppercased()) } == initial }
    }

    static func applySort(_ state: inout ConsoleState, _ sort: ListSort?) -> [ConsoleEffect] {
        let height = state.tableHeight
        state.withCurrentList { list in
            list.setSort(sort)
            list.clampScroll(height: height)
        }
        if let sort, let title = state.currentList?.source.columns[safe: sort.column]?.title {
            state.message = StatusMessage(.info, "Sorted by \(title), \(sort.descending ? "descending" : "ascending").")
        } else {
            state.message = StatusMessage(.info, "In the order the rows came.")
        }
        return []
    }

    /// `X` / `ctrl-e`: the rows shown (the filter's, in the order shown, with their columns) to a
    /// file in the working folder, as CSV or JSON lines. The command line's `users export`
    /// writes a whole pool with every attribute.
    static func exportRows(_ state: inout ConsoleState, jsonLines: Bool) -> [ConsoleEffect] {
        guard let list = state.currentList, list.shownCount > 0 else { return [] }
        let columns = list.source.columns.map(\.title)
        let rows = list.shownRows.map(\.cells)
        return [.exportRows(columns: columns, rows: rows, name: list.source.kind.id, jsonLines: jsonLines)]
    }

    /// `V`: marks from the last row marked by hand to the cursor.
    static func markRange(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.withCurrentList { $0.markRange() }
        let count = state.currentList?.marked.count ?? 0
        state.message = StatusMessage(.info, "\(NumberText.grouped(count)) marked.")
        return []
    }

    /// `ctrl-a`: marks every row the filter or search shows; while more pages may come (a
    /// search still scanning, a list loading), the rows that arrive are marked too.
    static func markAll(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let list = state.currentList else { return [] }
        var count = 0
        state.withCurrentList { count = $0.markAllShown(following: list.mayGrow) }
        let following = state.currentList?.markingArrivals ?? false
        state.message = StatusMessage(.info, count == 0 ? "No rows marked."
            : "\(NumberText.grouped(count)) marked" + (following ? "; rows that load from now on are marked as they arrive (L loads all)." : "."))
        return []
    }

    /// Enter: the selected row's own pane, or its JSON when it has none.
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let list = state.currentList, let id = list.selectedID, let name = list.selectedName else { return [] }
        if let kind = list.source.drill(id: id, name: name) { return push(&state, kind) }
        if let target = list.source.describe(id: id) { return push(&state, .describe(target)) }
        return []
    }

    /// `d`: the JSON of the selected row, or of the resource the tab shows.
    static func describe(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let target = describeTarget(state) else { return [] }
        return push(&state, .describe(target))
    }

    static func describeTarget(_ state: ConsoleState) -> ResourceRef? {
        switch state.currentContent {
        case .list(let list): return list.selectedID.flatMap(list.source.describe)
        case .detail(let detail): return detail.source.describeTarget
        default: return nil
        }
    }

    /// `y`: copies the selected id and says so.
    static func copyID(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let id = copyTarget(state) else { return [] }
        state.message = StatusMessage(.info, "Copied \(id) to the clipboard.")
        return [.frontEnd(.copyToClipboard(id))]
    }

    static func copyTarget(_ state: ConsoleState) -> String? {
        switch state.currentContent {
        case .list(let list): return list.selectedID
        case .detail(let detail): return detail.source.copyID
        default: return nil
        }
    }
}
