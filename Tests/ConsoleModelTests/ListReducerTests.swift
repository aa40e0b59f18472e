@testable import ConsoleModel
import Testing

@Suite("Reducer: lists, paging on demand, filter and search", .timeLimit(.minutes(5)))
struct ListReducerTests {
    /// A pool's Users tab with the first page of 60 answered and more available; the viewport
    /// is 10 rows, so the next page is asked for 20 rows before the end.
    static func users() -> ReducerDriver {
        var driver = ReducerDriver(root: .userPool(id: "us-east-1_A", name: "pool-a"))
        driver.key(.character("2"))
        driver.answer(ReducerDriver.items("user", 60), next: "t1")
        return driver
    }

    @Test("the first page shows at once with more available in the footer")
    func firstPage() {
        let driver = Self.users()
        guard case .table(let table) = driver.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.count == 60)
        #expect(driver.screen.footer.paging == "60 loaded, more available")
    }

    @Test("the next page is asked for as the cursor nears the end, not before")
    func prefetch() {
        var driver = Self.users()
        for _ in 0..<39 { driver.key(.character("j")) }
        #expect(driver.pageRequests.isEmpty)
        driver.key(.character("j"))
        #expect(driver.pageRequests.map(\.request.token) == ["t1"])
    }

    /// A pool's Groups tab with the first page of 60 answered and more available: a list that
    /// pages, with no scan.
    static func groups() -> ReducerDriver {
        var driver = ReducerDriver(root: .userPool(id: "us-east-1_A", name: "pool-a"))
        driver.key(.character("3"))
        driver.answer(ReducerDriver.items("user", 60), next: "t1")
        return driver
    }

    @Test("G goes to the last loaded row without loading more; L loads all with progress")
    func loadAll() {
        var driver = Self.groups()
        driver.key(.character("G"))
        #expect(driver.list?.cursor == 59)
        driver.answer(ReducerDriver.items("user", 20, from: 60), next: "t2")
        #expect(driver.list?.cursor == 59)
        driver.key(.character("L"))
        #expect(driver.screen.footer.paging == "loading all: 80…")
        driver.answer(ReducerDriver.items("user", 20, from: 80), next: "t3")
        #expect(driver.pageRequests.map(\.request.token) == ["t3"])
        driver.answer(ReducerDriver.items("user", 5, from: 100), next: nil)
        #expect(driver.screen.footer.paging == "105 total")
        driver.key(.character("L"))
        #expect(driver.message == "Load all / stop: everything is loaded.")
    }

    @Test("L again, or Esc, stops load all after the page in flight")
    func stopLoadAll() {
        var driver = Self.groups()
        driver.key(.character("L"))
        let inFlight = driver.effects
        driver.key(.escape)
        #expect(driver.message == "Stopped loading all at 60 rows.")
        driver.effects = inFlight
        driver.answer(ReducerDriver.items("user", 20, from: 60), next: "t2")
        #expect(driver.pageRequests.isEmpty)
        #expect(driver.screen.footer.paging == "80 loaded, more available")
    }

    @Test("empty pages that carry a token are followed until rows arrive")
    func emptyPages() {
        var driver = ReducerDriver(root: .userPools)
        driver.answer([], next: "t1")
        #expect(driver.pageRequests.map(\.request.token) == ["t1"])
        driver.answer([], next: "t2")
        driver.answer(ReducerDriver.items("pool", 2), next: nil)
        #expect(driver.screen.footer.paging == "2 total")
    }

    @Test("typing after / filters as you type; Esc in the prompt restores the filter before")
    func filterPrompt() {
        var driver = Self.users()
        driver.key(.character("/"))
        driver.type("user01")
        #expect(driver.list?.shownCount == 10)
        driver.key(.character("5"))
        #expect(driver.list?.shownCount == 1)
        #expect(driver.screen.footer.filter == "/user015 (1 of 60)")
        driver.key(.escape)
        #expect(driver.list?.filter == "")
        #expect(driver.list?.shownCount == 60)
    }

    @Test("a filter that matches nothing says so and points at L")
    func filterNoMatch() {
        var driver = Self.users()
        driver.key(.character("/"))
        driver.type("zzz")
        driver.key(.enter)
        #expect(driver.screen.body == .notice(Notice(.empty, "No loaded users match /zzz; L loads the rest.")))
    }

    @Test("s takes a condition; Enter scans for it, the rows stream in and the footer counts the scan")
    func searchPrompt() throws {
        var driver = Self.users()
        driver.key(.character("s"))
        guard case .prompt(let prompt)? = driver.screen.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.symbol == "search:")
        driver.type(#"custom:tenant = "t42""#)
        driver.key(.enter)
        let search = try UserCondition.parse(#"custom:tenant = "t42""#)
        #expect(driver.scanRequests.map(\.source) == [.users(poolID: "us-east-1_A", search: search)])
        #expect(driver.pageRequests.isEmpty, "a search scans; it does not page")
        let (address, _, ticket) = try #require(driver.scanRequests.first)
        #expect(driver.screen.body == .notice(Notice(.loading, "Searching users…")))
        driver.send(.scanned(address, ticket: ticket, ReducerDriver.items("ann", 2), ScanProgress(scanned: 60, estimated: 200, matches: 2, pages: 1)))
        #expect(driver.screen.footer.paging == "scanned 60 of about 200, 2 matches…")
        #expect(driver.list?.shownCount == 2, "matches show while the scan goes on")
        driver.send(.scanned(address, ticket: ticket + 1000, ReducerDriver.items("stale", 2), ScanProgress(scanned: 90)))
        #expect(driver.list?.shownCount == 2, "a page of another scan is ignored")
        driver.send(.scanEnded(address, ticket: ticket, failure: nil))
        #expect(driver.screen.footer.paging == "2 matches of 60 scanned")
        #expect(driver.screen.footer.filter == #"custom:tenant = "t42""#)
    }

    @Test("ctrl-a during a search's scan marks the matches found later too; an action waits for the scan, or for L to stop it")
    func markAllWhileScanning() throws {
        var driver = Self.users()
        driver.key(.character("s"))
        driver.type(#"custom:tenant = "t42""#)
        driver.key(.enter)
        let (address, _, ticket) = try #require(driver.scanRequests.first)
        driver.send(.scanned(address, ticket: ticket, ReducerDriver.items("ann", 2), ScanProgress(scanned: 60, matches: 2, pages: 1)))
        driver.key(.control("a"))
        #expect(driver.list?.marked.count == 2)
        driver.send(.scanned(address, ticket: ticket, ReducerDriver.items("bob", 3), ScanProgress(scanned: 120, matches: 5, pages: 2)))
        #expect(driver.list?.marked.count == 5, "the matches the scan finds after ctrl-a are marked as they arrive")
        driver.key(.character("D"))
        #expect(driver.screen.overlay == nil, "no plan of only the matches found so far")
        #expect(driver.screen.message?.text.contains("Still marking the rows the scan finds (5 so far)") == true)
        driver.key(.character("L"))
        #expect(driver.effects == [.cancelScan(ticket: ticket)])
        driver.key(.character("D"))
        guard case .confirm(let confirm)? = driver.screen.overlay else { Issue.record("no plan once the scan stopped"); return }
        #expect(confirm.title == "Disable 5 users")
    }

    @Test("a bad condition is one sentence at the wrong word; the prompt stays open and nothing is asked for")
    func badSearch() {
        var driver = Self.users()
        driver.key(.character("s"))
        driver.type(#"email == "ann""#)
        driver.key(.enter)
        guard case .prompt(let prompt)? = driver.screen.overlay else { Issue.record("the prompt closed"); return }
        #expect(prompt.cursor == 6, "the cursor is on the operator")
        #expect(driver.screen.message?.kind == .warning)
        #expect(driver.screen.message?.text.contains("==") == true, "\(String(describing: driver.screen.message))")
        #expect(driver.scanRequests.isEmpty && driver.pageRequests.isEmpty)
    }

    @Test("Esc during a search's scan stops it and clears the search; L on all users scans at the quota and L again stops it")
    func scanStops() throws {
        var driver = Self.users()
        driver.key(.character("s"))
        driver.type(#"email $= "@corp.example""#)
        driver.key(.enter)
        let ticket = try #require(driver.scanRequests.first?.ticket)
        driver.key(.escape)
        #expect(driver.effects.first == .cancelScan(ticket: ticket))
        #expect(driver.pageRequests.map(\.source) == [.users(poolID: "us-east-1_A", search: nil)])
        driver.answer(ReducerDriver.items("user", 11), next: "t2")
        driver.key(.character("L"))
        let all = try #require(driver.scanRequests.first)
        #expect(all.source.search == nil)
        #expect(driver.list?.shownCount == 11, "the loaded rows stay until the scan's first rows arrive")
        driver.key(.character("L"))
        #expect(driver.effects == [.cancelScan(ticket: all.ticket)])
        #expect(driver.list?.shownCount == 11)
        #expect(driver.list?.scan == nil, "stopped before its first rows, the scan leaves the list as it was")
        #expect(driver.list?.pager.hasMore == true)
    }

    @Test("L keeps the loaded rows until the scan's first rows replace them, and a scan that fails first gives them back")
    func loadAllKeepsRows() throws {
        var driver = Self.users()
        driver.key(.character("L"))
        let first = try #require(driver.scanRequests.first)
        #expect(driver.list?.shownCount == 60)
        #expect(driver.screen.footer.paging == "loading all: 0…")
        driver.send(.scanned(first.address, ticket: first.ticket, ReducerDriver.items("scan", 3), ScanProgress(scanned: 3, pages: 1)))
        #expect(driver.list?.shownCount == 3, "the scan's rows replace the paged ones, so none is listed twice")
        driver.send(.scanned(first.address, ticket: first.ticket, ReducerDriver.items("more", 2), ScanProgress(scanned: 5, pages: 2)))
        #expect(driver.list?.shownCount == 5)
        driver.send(.scanEnded(first.address, ticket: first.ticket, failure: nil))
        #expect(driver.screen.footer.paging == "5 total")

        var failing = Self.users()
        failing.key(.character("L"))
        let scan = try #require(failing.scanRequests.first)
        failing.send(.scanEnded(scan.address, ticket: scan.ticket, failure: "The connection was reset."))
        #expect(failing.list?.shownCount == 60, "the rows it was to replace are back")
        #expect(failing.list?.scan == nil)
        #expect(failing.list?.pager.hasMore == true, "paging on goes on from where it was")
        #expect(failing.message?.contains("The connection was reset.") == true)
    }

    @Test("h on identities asks again with HideDisabled flipped")
    func hideDisabled() {
        var driver = ReducerDriver(root: .identityPool(id: "us-east-1:p", name: "p"))
        driver.key(.tab)
        #expect(driver.pageRequests.map(\.source) == [.identities(poolID: "us-east-1:p", hideDisabled: true)])
        driver.key(.character("h"))
        #expect(driver.pageRequests.map(\.source) == [.identities(poolID: "us-east-1:p", hideDisabled: false)])
    }

    @Test("a reply to the list replaced by h, arriving late, is ignored")
    func lateReplyAfterToggle() throws {
        var driver = ReducerDriver(root: .identityPool(id: "us-east-1:p", name: "p"))
        driver.key(.tab)
        let old = try #require(driver.pageRequests.first)
        driver.key(.character("h"))
        let new = try #require(driver.pageRequests.first)
        #expect(new.request.ticket != old.request.ticket)
        driver.send(.pageLoaded(old.address, ticket: old.request.ticket,
                                ListPage(items: ReducerDriver.items("stale", 3), nextToken: "old-token")))
        #expect(driver.list?.shownCount == 0, "the hidden-disabled reply must not fill the list that shows them")
        driver.send(.pageLoaded(new.address, ticket: new.request.ticket, ListPage(items: ReducerDriver.items("fresh", 2), nextToken: nil)))
        #expect(driver.list?.shownRows.map { $0.cells[0] } == ["fresh000", "fresh001"])
    }

    @Test("clicking a picker item selects it, a double click picks it")
    func pickerByMouse() {
        var driver = ReducerDriver()
        driver.key(.character("p"))
        guard case .picker(let picker)? = driver.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.items == ["default", "prod"])
        driver.send(.input(.mouse(.selectRow(1))))
        guard case .picker(let moved)? = driver.state.overlay else { Issue.record("the picker closed on a click"); return }
        #expect(moved.selected == 1)
        driver.send(.input(.mouse(.activateRow(1))))
        #expect(driver.state.overlay == nil)
        #expect(driver.effects.contains(.switchContext(profile: "prod", region: nil)))
    }

    @Test("space marks the row and moves down")
    func mark() {
        var driver = Self.users()
        driver.key(.character(" "))
        #expect(driver.list?.shownRows.first?.marked == true)
        #expect(driver.list?.cursor == 1)
    }

    @Test("y copies the selected id and says so")
    func copy() {
        var driver = Self.users()
        driver.key(.character("j"))
        driver.key(.character("y"))
        #expect(driver.effects == [.frontEnd(.copyToClipboard("id-user001"))])
        #expect(driver.message == "Copied id-user001 to the clipboard.")
    }

    @Test("d opens the selected row's JSON in a text pane")
    func describe() {
        var driver = Self.users()
        driver.key(.character("d"))
        #expect(driver.state.current.kind == .describe(ResourceRef(.user, ["us-east-1_A", "id-user000"])))
        #expect(driver.effects.contains { if case .describe(_, ResourceRef(.user, ["us-east-1_A", "id-user000"]), _) = $0 { return true }; return false })
    }

    @Test("r loads the list again from the first page, keeping the filter")
    func refresh() {
        var driver = Self.users()
        driver.key(.character("/"))
        driver.type("user01")
        driver.key(.enter)
        driver.key(.character("r"))
        #expect(driver.pageRequests.map(\.request.token) == [nil])
        #expect(driver.list?.store.count == 0)
        #expect(driver.list?.filter == "user01")
    }

    @Test("a failed first page shows its error in place; the rest of the console works")
    func failureInPlace() {
        var driver = ReducerDriver(root: .userPool(id: "us-east-1_A", name: "pool-a"))
        driver.key(.character("3"))
        let request = driver.pageRequests[0]
        driver.send(.pageFailed(request.address, ticket: request.request.ticket, "Access denied: these credentials may not call ListGroups."))
        #expect(driver.screen.body == .notice(Notice(.error, "Access denied: these credentials may not call ListGroups.")))
        #expect(driver.screen.message?.kind == .error)
        driver.key(.character("2"))
        #expect(driver.pageRequests.map(\.source) == [.users(poolID: "us-east-1_A", search: nil)])
    }

    @Test("mouse: a click selects a row, a double click opens it, the wheel moves the cursor")
    func mouse() {
        var driver = Self.users()
        driver.send(.input(.mouse(.selectRow(3))))
        #expect(driver.list?.cursor == 3)
        driver.send(.input(.mouse(.scroll(lines: 2))))
        #expect(driver.list?.cursor == 5)
        driver.send(.input(.mouse(.activateRow(4))))
        #expect(driver.state.current.kind == .user(poolID: "us-east-1_A", username: "id-user004"))
    }

    @Test("a resize keeps the cursor inside the smaller viewport")
    func resize() {
        var driver = Self.users()
        driver.key(.character("G"))
        driver.send(.input(.resize(columns: 40, rows: 10, bodyHeight: 4)))
        guard let list = driver.list else { Issue.record("no list"); return }
        #expect(list.cursor == 59)
        #expect(list.scroll == 57)
    }
}

@Suite("Reducer: sorting a list by any column", .timeLimit(.minutes(5)))
struct ListSortTests {
    @Test("shift and a column's initial sorts by it, again reverses; the cursor stays on its row; rows that arrive join in order")
    func sortByInitial() throws {
        var driver = ListReducerTests.groups()            // columns NAME, PRECEDENCE, DESCRIPTION, ROLE
        for _ in 0..<10 { driver.key(.character("j")) }
        #expect(driver.list?.selectedName == "user010")
        driver.key(.character("N"))
        #expect(driver.list?.sort == ListSort(column: 0))
        #expect(driver.list?.selectedName == "user010")
        driver.key(.character("N"))
        #expect(driver.list?.sort == ListSort(column: 0, descending: true))
        #expect(driver.list?.selectedName == "user010", "the cursor follows its row")
        #expect(driver.list?.cursor == 49)
        guard case .table(let table) = driver.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.first?.cells.first == "user059")
        #expect(table.columns[0].title == "NAME ↓")
        #expect(driver.screen.footer.filter == "sorted by NAME ↓")
        // The next page merges into the order.
        driver.key(.character("j"))                      // near the end of what is loaded: the next page
        driver.answer(ReducerDriver.items("user", 20, from: 60), next: nil)
        guard case .table(let merged) = driver.screen.body else { Issue.record("no table"); return }
        #expect(merged.rows.map { $0.cells[0] } == (0..<80).reversed().map { String(format: "user%03d", $0) })
        // A filter keeps the sort.
        driver.key(.character("/"))
        driver.type("user07")
        driver.key(.enter)
        guard case .table(let filtered) = driver.screen.body else { Issue.record("no table"); return }
        #expect(filtered.rows.map { $0.cells[0] } == (70..<80).reversed().map { String(format: "user%03d", $0) })
    }

    @Test("< and > step through the columns; before the first the rows go back to the order they came")
    func stepColumns() {
        var driver = ListReducerTests.groups()
        driver.key(.character(">"))
        #expect(driver.list?.sort == ListSort(column: 0))
        driver.key(.character(">"))
        #expect(driver.list?.sort == ListSort(column: 1))
        #expect(driver.message == "Sorted by PRECEDENCE, ascending.")
        driver.key(.character("<"))
        driver.key(.character("<"))
        #expect(driver.list?.sort == nil)
        guard case .table(let table) = driver.screen.body else { Issue.record("no table"); return }
        #expect(table.rows.first?.cells.first == "user000")
    }

    @Test("numbers sort by value, text without regard to case, an empty cell first")
    func keys() {
        #expect(SortKey("12") < SortKey("1,204"))
        #expect(SortKey("apple") < SortKey("Banana"))
        #expect(SortKey("–") < SortKey("0"))
        #expect(SortKey("") == SortKey("–"))
    }
}
