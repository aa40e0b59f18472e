import Foundation
import Testing
import TestSupport

/// `--console-url` on the `get` commands: the resource is read, then its AWS console page is
/// printed instead of it (the page `o` copies in the console).
@Suite("cognito-tui get --console-url", .timeLimit(.minutes(5)))
struct ConsoleURLCommandTests {
    static let console = "https://us-east-1.console.aws.amazon.com/cognito/v2/"

    @Test("users get --console-url prints the user's page with the username percent-encoded")
    func user() throws {
        let kit = try AdminCommandKit(users: ["ann+test"])
        let result = try kit.run(["users", "get", "--pool", kit.pool, "ann+test", "--console-url"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.console + "idp/user-pools/\(kit.pool)/user-management/users/details/ann%2Btest?region=us-east-1\n")
    }

    @Test("pools get and groups get --console-url take the pool by name and print the pool's and the group's pages")
    func poolAndGroup() throws {
        let name = "console-url-\(UUID().uuidString.prefix(8))"
        let kit = try AdminCommandKit(groups: [("ops+team", "Operators", 1, "arn:aws:iam::123456789012:role/Ops")], poolName: name)
        let pool = try kit.run(["pools", "get", name, "--console-url"])
        #expect(pool.status == 0, "\(pool.stderr)")
        #expect(pool.stdout == Self.console + "idp/user-pools/\(kit.pool)?region=us-east-1\n")
        let group = try kit.run(["groups", "get", "--pool", name, "ops+team", "--console-url"])
        #expect(group.status == 0, "\(group.stderr)")
        #expect(group.stdout == Self.console + "idp/user-pools/\(kit.pool)/user-management/groups/details/ops%2Bteam?region=us-east-1\n")
    }

    @Test("a user that does not exist is the same error as without --console-url, and no URL")
    func unknownUser() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "get", "--pool", kit.pool, "ghost", "--console-url"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cognito-tui: There is no user ghost in \(kit.pool).\n")
    }
}
