import AWSCore

/// The console's one transition function: `reduce(&state, message) -> [effect]`. Synchronous
/// and free of I/O; calls are effects that the view-model runs and whose results come back as
/// messages. Split by concern across the `Reducer+*.swift` files.
public enum Reducer {
    /// Applies one message.
    public static func reduce(_ state: inout ConsoleState, _ message: ConsoleMessage) -> [ConsoleEffect] {
        switch message {
        case .input(let event):
            return input(&state, event)
        case .pageLoaded(let address, let ticket, let page):
            return pageLoaded(&state, address, ticket: ticket, page)
        case .scanned(let address, let ticket, let items, let progress):
            scanned(&state, address, ticket: ticket, items, progress)
            return []
        case .simulated(let title, let lines):
            state.message = nil
            return push(&state, .simulation(title, lines))
        case .scanEnded(let address, let ticket, let failure):
            scanEnded(&state, address, ticket: ticket, failure: failure)
            return []
        case .pageFailed(let address, let ticket, let sentence):
            let failed = state.withList(address) { $0.pager.fail(ticket: ticket, sentence) } ?? false
            if failed { state.message = StatusMessage(.error, sentence) }
            return []
        case .detailLoaded(let address, let ticket, let sections):
            state.withContent(address) { content in
                guard case .detail(var detail) = content, detail.loading == ticket else { return }
                detail.loading = nil
                detail.sections = sections
                detail.failure = nil
                content = .detail(detail)
            }
            return []
        case .textLoaded(let address, let ticket, let lines):
            state.withContent(address) { content in
                guard case .text(var text) = content, text.loading == ticket else { return }
                text.loading = nil
                text.lines = lines
                text.failure = nil
                content = .text(text)
            }
            return []
        case .loadFailed(let address, let ticket, let sentence):
            let failed = state.withContent(address) { content -> Bool in
                switch content {
                case .detail(var detail) where detail.loading == ticket:
                    detail.loading = nil
                    detail.failure = sentence
                    content = .detail(detail)
                    return true
                case .text(var text) where text.loading == ticket:
                    text.loading = nil
                    text.failure = sentence
                    content = .text(text)
                    return true
                default:
                    return false
                }
            } ?? false
            if failed { state.message = StatusMessage(.error, sentence) }
            return []
        case .callFinished(let record):
            callFinished(&state, record)
            return []
        case .throttled(let count):
            state.throttles = count
            return []
        case .credentialsExpire(let date):
            state.credentialsExpire = date
            return []
        case .contextSwitched(let info):
            state.info = info
            let then = state.openAfterSwitch
            state.openAfterSwitch = nil
            let root = then?.root ?? state.stack.first?.kind ?? .userPools
            let closed = state.stack.map(\.id)
            state.stack = []
            state.overlay = nil
            state.message = StatusMessage(.info, "Now using profile \(info.profile) in \(info.region).")
            var effects = [.cancel(panes: closed)] + push(&state, root)
            if let pane = then?.pane { effects += push(&state, pane) }
            return effects
        case .contextFailed(let sentence):
            state.openAfterSwitch = nil
            state.message = StatusMessage(.error, sentence)
            return []
        case .status(let message):
            state.message = message
            return []
        case .tokens(let reply):
            return tokenReply(&state, reply)
        case .formLoaded, .picksLoaded, .planned, .editorReady, .editorReturned, .actionFinished, .actionFailed, .rowLoaded, .jobProgress, .jobFinished:
            return actionMessage(&state, message)
        }
    }

    /// The state to start from: the root pane pushed and its first page asked for.
    public static func start(_ state: inout ConsoleState, at root: PaneKind = .userPools) -> [ConsoleEffect] {
        push(&state, root)
    }

    static func pageLoaded(_ state: inout ConsoleState, _ address: TabAddress, ticket: Int, _ page: ListPage) -> [ConsoleEffect] {
        let height = state.tableHeight
        let margin = prefetchMargin(state)
        return state.withList(address) { list -> [ConsoleEffect] in
            let (accepted, next) = list.pager.receive(ticket: ticket, itemCount: page.items.count, nextToken: page.nextToken)
            guard accepted else { return [] }
            list.append(page.items)
            list.clampScroll(height: height)
            if let next { return [.fetchPage(address, list.source, next)] }
            // Without a filter the cursor's distance from the end decides; with one, only moving
            // the cursor does, so a filter that matches nothing does not page through everything.
            guard list.filter.isEmpty,
                  let request = list.pager.nextIfNeeded(position: list.cursor, count: list.shownCount, margin: margin)
            else { return [] }
            return [.fetchPage(address, list.source, request)]
        } ?? []
    }

    /// How near the end of the loaded rows the cursor gets before the next page is asked for:
    /// two screens.
    static func prefetchMargin(_ state: ConsoleState) -> Int {
        max(20, state.tableHeight * 2)
    }

    static func callFinished(_ state: inout ConsoleState, _ record: CallRecord) {
        state.callLog.append(record)
        if state.callLog.count > ConsoleState.callLogLimit {
            state.callLog.removeFirst(state.callLog.count - ConsoleState.callLogLimit)
        }
        for pane in state.stack where pane.kind == .callLog {
            state.withList(TabAddress(pane: pane.id, tab: 0)) { $0.append([callItem(record)]) }
        }
    }

    /// A row of the `@` log.
    static func callItem(_ record: CallRecord) -> ListItem {
        let seconds = Int(record.started.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let time = "\(two(day / 3600)):\(two(day % 3600 / 60)):\(two(day % 60))"
        var status = record.status.map(String.init) ?? "no reply"
        if let code = record.errorCode { status += " \(code)" }
        return ListItem(id: record.requestId ?? record.operation, name: record.operation,
                        cells: [time, record.operation, String(Int((record.duration * 1000).rounded())), status,
                                String(max(0, record.attempts - 1)), record.requestId ?? ValueText.none],
                        dimmed: false)
    }
}
