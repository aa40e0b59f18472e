import Foundation
import Testing
import TestSupport

/// Bulk work in the console, end to end in tmux against the emulator: a search on a custom
/// attribute, every match marked, the plan read and left (a dry run), then run, and the report
/// saved — boto3 reading back what changed.
@Suite("Bulk actions, end to end in tmux", .timeLimit(.minutes(5)))
struct BulkEndToEndTests {
    typealias Boto = EditEndToEndTests.Boto
    typealias Run = EditEndToEndTests.Run

    @Test("search on a custom attribute, mark all matches, dry run, run, save and read the report")
    func searchMarkDisable() throws {
        let boto = Boto(region: try TestRegion.claim())
        let name = "e2e-bulk-" + UUID().uuidString.prefix(8).lowercased()
        let seeded = try boto.run("""
        pool = idp.create_user_pool(PoolName=args[0], Schema=[{"Name": "tenant", "AttributeDataType": "String", "Mutable": True}])["UserPool"]["Id"]
        for i in range(24):
            tenant = "t42" if i % 3 == 0 else "t7"
            idp.admin_create_user(UserPoolId=pool, Username="u%02d" % i, MessageAction="SUPPRESS",
                                  UserAttributes=[{"Name": "custom:tenant", "Value": tenant}])
        print(json.dumps({"pool": pool}))
        """, [name])
        let pool = try #require(seeded["pool"] as? String)
        func disabled() throws -> [String] {
            let reply = try boto.run("""
            users = idp.list_users(UserPoolId=args[0])["Users"]
            print(json.dumps({"disabled": sorted(u["Username"] for u in users if not u["Enabled"])}))
            """, [pool])
            return reply["disabled"] as? [String] ?? []
        }
        let run = try Run(region: boto.region, script: "true")
        try UserLifecycleEndToEndTests.openUsers(run, name: name)

        try run.tmux.press("s")
        try run.tmux.wait(for: "search:")
        try run.tmux.type(#"custom:tenant = "t42""#)
        try run.tmux.press("Enter")
        let found = try run.tmux.wait(for: "8 matches of 24 scanned")
        #expect(found.contains("u00") && found.contains("u21") && !found.contains("u01 "), "\(found)")
        try run.tmux.press("C-a")
        try run.tmux.wait(for: "8 marked")

        try run.tmux.press("D")
        let plan = try run.tmux.wait(for: "Type disable 8 to confirm")
        #expect(plan.contains("Disable 8 users: one AdminDisableUser call each") && plan.contains("paced at the UserUpdate"), "\(plan)")
        try run.tmux.press("Escape")
        try run.tmux.wait(for: "Cancelled; nothing was sent.")
        #expect(try disabled() == [], "the dry run sent nothing")

        try run.tmux.press("D")
        try run.tmux.wait(for: "Type disable 8 to confirm")
        try run.tmux.type("disable 8")
        try run.tmux.press("Enter")
        try run.tmux.wait(for: "the report") { screen in
            screen.split(separator: "\n").contains { $0.contains("Succeeded") && $0.contains(" 8") } && screen.contains("finished")
        }
        #expect(try disabled() == (0..<24).filter { $0 % 3 == 0 }.map { String(format: "u%02d", $0) })

        try run.tmux.press("w")
        try run.tmux.wait(for: "Saved the report to")
        let reports = try FileManager.default.contentsOfDirectory(atPath: run.folder).filter { $0.hasPrefix("cognito-tui-report-") }
        #expect(reports.count == 1 && reports[0].hasSuffix(".csv"), "saved where the console started: \(reports)")
        let path = run.folder + "/" + (reports.first ?? "")
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let lines = csv.split(whereSeparator: { $0.isNewline })
        #expect(lines.count == 9, "a header and one line per user: \(csv)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("succeeded") }, "\(csv)")
    }
}
