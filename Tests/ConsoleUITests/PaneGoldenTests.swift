import ConsoleModel
import ConsoleTestSupport
import Testing
@testable import ConsoleUI

/// Every real pane, as the view-model builds it from the showcase data in a fake backend and
/// the renderer draws it at 100×30 and 60×15, matches its golden file `pane-NAME-COLSxROWS`
/// (text and style roles). Set `COGNITO_TUI_UPDATE_GOLDEN=1` to rewrite them.
@Suite(.timeLimit(.minutes(5))) struct PaneGoldenTests {
    struct Size: Sendable, CustomTestStringConvertible {
        var columns: Int
        var rows: Int
        var testDescription: String { "\(columns)x\(rows)" }
    }

    /// One pane to check: where the console starts and the keys that lead there.
    struct Scene: Sendable {
        var name: String
        var start: PaneKind = .userPools
        /// The columns chosen in `config.yaml`, by list.
        var views: [String: [String]] = [:]
        var steps: @MainActor @Sendable (PaneDriver) async -> Void
    }

    static let sizes = [Size(columns: 100, rows: 30), Size(columns: 60, rows: 15)]

    @Test(arguments: scenes.map(\.name), sizes)
    @MainActor
    func paneMatchesGoldenFile(_ name: String, _ size: Size) async throws {
        let scene = try #require(Self.scenes.first { $0.name == name })
        let console = PaneDriver(start: scene.start, size: size, views: scene.views)
        await console.settle()
        await scene.steps(console)
        #expect(console.model.isIdle, "calls still in flight")
        let text = GoldenFile.text(of: console.frame(), title: "pane \(name)")
        if let failure = GoldenFile.check(text, name: "pane-\(name)-\(size.testDescription)") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    // MARK: The scenes

    /// A user pool's tab, by number, after opening the showcase pool from the list.
    static func poolTab(_ tab: Character) -> @MainActor @Sendable (PaneDriver) async -> Void {
        { console in
            await console.open(Showcase.poolID)
            await console.press(.character(tab))
        }
    }

    /// The showcase pool's Users tab.
    static let users: @MainActor @Sendable (PaneDriver) async -> Void = poolTab("2")

    /// The showcase identity pool's Settings, scrolled so that the first section whose title
    /// starts with `title` is the top line.
    static func identityPoolSettings(scrolledTo title: String?) -> @MainActor @Sendable (PaneDriver) async -> Void {
        { console in
            await console.open(Showcase.identityPoolID)
            if let title { await console.scroll(toSection: title) }
        }
    }

    static let scenes: [Scene] = [
        Scene(name: "user-pools") { _ in },
        Scene(name: "pool-summary", steps: poolTab("1")),
        Scene(name: "pool-summary-bottom") { console in
            await poolTab("1")(console)
            await console.press(.character("G"))
        },
        Scene(name: "pool-users", steps: users),
        Scene(name: "pool-users-sorted") { console in
            await users(console)
            await console.press(.character(">"))
            await console.press(.character(">"))
            await console.press(.character("N"))
        },
        Scene(name: "pool-users-view", views: ["users": ["username", "custom:team", "locale", "email_verified", "enabled"]],
              steps: users),
        Scene(name: "pool-groups", steps: poolTab("3")),
        Scene(name: "pool-app-clients", steps: poolTab("4")),
        Scene(name: "pool-identity-providers", steps: poolTab("5")),
        Scene(name: "pool-domain", steps: poolTab("6")),
        Scene(name: "user-summary") { console in
            await users(console)
            await console.open(Showcase.username)
        },
        Scene(name: "user-groups") { console in
            await users(console)
            await console.open(Showcase.username)
            await console.press(.character("2"))
        },
        Scene(name: "user-devices-error") { console in
            await users(console)
            await console.open(Showcase.username)
            await console.press(.character("3"))
        },
        Scene(name: "group-summary") { console in
            await poolTab("3")(console)
            await console.open(Showcase.groupName)
        },
        Scene(name: "group-members") { console in
            await poolTab("3")(console)
            await console.open(Showcase.groupName)
            await console.press(.character("2"))
        },
        Scene(name: "identity-pools", start: .identityPools) { _ in },
        Scene(name: "identity-pool-settings", start: .identityPools, steps: identityPoolSettings(scrolledTo: nil)),
        Scene(name: "identity-pool-role-mappings", start: .identityPools, steps: identityPoolSettings(scrolledTo: "Role mapping")),
        Scene(name: "identity-pool-principal-tags", start: .identityPools, steps: identityPoolSettings(scrolledTo: "Principal tags")),
        Scene(name: "identity-pool-tags", start: .identityPools) { console in
            await identityPoolSettings(scrolledTo: nil)(console)
            await console.press(.character("G"))
        },
        Scene(name: "identity-pool-identities", start: .identityPools) { console in
            await console.open(Showcase.identityPoolID)
            await console.press(.character("2"))
        },
        Scene(name: "identity-pool-identities-disabled-shown", start: .identityPools) { console in
            await console.open(Showcase.identityPoolID)
            await console.press(.character("2"), .character("h"))
        },
        Scene(name: "identity", start: .identityPools) { console in
            await console.open(Showcase.identityPoolID)
            await console.press(.character("2"))
            await console.open(Showcase.identities[0].identityId ?? "")
        },
        Scene(name: "call-log") { console in
            for record in Showcase.callRecords { console.model.send(.callFinished(record)) }
            await console.press(.character("@"))
        },
        Scene(name: "describe-user") { console in
            await users(console)
            await console.select(Showcase.username)
            await console.press(.character("d"))
        },
        Scene(name: "describe-client-secret-masked") { console in
            await poolTab("4")(console)
            await console.select("1a2b3c4d5e6f7g8h9i0j1k2l3m")
            await console.press(.character("d"))
        },
        Scene(name: "help-users") { console in
            await users(console)
            await console.press(.character("?"))
        },
        Scene(name: "help-identity-pool-settings", start: .identityPools) { console in
            await console.open(Showcase.identityPoolID)
            await console.press(.character("?"))
        },
        Scene(name: "console-url-user") { console in
            await users(console)
            await console.select("google_109876543210987654321")
            await console.press(.character("o"))
        },
        Scene(name: "command-completions") { console in
            await users(console)
            await console.press(.character(":"))
            await console.type("u")
            await console.press(.down)
        },
        Scene(name: "filter-typing") { console in
            await users(console)
            await console.press(.character("/"))
            await console.type("an")
        },
        Scene(name: "filter-active") { console in
            await users(console)
            await console.press(.character("/"))
            await console.type("an")
            await console.press(.enter)
        },
        Scene(name: "search-prompt") { console in
            await users(console)
            await console.press(.character("s"))
            await console.type(#"email $= "@example.com" and enabled = "yes""#)
        },
        Scene(name: "search-results") { console in
            await users(console)
            await console.press(.character("s"))
            await console.type(#"email $= "@example.com" and enabled = "yes""#)
            await console.press(.enter)
        },
        Scene(name: "profile-picker") { console in
            await console.press(.character("p"))
        },
        Scene(name: "token-inspector", start: TokenScenes.inspector) { _ in },
        Scene(name: "token-inspector-claims", start: TokenScenes.inspector) { console in
            await console.scroll(toSection: "Header")
        },
        Scene(name: "credentials", start: TokenScenes.credentials) { _ in },
    ]
}

/// Drives a `ConsoleViewModel` over the showcase backend as the app does: keys in, the calls
/// they start awaited, and before each frame the body's height for the size being rendered.
@MainActor
final class PaneDriver {
    let model: ConsoleViewModel
    let size: PaneGoldenTests.Size

    struct NoOtherBackend: Error {}

    init(start: PaneKind, size: PaneGoldenTests.Size, views: [String: [String]] = [:]) {
        self.size = size
        let backend = Showcase.backend()
        backend.tokenServices = TokenScenes.services
        model = ConsoleViewModel(backend: backend, profiles: Showcase.profiles,
                                 themes: ["dark", "light", "high-contrast", "monochrome"], start: start, views: views,
                                 now: TokenScenes.clock, makeBackend: { _, _ in throw NoOtherBackend() })
    }

    /// Waits for the calls in flight, then reports the body's height as the app's draw does.
    func settle() async {
        await model.settle()
        fit()
        await model.settle()
    }

    /// Tells the view-model the size and the body's height of the screen it shows now.
    private func fit() {
        let layout = ScreenRenderer.layout(for: model.screen, columns: size.columns, rows: size.rows)
        model.handle(.resize(columns: size.columns, rows: size.rows, bodyHeight: layout.bodyHeight))
    }

    func press(_ keys: Key...) async {
        for key in keys {
            model.handle(.key(key))
            await settle()
        }
    }

    func type(_ text: String) async {
        for char in text { await press(.character(char)) }
    }

    /// Moves the list cursor down to the row with this id.
    func select(_ id: String) async {
        var presses = 0
        while model.state.currentList?.selectedID != id, presses < 100 {
            await press(.down)
            presses += 1
        }
        #expect(model.state.currentList?.selectedID == id, "no row \(id)")
    }

    /// Selects the row with this id and opens it.
    func open(_ id: String) async {
        await select(id)
        await press(.enter)
    }

    /// Scrolls a detail tab down, a line at a time, until the section whose title starts with
    /// `title` is the top line (or the end is reached).
    func scroll(toSection title: String) async {
        guard case .detail(let detail) = model.screen.body else {
            Issue.record("not a detail tab")
            return
        }
        var line = 0
        for section in detail.sections {
            if section.title.hasPrefix(title) { break }
            line += section.rows.count + 2
        }
        #expect(detail.sections.contains { $0.title.hasPrefix(title) }, "no section \(title)")
        for _ in 0..<line { await press(.character("j")) }
    }

    /// The frame the app would draw now.
    func frame() -> Grid {
        fit()
        return ScreenRenderer().render(model.screen, columns: size.columns, rows: size.rows).grid
    }
}
