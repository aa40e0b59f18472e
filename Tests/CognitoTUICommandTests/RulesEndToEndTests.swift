import Foundation
import Testing
import TestSupport

/// The role-mapping editor end to end in tmux against the emulator: reorder two rules, simulate
/// the unsaved edit, save it, and see a diff that names only the mapping; boto3 reads it back.
@Suite("Role-mapping rules, end to end in tmux", .timeLimit(.minutes(5)))
struct RulesEndToEndTests {
    typealias Boto = EditEndToEndTests.Boto
    typealias Run = EditEndToEndTests.Run

    static let admin = "arn:aws:iam::123456789012:role/e2e-admin"
    static let enterprise = "arn:aws:iam::123456789012:role/e2e-enterprise"

    @Test("reorder two rules, simulate the unsaved edit, save, and the diff names only the mapping")
    func reorderSimulateSave() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = "e2e_rules_" + UUID().uuidString.prefix(8).lowercased()
        let provider = "cognito-idp.ap-northeast-3.amazonaws.com/ap-northeast-3_AbCdEf123:client123"
        let preamble = """
        ci = boto3.client("cognito-identity", region_name=region, endpoint_url=url,
                          aws_access_key_id=key, aws_secret_access_key=secret)

        """
        let seeded = try boto.run(preamble + """
        pool = ci.create_identity_pool(IdentityPoolName=args[0], AllowUnauthenticatedIdentities=False,
            CognitoIdentityProviders=[{"ProviderName": args[1].rsplit(":", 1)[0], "ClientId": "client123"}])["IdentityPoolId"]
        ci.set_identity_pool_roles(IdentityPoolId=pool,
            Roles={"authenticated": "arn:aws:iam::123456789012:role/e2e-auth"},
            RoleMappings={args[1]: {"Type": "Rules", "AmbiguousRoleResolution": "AuthenticatedRole",
                "RulesConfiguration": {"Rules": [
                    {"Claim": "cognito:groups", "MatchType": "Contains", "Value": "admins", "RoleARN": args[2]},
                    {"Claim": "custom:plan", "MatchType": "Equals", "Value": "enterprise", "RoleARN": args[3]}]}}})
        print(json.dumps({"pool": pool}))
        """, [name, provider, Self.admin, Self.enterprise])
        let pool = try #require(seeded["pool"] as? String)
        func rules() throws -> [String] {
            let reply = try boto.run(preamble + """
            roles = ci.get_identity_pool_roles(IdentityPoolId=args[0])
            mapping = roles["RoleMappings"][args[1]]
            print(json.dumps({"rules": [r["RoleARN"] for r in mapping["RulesConfiguration"]["Rules"]],
                              "auth": roles["Roles"]["authenticated"]}))
            """, [pool, provider])
            return (reply["rules"] as? [String] ?? []) + [reply["auth"] as? String ?? ""]
        }

        let run = try Run(region: boto.region, script: "true", args: "--start idpools")
        try run.tmux.wait(for: name)
        try run.tmux.press("/")
        try run.tmux.type(name)
        try run.tmux.press("Enter")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "the pool's settings") { $0.contains("› \(name)") && $0.contains("e2e-admin") }
        try run.tmux.press("M")
        try run.tmux.wait(for: "Role mapping of which provider")
        try run.tmux.press("Enter")
        let editor = try run.tmux.wait(for: "the editor with both rules") {
            // The settings pane has "Role mapping: …" sections too: wait for the editor's own footer.
            $0.contains("first match wins") && $0.contains("e2e-admin") && $0.contains("e2e-enterprise")
        }
        #expect(try #require(editor.range(of: "e2e-admin")).lowerBound < #require(editor.range(of: "e2e-enterprise")).lowerBound)

        try run.tmux.press("J")
        let moved = try run.tmux.wait(for: "edited, unsaved")
        #expect(try #require(moved.range(of: "e2e-enterprise")).lowerBound < #require(moved.range(of: "e2e-admin")).lowerBound,
                "the admin rule moved below the enterprise one")

        try run.tmux.press("s")
        try run.tmux.wait(for: "Simulate the unsaved edit")
        try run.tmux.press("Up")
        try run.tmux.press("Right")
        try run.tmux.press("Down")
        try run.tmux.type(#"{"cognito:groups": ["admins"], "custom:plan": "enterprise"}"#)
        try run.tmux.press("Enter")
        let simulated = try run.tmux.wait(for: "the simulation") { $0.contains("Result: ") && $0.contains("Reason: ") }
        #expect(simulated.contains("Result: \(Self.enterprise) (rule 1)"), "\(simulated)")
        #expect(simulated.contains("(the unsaved edit)"))
        #expect(simulated.contains("1. custom:plan Equals \"enterprise\" → MATCH"), "\(simulated)")
        #expect(try rules() == [Self.admin, Self.enterprise, "arn:aws:iam::123456789012:role/e2e-auth"], "nothing saved yet")

        try run.tmux.press("Escape")
        try run.tmux.wait(for: "edited, unsaved")
        try run.tmux.press("w")
        let diff = try run.tmux.wait(for: "the diff") { $0.contains("SetIdentityPoolRoles") || $0.contains("RoleMappings") }
        let changed = diff.split(separator: "\n").filter { line in
            let text = line.drop { $0 == " " || $0 == "│" }
            return text.hasPrefix("~ ") || text.hasPrefix("+ ") || text.hasPrefix("- ")
        }
        #expect(!changed.isEmpty && changed.allSatisfy { $0.contains("RoleMappings") }, "only the mapping changes: \(diff)")
        try run.tmux.press("y")
        try run.tmux.wait(for: "Updated")
        #expect(try rules() == [Self.enterprise, Self.admin, "arn:aws:iam::123456789012:role/e2e-auth"])
        try run.tmux.wait(for: "saved: no unsaved mark") { !$0.contains("edited, unsaved") }
    }
}
