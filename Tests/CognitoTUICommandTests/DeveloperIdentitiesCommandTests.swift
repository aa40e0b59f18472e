import Foundation
import Testing
import TestSupport

/// `cognito-tui identities lookup|merge|unlink-developer` through the binary against the
/// emulator, judged by boto3.
@Suite("cognito-tui developer identities", .timeLimit(.minutes(5)))
struct DeveloperIdentitiesCommandTests {
    /// A pool with the developer provider `login.e2e` and identities for `dev-1` and `dev-2`;
    /// returns the pool's id and the two identity ids.
    static func pool(_ kit: AdminCommandKit) throws -> (pool: String, one: String, two: String) {
        let out = try kit.boto("""
            p = ci.create_identity_pool(IdentityPoolName="devs_" + pool[-6:], AllowUnauthenticatedIdentities=False,
                DeveloperProviderName="login.e2e")["IdentityPoolId"]
            a = ci.get_open_id_token_for_developer_identity(IdentityPoolId=p, Logins={"login.e2e": "dev-1"})["IdentityId"]
            b = ci.get_open_id_token_for_developer_identity(IdentityPoolId=p, Logins={"login.e2e": "dev-2"})["IdentityId"]
            print(p); print(a); print(b)
            """).split(separator: "\n").map(String.init)
        return (out[0], out[1], out[2])
    }

    static func users(_ kit: AdminCommandKit, _ pool: String, _ identity: String) throws -> String {
        try kit.boto("""
            r = ci.lookup_developer_identity(IdentityPoolId=\(AdminCommandKit.literal(pool)), IdentityId=\(AdminCommandKit.literal(identity)))
            print(",".join(sorted(r.get("DeveloperUserIdentifierList", []))))
            """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("lookup names a developer user's identity; merge moves one into the other; unlink-developer takes it off")
    func lookupMergeUnlink() throws {
        let kit = try AdminCommandKit()
        let (pool, one, two) = try Self.pool(kit)
        let found = try kit.run(["identities", "lookup", pool, "--developer-user", "dev-1"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains(one) && found.stdout.contains("dev-1"), "\(found.stdout)")

        let merged = try kit.run(["identities", "merge", pool, "--source-user", "dev-1", "--destination-user", "dev-2", "--yes"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try Self.users(kit, pool, two) == "dev-1,dev-2", "\(merged.stdout)")

        let unlinked = try kit.run(["identities", "unlink-developer", two, "--pool", pool, "--developer-user", "dev-1", "--yes"])
        #expect(unlinked.status == 0, "\(unlinked.stderr)")
        #expect(try Self.users(kit, pool, two) == "dev-2")
    }

    @Test("bad input is one sentence, exit 2; read-only is exit 5; without --yes and a terminal a merge is refused; nothing changes")
    func refusals() throws {
        let kit = try AdminCommandKit()
        let (pool, _, two) = try Self.pool(kit)
        let both = try kit.run(["identities", "lookup", pool, "--developer-user", "dev-1", "--identity", two])
        #expect(both.status == 2 && both.stderr.contains("Give one of --developer-user"), "\(both.stderr)")
        let readOnly = try kit.run(["identities", "merge", pool, "--source-user", "dev-1", "--destination-user", "dev-2", "--yes", "--read-only"])
        #expect(readOnly.status == 5, "\(readOnly.stderr)")
        let unconfirmed = try kit.run(["identities", "merge", pool, "--source-user", "dev-1", "--destination-user", "dev-2"])
        #expect(unconfirmed.status == 2, "\(unconfirmed.stderr)")
        #expect(try Self.users(kit, pool, two) == "dev-2", "nothing was merged")
    }
}
