import Foundation
import Testing
import TestSupport

/// `cognito-tui idpools` and `identities` through the binary against the emulator, judged by boto3.
@Suite("cognito-tui idpools and identities", .timeLimit(.minutes(5)))
struct IdpoolsCommandTests {
    static func role(_ name: String) -> String { "arn:aws:iam::123456789012:role/\(name)" }

    /// An identity pool with a Google login, this kit's user pool as a provider (client `web`),
    /// tags, roles, a Rules mapping for the user pool and a principal-tag map; returns its id and
    /// the user pool's role-mapping key.
    static func identityPool(_ kit: AdminCommandKit, name: String) throws -> (id: String, key: String) {
        let out = try kit.boto("""
            provider = "cognito-idp.us-east-1.amazonaws.com/" + pool
            p = ci.create_identity_pool(IdentityPoolName=\(AdminCommandKit.literal(name)), AllowUnauthenticatedIdentities=False,
                SupportedLoginProviders={"accounts.google.com": "google-client"},
                CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": "web", "ServerSideTokenCheck": True}],
                IdentityPoolTags={"env": "test"})["IdentityPoolId"]
            ci.set_identity_pool_roles(IdentityPoolId=p,
                Roles={"authenticated": \(AdminCommandKit.literal(role("Auth"))), "unauthenticated": \(AdminCommandKit.literal(role("Guest")))},
                RoleMappings={provider + ":web": {"Type": "Rules", "AmbiguousRoleResolution": "AuthenticatedRole",
                    "RulesConfiguration": {"Rules": [{"Claim": "cognito:groups", "MatchType": "Contains", "Value": "staff",
                                                      "RoleARN": \(AdminCommandKit.literal(role("Staff")))}]}}})
            ci.set_principal_tag_attribute_map(IdentityPoolId=p, IdentityProviderName=provider, UseDefaults=False,
                PrincipalTags={"tenant": "custom:tenant"})
            print(p)
            print(provider + ":web")
            """).split(separator: "\n").map(String.init)
        return (out[0], out[1])
    }

    /// The pool, its roles and its user pool provider's principal-tag map, as boto3 reads them.
    static func state(_ kit: AdminCommandKit, _ id: String) throws -> String {
        try kit.boto("""
            d = ci.describe_identity_pool(IdentityPoolId=\(AdminCommandKit.literal(id)))
            d.pop("ResponseMetadata")
            r = ci.get_identity_pool_roles(IdentityPoolId=\(AdminCommandKit.literal(id)))
            r.pop("ResponseMetadata")
            t = ci.get_principal_tag_attribute_map(IdentityPoolId=\(AdminCommandKit.literal(id)),
                IdentityProviderName="cognito-idp.us-east-1.amazonaws.com/" + pool)
            t.pop("ResponseMetadata")
            print(json.dumps({"pool": d, "roles": r, "tags": t}, sort_keys=True))
            """)
    }

    @Test("idpools update of one flag, by the pool's name, keeps the providers, roles and tags")
    func updateKeepsTheRest() throws {
        let kit = try AdminCommandKit()
        let name = "ids_\(UUID().uuidString.prefix(8))"
        let (id, _) = try Self.identityPool(kit, name: name)
        let before = try Self.state(kit, id)
        let result = try kit.run(["idpools", "update", name, "--allow-classic-flow"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("+ AllowClassicFlow: true"), "\(result.stdout)")
        #expect(result.stdout.contains("= SupportedLoginProviders"))
        let after = try Self.state(kit, id)
        #expect(after == before.replacingOccurrences(of: #""AllowUnauthenticatedIdentities": false"#,
                                                      with: #""AllowClassicFlow": true, "AllowUnauthenticatedIdentities": false"#))
        #expect(after.contains(#""IdentityPoolTags": {"env": "test"}"#))
    }

    @Test("set-roles refuses 26 rules, 11 providers, a malformed ARN and an unknown provider key, and sends nothing",
          arguments: ["rules26", "providers11", "arn", "unknown"])
    func setRolesRefusals(_ problem: String) throws {
        let kit = try AdminCommandKit()
        let (id, key) = try Self.identityPool(kit, name: "ids_\(UUID().uuidString.prefix(8))")
        let before = try Self.state(kit, id)
        func rules(_ count: Int, arn: String = Self.role("Staff")) -> [String: Any] {
            ["Type": "Rules", "AmbiguousRoleResolution": "Deny",
             "RulesConfiguration": ["Rules": (0..<count).map { ["Claim": "c\($0)", "MatchType": "Equals", "Value": "v", "RoleARN": arn] }]]
        }
        var mappings: [String: Any]
        switch problem {
        case "rules26": mappings = [key: rules(26)]
        case "providers11": mappings = Dictionary(uniqueKeysWithValues: (0..<11).map { ("idp\($0).example.com", rules(1)) })
        case "arn": mappings = [key: rules(1, arn: "arn:aws:iam::123:role/Staff")]
        default: mappings = ["graph.facebook.com": rules(1)]
        }
        let input: [String: Any] = ["Roles": ["authenticated": Self.role("Auth")], "RoleMappings": mappings]
        try kit.home.write("roles.json", String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self))
        let result = try kit.run(["idpools", "set-roles", id, "--file", kit.home.path + "/roles.json", "--yes", "--debug"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was sent"), "\(result.stderr)")
        #expect(!result.stderr.contains("--> SetIdentityPoolRoles"))
        let expected = ["rules26": "26 rules", "providers11": "11 providers", "arn": "is not an IAM role ARN",
                        "unknown": "names none of the pool's providers"][problem] ?? "?"
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try Self.state(kit, id) == before)
    }

    @Test("set-roles --dry-run prints the diff of the mapping and sends nothing; with --yes it sends; --read-only refuses")
    func setRoles() throws {
        let kit = try AdminCommandKit()
        let (id, key) = try Self.identityPool(kit, name: "ids_\(UUID().uuidString.prefix(8))")
        let input: [String: Any] = [
            "Roles": ["authenticated": Self.role("Auth"), "unauthenticated": Self.role("Guest")],
            "RoleMappings": [key: ["Type": "Token", "AmbiguousRoleResolution": "Deny"]],
        ]
        try kit.home.write("roles.json", String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self))
        let path = kit.home.path + "/roles.json"
        let dry = try kit.run(["idpools", "set-roles", id, "--file", path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("~ RoleMappings.\"\(key)\".Type: \"Rules\" → \"Token\""), "\(dry.stdout)")
        #expect(dry.stdout.contains("= Roles.authenticated"))
        #expect(dry.stdout.contains("Dry run: nothing was sent."))
        #expect(try Self.state(kit, id).contains(#""Type": "Rules""#))
        let readOnly = try kit.run(["idpools", "set-roles", id, "--file", path, "--yes", "--read-only"])
        #expect(readOnly.status == 5, "\(readOnly.stderr)")
        #expect(try Self.state(kit, id).contains(#""Type": "Rules""#))
        let sent = try kit.run(["idpools", "set-roles", id, "--file", path, "--yes"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let after = try Self.state(kit, id)
        #expect(after.contains(#""Type": "Token""#) && !after.contains("RulesConfiguration"))
    }

    @Test("simulate --user builds the user's claims from their groups and shows the matching rule and the principal tags")
    func simulateUser() throws {
        let kit = try AdminCommandKit(users: ["ann"], groups: [(name: "admins", description: "A", precedence: 1, role: Self.role("Admin")),
                                                               (name: "staff", description: "S", precedence: 5, role: Self.role("Staff"))])
        _ = try kit.boto("""
            for g in ("admins", "staff"):
                idp.admin_add_user_to_group(UserPoolId=pool, Username="ann", GroupName=g)
            """)
        let (id, key) = try Self.identityPool(kit, name: "ids_\(UUID().uuidString.prefix(8))")
        let result = try kit.run(["idpools", "simulate", id, "--provider", key, "--user", "\(kit.pool):ann"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["roleArn"] as? String == Self.role("Staff"))
        #expect(json["rule"] as? Int == 1)
        let claims = try #require(json["claims"] as? [String: Any])
        #expect(claims["cognito:groups"] as? [String] == ["admins", "staff"])
        #expect(claims["cognito:preferred_role"] as? String == Self.role("Admin"))
        #expect(claims["aud"] as? String == "web")
        let tags = try #require(json["principalTags"] as? [[String: Any]])
        #expect(tags.count == 1 && tags[0]["tag"] as? String == "tenant" && tags[0]["missing"] as? Bool == true)

        // The same user under a Token mapping simulated from a file, not saved: the preferred role.
        let unsaved: [String: Any] = ["Roles": ["authenticated": Self.role("Auth")],
                                      "RoleMappings": [key: ["Type": "Token", "AmbiguousRoleResolution": "Deny"]]]
        try kit.home.write("unsaved.json", String(decoding: try JSONSerialization.data(withJSONObject: unsaved), as: UTF8.self))
        let token = try kit.run(["idpools", "simulate", id, "--provider", key, "--user", "\(kit.pool):ann",
                                 "--roles-file", kit.home.path + "/unsaved.json"])
        #expect(token.status == 0, "\(token.stderr)")
        let tokenJSON = try #require(try JSONSerialization.jsonObject(with: Data(token.stdout.utf8)) as? [String: Any])
        #expect(tokenJSON["roleArn"] as? String == Self.role("Admin"))
        #expect(tokenJSON["mappingType"] as? String == "Token")
    }

    @Test("simulate --token decodes the JWT and never prints it; a denial has a null roleArn")
    func simulateToken() throws {
        let kit = try AdminCommandKit()
        let (id, key) = try Self.identityPool(kit, name: "ids_\(UUID().uuidString.prefix(8))")
        let payload = Data(#"{"sub":"u-1","aud":"web","custom:tenant":"t-7"}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "")
        let jwt = "eyJhbGciOiJub25lIn0.\(payload).c2VjcmV0LXNpZ25hdHVyZQ"
        let unsaved: [String: Any] = ["Roles": [String: String](),
                                      "RoleMappings": [key: ["Type": "Token", "AmbiguousRoleResolution": "Deny"]]]
        try kit.home.write("deny.json", String(decoding: try JSONSerialization.data(withJSONObject: unsaved), as: UTF8.self))
        let result = try kit.run(["idpools", "simulate", id, "--provider", key, "--token", jwt, "--roles-file", kit.home.path + "/deny.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(jwt) && !result.stderr.contains(jwt))
        #expect(!result.stdout.contains("c2VjcmV0LXNpZ25hdHVyZQ"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["roleArn"] is NSNull)
        #expect(json["rule"] is NSNull)
        #expect((json["reason"] as? String)?.contains("Deny") == true)
        let tags = try #require(json["principalTags"] as? [[String: Any]])
        #expect(tags.first?["value"] as? String == "t-7")
        let bad = try kit.run(["idpools", "simulate", id, "--provider", key, "--token", "not-a-jwt-secret"])
        #expect(bad.status == 2)
        #expect(!bad.stderr.contains("not-a-jwt-secret"), "\(bad.stderr)")
    }

    @Test("identities delete of 61 identities deletes them all in two calls")
    func deleteIdentities() throws {
        let kit = try AdminCommandKit()
        let out = try kit.boto("""
            p = ci.create_identity_pool(IdentityPoolName="ids_del_" + pool[-6:], AllowUnauthenticatedIdentities=True)["IdentityPoolId"]
            ids = [ci.get_id(IdentityPoolId=p)["IdentityId"] for _ in range(61)]
            print(p)
            print(" ".join(ids))
            """).split(separator: "\n").map(String.init)
        let ids = out[1].split(separator: " ").map(String.init)
        let result = try kit.run(["identities", "delete"] + ids + ["--yes", "--debug"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Delete identities: 61 succeeded in"), "\(result.stdout)")
        #expect(result.stderr.components(separatedBy: "--> DeleteIdentities").count - 1 == 2)
        let left = try kit.boto(#"print(len(ci.list_identities(IdentityPoolId="\#(out[0])", MaxResults=60)["Identities"]))"#)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test("identities delete when every DeleteIdentities reply is lost after it was applied: every identity gone, each batch sent once")
    func deleteIdentitiesThroughFaults() throws {
        let kit = try AdminCommandKit()
        let out = try kit.boto("""
            p = ci.create_identity_pool(IdentityPoolName="ids_fault_" + pool[-6:], AllowUnauthenticatedIdentities=True)["IdentityPoolId"]
            ids = [ci.get_id(IdentityPoolId=p)["IdentityId"] for _ in range(150)]
            print(p)
            print(" ".join(ids))
            """).split(separator: "\n").map(String.init)
        let ids = out[1].split(separator: " ").map(String.init)
        // The look-ups at the emulator's pace rather than the 5 a second a real account allows.
        try kit.settings("quotas:\n  DescribeIdentity: 1000\n  DeleteIdentities: 1000\n")
        let proxy = try FaultProxy(upstream: kit.url)
        defer { proxy.stop() }
        try proxy.configure(.init(drop: 1, operations: ["DeleteIdentities"]))
        let reportPath = kit.home.path + "/deleted.jsonl"
        let result = try kit.run(["identities", "delete"] + ids + ["--yes", "--report", reportPath], endpoint: proxy.url)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Delete identities: 150 succeeded in"), "\(result.stdout)")

        let counters = try proxy.counters()
        #expect(counters.byOperation["DeleteIdentities"] == ["dropped": 3],
                "each batch of 60 reached the emulator once, and its reply was lost: \(counters.byOperation)")
        #expect(counters.received(["DescribeIdentity"]) == 150, "each identity was looked up once")
        let entries = try String(contentsOfFile: reportPath, encoding: .utf8).split(separator: "\n")
        #expect(entries.count == 150 && entries.allSatisfy { $0.contains(#""outcome":"succeeded""#) })
        let left = try kit.boto(#"print(len(ci.list_identities(IdentityPoolId="\#(out[0])", MaxResults=60)["Identities"]))"#)
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test("simulate with a claims file that is missing is one sentence, exit 2, before any call (the endpoint is dead)")
    func simulateMissingFile() throws {
        let kit = try AdminCommandKit()
        let result = try kit.run(["idpools", "simulate", "prod_identities",
                                  "--provider", "accounts.google.com", "--claims", "@" + kit.home.path + "/absent.json"],
                                 endpoint: "http://127.0.0.1:9")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("absent.json"), "\(result.stderr)")
        #expect(!result.stderr.contains("Could not connect"), "nothing was sent: \(result.stderr)")
    }
}
