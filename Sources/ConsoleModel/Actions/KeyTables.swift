/// The key tables of the console, by where they apply. Help (`?`) and the footer's hints are
/// generated from these.
public enum KeyTables {
    /// Everywhere.
    public static let global = KeyTable("General", [
        KeyAction([.character(":")], "command", hint: true) { state in
            state.overlay = .prompt(PromptState(purpose: .command))
            Reducer.updateCompletions(&state)
            return []
        },
        KeyAction([.character("?")], "help", hint: true) { state in
            Reducer.openHelp(&state)
            return []
        },
        KeyAction([.escape], "back", hint: true, whyDisabled: { $0.stack.count > 1 ? nil : "already at the top" }) { state in
            Reducer.back(&state)
        },
        KeyAction([.character("r"), .control("r")], "refresh") { Reducer.refresh(&$0) },
        KeyAction([.character("d")], "describe (JSON)", hint: true,
                  whyDisabled: { Reducer.describeTarget($0) == nil ? "nothing to describe here" : nil }) { Reducer.describe(&$0) },
        KeyAction([.character("y")], "copy id",
                  whyDisabled: { Reducer.copyTarget($0) == nil ? "nothing selected" : nil }) { Reducer.copyID(&$0) },
        KeyAction([.character("o")], "AWS console URL",
                  whyDisabled: { Reducer.consoleLinkUnavailable($0) }) { Reducer.openConsoleLink(&$0) },
        KeyAction([.character("@")], "API calls", whyDisabled: { $0.current.kind == .callLog ? "already shown" : nil }) { state in
            Reducer.push(&state, .callLog)
        },
        KeyAction([.character("p")], "profile",
                  whyDisabled: { $0.profiles.isEmpty ? "no profiles in the AWS config files" : nil }) { state in
            Reducer.openPicker(&state, .profile)
            return []
        },
        KeyAction([.character("R")], "region") { state in
            Reducer.openPicker(&state, .region)
            return []
        },
        KeyAction([.character("q"), .control("c")], "quit", hint: true) { _ in [.frontEnd(.quit)] },
    ])

    /// On any list.
    public static let list = KeyTable("List", [
        KeyAction([.enter], "open", hint: true,
                  whyDisabled: { Reducer.canOpen($0) ? nil : "nothing to open" }) { Reducer.open(&$0) },
        KeyAction([.character("/")], "filter", hint: true) { state in
            let previous = state.currentList?.filter ?? ""
            state.overlay = .prompt(PromptState(purpose: .filter(previous: previous), input: previous))
            return []
        },
        KeyAction([.escape], "clear filter / search", whyDisabled: { state in
            guard let list = state.currentList else { return "no list" }
            return list.filter.isEmpty && list.source.search == nil && !list.pager.loadingAll && list.scan?.running != true
                ? "no filter" : nil
        }) { Reducer.clearFilter(&$0) },
        KeyAction([.character("j"), .down], "down") { Reducer.moveCursor(&$0) { $0.cursor + 1 } },
        KeyAction([.character("k"), .up], "up") { Reducer.moveCursor(&$0) { $0.cursor - 1 } },
        KeyAction([.pageDown, .control("f"), .control("d")], "page down") { state in
            let page = state.tableHeight
            return Reducer.moveCursor(&state) { $0.cursor + page }
        },
        KeyAction([.pageUp, .control("b"), .control("u")], "page up") { state in
            let page = state.tableHeight
            return Reducer.moveCursor(&state) { $0.cursor - page }
        },
        KeyAction([.character("g"), .home], "first row") { Reducer.moveCursor(&$0) { _ in 0 } },
        KeyAction([.character("G"), .end], "last loaded row") { Reducer.moveCursor(&$0) { $0.shownCount - 1 } },
        KeyAction([.character("L")], "load all / stop", hint: true, whyDisabled: { state in
            guard let list = state.currentList else { return "no list" }
            return list.mayGrow ? nil : "everything is loaded"
        }) { Reducer.toggleLoadAll(&$0) },
        KeyAction([.character(" "), .character("v")], "mark",
                  whyDisabled: { $0.currentList?.selectedID == nil ? "nothing selected" : nil }) { Reducer.toggleMark(&$0) },
        KeyAction([.character("V")], "mark from the last marked row to here",
                  whyDisabled: { $0.currentList?.selectedID == nil ? "nothing selected" : nil }) { Reducer.markRange(&$0) },
        KeyAction([.control("a")], "mark every row shown (again: unmark)",
                  whyDisabled: { ($0.currentList?.shownCount ?? 0) == 0 ? "no rows" : nil }) { Reducer.markAll(&$0) },
        KeyAction([.character("X")], "save the rows shown as CSV",
                  whyDisabled: { ($0.currentList?.shownCount ?? 0) == 0 ? "no rows" : nil }) { Reducer.exportRows(&$0, jsonLines: false) },
        KeyAction([.control("e")], "save the rows shown as JSON lines",
                  whyDisabled: { ($0.currentList?.shownCount ?? 0) == 0 ? "no rows" : nil }) { Reducer.exportRows(&$0, jsonLines: true) },
        KeyAction([.character(">")], "sort by the next column") { Reducer.stepSort(&$0, by: 1) },
        KeyAction([.character("<")], "sort by the previous column (before the first: unsorted)") { Reducer.stepSort(&$0, by: -1) },
        // Last in the table, so the list's and the general keys on capitals keep theirs.
        {
            var sort = KeyAction(sortInitials, "sort by the column with that initial (again: reverse)", label: "shift-letter", whyDisabled: { state in
                guard let list = state.currentList else { return "no list" }
                return list.source.columns.isEmpty ? "no columns" : nil
            }) { state, key in Reducer.sortByInitial(&state, key) }
            sort.fallback = true
            return sort
        }(),
    ])

    /// Capitals that sort by a column's initial: all but those the list and general keys use.
    static let sortInitials: [Key] = "ABCDEFHIJKMNOPQSTUWXYZ".map { .character($0) }

    /// On a list the server can search.
    public static let search = KeyTable("Search", [
        KeyAction([.character("s")], "search on any attribute", hint: true) { state in
            let previous = state.currentList?.source.search?.description ?? ""
            state.overlay = .prompt(PromptState(purpose: .search, input: previous))
            return []
        },
    ])

    /// On a list of every region's pools: rows open in their own region.
    public static let regional = KeyTable("All regions", [
        KeyAction([.character("R"), .enter], "open in its region", hint: true,
                  whyDisabled: { $0.currentList?.selectedID == nil ? "nothing selected" : nil }) { Reducer.openInRegion(&$0) },
    ])

    /// On a list with a toggle (identities: show or hide disabled ones).
    public static func toggle(_ toggle: ListToggle) -> KeyTable {
        KeyTable("View", [KeyAction([.character(toggle.key)], toggle.title, hint: true) { Reducer.toggleList(&$0) }])
    }

    /// On a job's pane.
    public static let job = KeyTable("Job", [
        KeyAction([.character("x")], "cancel the job", hint: true, whyDisabled: { state in
            guard case .job(let job) = state.currentContent else { return "no job" }
            if job.finished { return "it has finished" }
            return job.cancelling ? "already cancelling" : nil
        }) { Reducer.cancelJob(&$0) },
        KeyAction([.character("t")], "retry the failed ones", hint: true, whyDisabled: { state in
            guard case .job(let job) = state.currentContent else { return "no job" }
            if !job.finished { return "the job is still running" }
            return job.retryable.isEmpty ? "no item failed" : nil
        }) { Reducer.retryFailed(&$0) },
        KeyAction([.character("w")], "save the report as CSV", hint: true, whyDisabled: jobReportMissing) {
            Reducer.saveReport(&$0, jsonLines: false)
        },
        KeyAction([.character("W")], "save the report as JSON lines", whyDisabled: jobReportMissing) {
            Reducer.saveReport(&$0, jsonLines: true)
        },
    ])

    private static let jobReportMissing: @Sendable (ConsoleState) -> String? = { state in
        guard case .job(let job) = state.currentContent else { return "no job" }
        return job.finished ? nil : "the job is still running"
    }

    /// On a detail or text tab.
    public static let scrolling = KeyTable("Scrolling", [
        KeyAction([.character("j"), .down], "down") { Reducer.scroll(&$0, by: 1) },
        KeyAction([.character("k"), .up], "up") { Reducer.scroll(&$0, by: -1) },
        KeyAction([.pageDown, .control("f"), .control("d")], "page down") { state in
            let page = state.tableHeight
            return Reducer.scroll(&state, by: page)
        },
        KeyAction([.pageUp, .control("b"), .control("u")], "page up") { state in
            let page = state.tableHeight
            return Reducer.scroll(&state, by: -page)
        },
        KeyAction([.character("g"), .home], "top") { Reducer.scroll(&$0, by: Int.min) },
        KeyAction([.character("G"), .end], "bottom") { Reducer.scroll(&$0, by: Int.max) },
    ])

    /// On a pane with tabs.
    public static let tabs = KeyTable("Tabs", [
        KeyAction([.tab, .right], "next tab", hint: true) { state in
            Reducer.selectTab(&state, state.current.activeTab + 1)
        },
        KeyAction([.backTab, .left], "previous tab") { state in
            Reducer.selectTab(&state, state.current.activeTab - 1)
        },
        KeyAction((1...9).map { .character(Character(String($0))) }, "tab by number") { state, key in
            guard case .character(let digit) = key, let number = digit.wholeNumberValue,
                  number <= state.current.tabs.count else { return [] }
            return Reducer.selectTab(&state, number - 1)
        },
    ])
}
