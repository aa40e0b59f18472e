import AWSCore
import CognitoAdmin
import ConsoleModel
import ConsoleTestSupport
import Testing

/// Plugins from config.yaml: checked when the console starts, offered where their scope applies,
/// given the selection, hidden under read-only when dangerous.
@MainActor
@Suite("Plugins", .timeLimit(.minutes(5)))
struct PluginTests {
    static let trail = Plugin(name: "trail", key: .character("b"), kinds: [.user], description: "the user's trail",
                              command: "trail", arguments: ["--user", "$USERNAME", "--pool=${USER_POOL_ID}", "$HOME"])

    /// A pool's Users tab with the cursor on user001.
    static func usersTab(_ backend: FakeBackend, plugins: [Plugin]) async -> (ConsoleViewModel, Requests) {
        let model = ConsoleViewModel(backend: backend, start: .userPool(id: "us-east-1_A", name: "pool-a"), plugins: plugins,
                                     makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        model.handle(.resize(columns: 100, rows: 30, bodyHeight: 11))
        let requests = Requests()
        model.onRequest = { requests.all.append($0) }
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("j")))
        return (model, requests)
    }

    final class Requests {
        var all: [FrontEndRequest] = []
        var runs: [PluginRun] { all.compactMap { if case .runPlugin(let run) = $0 { return run } else { return nil } } }
    }

    @Test("its key runs it with the selected user, the pool, the profile and the region in its environment")
    func environment() async throws {
        let (console, seen) = await Self.usersTab(.withUsers(3), plugins: [Self.trail])
        console.handle(.key(.character("b")))
        let run = try #require(seen.runs.first)
        #expect(run.command == "trail")
        #expect(run.environment == ["USER_POOL_ID": "us-east-1_A", "USERNAME": "user001", "AWS_PROFILE": "test",
                                    "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:1"])
        // Only the selection's variables are put in; others stay for no shell to see.
        #expect(run.arguments == ["--user", "user001", "--pool=us-east-1_A", "$HOME"])
    }

    @Test("a group's members get the group too")
    func groupMember() async throws {
        let backend = FakeBackend.withUsers(3)
        backend.members["admins"] = [backend.users["us-east-1_A"]![2]]
        let model = ConsoleViewModel(backend: backend, start: .resource(ResourceRef(.group, ["us-east-1_A", "admins"])),
                                     plugins: [Self.trail], makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        model.handle(.resize(columns: 100, rows: 30, bodyHeight: 11))
        let requests = Requests()
        model.onRequest = { requests.all.append($0) }
        model.handle(.key(.character("2")))
        await model.settle()
        model.handle(.key(.character("b")))
        let run = try #require(requests.runs.first, "\(model.screen.body)")
        #expect(run.environment["GROUP"] == "admins")
        #expect(run.environment["USERNAME"] == "user002")
    }

    @Test("confirm: true asks first; y runs it, any other key does not")
    func confirm() async throws {
        var asking = Self.trail
        asking.confirm = true
        let (model, requests) = await Self.usersTab(.withUsers(3), plugins: [asking])
        model.handle(.key(.character("b")))
        guard case .confirm(let confirm)? = model.screen.overlay else { Issue.record("no question"); return }
        #expect(confirm.title == "Run trail?")
        model.handle(.key(.character("n")))
        #expect(requests.runs.isEmpty)
        model.handle(.key(.character("b")))
        model.handle(.key(.character("y")))
        #expect(requests.runs.count == 1)
    }

    @Test("a dangerous plugin is hidden under read-only: not in help, its key does nothing")
    func dangerousHidden() async throws {
        var dangerous = Self.trail
        dangerous.dangerous = true
        let (open, _) = await Self.usersTab(.withUsers(3), plugins: [dangerous])
        #expect(KeyDispatch.help(for: open.state).contains(KeyHint("b", "trail: the user's trail")))
        let readOnly = FakeBackend.withUsers(3)
        readOnly.info.readOnly = true
        let (closed, requests) = await Self.usersTab(readOnly, plugins: [dangerous])
        #expect(!KeyDispatch.help(for: closed.state).contains { $0.title.hasPrefix("trail:") })
        closed.handle(.key(.character("b")))
        #expect(requests.runs.isEmpty)
    }

    @Test("a plugin scoped to users is not offered on the user pools list")
    func scope() async throws {
        let model = ConsoleViewModel(backend: FakeBackend.withUsers(3), plugins: [Self.trail],
                                     makeBackend: { _, _ in throw AWSClientError.configuration("no") })
        await model.settle()
        #expect(!KeyDispatch.help(for: model.state).contains { $0.title.hasPrefix("trail:") })
    }

    @Test("the palette runs it by name and completes its name")
    func palette() async throws {
        let (model, requests) = await Self.usersTab(.withUsers(3), plugins: [Self.trail])
        model.handle(.key(.character(":")))
        for char in "tra" { model.handle(.key(.character(char))) }
        guard case .prompt(let prompt)? = model.screen.overlay else { Issue.record("no prompt"); return }
        #expect(prompt.completions.contains("trail"))
        for char in "il" { model.handle(.key(.character(char))) }
        model.handle(.key(.enter))
        #expect(requests.runs.first?.environment["USERNAME"] == "user001")
    }

    @Test("a key the console uses is refused when the plugins are loaded, in one sentence")
    func builtInKeyRefused() throws {
        let setting = PluginSetting(name: "peek", key: "d", scopes: ["users"], description: "peek", command: "peek")
        #expect(throws: PluginError(description: "The key d of plugin “peek” in config.yaml is the console's key for “describe (JSON)”; choose another.")) {
            try PluginTable.load([setting])
        }
        // A user action's key too, and an unknown scope.
        #expect(throws: PluginError.self) { try PluginTable.load([PluginSetting(name: "x", key: "D", scopes: ["users"], description: "", command: "x")]) }
        #expect(throws: PluginError.self) { try PluginTable.load([PluginSetting(name: "x", key: "b", scopes: ["pools-of-mars"], description: "", command: "x")]) }
        #expect(try PluginTable.load([PluginSetting(name: "x", key: "b", scopes: ["users"], description: "", command: "x")]).first?.kinds == [.user])
    }
}
