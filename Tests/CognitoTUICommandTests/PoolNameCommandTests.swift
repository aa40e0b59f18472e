import Foundation
import Testing
import TestSupport

/// `--pool` by name: one pool of that name is used; none or several are one sentence, exit 2.
@Suite("cognito-tui --pool by name", .timeLimit(.minutes(5)))
struct PoolNameCommandTests {
    @Test("a unique pool name works wherever --pool is taken")
    func uniqueName() throws {
        let name = "named-\(UUID().uuidString.prefix(8))"
        let kit = try AdminCommandKit(users: ["ann"], poolName: name)
        let result = try kit.run(["users", "disable", "--pool", name, "ann"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Disabled user ann in \(kit.pool)"))
        #expect(try kit.enabled() == ["ann": false])
        let group = try kit.run(["groups", "create", "--pool", name, "staff"])
        #expect(group.status == 0, "\(group.stderr)")
        #expect(try kit.groupNames() == ["staff"])
    }

    @Test("an ambiguous name lists the matching ids in one sentence, exit 2, nothing changed")
    func ambiguous() throws {
        let name = "twin-\(UUID().uuidString.prefix(8))"
        let kit = try AdminCommandKit(users: ["ann"], poolName: name)
        let other = try AdminCommandKit.boto(kit.url, #"print(idp.create_user_pool(PoolName=\#(AdminCommandKit.literal(name)))["UserPool"]["Id"])"#)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try kit.run(["users", "disable", "--pool", name, "ann"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("2 user pools are called \(name)"))
        #expect(result.stderr.contains(kit.pool) && result.stderr.contains(other))
        #expect(try kit.enabled() == ["ann": true])
    }

    @Test("a name no pool has is one sentence, exit 2")
    func unknown() throws {
        let kit = try AdminCommandKit()
        let name = "nowhere-\(UUID().uuidString.prefix(8))"
        let result = try kit.run(["users", "list", "--pool", name])
        #expect(result.status == 2)
        #expect(result.stderr.contains("No user pool in us-east-1 is called \(name)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("text that is neither a pool id nor a pool name is bad usage before anything is sent")
    func malformed() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["users", "list", "--pool", "no/such:pool"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is neither a user pool id"))
    }
}
