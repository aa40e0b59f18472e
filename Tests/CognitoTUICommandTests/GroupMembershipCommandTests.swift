import Foundation
import Testing
import TestSupport

/// `cognito-tui users add-to-group|remove-from-group` and `groups create`, judged by boto3.
@Suite("cognito-tui group membership and groups create", .timeLimit(.minutes(5)))
struct GroupMembershipCommandTests {
    static let staff = (name: "staff", description: "Everyone", precedence: 3, role: "arn:aws:iam::123456789012:role/Staff")

    @Test("add-to-group of two users runs as a job, remove-from-group takes one out")
    func addAndRemove() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"], groups: [Self.staff])
        let added = try kit.run(["users", "add-to-group", "--pool", kit.pool, "--group", "staff", "ann", "bob", "--yes"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("2 succeeded"), "\(added.stdout)")
        #expect(try kit.groups(of: "ann") == ["staff"])
        #expect(try kit.groups(of: "bob") == ["staff"])
        let removed = try kit.run(["users", "remove-from-group", "--pool", kit.pool, "--group", "staff", "bob"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("Removed from group staff: user bob"))
        #expect(try kit.groups(of: "bob").isEmpty)
        #expect(try kit.groups(of: "ann") == ["staff"])
    }

    @Test("an unknown group names the pool, exit 2; an unknown user too; nothing is added")
    func unknownGroupOrUser() throws {
        let kit = try AdminCommandKit(users: ["ann"], groups: [Self.staff])
        let group = try kit.run(["users", "add-to-group", "--pool", kit.pool, "--group", "admins", "ann"])
        #expect(group.status == 2)
        #expect(group.stderr == "cognito-tui: There is no group admins in \(kit.pool); nothing was sent.\n")
        let user = try kit.run(["users", "add-to-group", "--pool", kit.pool, "--group", "staff", "ghost"])
        #expect(user.status == 2)
        #expect(user.stderr.contains("There is no user ghost in \(kit.pool)"))
        #expect(try kit.groups(of: "ann").isEmpty)
    }

    @Test("add-to-group under --read-only exits 5 and adds no one")
    func readOnly() throws {
        let kit = try AdminCommandKit(users: ["ann"], groups: [Self.staff])
        let result = try kit.run(["users", "add-to-group", "--pool", kit.pool, "--group", "staff", "ann", "--read-only"])
        #expect(result.status == 5)
        #expect(try kit.groups(of: "ann").isEmpty)
    }

    @Test("groups create sends the description, precedence and role")
    func create() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["groups", "create", "--pool", kit.pool, "admins", "--description", "Admins",
                                  "--precedence", "1", "--role-arn", Self.staff.role])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try kit.group("admins") == ["Description": "Admins", "Precedence": "1", "RoleArn": Self.staff.role])
    }

    @Test("a group that exists is one sentence, exit 2, and is left as it was")
    func createExisting() throws {
        let kit = try AdminCommandKit(groups: [Self.staff])
        let result = try kit.run(["groups", "create", "--pool", kit.pool, "staff", "--description", "Other"])
        #expect(result.status == 2)
        #expect(result.stderr == "cognito-tui: The group staff already exists in \(kit.pool); nothing was sent.\n")
        #expect(try kit.group("staff")["Description"] == "Everyone")
    }

    @Test("groups create under --read-only exits 5 and makes no group")
    func createReadOnly() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["groups", "create", "--pool", kit.pool, "admins", "--read-only"])
        #expect(result.status == 5)
        #expect(try kit.groupNames().isEmpty)
    }
}
