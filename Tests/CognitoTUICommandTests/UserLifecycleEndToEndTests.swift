import Foundation
import Testing
import TestSupport

/// The user lifecycle end to end: the real console in tmux against the emulator, each step read
/// back with boto3.
@Suite("User lifecycle, end to end in tmux", .timeLimit(.minutes(5)))
struct UserLifecycleEndToEndTests {
    typealias Boto = EditEndToEndTests.Boto
    typealias Run = EditEndToEndTests.Run

    /// A pool named `name` with the group `ops`; returns its id.
    static func pool(_ boto: Boto, _ name: String) throws -> String {
        let reply = try boto.run("""
        pool = idp.create_user_pool(PoolName=args[0])["UserPool"]["Id"]
        idp.create_group(UserPoolId=pool, GroupName="ops", Description="Operations")
        print(json.dumps({"pool": pool}))
        """, [name])
        return reply["pool"] as? String ?? ""
    }

    static func user(_ boto: Boto, _ pool: String, _ name: String) throws -> [String: Any] {
        try boto.run("""
        try:
            user = idp.admin_get_user(UserPoolId=args[0], Username=args[1])
            groups = [g["GroupName"] for g in idp.admin_list_groups_for_user(UserPoolId=args[0], Username=args[1])["Groups"]]
            print(json.dumps({"exists": True, "enabled": user["Enabled"], "status": user["UserStatus"], "groups": groups}))
        except idp.exceptions.UserNotFoundException:
            print(json.dumps({"exists": False}))
        """, [pool, name])
    }

    /// Whether a line of the screen holds all of `parts`: a row, not the status line naming it.
    static func hasRow(_ screen: String, _ parts: String...) -> Bool {
        screen.split(separator: "\n").contains { line in parts.allSatisfy { line.contains($0) } }
    }

    /// From the pools list to the pool's Users tab.
    static func openUsers(_ run: Run, name: String) throws {
        try run.tmux.wait(for: name)
        try run.tmux.press("/")
        try run.tmux.type(name)
        try run.tmux.press("Enter")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "\(name) › Summary")
        try run.tmux.press("2")
        try run.tmux.wait(for: "\(name) › Users")
    }

    @Test("create with a generated password, disable, join a group from the user, leave it from the group, delete by name")
    func lifecycle() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = "e2e-life-" + UUID().uuidString.prefix(8).lowercased()
        let pool = try Self.pool(boto, name)
        let run = try Run(region: boto.region, script: "true")
        try Self.openUsers(run, name: name)

        try run.tmux.press("c")
        try run.tmux.wait(for: "Create a user in")
        try run.tmux.type("casey")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "Create the user in")
        try run.tmux.press("y")
        let shown = try run.tmux.wait(for: "Temporary password for casey")
        #expect(shown.contains("shown once"))
        try run.tmux.press("Escape")
        try run.tmux.wait(for: "the new row") { $0.contains("casey") && $0.contains("FORCE_CHANGE_PASSWORD") }
        var casey = try Self.user(boto, pool, "casey")
        #expect(casey["status"] as? String == "FORCE_CHANGE_PASSWORD")

        try run.tmux.press("D")
        try run.tmux.wait(for: "Disable casey?")
        try run.tmux.press("y")
        try run.tmux.wait(for: "Disabled casey.")
        try run.tmux.wait(for: "the row read back as disabled") { screen in
            screen.split(separator: "\n").contains { $0.contains("casey") && $0.contains(" no ") }
        }
        casey = try Self.user(boto, pool, "casey")
        #expect(casey["enabled"] as? Bool == false)

        try run.tmux.press("Enter")
        try run.tmux.wait(for: "› casey › Summary")
        try run.tmux.press("2")
        try run.tmux.wait(for: "No groups.")
        try run.tmux.press("a")
        try run.tmux.wait(for: "the group picker") { $0.contains("Add casey to groups") && $0.contains("[ ] ops") }
        try run.tmux.press("Space")
        try run.tmux.wait(for: "[x] ops")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "Add the user to these groups")
        try run.tmux.press("y")
        try run.tmux.wait(for: "Added casey to ops.")
        try run.tmux.wait(for: "the Groups tab with ops") { $0.contains("ops") && $0.contains("Operations") }
        #expect(try Self.user(boto, pool, "casey")["groups"] as? [String] == ["ops"])

        try run.tmux.press("Escape")
        try run.tmux.wait(for: "\(name) › Users")
        try run.tmux.press("3")
        // The status line still says "Added casey to ops.": wait for the row itself.
        try run.tmux.wait(for: "the pool's groups") { $0.contains("\(name) › Groups") && $0.contains("Operations") }
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "› ops › Summary")
        try run.tmux.press("2")
        try run.tmux.wait(for: "› ops › Members")
        try run.tmux.wait(for: "casey's row") { Self.hasRow($0, "casey", "FORCE_CHANGE_PASSWORD") }
        try run.tmux.press("DC")
        try run.tmux.wait(for: "Remove casey from the group?")
        try run.tmux.press("y")
        try run.tmux.wait(for: "Removed casey from ops.")
        #expect(try Self.user(boto, pool, "casey")["groups"] as? [String] == [])

        try run.tmux.press("Escape")
        try run.tmux.wait(for: "\(name) › Groups")
        try run.tmux.press("2")
        try run.tmux.wait(for: "casey's row") { Self.hasRow($0, "casey", "FORCE_CHANGE_PASSWORD") }
        try run.tmux.press("C-x")
        try run.tmux.wait(for: "Type casey to confirm")
        try run.tmux.type("casey")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "Deleted user casey.")
        #expect(try Self.user(boto, pool, "casey")["exists"] as? Bool == false)
    }

    @Test("read-only: create, disable, add to a group and delete are each refused with the reason; the emulator is unchanged")
    func readOnly() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = "e2e-life-" + UUID().uuidString.prefix(8).lowercased()
        let pool = try Self.pool(boto, name)
        _ = try boto.run("""
        idp.admin_create_user(UserPoolId=args[0], Username="dana", MessageAction="SUPPRESS")
        print(json.dumps({}))
        """, [pool])
        let run = try Run(region: boto.region, script: "true", args: "--read-only")
        try Self.openUsers(run, name: name)
        try run.tmux.wait(for: "dana")
        for (key, operation) in [("c", "AdminCreateUser"), ("D", "AdminDisableUser"), ("C-x", "AdminDeleteUser")] {
            try run.tmux.press(key)
            let screen = try run.tmux.wait(for: "the refusal of \(operation)") { $0.contains("read-only: \(operation) changes data") }
            #expect(!screen.contains("┌─"), "nothing opens for \(key)")
        }
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "› dana › Summary")
        try run.tmux.press("2")
        try run.tmux.wait(for: "No groups.")
        try run.tmux.press("a")
        try run.tmux.wait(for: "read-only: AdminAddUserToGroup changes data")
        let dana = try Self.user(boto, pool, "dana")
        #expect(dana["enabled"] as? Bool == true)
        #expect(dana["groups"] as? [String] == [])
    }
}
