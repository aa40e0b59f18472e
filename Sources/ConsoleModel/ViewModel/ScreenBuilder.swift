import Foundation

/// Builds the `Screen` from the state. Cheap by construction: a table's rows are the list's
/// cached array (shared, not copied), and everything else is a handful of strings. Times in
/// words (a token's expiry, credentials counting down) are relative to `now`.
public enum ScreenBuilder {
    public static func screen(_ state: ConsoleState, now: Date) -> Screen {
        let pane = state.current
        let crumbs = Reducer.breadcrumbs(state).map(\.title)
        let info = state.info
        var footer = Footer(hints: KeyDispatch.hints(for: state))
        let body: Body
        switch state.currentContent {
        case .list(let list):
            body = listBody(list)
            footer.paging = list.source == .callLog
                ? "\(NumberText.grouped(list.store.count)) calls"
                : list.scan.map { $0.footer(searching: list.source.search != nil) } ?? list.pager.footer(loaded: list.store.count)
            footer.filter = filterText(list)
        case .detail(let detail):
            body = detailBody(detail)
        case .text(let text):
            body = textBody(text)
        case .job(let job):
            body = .detail(DetailView(sections: job.sections, scrollOffset: job.scroll))
            footer.paging = job.finished ? "finished" : "running"
        case .rules(let rules):
            body = rules.rules.isEmpty
                ? .notice(Notice(.empty, rules.type == "Token" ? "A Token mapping has no rules; t switches to Rules." : "No rules; a adds one."))
                : .table(rules.table)
            footer.filter = rules.summary
        case .token(let tab):
            body = .detail(DetailView(sections: tab.sections(now: now), scrollOffset: tab.scroll))
            footer.paging = tab.revealed ? "revealed" : "masked"
        case .credentials(let credentials):
            body = .detail(DetailView(sections: credentials.sections(now: now), scrollOffset: credentials.scroll))
            footer.paging = credentials.revealed ? "revealed" : "masked"
        case .vacant:
            body = .notice(Notice(.loading, "…"))
        }
        return Screen(
            header: HeaderInfo(profile: info.profile, region: info.region, endpoint: info.endpoint,
                               readOnly: info.readOnly, protected: info.protected,
                               callsInFlight: state.callsInFlight, throttles: state.throttles,
                               credentials: state.credentialsExpire.map { CredentialsLeft($0, now: now) }),
            breadcrumbs: crumbs, tabs: pane.tabTitles, activeTab: pane.tabs.count > 1 ? pane.activeTab : 0,
            body: body, footer: footer, message: state.message, overlay: overlay(state.overlay))
    }

    static func listBody(_ list: ListState) -> Body {
        let noun = list.source.noun
        if let failure = list.failure { return .notice(Notice(.error, failure)) }
        if list.store.count == 0 {
            if list.source == .callLog { return .notice(Notice(.empty, "No API calls yet.")) }
            if !list.pager.complete { return .notice(Notice(.loading, "Loading \(noun)…")) }
            if list.scan?.running == true {
                return .notice(Notice(.loading, list.source.search == nil ? "Loading \(noun)…" : "Searching \(noun)…"))
            }
            if let search = list.source.search {
                return .notice(Notice(.empty, "No \(noun) match \(search)."))
            }
            return .notice(Notice(.empty, "No \(noun)."))
        }
        if list.shownCount == 0 {
            let more = list.pager.hasMore ? "; L loads the rest" : ""
            return .notice(Notice(.empty, "No loaded \(noun) match /\(list.filter)\(more)."))
        }
        var columns = list.source.columns
        if let sort = list.sort, columns.indices.contains(sort.column) {
            columns[sort.column].title += sort.descending ? " ↓" : " ↑"
        }
        return .table(TableView(columns: columns, rows: list.shownRows, selected: list.cursor, scrollOffset: list.scroll))
    }

    static func filterText(_ list: ListState) -> String? {
        var parts: [String] = []
        if let search = list.source.search { parts.append(search.description) }
        if let sort = list.sort, let column = list.source.columns[safe: sort.column] {
            parts.append("sorted by \(column.title) \(sort.descending ? "↓" : "↑")")
        }
        if !list.filter.isEmpty {
            parts.append("/\(list.filter) (\(NumberText.grouped(list.shownCount)) of \(NumberText.grouped(list.store.count)))")
        }
        if let toggle = list.source.spec.toggle { parts.append(list.source.toggled ? toggle.onText : toggle.offText) }
        return parts.isEmpty ? nil : parts.joined(separator: "  ")
    }

    static func detailBody(_ detail: DetailState) -> Body {
        if let failure = detail.failure { return .notice(Notice(.error, failure)) }
        guard let sections = detail.sections else { return .notice(Notice(.loading, "Loading…")) }
        if sections.isEmpty {
            return .notice(Notice(.empty, detail.source.spec.emptyText))
        }
        return .detail(DetailView(sections: sections, scrollOffset: detail.scroll))
    }

    static func textBody(_ text: TextState) -> Body {
        if let failure = text.failure { return .notice(Notice(.error, failure)) }
        guard let lines = text.lines else { return .notice(Notice(.loading, "Loading…")) }
        return .text(TextView(title: text.title, lines: lines, syntax: .json, scrollOffset: text.scroll))
    }

    static func overlay(_ overlay: OverlayState?) -> Overlay? {
        switch overlay {
        case nil: return nil
        case .help(let title, let entries)?: return .help(title: title, entries: entries)
        case .prompt(let prompt)?:
            return .prompt(Prompt(symbol: prompt.symbol, input: maskedCommand(prompt), cursor: prompt.cursor,
                                  completions: prompt.completions, selectedCompletion: prompt.selectedCompletion))
        case .picker(let picker)?:
            return .picker(Picker(title: picker.title, items: picker.items, selected: picker.selected))
        case .rulesForm(let open)?:
            return .form(open.form.view)
        case .actionForm(let open)?:
            return .form(open.form.view)
        case .confirm(let confirm)?:
            return .confirm(Confirm(title: confirm.title, text: confirm.question, lines: confirm.lines,
                                    typeToConfirm: confirm.typeToConfirm, input: confirm.input))
        case .pick(let pick)?:
            let shown = pick.shown
            let checked = Set(shown.indices.filter { pick.chosen.contains(shown[$0]) })
            let note = pick.searching != nil ? "searching…"
                : shown.isEmpty ? (pick.filter.isEmpty ? "type to search" : "nothing matches")
                : "\(pick.chosen.count) chosen · space ticks · enter goes on · esc cancels"
            return .picker(Picker(title: pick.title, items: shown, selected: pick.cursor, filter: pick.filter, checked: checked, note: note))
        case .secret(let title, let value)?:
            return .confirm(Confirm(title: title, text: "\(value)   (shown once: y copies it to the clipboard, any other key closes this)"))
        case .notice(let title, let text)?:
            return .note(title: title, lines: [text])
        case .pluginConfirm(let run)?:
            let line = ([run.command] + run.arguments).joined(separator: " ")
            return .confirm(Confirm(title: "Run \(run.name)?", text: "\(line)   (y runs it, any other key cancels)"))
        case .busy(let title, _)?:
            return .confirm(Confirm(title: title, text: "Waiting for Cognito… esc stops waiting."))
        case .signIn(let open)?:
            if open.waiting { return .confirm(Confirm(title: open.form.title, text: "Waiting for Cognito… esc stops waiting.")) }
            return .form(open.form.view)
        case .credentialsForm(let open)?:
            if open.waiting { return .confirm(Confirm(title: open.form.title, text: "Waiting for Cognito… esc stops waiting.")) }
            return .form(open.form.view)
        case .exportForm(let open)?:
            return .form(open.form.view)
        }
    }

    /// A token pasted after `:jwt` is shown as dots, as the inspector shows it.
    static func maskedCommand(_ prompt: PromptState) -> String {
        guard case .command = prompt.purpose else { return prompt.input }
        let text = Substring(prompt.input).drop(while: \.isWhitespace)
        let word = text.prefix { !$0.isWhitespace }
        guard let entry = CommandPalette.entry(named: String(word)), entry.argument == .token else { return prompt.input }
        let lead = prompt.input.count - text.count + word.count
        let rest = prompt.input.dropFirst(lead)
        let spaces = rest.prefix { $0.isWhitespace }
        return String(prompt.input.prefix(lead)) + spaces + String(repeating: "•", count: rest.count - spaces.count)
    }
}
