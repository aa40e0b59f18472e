import Foundation
import Testing
import TestSupport

/// Bulk jobs through a fault proxy that throttles 30% of requests and drops 5% of connections
/// after the emulator applied the call: every user ends in the right state, each change reaches
/// the emulator once, and the report says what happened, with nothing failed or unknown.
@Suite("cognito-tui bulk jobs through faults", .timeLimit(.minutes(5)))
struct BulkFaultTests {
    /// Throttled and dropped requests, reproducibly.
    static let faults = FaultProxy.Faults(throttle: 0.3, drop: 0.05, seed: 2026)
    /// Raised quotas, so that hundreds of items take seconds; throttling comes from the proxy.
    static let quotas = "quotas:\n  UserUpdate: 1000\n  UserCreation: 1000\n  UserRead: 1000\n"

    /// The report's entries by id, each id once.
    static func report(_ path: String) throws -> [String: [String: Any]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var entries: [String: [String: Any]] = [:]
        for line in lines {
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let id = entry["id"] as? String ?? ""
            #expect(entries[id] == nil, "\(id) is in the report twice")
            entries[id] = entry
        }
        return entries
    }

    @Test("disabling 300 users: each is disabled once, the report has every one succeeded, the proxy throttled and dropped")
    func disable() throws {
        let usernames = (0..<300).map { String(format: "user%03d", $0) }
        let kit = try AdminCommandKit(users: usernames)
        try kit.settings(Self.quotas)
        let proxy = try FaultProxy(upstream: kit.url, faults: Self.faults)
        defer { proxy.stop() }
        try kit.home.write("leavers.txt", usernames.joined(separator: "\n") + "\n")
        let reportPath = kit.home.path + "/disabled.jsonl"

        let result = try kit.run(["users", "disable", "--pool", kit.pool, "--from", kit.home.path + "/leavers.txt",
                                  "--yes", "--report", reportPath], endpoint: proxy.url)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Disable users: 300 succeeded"), "\(result.stdout)")

        let users = try kit.allUsers()
        #expect(users.count == 300)
        #expect(users.values.allSatisfy { !$0.enabled }, "every user is disabled")
        let report = try Self.report(reportPath)
        #expect(Set(report.keys) == Set(usernames))
        #expect(report.values.allSatisfy { $0["outcome"] as? String == "succeeded" })

        let counters = try proxy.counters()
        #expect(counters.throttled > 0 && counters.dropped > 0, "faults happened: \(counters)")
        #expect(counters.reachedUpstream(["AdminDisableUser"]) == 300, "each disable reached the emulator once: \(counters.byOperation)")
        let dropped = counters.byOperation["AdminDisableUser"]?["dropped"] ?? 0
        let verified = report.values.filter { $0["verified"] as? Bool == true }.count
        #expect(dropped > 0 && verified == dropped, "each dropped disable was read back, not resent")
    }

    @Test("importing 200 users: each is created once with its attributes and state, the report matches the emulator")
    func importUsers() throws {
        let kit = try AdminCommandKit()
        try kit.settings(Self.quotas)
        let proxy = try FaultProxy(upstream: kit.url, faults: Self.faults)
        defer { proxy.stop() }
        let names = (0..<200).map { String(format: "new%03d", $0) }
        let lines = names.enumerated().map { index, name in
            #"{"Username":"\#(name)","Attributes":[{"Name":"email","Value":"\#(name)@example.com"}],"given_name":"N\#(index)","Enabled":\#(index % 10 != 0)}"#
        }
        try kit.home.write("users.jsonl", lines.joined(separator: "\n") + "\n")
        let reportPath = kit.home.path + "/imported.jsonl"

        let result = try kit.run(["users", "import", "--pool", kit.pool, kit.home.path + "/users.jsonl", "--yes",
                                  "--report", reportPath], endpoint: proxy.url)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Import users: 200 succeeded"), "\(result.stdout)")

        let users = try kit.allUsers()
        #expect(Set(users.keys) == Set(names))
        for (index, name) in names.enumerated() {
            let user = users[name]
            #expect(user?.attributes["email"] == "\(name)@example.com" && user?.attributes["given_name"] == "N\(index)", "\(name)")
            #expect(user?.enabled == (index % 10 != 0), "\(name) is enabled as the file says")
        }
        let report = try Self.report(reportPath)
        #expect(Set(report.keys) == Set(names))
        #expect(report.values.allSatisfy { $0["outcome"] as? String == "succeeded" })

        let counters = try proxy.counters()
        #expect(counters.throttled > 0 && counters.dropped > 0, "faults happened: \(counters)")
        #expect(counters.reachedUpstream(["AdminCreateUser"]) == 200, "each user was created once: \(counters.byOperation)")
        #expect(counters.reachedUpstream(["AdminDisableUser"]) == 20, "each disabled user was disabled once: \(counters.byOperation)")
    }
}
