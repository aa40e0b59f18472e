import Foundation
import Testing
import TestSupport

/// The console in tmux behind the fault proxy, with every call held for a minute: keys are still
/// answered (help, tabs, the filter, opening a user and going back) and `q` quits, all while no
/// call has come back. The proof is the proxy's count of forwarded calls, unchanged from the first
/// key to the last with calls still held, not a clock. Each key's time, from `send-keys` to the
/// screen that answers it, is printed as a figure.
@Suite("The console while every call hangs", .timeLimit(.minutes(5)))
struct HangingCallsEndToEndTests {
    typealias Seeder = ConsoleEndToEndTests.Seeder
    /// How long the proxy holds each call: longer than all the keys below take, even on a busy machine.
    static let hang: TimeInterval = 60

    /// A key's time to its answer on the screen.
    struct Timing {
        var what: String
        var seconds: Double
    }

    /// Sends keys and polls the screen (every 2 ms) until `answered`; the time taken, or a
    /// timeout after ten seconds with the last screen.
    static func time(_ tmux: TmuxSession, _ what: String, keys: [String] = [], text: String? = nil,
                     _ answered: (String) -> Bool) throws -> Timing {
        let start = Date()
        if let text { try tmux.type(text) } else { try tmux.tmux(["send-keys", "-t", tmux.name] + keys) }
        var screen = ""
        while Date().timeIntervalSince(start) < 10 {
            screen = try tmux.screen()
            if answered(screen) { return Timing(what: what, seconds: Date().timeIntervalSince(start)) }
            usleep(2_000)
        }
        throw TmuxSession.Timeout(waitingFor: what, screen: screen)
    }

    @Test("keys are answered and q quits while every call is held, none having come back")
    func keysWhileCallsHang() async throws {
        let region = try TestRegion.claim()
        let name = "hang-" + UUID().uuidString.prefix(8).lowercased()
        _ = try await Seeder(region: region).userPool(name, users: 130)
        let proxy = try FaultProxy(upstream: try TestEmulator.url())
        defer { proxy.stop() }
        let home = try TemporaryHome()
        var env = BinaryRunner.baseEnvironment(home: home.path)
        env["AWS_ACCESS_KEY_ID"] = ConsoleEndToEndTests.keys.accessKeyId
        env["AWS_SECRET_ACCESS_KEY"] = ConsoleEndToEndTests.keys.secretAccessKey
        env["LANG"] = "C.UTF-8"
        let tmux = try TmuxSession(command: "\(BinaryRunner.binaryPath) --region \(region) --endpoint-url \(proxy.url)",
                                   environment: env, columns: 120, rows: 40)
        try tmux.wait(for: name)
        try tmux.press("/")
        try tmux.type(name)
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.wait(for: "\(name) › Summary")
        try tmux.press("2")
        try tmux.wait(for: "loaded, more available")

        // From now on every call hangs; loading every row starts calls that stay pending.
        try proxy.configure(FaultProxy.Faults(latencyMs: Self.hang * 1000))
        try tmux.press("L")
        func pending() throws -> Int {
            let c = try proxy.counters()
            return c.requests - c.forwarded - c.throttled - c.dropped - c.failed
        }
        _ = try tmux.wait(for: "a page request held by the proxy") { _ in ((try? pending()) ?? 0) > 0 }
        try tmux.wait(for: "the loaded rows kept while load all waits") { $0.contains("user000") && $0.contains("loading all") }
        let forwardedBefore = try proxy.counters().forwarded

        var timings: [Timing] = []
        for _ in 0..<5 {
            timings.append(try Self.time(tmux, "? opens help", keys: ["?"]) { $0.contains("Keys: ") })
            timings.append(try Self.time(tmux, "esc closes help", keys: ["Escape"]) { !$0.contains("Keys: ") })
            timings.append(try Self.time(tmux, "3 switches to Groups", keys: ["3"]) { $0.contains("\(name) › Groups") })
            timings.append(try Self.time(tmux, "2 switches back to Users", keys: ["2"]) { $0.contains("\(name) › Users") })
        }
        // The filter, on a user among the rows already loaded (the emulator lists them in no
        // particular order).
        let shown = ConsoleEndToEndTests.usernames(in: try tmux.screen())
        let target = try #require(shown.sorted().first)
        try tmux.press("/")
        var typed = ""
        for character in target {
            typed.append(character)
            let sofar = typed
            timings.append(try Self.time(tmux, "typing \(character) into the filter", text: String(character)) {
                $0.contains("filter /\(sofar) (")
            })
        }
        // Enter ends the typing and keeps the filter.
        try tmux.press("Enter")
        timings.append(try Self.time(tmux, "enter opens the user", keys: ["Enter"]) { $0.contains("› \(target) › Summary") })
        timings.append(try Self.time(tmux, "esc goes back while the user is loading", keys: ["Escape"]) {
            $0.contains("\(name) › Users") && !$0.contains("› \(target) › ")
        })
        timings.append(try Self.time(tmux, "esc clears the filter", keys: ["Escape"]) {
            ConsoleEndToEndTests.usernames(in: $0).count > 1
        })

        // No call came back while the keys above were answered, and calls are still held.
        #expect(try proxy.counters().forwarded == forwardedBefore, "a call came back while the keys were being answered")
        #expect(try pending() > 0, "calls were still held when the last key was answered")
        timings.append(try Self.time(tmux, "q quits", keys: ["q"]) { _ in
            ((try? tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_dead}"])) ?? "").hasPrefix("1")
        })

        let seconds = timings.map(\.seconds).sorted()
        let median = seconds[seconds.count / 2]
        print(String(format: "keys while calls hang %.0f s: %d keys, median %.3f s, max %.3f s (%@)", Self.hang, seconds.count,
                     median, seconds.last ?? 0, timings.max { $0.seconds < $1.seconds }?.what ?? ""))
    }
}
