import Foundation
import Testing
import TestSupport

/// The read commands through the binary: `pools`, `users list|get|groups`, `groups list|get|members`,
/// `clients list|get`; what they print is compared with what boto3 reads.
@Suite("cognito-tui read commands", .timeLimit(.minutes(5)))
struct ReadCommandTests {
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("users list pages through every user; JSON keeps the service's field names")
    func usersListPages() throws {
        let kit = try AdminCommandKit()
        _ = try kit.boto("""
            for i in range(130):
                idp.admin_create_user(UserPoolId=pool, Username=f"user{i:03}", MessageAction="SUPPRESS",
                    UserAttributes=[{"Name": "email", "Value": f"user{i:03}@example.com"}])
            """)
        let result = try kit.run(["users", "list", "--pool", kit.pool])
        #expect(result.status == 0, "\(result.stderr)")
        let users = try Self.json(result.stdout) as? [[String: Any]] ?? []
        #expect(users.count == 130, "more than two pages of 60")
        #expect(Set(users.compactMap { $0["Username"] as? String }).count == 130)
        #expect(users.first?["UserStatus"] as? String == "FORCE_CHANGE_PASSWORD")
        #expect(users.first?["Attributes"] is [[String: Any]])
    }

    @Test("--filter keeps the matching users; jsonl prints one user a line")
    func filter() throws {
        let kit = try AdminCommandKit(users: ["ann", "annette", "bob"])
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--filter", #"email ^= "ann""#, "--output", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try result.stdout.split(separator: "\n").map { (try Self.json(String($0)) as? [String: Any])?["Username"] as? String }
        #expect(Set(names.compactMap { $0 }) == ["ann", "annette"])
    }

    @Test("CSV puts each user attribute in its own column")
    func csv() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"])
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--output", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows.first ?? []
        #expect(header.first == "Username")
        let email = try #require(header.firstIndex(of: "email"))
        let byName = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        #expect(byName["ann"]?[email] == "ann@example.com")
        #expect(byName["bob"]?[email] == "bob@example.com")
        #expect(header.contains("email_verified") && header.contains("sub"))
    }

    @Test("a table has a header and one row per user")
    func table() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--output", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Username  UserStatus") == true, "\(result.stdout)")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("ann@example.com") == true)
    }

    @Test("users get and users groups read one user; an unknown one names the pool, exit 2")
    func usersGet() throws {
        let kit = try AdminCommandKit(users: ["ann"], groups: [("staff", "Everyone", 3, "arn:aws:iam::123456789012:role/Staff")])
        _ = try kit.boto(#"idp.admin_add_user_to_group(UserPoolId=pool, Username="ann", GroupName="staff")"#)
        let got = try kit.run(["users", "get", "--pool", kit.pool, "ann"])
        #expect(got.status == 0, "\(got.stderr)")
        let user = try Self.json(got.stdout) as? [String: Any] ?? [:]
        #expect(user["Username"] as? String == "ann")
        let attributes = user["UserAttributes"] as? [[String: String]] ?? []
        #expect(attributes.contains { $0["Name"] == "email" && $0["Value"] == "ann@example.com" })
        let groups = try kit.run(["users", "groups", "--pool", kit.pool, "ann"])
        #expect((try Self.json(groups.stdout) as? [[String: Any]])?.compactMap { $0["GroupName"] as? String } == ["staff"])
        let ghost = try kit.run(["users", "get", "--pool", kit.pool, "ghost"])
        #expect(ghost.status == 2)
        #expect(ghost.stderr == "cognito-tui: There is no user ghost in \(kit.pool).\n")
    }

    @Test("groups list, get and members")
    func groups() throws {
        let kit = try AdminCommandKit(users: ["ann", "bob"], groups: [("staff", "Everyone", 3, "arn:aws:iam::123456789012:role/Staff"),
                                                                   ("admins", "Admins", 1, "arn:aws:iam::123456789012:role/Admins")])
        _ = try kit.boto(#"idp.admin_add_user_to_group(UserPoolId=pool, Username="bob", GroupName="admins")"#)
        let list = try kit.run(["groups", "list", "--pool", kit.pool])
        #expect(Set((try Self.json(list.stdout) as? [[String: Any]])?.compactMap { $0["GroupName"] as? String } ?? []) == ["staff", "admins"])
        let get = try kit.run(["groups", "get", "--pool", kit.pool, "admins"])
        #expect((try Self.json(get.stdout) as? [String: Any])?["Precedence"] as? Int == 1)
        let members = try kit.run(["groups", "members", "--pool", kit.pool, "admins", "--output", "csv"])
        #expect(members.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first } == ["bob"])
        let missing = try kit.run(["groups", "members", "--pool", kit.pool, "ghosts"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("There is no group ghosts in \(kit.pool)"))
    }

    @Test("clients list and get; a client secret is masked")
    func clients() throws {
        let kit = try AdminCommandKit()
        let ids = try kit.boto("""
            c = idp.create_user_pool_client(UserPoolId=pool, ClientName="server", GenerateSecret=True)["UserPoolClient"]
            print(c["ClientId"] + " " + c["ClientSecret"])
            """).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let list = try kit.run(["clients", "list", "--pool", kit.pool])
        #expect((try Self.json(list.stdout) as? [[String: Any]])?.first?["ClientName"] as? String == "server")
        let get = try kit.run(["clients", "get", "--pool", kit.pool, ids[0]])
        #expect(get.status == 0, "\(get.stderr)")
        let client = try Self.json(get.stdout) as? [String: Any] ?? [:]
        #expect(client["ClientId"] as? String == ids[0])
        #expect(client["ClientSecret"] as? String == "********")
        #expect(!get.stdout.contains(ids[1]))
    }

    @Test("pools list finds the pool; pools get takes its name")
    func pools() throws {
        let name = "reads-\(UUID().uuidString.prefix(8))"
        let kit = try AdminCommandKit(poolName: name)
        let list = try kit.run(["pools", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let pools = try Self.json(list.stdout) as? [[String: Any]] ?? []
        #expect(pools.contains { $0["Id"] as? String == kit.pool && $0["Name"] as? String == name })
        let get = try kit.run(["pools", "get", name])
        #expect((try Self.json(get.stdout) as? [String: Any])?["Id"] as? String == kit.pool)
    }

    @Test("read commands work under --read-only")
    func readOnly() throws {
        let kit = try AdminCommandKit(users: ["ann"])
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--read-only"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ann"))
    }
}
