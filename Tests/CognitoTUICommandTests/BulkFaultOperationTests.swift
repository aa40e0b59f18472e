import Foundation
import Testing
import TestSupport

/// Every bulk operation, one after the other on the same users, through a fault proxy that
/// throttles 10% and drops 15% of the requests (a drop after the emulator applied the call): each
/// job ends with every user in the state it makes, each change reaches the emulator once (a
/// global sign-out, which a read cannot see, goes again after a drop), and no item is failed or
/// unknown.
@Suite("cognito-tui every bulk operation through faults", .timeLimit(.minutes(5)))
struct BulkFaultOperationTests {
    static let usernames = (0..<30).map { String(format: "op%02d", $0) }
    static let quotas = "quotas:\n  UserUpdate: 1000\n  UserCreation: 1000\n  UserRead: 1000\n  UserToken: 1000\n"
        + "  UserAccountRecovery: 1000\n  UserResourceRead: 1000\n  UserResourceUpdate: 1000\n"

    struct Step {
        var verb: String
        var operation: String
        var extra: [String] = []
        /// Python (with `pool` and `names` set) printing True when every user is in the state the job makes.
        var check: String
    }

    /// In an order where each job finds the users in the state it changes.
    static let steps: [Step] = [
        Step(verb: "confirm", operation: "AdminConfirmSignUp",
             check: "print(all(idp.admin_get_user(UserPoolId=pool, Username=n)['UserStatus'] == 'CONFIRMED' for n in names))"),
        Step(verb: "reset-password", operation: "AdminResetUserPassword",
             check: "print(all(idp.admin_get_user(UserPoolId=pool, Username=n)['UserStatus'] == 'RESET_REQUIRED' for n in names))"),
        Step(verb: "disable", operation: "AdminDisableUser",
             check: "print(not any(idp.admin_get_user(UserPoolId=pool, Username=n)['Enabled'] for n in names))"),
        Step(verb: "enable", operation: "AdminEnableUser",
             check: "print(all(idp.admin_get_user(UserPoolId=pool, Username=n)['Enabled'] for n in names))"),
        Step(verb: "add-to-group", operation: "AdminAddUserToGroup", extra: ["--group", "staff"],
             check: "print(sorted(u['Username'] for p in idp.get_paginator('list_users_in_group').paginate(UserPoolId=pool, GroupName='staff') for u in p['Users']) == names)"),
        Step(verb: "remove-from-group", operation: "AdminRemoveUserFromGroup", extra: ["--group", "staff"],
             check: "print(idp.list_users_in_group(UserPoolId=pool, GroupName='staff')['Users'] == [])"),
        Step(verb: "sign-out", operation: "AdminUserGlobalSignOut", check: "print(True)"),
        Step(verb: "delete", operation: "AdminDeleteUser", check: "print(idp.list_users(UserPoolId=pool)['Users'] == [])"),
    ]

    @Test("each job ends with every user changed once and nothing failed or unknown")
    func everyOperation() throws {
        let kit = try AdminCommandKit(users: Self.usernames,
                                      groups: [("staff", "Everyone", 1, "arn:aws:iam::123456789012:role/Staff")])
        try kit.settings(Self.quotas)
        let names = "names = [" + Self.usernames.map(AdminCommandKit.literal).joined(separator: ", ") + "]\n"
        let proxy = try FaultProxy(upstream: kit.url, faults: .init(throttle: 0.1, drop: 0.15, seed: 7))
        defer { proxy.stop() }
        try kit.home.write("names.txt", Self.usernames.joined(separator: "\n"))
        var faulted = Set<String>()

        for step in Self.steps {
            try proxy.resetCounters()
            let reportPath = kit.home.path + "/\(step.verb).jsonl"
            let result = try kit.run(["users", step.verb, "--pool", kit.pool] + step.extra
                                         + ["--from", kit.home.path + "/names.txt", "--yes", "--report", reportPath],
                                     endpoint: proxy.url)
            #expect(result.status == 0, "\(step.verb): \(result.stdout)\n\(result.stderr)")
            #expect(result.stdout.contains("\(Self.usernames.count) succeeded"), "\(step.verb): \(result.stdout)")
            #expect(try kit.boto(names + step.check).trimmingCharacters(in: .whitespacesAndNewlines) == "True",
                    "\(step.verb): every user is in the state the job makes")
            let entries = try String(contentsOfFile: reportPath, encoding: .utf8).split(separator: "\n")
            #expect(entries.count == Self.usernames.count && entries.allSatisfy { $0.contains(#""outcome":"succeeded""#) },
                    "\(step.verb): the report has every user succeeded")

            let counters = try proxy.counters()
            let dropped = counters.byOperation[step.operation]?["dropped"] ?? 0
            if dropped > 0 { faulted.insert(step.verb) }
            let expected = Self.usernames.count + (step.verb == "sign-out" ? dropped : 0)
            #expect(counters.reachedUpstream([step.operation]) == expected, "\(step.verb): \(counters.byOperation)")
        }
        #expect(faulted.count >= Self.steps.count - 1, "most jobs had calls dropped after they were applied: \(faulted)")
    }
}
