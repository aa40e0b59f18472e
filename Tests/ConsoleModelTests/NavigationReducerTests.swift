import ConsoleModel
import Testing

@Suite("Reducer: navigation, tabs and breadcrumbs", .timeLimit(.minutes(5)))
struct NavigationReducerTests {
    /// The user-pool list with 50 pools loaded, all of them.
    static func pools() -> ReducerDriver {
        var driver = ReducerDriver()
        driver.answer(ReducerDriver.items("pool", 50), next: nil)
        return driver
    }

    @Test("the console starts by asking for the first page of user pools")
    func starts() {
        let driver = ReducerDriver()
        #expect(driver.pageRequests.map(\.source) == [ListSource(.userPools)])
        #expect(driver.pageRequests.first?.request.token == nil)
        #expect(driver.screen.body == .notice(Notice(.loading, "Loading user pools…")))
    }

    @Test("Enter on a user pool opens it on its Summary tab and asks for DescribeUserPool")
    func drillIntoPool() {
        var driver = Self.pools()
        driver.key(.character("j"))
        driver.key(.enter)
        #expect(driver.state.current.kind == .userPool(id: "id-pool001", name: "pool001"))
        #expect(driver.effects.contains { if case .fetchDetail(_, DetailSource(.userPoolSummary, ResourceRef(.userPool, ["id-pool001"], name: "pool001")), _) = $0 { return true }; return false })
        #expect(driver.screen.tabs == ["Summary", "Users", "Groups", "App clients", "Identity providers", "Domain", "Resource servers"])
    }

    @Test("Esc goes back with the cursor, the scroll and the filter as they were")
    func backRestores() {
        var driver = Self.pools()
        driver.key(.character("/"))
        driver.type("pool04")
        driver.key(.enter)
        driver.key(.character("G"))
        let selected = driver.list?.selectedID
        driver.key(.enter)
        #expect(driver.state.stack.count == 2)
        driver.key(.escape)
        #expect(driver.state.stack.count == 1)
        #expect(driver.list?.filter == "pool04")
        #expect(driver.list?.selectedID == selected)
        #expect(selected == "id-pool049")
    }

    @Test("Esc clears the filter before it goes back")
    func escClearsFilterFirst() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.escape)
        driver.key(.character("/"))
        driver.type("pool1")
        driver.key(.enter)
        driver.key(.escape)
        #expect(driver.list?.filter == "")
        #expect(driver.state.stack.count == 1)
    }

    @Test("a tab loads the first time it is shown, not again")
    func tabsLoadOnce() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.tab)
        #expect(driver.pageRequests.map(\.source) == [.users(poolID: "id-pool000", search: nil)])
        driver.key(.backTab)
        driver.key(.character("2"))
        #expect(driver.pageRequests.isEmpty)
        #expect(driver.state.current.activeTab == 1)
    }

    @Test("a page for a pane that was closed is ignored")
    func staleReplyIgnored() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.tab)
        let request = driver.pageRequests[0]
        driver.key(.escape)
        #expect(driver.effects.contains(.cancel(panes: [request.address.pane])))
        driver.send(.pageLoaded(request.address, ticket: request.request.ticket, ListPage(items: ReducerDriver.items("u", 3), nextToken: nil)))
        #expect(driver.state.stack.count == 1)
        #expect(driver.list?.store.count == 50)
    }

    @Test("breadcrumbs show the path with the active tab; a click on one goes back there")
    func breadcrumbs() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.tab)
        driver.answer(ReducerDriver.items("user", 5), next: nil)
        driver.key(.enter)
        #expect(driver.screen.breadcrumbs == ["User pools", "pool000", "Users", "user000", "Summary"])
        driver.send(.input(.mouse(.selectBreadcrumb(2))))
        #expect(driver.state.stack.count == 2)
        #expect(driver.screen.breadcrumbs == ["User pools", "pool000", "Users"])
        driver.send(.input(.mouse(.selectBreadcrumb(0))))
        #expect(driver.state.stack.count == 1)
    }

    @Test(":users on a pool switches to its Users tab; with a search it searches on the server")
    func usersCommand() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.character(":"))
        driver.type(#"users email ^= "ann""#)
        driver.key(.enter)
        let search = UserCondition(clauses: [.init(attribute: "email", op: .startsWith, value: "ann")])
        #expect(driver.state.current.activeTab == 1)
        #expect(driver.scanRequests.map(\.source) == [.users(poolID: "id-pool000", search: search)])
        driver.answerScan([], scanned: 40)
        #expect(driver.screen.footer.filter == #"email ^= "ann""#)
        #expect(driver.screen.body == .notice(Notice(.empty, #"No users match email ^= "ann"."#)))
        driver.key(.escape)
        #expect(driver.pageRequests.map(\.source) == [.users(poolID: "id-pool000", search: nil)])
    }

    @Test(":users outside a user pool says to open one first")
    func usersWithoutPool() {
        var driver = Self.pools()
        driver.key(.character(":"))
        driver.type("users")
        driver.key(.enter)
        #expect(driver.state.stack.count == 1)
        #expect(driver.state.message?.kind == .warning)
    }

    @Test(":ip with Tab completion opens identity pools as a new root")
    func paletteJump() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.key(.character(":"))
        driver.type("ip")
        guard case .prompt(let prompt)? = driver.screen.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.completions == ["idpools"])
        driver.key(.tab)
        driver.key(.enter)
        #expect(driver.state.stack.map(\.kind) == [.identityPools])
        #expect(driver.pageRequests.map(\.source) == [ListSource(.identityPools)])
    }

    @Test("an unknown command is reported and nothing else changes")
    func unknownCommand() {
        var driver = Self.pools()
        driver.key(.character(":"))
        driver.type("nope")
        driver.key(.enter)
        #expect(driver.state.message?.kind == .error)
        #expect(driver.state.overlay == nil)
        #expect(driver.state.stack.count == 1)
    }

    @Test(":profile, :region and the pickers ask the view-model to switch; :theme goes to the front end")
    func contextCommands() {
        var driver = Self.pools()
        driver.key(.character(":"))
        driver.type("region eu-west-1")
        driver.key(.enter)
        #expect(driver.effects == [.switchContext(profile: "default", region: "eu-west-1")])
        driver.key(.character("p"))
        driver.key(.character("j"))
        driver.key(.enter)
        #expect(driver.effects == [.switchContext(profile: "prod", region: nil)])
        driver.key(.character(":"))
        driver.type("theme light")
        driver.key(.enter)
        #expect(driver.effects == [.frontEnd(.applyTheme("light"))])
    }

    @Test("after a switch the root pane is loaded again for the new context")
    func contextSwitched() {
        var driver = Self.pools()
        driver.key(.enter)
        driver.send(.contextSwitched(BackendInfo(profile: "prod", region: "eu-west-1")))
        #expect(driver.state.stack.map(\.kind) == [.userPools])
        #expect(driver.screen.header.profile == "prod")
        #expect(driver.pageRequests.map(\.source) == [ListSource(.userPools)])
    }
}
