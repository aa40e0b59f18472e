import ConsoleModel

/// The lines around the body: header, breadcrumbs, tabs, footer and the message line.
enum ChromeRenderer {
    static let crumbSeparator = " › "

    /// The top line: program, profile, region, endpoint; the spinner and READ-ONLY badge on the right.
    static func header(_ info: HeaderInfo, spinner: Character, into grid: inout Grid) {
        grid.fill(x: 0, y: 0, width: grid.columns, height: 1, role: .header)
        var right: [(String, StyleRole)] = []
        if info.callsInFlight > 0 { right.append(("\(spinner) \(info.callsInFlight)", .spinner)) }
        if info.throttles > 0 { right.append(("throttled \(info.throttles)", .statusWarning)) }
        if let left = info.credentialsLeft { right.append((left, info.credentialsEnding ? .statusWarning : .header)) }
        if info.protected { right.append((" PROTECTED ", .badgeProtected)) }
        if info.readOnly { right.append((" READ-ONLY ", .badgeReadOnly)) }
        let rightText = right.map(\.0).joined(separator: " ")
        var rightWidth = DisplayWidth.of(rightText)
        if rightWidth > grid.columns / 2 {
            right = right.filter { $0.1 == .badgeReadOnly || $0.1 == .badgeProtected }
            rightWidth = DisplayWidth.of(right.map(\.0).joined(separator: " "))
        }
        let leftLimit = grid.columns - rightWidth - (rightWidth > 0 ? 2 : 0)
        // The fullest form that fits: labels and program name go before the values do.
        let endpoint = info.endpoint.map { [(" │ endpoint ", StyleRole.header), ($0, .headerAccent)] } ?? []
        let full: [(String, StyleRole)] = [(" cognito-tui ", .header), ("│ profile ", .header), (info.profile, .headerAccent),
                                           (" │ region ", .header), (info.region, .headerAccent)] + endpoint
        let compact: [(String, StyleRole)] = [(" ", .header), (info.profile, .headerAccent), (" │ ", .header),
                                              (info.region, .headerAccent)]
            + (info.endpoint.map { [(" │ ", StyleRole.header), ($0, .headerAccent)] } ?? [])
        let fullWidth = DisplayWidth.of(full.map(\.0).joined())
        let segments = fullWidth <= leftLimit || DisplayWidth.of(full.prefix(5).map(\.0).joined()) <= leftLimit ? full : compact
        var x = 0
        for (text, role) in segments where x < leftLimit {
            x += grid.write(text, x: x, y: 0, role: role, limit: leftLimit - x)
        }
        var rx = grid.columns - rightWidth - 1
        for (index, (text, role)) in right.enumerated() {
            if index > 0 { rx += 1 }
            rx += grid.write(text, x: max(0, rx), y: 0, role: role)
        }
    }

    /// The navigation path; leading crumbs give way to `…` when it does not fit.
    static func breadcrumbs(_ crumbs: [String], y: Int, into grid: inout Grid) -> [Layout.Span] {
        grid.fill(x: 0, y: y, width: grid.columns, height: 1, role: .breadcrumbs)
        guard !crumbs.isEmpty else { return [] }
        var first = 0
        func width(from start: Int) -> Int {
            let shown = crumbs[start...].map(DisplayWidth.of).reduce(0, +)
                + DisplayWidth.of(crumbSeparator) * (crumbs.count - start - 1)
            return 1 + shown + (start > 0 ? 1 + DisplayWidth.of(crumbSeparator) : 0)
        }
        while first < crumbs.count - 1, width(from: first) > grid.columns { first += 1 }
        var spans: [Layout.Span] = []
        var x = 1
        if first > 0 { x += grid.write("…" + crumbSeparator, x: x, y: y, role: .breadcrumbs) }
        for index in first..<crumbs.count {
            if index > first { x += grid.write(crumbSeparator, x: x, y: y, role: .breadcrumbs) }
            let start = x
            x += grid.write(crumbs[index], x: x, y: y, role: .breadcrumbs)
            if x > start { spans.append(Layout.Span(y: y, columns: start..<x, index: index)) }
        }
        return spans
    }

    /// The sub-panes of the current resource, the active one highlighted.
    static func tabs(_ tabs: [String], active: Int, y: Int, into grid: inout Grid) -> [Layout.Span] {
        grid.fill(x: 0, y: y, width: grid.columns, height: 1, role: .normal)
        // Start from the first tab that still lets the active one show whole, marking with ‹ that
        // tabs were left out to the left.
        let widths = tabs.map { DisplayWidth.of($0) + 3 }
        var first = 0
        if tabs.indices.contains(active) {
            while first < active && 1 + 2 + widths[first...active].reduce(0, +) > grid.columns { first += 1 }
        }
        var spans: [Layout.Span] = []
        var x = 1
        if first > 0 { x += grid.write("‹ ", x: x, y: y, role: .tab) }
        for index in first..<tabs.count where x < grid.columns {
            let start = x
            x += grid.write(" \(tabs[index]) ", x: x, y: y, role: index == active ? .tabActive : .tab)
            spans.append(Layout.Span(y: y, columns: start..<x, index: index))
            x += 1
        }
        return spans
    }

    /// Paging and filter on the left, then as many key hints as fit (whole hints only).
    static func footer(_ footer: Footer, y: Int, into grid: inout Grid) {
        grid.fill(x: 0, y: y, width: grid.columns, height: 1, role: .footer)
        var x = 1
        if let paging = footer.paging, !paging.isEmpty {
            x += grid.write(paging, x: x, y: y, role: .footer) + 2
        }
        if let filter = footer.filter, !filter.isEmpty {
            x += grid.write("filter ", x: x, y: y, role: .footer)
            x += grid.write(filter, x: x, y: y, role: .footerKey) + 2
        }
        if x > 1 {
            grid.write("│", x: x - 1, y: y, role: .footer)
            x += 1
        }
        for hint in footer.hints {
            let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.title)
            if x + needed > grid.columns { break }
            x += grid.write(hint.key, x: x, y: y, role: .footerKey) + 1
            x += grid.write(hint.title, x: x, y: y, role: .footer) + 2
        }
    }

    /// The last thing that happened, in its kind's role.
    static func message(_ message: StatusMessage?, y: Int, into grid: inout Grid) {
        grid.fill(x: 0, y: y, width: grid.columns, height: 1, role: .normal)
        guard let message else { return }
        let role: StyleRole
        switch message.kind {
        case .info: role = .statusInfo
        case .warning: role = .statusWarning
        case .error: role = .statusError
        }
        grid.write(" " + message.text, x: 0, y: y, role: role)
    }
}
