import ConsoleModel
import CognitoAPI
import Foundation

/// Figures for the benchmark script (never a timed test): how long building a frame and
/// filtering take with many users loaded. The rows are formatted by the same code as real pages
/// and arrive through the reducer as "load all" pages, exactly as from the service.
public enum ConsoleBenchmark {
    public struct Report: Sendable {
        public var rows: Int
        /// Feeding every page through the reducer ("load all" without the network).
        public var loadSeconds: Double
        /// Median time to build `Screen` with every row loaded and no filter.
        public var screenSeconds: Double
        /// Median time to build `Screen` with a filter active.
        public var filteredScreenSeconds: Double
        /// Median time to filter every row from scratch (`/` then a paste).
        public var filterSeconds: Double
        /// Median time per keystroke while typing a filter character by character.
        public var keystrokeSeconds: Double
        public var matches: Int

        /// The figures as a small table, milliseconds.
        public var table: String {
            func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }
            return """
            rows loaded                    \(NumberText.grouped(rows))
            load all (reducer, formatting) \(ms(loadSeconds))
            screen build, no filter        \(ms(screenSeconds))
            screen build, filtered         \(ms(filteredScreenSeconds))
            filter all rows from scratch   \(ms(filterSeconds)) (\(NumberText.grouped(matches)) match)
            filter keystroke (typing)      \(ms(keystrokeSeconds))
            """
        }
    }

    /// A state showing a pool's Users tab with `rows` synthetic users loaded.
    public static func loadedState(rows: Int) -> ConsoleState {
        var state = ConsoleState(info: BackendInfo(profile: "bench", region: "us-east-1"))
        state.bodyHeight = 40
        var effects = Reducer.start(&state, at: .userPool(id: "us-east-1_bench", name: "bench"))
        effects = Reducer.reduce(&state, .input(.key(.character("2"))))
        effects += Reducer.reduce(&state, .input(.key(.character("L"))))
        var made = 0
        while let request = effects.lazy.compactMap(\.pageRequest).first {
            let count = min(ListSpec.pageSize, rows - made)
            let items = (made..<(made + count)).map { Users.row(user($0)) }
            made += count
            let token: String? = made < rows ? "token-\(made)" : nil
            effects = Reducer.reduce(&state, .pageLoaded(request.0, ticket: request.1.ticket, ListPage(items: items, nextToken: token)))
        }
        return state
    }

    /// Loads `rows` users, then times frames and filters; medians of `iterations` runs.
    public static func run(rows: Int = 100_000, iterations: Int = 20, query: String = "ann") -> Report {
        let clock = ContinuousClock()
        var state = ConsoleState(info: BackendInfo(profile: "bench", region: "us-east-1"))
        let load = clock.measure { state = loadedState(rows: rows) }
        var screens: [Duration] = []
        for _ in 0..<iterations {
            screens.append(clock.measure { _ = ScreenBuilder.screen(state, now: Date()) })
        }
        var filters: [Duration] = []
        var keystrokes: [Duration] = []
        for _ in 0..<iterations {
            Self.filter(&state, "")
            filters.append(clock.measure { Self.filter(&state, query) })
            Self.filter(&state, "")
            var typed = ""
            for char in query {
                typed.append(char)
                let text = typed
                keystrokes.append(clock.measure { Self.filter(&state, text) })
            }
        }
        var filteredScreens: [Duration] = []
        for _ in 0..<iterations {
            filteredScreens.append(clock.measure { _ = ScreenBuilder.screen(state, now: Date()) })
        }
        let matches = state.currentList?.shownCount ?? 0
        return Report(rows: state.currentList?.store.count ?? 0, loadSeconds: seconds(load),
                      screenSeconds: median(screens), filteredScreenSeconds: median(filteredScreens),
                      filterSeconds: median(filters), keystrokeSeconds: median(keystrokes), matches: matches)
    }

    static let given = ["Ann", "Bob", "Chloé", "Dmitri", "Élodie", "Fatima", "Giorgos", "Hana", "Ivan", "Joanna",
                        "Анна", "Борис", "Γιώργος", "さくら", "王芳", "محمد", "Søren", "Zoë", "Łukasz", "Nguyễn"]
    static let family = ["Smith", "Müller", "García", "Ivanova", "Kowalski", "Tanaka", "Chen", "Haddad", "Ng", "O'Brien"]

    /// A plausible user: names in several scripts, some disabled, some unconfirmed.
    static func user(_ index: Int) -> CognitoIdentityProvider.UserType {
        let first = given[index % given.count]
        let last = family[(index / given.count) % family.count]
        let username = "user\(index)"
        return CognitoIdentityProvider.UserType(
            username: username,
            attributes: [.init(name: "email", value: "\(username)@example.com"), .init(name: "name", value: "\(first) \(last)")],
            userCreateDate: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60),
            enabled: index % 17 != 0,
            userStatus: index % 11 == 0 ? .unconfirmed : .confirmed)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ durations: [Duration]) -> Double {
        guard !durations.isEmpty else { return 0 }
        return seconds(durations.sorted()[durations.count / 2])
    }

    /// The `/` filter applied as typing it does, through the list's public API.
    static func filter(_ state: inout ConsoleState, _ text: String) {
        let height = state.tableHeight
        state.withCurrentList { list in
            list.setFilter(text)
            list.clampScroll(height: height)
        }
    }
}

extension ConsoleEffect {
    /// The page request of a `fetchPage` effect.
    var pageRequest: (TabAddress, Pager.Request)? {
        if case .fetchPage(let address, _, let request) = self { return (address, request) }
        return nil
    }
}
