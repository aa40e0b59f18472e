import Foundation
import Testing
import TestSupport

/// `pools list --all-regions` and `idpools list --all-regions` through the binary, against the
/// emulator, which keeps pools per region (the region of the signing scope) behind one endpoint:
/// every region goes to the configured endpoint, never to AWS.
@Suite("cognito-tui --all-regions", .timeLimit(.minutes(5)))
struct AllRegionsCommandTests {
    /// Regions no scenario that counts rows uses (those keep a region each).
    static let regions = Array(TestRegion.shared.dropFirst())

    /// Makes one pool named `name-REGION` in each region with boto3; returns region → id.
    static func make(_ kit: AdminCommandKit, _ name: String, identity: Bool) throws -> [String: String] {
        var ids: [String: String] = [:]
        for region in regions {
            let call = identity
                ? "ci.create_identity_pool(IdentityPoolName=\(AdminCommandKit.literal(name + "_" + region.replacingOccurrences(of: "-", with: "_"))), AllowUnauthenticatedIdentities=False)[\"IdentityPoolId\"]"
                : "idp.create_user_pool(PoolName=\(AdminCommandKit.literal(name + "-" + region)))[\"UserPool\"][\"Id\"]"
            let code = """
                import boto3
                idp = boto3.client("cognito-idp", endpoint_url=\(AdminCommandKit.literal(kit.url)), region_name=\(AdminCommandKit.literal(region)),
                                   aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")
                ci = boto3.client("cognito-identity", endpoint_url=\(AdminCommandKit.literal(kit.url)), region_name=\(AdminCommandKit.literal(region)),
                                  aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")
                print(\(call))
                """
            ids[region] = try AdminCommandKit.boto(kit.url, code).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ids
    }

    @Test("pools list --all-regions finds a pool in each of three regions, each with its region")
    func userPools() throws {
        let kit = try AdminCommandKit()
        let name = "everywhere-\(UUID().uuidString.prefix(8))"
        let made = try Self.make(kit, name, identity: false)
        let result = try kit.run(["pools", "list", "--all-regions", "--output", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        for (region, id) in made {
            let row = rows.first { $0["Id"] as? String == id }
            #expect(row?["Region"] as? String == region, "\(id) in \(rows.count) rows")
            #expect(row?["Name"] as? String == "\(name)-\(region)")
        }
        // The pool the kit made in the configured region (us-east-1) is among them, with that region.
        #expect(rows.first { $0["Id"] as? String == kit.pool }?["Region"] as? String == "us-east-1")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("a table has a Region column first")
    func table() throws {
        let kit = try AdminCommandKit()
        let name = "tabled-\(UUID().uuidString.prefix(8))"
        let made = try Self.make(kit, name, identity: false)
        let result = try kit.run(["pools", "list", "--all-regions", "--output", "table"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Region ") == true, "\(lines.first ?? "")")
        for (region, id) in made {
            #expect(lines.contains { $0.hasPrefix(region + " ") && $0.contains(id) }, "\(region) \(id)")
        }
    }

    @Test("idpools list --all-regions finds an identity pool in each of three regions, each with its region")
    func identityPools() throws {
        let kit = try AdminCommandKit()
        let name = "everywhere_\(UUID().uuidString.prefix(8))"
        let made = try Self.make(kit, name, identity: true)
        let result = try kit.run(["idpools", "list", "--all-regions", "--output", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        for (region, id) in made {
            #expect(rows.first { $0["IdentityPoolId"] as? String == id }?["Region"] as? String == region, "\(id)")
        }
    }
}
