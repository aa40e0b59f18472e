import Foundation
import ConsoleModel
import Testing

/// Drives `Reducer` by hand: sends messages, keeps the effects of the last one, and answers
/// page requests with canned rows.
struct ReducerDriver {
    var state: ConsoleState
    var effects: [ConsoleEffect] = []

    init(root: PaneKind = .userPools, bodyHeight: Int = 11, profiles: [String] = ["default", "prod"]) {
        state = ConsoleState(info: BackendInfo(profile: "default", region: "us-east-1"), profiles: profiles, themes: ["dark", "light"])
        state.bodyHeight = bodyHeight
        effects = Reducer.start(&state, at: root)
    }

    mutating func send(_ message: ConsoleMessage) {
        effects = Reducer.reduce(&state, message)
    }

    mutating func key(_ key: Key) {
        send(.input(.key(key)))
    }

    mutating func type(_ text: String) {
        for char in text { key(.character(char)) }
    }

    /// The page requests among the last effects.
    var pageRequests: [(address: TabAddress, source: ListSource, request: Pager.Request)] {
        effects.compactMap { effect in
            if case .fetchPage(let address, let source, let request) = effect { return (address, source, request) }
            return nil
        }
    }

    var scanRequests: [(address: TabAddress, source: ListSource, ticket: Int)] {
        effects.compactMap { effect in
            if case .scanList(let address, let source, let ticket) = effect { return (address, source, ticket) }
            return nil
        }
    }

    /// Answers the scan asked for by the last effects with one page of rows, then its end.
    mutating func answerScan(_ items: [ListItem], scanned: Int, estimated: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (address, _, ticket) = scanRequests.first else {
            Issue.record("no scan was asked for", sourceLocation: sourceLocation)
            return
        }
        send(.scanned(address, ticket: ticket, items, ScanProgress(scanned: scanned, estimated: estimated, matches: items.count, pages: 1)))
        send(.scanEnded(address, ticket: ticket, failure: nil))
    }

    /// Answers the first page request of the last effects.
    mutating func answer(_ items: [ListItem], next: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (address, _, request) = pageRequests.first else {
            Issue.record("no page was asked for", sourceLocation: sourceLocation)
            return
        }
        send(.pageLoaded(address, ticket: request.ticket, ListPage(items: items, nextToken: next)))
    }

    /// `count` rows named `prefix000`…, starting at `from`.
    static func items(_ prefix: String, _ count: Int, from: Int = 0) -> [ListItem] {
        (from..<(from + count)).map { index in
            let name = prefix + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
            return ListItem(id: "id-\(name)", name: name, cells: [name, "id-\(name)", "2024-01-01 00:00"])
        }
    }

    var list: ListState? { state.currentList }
    var screen: Screen { ScreenBuilder.screen(state, now: Date(timeIntervalSince1970: 1_700_000_000)) }
    var message: String? { state.message?.text }
}
