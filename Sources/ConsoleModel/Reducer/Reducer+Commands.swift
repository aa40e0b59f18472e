/// What the `:` palette's commands do.
extension Reducer {
    /// Parses and runs a palette command; a parse error becomes the status line.
    static func runCommand(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
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
        case .userPools:
            return jump(&state, root: .userPools)
        case .identityPools:
            return jump(&state, root: .identityPools)
        case .users(let search):
            let effects = jump(&state, toTab: "Users", of: "a user pool")
            guard state.currentList?.source.search != search, case .users? = state.currentList?.source else { return effects }
            // The unsearched first page the tab just asked for is not wanted any more.
            let address = state.currentAddress
            let kept = effects.filter { effect in
                if case .fetchPage(address, _, _) = effect { return false }
                return true
            }
            return kept + setUserSearch(&state, search)
        case .groups:
            return jump(&state, toTab: "Groups", of: "a user pool")
        case .clients:
            return jump(&state, toTab: "App clients", of: "a user pool")
        case .providers:
            return jump(&state, toTab: "Identity providers", of: "a user pool")
        case .identities:
            return jump(&state, toTab: "Identities", of: "an identity pool")
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
        case .help:
            openHelp(&state)
            return []
        case .quit:
            return [.frontEnd(.quit)]
        }
    }
}
