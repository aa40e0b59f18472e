/// What the `:` palette's commands do.
extension Reducer {
    /// Parses and runs a palette command; a parse error becomes the status line.
    static func runCommand(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        let word = text.trimmingCharacters(in: .whitespaces)
        if let plugin = PluginTable.applicable(state).first(where: { $0.plugin.name == word })?.plugin {
            return startPlugin(&state, plugin)
        }
        let command: PaletteCommand
        do {
            command = try CommandPalette.parse(text)
        } catch {
            state.message = StatusMessage(.error, error.description)
            return []
        }
        return run(&state, command)
    }

    /// Runs a parsed command.
    public static func run(_ state: inout ConsoleState, _ command: PaletteCommand) -> [ConsoleEffect] {
        switch command {
        case .root(let kind):
            return jump(&state, root: .list(ListSource(kind)))
        case .tab(let id, let name, let search):
            let effects = jump(&state, toTab: id, command: name)
            guard let list = state.currentList, list.source.spec.searchable, list.source.search != search else { return effects }
            // The unsearched first page the tab just asked for is not wanted any more.
            let address = state.currentAddress
            let kept = effects.filter { effect in
                if case .fetchPage(address, _, _) = effect { return false }
                return true
            }
            return kept + setUserSearch(&state, search)
        case .action(let verb):
            for (action, ref) in KeyDispatch.actions(for: state) where action.verb == verb {
                return startAction(&state, action, on: ref)
            }
            state.message = StatusMessage(.warning, ":\(verb) does not apply here; select a resource it acts on first.")
            return []
        case .profile(let name):
            if name.isEmpty { openPicker(&state, .profile); return [] }
            return [.switchContext(profile: name, region: nil)]
        case .region(let name):
            if name.isEmpty { openPicker(&state, .region); return [] }
            return [.switchContext(profile: state.info.profile, region: name)]
        case .theme(let name):
            if name.isEmpty { openPicker(&state, .theme); return [] }
            return [.frontEnd(.applyTheme(name))]
        case .callLog:
            return state.current.kind == .callLog ? [] : push(&state, .callLog)
        case .jwt(let text):
            return inspect(&state, pasted: text)
        case .help:
            openHelp(&state)
            return []
        case .quit:
            return [.frontEnd(.quit)]
        }
    }

    /// Runs a plugin on the selection (after `y` when it asks first): the front end suspends the
    /// console while it runs.
    static func startPlugin(_ state: inout ConsoleState, _ plugin: Plugin) -> [ConsoleEffect] {
        let environment = PluginTable.environment(state, subject: PluginTable.subject(plugin, state))
        let run = PluginRun(name: plugin.name, command: plugin.command,
                            arguments: plugin.arguments.map { PluginTable.expand($0, environment) }, environment: environment)
        if plugin.confirm {
            state.overlay = .pluginConfirm(run)
            return []
        }
        return [.frontEnd(.runPlugin(run))]
    }
}
