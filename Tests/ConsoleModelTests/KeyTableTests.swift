import ConsoleModel
import Testing

@Suite("Key tables: help and hints are generated from them", .timeLimit(.minutes(5)))
struct KeyTableTests {
    @Test("help lists every action of the pane's tables, the pane-specific ones first")
    func helpFromTables() {
        var driver = ListReducerTests.users()
        driver.key(.character("?"))
        guard case .help(let title, let entries)? = driver.screen.overlay else { Issue.record("no help"); return }
        #expect(title == "Keys: pool-a › Users")
        let tables = KeyDispatch.tables(for: driver.state)
        #expect(tables.map(\.title) == ["User", "Search", "List", "This user pool", "Tabs", "General"])
        let expected = tables.flatMap { table in [KeyHint("", table.title)] + table.actions.map { KeyHint($0.label, $0.title) } }
        #expect(entries.map(\.key) == expected.map(\.key))
        #expect(entries.contains(KeyHint("s", "search on any attribute")))
        #expect(entries.contains(KeyHint("j/↓", "down")))
    }

    @Test("help says why an unavailable action is unavailable")
    func helpSaysWhy() {
        var driver = ReducerDriver()
        driver.answer(ReducerDriver.items("pool", 3), next: nil)
        let help = KeyDispatch.help(for: driver.state)
        #expect(help.contains(KeyHint("esc", "back (already at the top)")))
        #expect(help.contains(KeyHint("L", "load all / stop (everything is loaded)")))
    }

    @Test("footer hints are the available hinted actions of the same tables")
    func hints() {
        var driver = ReducerDriver()
        driver.answer(ReducerDriver.items("pool", 3), next: "more")
        let hints = driver.screen.footer.hints
        #expect(hints.first == KeyHint("enter", "open"))
        #expect(hints.contains(KeyHint("/", "filter")))
        #expect(hints.contains(KeyHint("L", "load all / stop")))
        #expect(!hints.contains { $0.key == "j" })
        #expect(!hints.contains { $0.key == "s" }, "search is for user lists only")
    }

    @Test("a key whose action is unavailable says why in the status line")
    func refusal() {
        var driver = ReducerDriver(profiles: [])
        driver.key(.character("p"))
        #expect(driver.state.overlay == nil)
        #expect(driver.message == "Profile: no profiles in the AWS config files.")
    }

    @Test("any key closes help")
    func closeHelp() {
        var driver = ReducerDriver()
        driver.key(.character("?"))
        driver.key(.character("x"))
        #expect(driver.state.overlay == nil)
    }

    @Test("detail tabs scroll with the same keys lists move with")
    func scrolling() {
        var driver = ReducerDriver(root: .userPool(id: "us-east-1_A", name: "pool-a"), bodyHeight: 5)
        guard case .fetchDetail(let address, _, let ticket)? = driver.effects.first else { Issue.record("no load"); return }
        let rows = (0..<20).map { (key: "k\($0)", value: "v") }
        driver.send(.detailLoaded(address, ticket: ticket, [DetailView.Section("A", rows)]))
        driver.key(.character("j"))
        driver.key(.pageDown)
        guard case .detail(let detail) = driver.screen.body else { Issue.record("no detail"); return }
        #expect(detail.scrollOffset == 5, "1 line, then a page of 4 (the body less its heading)")
        driver.key(.character("G"))
        guard case .detail(let end) = driver.screen.body else { Issue.record("no detail after G"); return }
        #expect(end.scrollOffset == 17, "21 lines, 4 shown")
    }
}
