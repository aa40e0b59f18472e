import AWSCore
import CognitoAPI
import ConsoleModel
import ConsoleUI
import Foundation

/// The console's figures for scripts/bench/console.sh. Two modes, each printing `key value`
/// lines (seconds and bytes) that the script turns into its table:
///
///     cognito-console-bench model [ROWS] [ITERATIONS]
///         loads ROWS synthetic users into the view-model state (through the reducer, as "load
///         all" pages), then reads the resident memory and times frames (Screen + Grid at
///         100×30) and filters.
///     cognito-console-bench load-all ENDPOINT POOL
///         drives the real view-model (ConsoleViewModel over ClientBackend) headless: opens the
///         pool, its Users tab and presses `L`, and times until every page of ListUsers is in.
///         Prints `users seconds cpu_seconds`, like boto3_list_users.py.
@main
enum ConsoleBench {
    static let columns = 100
    static let rows = 30

    static func main() async throws {
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "model":
            let count = args.count > 1 ? Int(args[1]) : 100_000
            let iterations = args.count > 2 ? Int(args[2]) : 50
            guard let count, let iterations, count > 0, iterations > 0 else { usage() }
            model(rows: count, iterations: iterations)
        case "load-all":
            guard args.count == 3 else { usage() }
            try await loadAll(endpoint: args[1], pool: args[2])
        case "paginator":
            guard args.count == 3 else { usage() }
            try await paginator(endpoint: args[1], pool: args[2])
        default:
            usage()
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: cognito-console-bench model [ROWS] [ITERATIONS]
                   cognito-console-bench load-all ENDPOINT POOL
                   cognito-console-bench paginator ENDPOINT POOL

            """.utf8))
        exit(2)
    }

    // MARK: - Frames, filters and memory with many rows loaded

    static func model(rows count: Int, iterations: Int) {
        let clock = ContinuousClock()
        let renderer = ScreenRenderer()
        let baseline = memory()

        var state = ConsoleBenchmark.loadedState(rows: 1)
        let load = clock.measure { state = ConsoleBenchmark.loadedState(rows: count) }
        // The layout the front end reports at 100×30, as ConsoleApp does before its first frame.
        let planned = ScreenRenderer.layout(for: ScreenBuilder.screen(state, now: Date()), columns: columns, rows: rows)
        _ = Reducer.reduce(&state, .input(.resize(columns: columns, rows: rows, bodyHeight: planned.bodyHeight)))
        let loaded = memory()
        let stored = state.currentList?.store.count ?? 0
        guard stored == count else { fail("loaded \(stored) rows, expected \(count)") }

        // One frame as the front end makes it: the Screen from the state, then the Grid.
        func frame() -> Duration {
            clock.measure {
                let frame = renderer.render(ScreenBuilder.screen(state, now: Date()), columns: columns, rows: rows)
                blackHole(frame.grid.cells.count)
            }
        }
        func frames() -> [Duration] {
            for _ in 0..<3 { _ = frame() }  // warm-up
            return (0..<iterations).map { _ in frame() }
        }
        var screenOnly: [Duration] = []
        var gridOnly: [Duration] = []
        for _ in 0..<iterations {
            var screen: Screen?
            screenOnly.append(clock.measure { screen = ScreenBuilder.screen(state, now: Date()) })
            gridOnly.append(clock.measure { blackHole(renderer.render(screen!, columns: columns, rows: rows).grid.cells.count) })
        }
        let top = frames()
        // The cursor in the middle of the list (`G` then up half way is what a user does; the
        // state is moved directly here).
        let tableHeight = state.tableHeight
        state.withCurrentList { $0.moveCursor(to: count / 2, height: tableHeight) }
        let middle = frames()
        state.withCurrentList { $0.moveCursor(to: 0, height: tableHeight) }

        // Typing `/ann`: every keystroke goes through the reducer as from the terminal; the
        // first letter filters every row, the next two narrow what passed.
        let query = "ann"
        var keystrokes: [[Duration]] = Array(repeating: [], count: query.count)
        var typedTotals: [Duration] = []
        var typedWithFrames: [Duration] = []
        var scratch: [Duration] = []
        var matches = 0
        for _ in 0..<iterations {
            clearFilter(&state)
            _ = Reducer.reduce(&state, .input(.key(.character("/"))))
            var total = Duration.zero
            for (index, char) in query.enumerated() {
                let spent = clock.measure { _ = Reducer.reduce(&state, .input(.key(.character(char)))) }
                keystrokes[index].append(spent)
                total += spent
            }
            typedTotals.append(total)
            _ = Reducer.reduce(&state, .input(.key(.enter)))
            matches = state.currentList?.shownCount ?? 0

            // The same three keys, each followed by the frame that shows its result.
            clearFilter(&state)
            _ = Reducer.reduce(&state, .input(.key(.character("/"))))
            typedWithFrames.append(clock.measure {
                for char in query {
                    _ = Reducer.reduce(&state, .input(.key(.character(char))))
                    blackHole(renderer.render(ScreenBuilder.screen(state, now: Date()), columns: columns, rows: rows).grid.cells.count)
                }
            })
            _ = Reducer.reduce(&state, .input(.key(.enter)))

            // From scratch: the whole query at once over every row (what a paste would do); the
            // body of Reducer.setFilter, through ListState's public API.
            clearFilter(&state)
            let height = state.tableHeight
            scratch.append(clock.measure {
                state.withCurrentList { list in
                    list.setFilter(query)
                    list.clampScroll(height: height)
                }
            })
        }
        guard state.currentList?.shownCount == matches, matches > 0 else { fail("filter found no rows") }
        let filtered = frames()
        let end = memory()

        var out: [(String, String)] = [
            ("rows", "\(count)"), ("iterations", "\(iterations)"), ("matches", "\(matches)"),
            ("load_seconds", seconds(load)),
            ("rss_baseline_bytes", "\(baseline.rss)"), ("rss_loaded_bytes", "\(loaded.rss)"),
            ("hwm_loaded_bytes", "\(loaded.hwm)"), ("rss_end_bytes", "\(end.rss)"), ("hwm_end_bytes", "\(end.hwm)"),
        ]
        func stats(_ name: String, _ values: [Duration]) {
            out.append(("\(name)_median", seconds(percentile(values, 0.5))))
            out.append(("\(name)_p95", seconds(percentile(values, 0.95))))
        }
        stats("screen_build", screenOnly)
        stats("grid_render", gridOnly)
        stats("frame_top", top)
        stats("frame_middle", middle)
        stats("frame_filtered", filtered)
        for (index, values) in keystrokes.enumerated() { stats("keystroke\(index + 1)", values) }
        stats("typed3", typedTotals)
        stats("typed3_frames", typedWithFrames)
        stats("filter_scratch", scratch)
        for (key, value) in out { print(key, value) }
    }

    static func clearFilter(_ state: inout ConsoleState) {
        let height = state.tableHeight
        state.withCurrentList { list in
            list.setFilter("")
            list.clampScroll(height: height)
        }
    }

    // MARK: - Load all through the view-model

    /// A session as the console makes one for `--endpoint-url URL --region us-east-1`, with
    /// dummy keys and no config files.
    static func session(endpoint: String) throws -> AWSSession {
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKIABENCH", "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        return try AWSSession(overrides: ConfigOverrides(region: "us-east-1", endpointURL: endpoint),
                              context: RuntimeContext(environment: environment), readOnly: true, rateLimits: rateLimits())
    }

    /// Quota overrides from `BENCH_RATE_LIMITS` (`UserList=1000,UserPoolRead=100`), as a profile's
    /// `quotas:` would set them: the benchmark measures the client's own cost with the quota raised,
    /// and the default quota's pacing without.
    static func rateLimits() -> [String: Double] {
        guard let text = ProcessInfo.processInfo.environment["BENCH_RATE_LIMITS"], !text.isEmpty else { return [:] }
        var limits: [String: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let rate = Double(parts[1]) { limits[String(parts[0])] = rate }
        }
        return limits
    }

    static func paginator(endpoint: String, pool: String) async throws {
        let backend = try ClientBackend(session: session(endpoint: endpoint))
        let client = backend.identityProvider
        // One call first, as the console's DescribeUserPool does: it opens the connection.
        _ = try await client.describeUserPool(.init(userPoolId: pool))
        let cpuBefore = cpuSeconds()
        let start = ContinuousClock.now
        var users = 0
        for try await page in client.listUsersPages(.init(userPoolId: pool, limit: 60)) {
            users += page.users?.count ?? 0
        }
        let elapsed = ContinuousClock.now - start
        print("\(users) \(seconds(elapsed)) \(cpuSeconds() - cpuBefore)")
    }

    @MainActor
    static func loadAll(endpoint: String, pool: String) async throws {
        let backend = try ClientBackend(session: session(endpoint: endpoint))
        let viewModel = ConsoleViewModel(backend: backend, start: .userPool(id: pool, name: "bench"),
                                         makeBackend: { _, _ in throw AWSClientError.configuration("not in the benchmark") })
        // The pool's Summary tab loads first (DescribeUserPool); that also opens the connection.
        await viewModel.settle()
        if let message = viewModel.state.message, message.kind == .error { fail("opening the pool: \(message.text)") }

        let cpuBefore = cpuSeconds()
        let start = ContinuousClock.now
        // Click the Users tab (asks for the first page) and press `L` while it is in flight: the
        // pager then asks for each next page as soon as a reply is in.
        viewModel.handle(.mouse(.selectTab(1)))
        viewModel.handle(.key(.character("L")))
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            var waiting = true
            let check: @MainActor () -> Void = {
                guard waiting, let list = viewModel.state.currentList else { return }
                if list.pager.complete || list.pager.failure != nil {
                    waiting = false
                    done.resume()
                }
            }
            viewModel.onChange = check
            check()
        }
        let elapsed = ContinuousClock.now - start
        let cpu = cpuSeconds() - cpuBefore
        guard let list = viewModel.state.currentList, list.pager.failure == nil else {
            fail("load all failed: \(viewModel.state.currentList?.pager.failure ?? "no list")")
        }
        print("\(list.store.count) \(seconds(elapsed)) \(cpu)")
    }

    // MARK: - Helpers

    /// VmRSS and VmHWM of this process, bytes.
    static func memory() -> (rss: Int, hwm: Int) {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
                return (Int(digits) ?? 0) * 1024
            }
            return 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func percentile(_ values: [Duration], _ fraction: Double) -> Duration {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        return String(format: "%.9f", Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    /// Keeps a result alive so the optimiser cannot drop the work that made it.
    @inline(never)
    static func blackHole(_ value: Int) {
        if value == -1 { print("") }
    }

    static func fail(_ sentence: String) -> Never {
        FileHandle.standardError.write(Data("cognito-console-bench: \(sentence)\n".utf8))
        exit(1)
    }
}
