import Foundation
import Testing
import TestSupport

/// `cognito-tui users update` through the binary, judged by boto3.
@Suite("cognito-tui users update", .timeLimit(.minutes(5)))
struct UsersUpdateCommandTests {
    static let schema = #"Schema=[{"Name": "team", "AttributeDataType": "String", "Mutable": True}, {"Name": "badge", "AttributeDataType": "String", "Mutable": False}]"#

    @Test("sets and removes attributes and keeps the others")
    func update() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.schema)
        _ = try kit.boto(#"idp.admin_update_user_attributes(UserPoolId=pool, Username="ann", UserAttributes=[{"Name": "nickname", "Value": "annie"}])"#)
        let result = try kit.run(["users", "update", "--pool", kit.pool, "ann", "--attribute", "custom:team=ops",
                                  "--attribute", "given_name=Ann", "--delete-attribute", "nickname"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"+ UserAttributes."custom:team": "ops""#), "\(result.stdout)")
        #expect(result.stdout.contains(#"- UserAttributes.nickname: "annie""#))
        let attributes = try kit.user("ann")?.attributes ?? [:]
        #expect(attributes["custom:team"] == "ops")
        #expect(attributes["given_name"] == "Ann")
        #expect(attributes["nickname"] == nil)
        #expect(attributes["email"] == "ann@example.com")
    }

    @Test("an unknown attribute is one sentence, exit 2, nothing changed")
    func unknown() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.schema)
        let result = try kit.run(["users", "update", "--pool", kit.pool, "ann", "--attribute", "custom:shoe=9"])
        #expect(result.status == 2)
        #expect(result.stderr == "cognito-tui: The pool \(kit.pool) has no attribute custom:shoe; nothing was sent.\n")
        #expect(try kit.user("ann")?.attributes["custom:shoe"] == nil)
    }

    @Test("an immutable attribute is one sentence, exit 2, nothing changed")
    func immutable() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.schema)
        let result = try kit.run(["users", "update", "--pool", kit.pool, "ann", "--attribute", "custom:badge=7", "--attribute", "given_name=Ann"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("custom:badge cannot be changed") && result.stderr.contains("immutable in \(kit.pool)"), "\(result.stderr)")
        #expect(try kit.user("ann")?.attributes["given_name"] == nil)
    }

    @Test("an unknown user names the pool, exit 2; --read-only exits 5; --dry-run sends nothing")
    func refusals() throws {
        let kit = try AdminCommandKit(users: ["ann"], poolArguments: Self.schema)
        let ghost = try kit.run(["users", "update", "--pool", kit.pool, "ghost", "--attribute", "given_name=G"])
        #expect(ghost.status == 2)
        #expect(ghost.stderr.contains("There is no user ghost in \(kit.pool)"))
        let readOnly = try kit.run(["users", "update", "--pool", kit.pool, "ann", "--attribute", "given_name=Ann", "--read-only"])
        #expect(readOnly.status == 5)
        let dry = try kit.run(["users", "update", "--pool", kit.pool, "ann", "--attribute", "given_name=Ann", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("nothing was sent"))
        #expect(try kit.user("ann")?.attributes["given_name"] == nil)
    }
}
