/// Keys while an overlay is open: help, the `:` and `/` prompts, pickers, the search form.
extension Reducer {
    static func overlayKey(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        switch state.overlay {
        case .help?:
            state.overlay = nil
            return []
        case .prompt(let prompt)?:
            return promptKey(&state, prompt, key)
        case .picker(var picker)?:
            switch key {
            case .escape, .character("q"): state.overlay = nil
            case .enter: return choose(&state, picker)
            case .up, .character("k"): picker.selected = max(0, picker.selected - 1)
            case .down, .character("j"): picker.selected = min(picker.items.count - 1, picker.selected + 1)
            case .home, .character("g"): picker.selected = 0
            case .end, .character("G"): picker.selected = picker.items.count - 1
            case .pageUp: picker.selected = max(0, picker.selected - 10)
            case .pageDown: picker.selected = min(picker.items.count - 1, picker.selected + 10)
            default: break
            }
            if case .picker? = state.overlay { state.overlay = .picker(picker) }
            return []
        case .actionForm(let form)?:
            return actionFormKey(&state, form, key)
        case .confirm(let confirm)?:
            return confirmKey(&state, confirm, key)
        case .pick(let pick)?:
            return pickKey(&state, pick, key)
        case .rulesForm(let form)?:
            return rulesFormKey(&state, form, key)
        case .signIn(let open)?:
            return signInKey(&state, open, key)
        case .credentialsForm(let open)?:
            return credentialsFormKey(&state, open, key)
        case .exportForm(let open)?:
            return exportFormKey(&state, open, key)
        case .secret(_, let value)?:
            state.overlay = nil
            guard key == .character("y") else { return [] }
            state.message = StatusMessage(.info, "Copied it to the clipboard; it is not shown again.")
            return [.frontEnd(.copyToClipboard(value))]
        case .notice?:
            state.overlay = nil
            return []
        case .pluginConfirm(let run)?:
            state.overlay = nil
            guard key == .character("y") else {
                state.message = StatusMessage(.info, "\(run.name) was not run.")
                return []
            }
            return [.frontEnd(.runPlugin(run))]
        case .busy?:
            // Esc stops waiting; the reply, when it comes, finds nothing open and is dropped.
            if key == .escape { return cancelAction(&state) }
            return []
        case nil:
            return []
        }
    }

    static func promptKey(_ state: inout ConsoleState, _ original: PromptState, _ key: Key) -> [ConsoleEffect] {
        var prompt = original
        var chars = Array(prompt.input)
        switch key {
        case .escape:
            state.overlay = nil
            if case .filter(let previous) = prompt.purpose { setFilter(&state, previous) }
            return []
        case .enter:
            if case .search = prompt.purpose { return search(&state, prompt) }
            state.overlay = nil
            guard case .command = prompt.purpose else { return [] }
            let text = prompt.selectedCompletion.map { prompt.completions[$0] } ?? prompt.input
            return runCommand(&state, text)
        case .tab:
            guard !prompt.completions.isEmpty else { return [] }
            let choice = prompt.completions[prompt.selectedCompletion ?? 0]
            chars = Array(choice)
            if let entry = CommandPalette.entry(named: choice), entry.argument != .none, !choice.contains(" ") {
                chars.append(" ")
            }
            prompt.cursor = chars.count
            prompt.selectedCompletion = nil
        case .down, .up:
            guard !prompt.completions.isEmpty else { return [] }
            let count = prompt.completions.count
            let step = key == .down ? 1 : -1
            prompt.selectedCompletion = ((prompt.selectedCompletion ?? (step > 0 ? -1 : 0)) + step + count) % count
            state.overlay = .prompt(prompt)
            return []
        case .character(let char):
            chars.insert(char, at: prompt.cursor)
            prompt.cursor += 1
        case .backspace:
            if chars.isEmpty {
                state.overlay = nil
                return []
            }
            if prompt.cursor > 0 {
                chars.remove(at: prompt.cursor - 1)
                prompt.cursor -= 1
            }
        case .delete:
            if prompt.cursor < chars.count { chars.remove(at: prompt.cursor) }
        case .left: prompt.cursor = max(0, prompt.cursor - 1)
        case .right: prompt.cursor = min(chars.count, prompt.cursor + 1)
        case .home, .control("a"): prompt.cursor = 0
        case .end, .control("e"): prompt.cursor = chars.count
        case .control("u"):
            chars = []
            prompt.cursor = 0
        default:
            return []
        }
        prompt.input = String(chars)
        state.overlay = .prompt(prompt)
        switch prompt.purpose {
        case .command: updateCompletions(&state)
        case .filter: setFilter(&state, prompt.input)
        case .search: break
        }
        return []
    }

    /// Enter on `s`: a condition starts the search; a bad one is one sentence pointing at the
    /// wrong word, the cursor on it and the prompt still open; nothing is sent.
    static func search(_ state: inout ConsoleState, _ original: PromptState) -> [ConsoleEffect] {
        var prompt = original
        let text = prompt.input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            state.overlay = nil
            return state.currentList?.source.search == nil ? [] : setUserSearch(&state, nil)
        }
        do {
            let condition = try UserCondition.parse(text)
            state.overlay = nil
            state.message = nil
            return setUserSearch(&state, condition)
        } catch {
            let leading = prompt.input.count - String(prompt.input.drop(while: \.isWhitespace)).count
            prompt.cursor = min(prompt.input.count, leading + error.offset)
            state.overlay = .prompt(prompt)
            state.message = StatusMessage(.warning, error.description)
            return []
        }
    }

    /// Recomputes the palette's completions for what is typed.
    static func updateCompletions(_ state: inout ConsoleState) {
        guard case .prompt(var prompt)? = state.overlay, case .command = prompt.purpose else { return }
        prompt.completions = CommandPalette.completions(prompt.input, profiles: state.profiles,
                                                        regions: state.regions, themes: state.themes)
        let typed = prompt.input.drop(while: \.isWhitespace).lowercased()
        if !typed.isEmpty, !typed.contains(where: \.isWhitespace) {
            prompt.completions += PluginTable.applicable(state).map(\.plugin.name).filter { $0.lowercased().hasPrefix(typed) }
        }
        if prompt.completions == [Substring(prompt.input).drop(while: \.isWhitespace).trimmingTrailingSpaces()] { prompt.completions = [] }
        prompt.selectedCompletion = nil
        state.overlay = .prompt(prompt)
    }
}
