import Foundation
import Testing
import TestSupport

/// `users list --where` and `users export` through the binary; what they write is read back
/// with Python (its csv and json modules) and compared with what boto3 reads from the pool.
@Suite("cognito-tui users list --where and users export", .timeLimit(.minutes(5)))
struct UsersExportCommandTests {
    /// A pool with a custom attribute, groups, and values that need escaping in every format.
    static func kit() throws -> AdminCommandKit {
        let kit = try AdminCommandKit(groups: [("admins", "Admins", 1, "arn:aws:iam::123456789012:role/Admins"),
                                               ("staff", "Staff", 2, "arn:aws:iam::123456789012:role/Staff")])
        _ = try kit.boto("""
            idp.add_custom_attributes(UserPoolId=pool, CustomAttributes=[{"Name": "tier", "AttributeDataType": "String"}])
            people = {
                "ann": {"email": "ann@example.com", "email_verified": "true", "custom:tier": "gold, plus",
                        "given_name": 'Ann "A"', "birthdate": "1985-02-01"},
                "bob": {"email": "bob@example.org", "custom:tier": "silver"},
                "carol": {"phone_number": "+442071838750", "phone_number_verified": "true", "custom:tier": "gold"},
            }
            for name, attributes in people.items():
                idp.admin_create_user(UserPoolId=pool, Username=name, MessageAction="SUPPRESS",
                                      UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()])
            idp.admin_disable_user(UserPoolId=pool, Username="bob")
            for name, group in [("ann", "admins"), ("ann", "staff"), ("carol", "staff")]:
                idp.admin_add_user_to_group(UserPoolId=pool, Username=name, GroupName=group)
            """)
        return kit
    }

    /// boto3's view of the pool: each user's fields and attributes as text, and its groups.
    static let judge = """
        def users():
            out = {}
            for u in idp.list_users(UserPoolId=pool)["Users"]:
                record = {"Username": u["Username"], "UserStatus": u["UserStatus"],
                          "Enabled": "true" if u["Enabled"] else "false"}
                record.update({a["Name"]: a["Value"] for a in u["Attributes"]})
                groups = idp.admin_list_groups_for_user(UserPoolId=pool, Username=u["Username"])["Groups"]
                record["Groups"] = json.dumps(sorted(g["GroupName"] for g in groups))
                out[u["Username"]] = record
            return out

        """

    typealias Records = [String: [String: String]]

    func compare(_ kit: AdminCommandKit, reading code: String) throws -> (got: Records, want: Records) {
        let text = try kit.boto(Self.judge + code + "\nprint(json.dumps({\"got\": got, \"want\": users()}))")
        let both = try JSONDecoder().decode([String: Records].self, from: Data(text.utf8))
        return (both["got"] ?? [:], both["want"] ?? [:])
    }

    @Test("list --where keeps the users meeting every clause, checked beyond what the service filters")
    func listWhere() throws {
        let kit = try Self.kit()
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--where", #"custom:tier ^= "gold" and enabled = "true""#,
                                  "--output", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["Username"] as? String
        }
        #expect(Set(names) == ["ann", "carol"])
        let quoted = try kit.run(["users", "list", "--pool", kit.pool, "--where", #"email ^= "ann" and given_name *= "\"A\"""#,
                                  "--output", "jsonl"])
        #expect(quoted.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        #expect(quoted.stdout.contains(#""Username":"ann""#))
        // The service finds ann for this email whatever the case; the exact check drops her.
        let exact = try kit.run(["users", "list", "--pool", kit.pool, "--where", #"email = "ANN@example.com""#, "--output", "jsonl"])
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(exact.stdout.isEmpty)
    }

    @Test("list and export --sequential read the pool through one chain of pages, every user once, as boto3 lists it")
    func sequential() throws {
        let kit = try AdminCommandKit()
        _ = try kit.boto("""
            import urllib.request
            body = json.dumps({"userPoolId": pool, "count": 150, "prefix": "seq"}).encode()
            urllib.request.urlopen(urllib.request.Request(\(AdminCommandKit.literal(kit.url)) + "/_emulator/cognito-idp/users",
                                                          data=body, method="POST")).read()
            """)
        let want = Set(try kit.allUsers().keys)
        #expect(want.count == 150)
        // The proxy counts the ListUsers calls: 150 users, 60 a page, are three pages through one
        // chain, where sixteen chains take sixteen calls or more.
        let proxy = try FaultProxy(upstream: kit.url)
        defer { proxy.stop() }
        for (arguments, calls) in [(["list", "--sequential", "--output", "jsonl"], 3...3),
                                   (["export", "--sequential", "--format", "jsonl"], 3...3),
                                   (["list", "--output", "jsonl"], 16...32)] {
            try proxy.resetCounters()
            let result = try kit.run(["users", arguments[0], "--pool", kit.pool] + arguments.dropFirst(), endpoint: proxy.url)
            #expect(result.status == 0, "\(result.stderr)")
            let names = result.stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["Username"] as? String
            }
            #expect(names.count == want.count, "\(arguments): each user once")
            #expect(Set(names) == want, "\(arguments)")
            let listed = try proxy.counters().received(["ListUsers"])
            #expect(calls.contains(listed), "\(arguments): \(listed) ListUsers calls")
        }
    }

    @Test("a bad --where is one sentence naming the word, exit 2, and nothing is sent")
    func badWhere() throws {
        let kit = try Self.kit()
        // Nothing listens at this endpoint: a call would fail with exit 4, not 2.
        let result = try kit.run(["users", "list", "--pool", kit.pool, "--where", #"email == "ann""#,
                                  "--endpoint-url", "http://127.0.0.1:9"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cognito-tui: --where: unknown operator \"==\"; use =, !=, ^=, $=, *=, ~, < or >. "
            + "See `cognito-tui users list --help`.\n")
        let export = try kit.run(["users", "export", "--pool", kit.pool, "--format", "csv", "--where", #"enabled = "maybe""#,
                                  "--endpoint-url", "http://127.0.0.1:9"])
        #expect(export.status == 2)
        #expect(export.stderr.contains(#"enabled is true, false, yes or no, not "maybe""#))
    }

    @Test("export --format csv with groups reads back in Python's csv module as boto3 sees the pool")
    func csv() throws {
        let kit = try Self.kit()
        let file = kit.home.path + "/users.csv"
        let result = try kit.run(["users", "export", "--pool", kit.pool, "--format", "csv", "--with-groups", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let (got, want) = try compare(kit, reading: """
            import csv
            with open(\(AdminCommandKit.literal(file)), newline="") as f:
                rows = list(csv.DictReader(f))
            got = {}
            for row in rows:
                row["Groups"] = json.dumps(sorted(json.loads(row["Groups"])))
                got[row["Username"]] = {k: v for k, v in row.items()
                                        if v != "" and k not in ("UserCreateDate", "UserLastModifiedDate")}
            """)
        #expect(got == want)
    }

    @Test("export --format json and jsonl keep the service's shapes, with each user's groups")
    func json() throws {
        let kit = try Self.kit()
        for format in ["json", "jsonl"] {
            let result = try kit.run(["users", "export", "--pool", kit.pool, "--format", format, "--with-groups"])
            #expect(result.status == 0, "\(result.stderr)")
            try kit.home.write("users.\(format)", result.stdout)
            let (got, want) = try compare(kit, reading: """
                text = open(\(AdminCommandKit.literal(kit.home.path + "/users." + format))).read()
                items = json.loads(text) if \(format == "json" ? "True" : "False") else [json.loads(l) for l in text.splitlines()]
                got = {}
                for u in items:
                    record = {"Username": u["Username"], "UserStatus": u["UserStatus"],
                              "Enabled": "true" if u["Enabled"] else "false", "Groups": json.dumps(sorted(u["Groups"]))}
                    record.update({a["Name"]: a["Value"] for a in u["Attributes"]})
                    got[u["Username"]] = record
                """)
            #expect(got == want, "\(format)")
        }
    }

    @Test("export --format cognito-import has GetCSVHeader's columns and the import's rules")
    func cognitoImport() throws {
        let kit = try Self.kit()
        let file = kit.home.path + "/import.csv"
        let result = try kit.run(["users", "export", "--pool", kit.pool, "--format", "cognito-import", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try kit.boto("""
            import csv
            header = idp.get_csv_header(UserPoolId=pool)["CSVHeader"]
            with open(\(AdminCommandKit.literal(file)), newline="") as f:
                rows = list(csv.reader(f, escapechar="\\\\", quoting=csv.QUOTE_NONE))
            users = {u["Username"]: {a["Name"]: a["Value"] for a in u["Attributes"]} for u in idp.list_users(UserPoolId=pool)["Users"]}
            problems = [] if rows[0] == header else ["header " + repr(rows[0])]
            for row in rows[1:]:
                cell = dict(zip(header, row))
                want = users.pop(cell["cognito:username"])
                for column in header:
                    if column == "cognito:username":
                        continue
                    expected = want.get(column, "")
                    if column == "cognito:mfa_enabled":
                        expected = "false"
                    elif column in ("email_verified", "phone_number_verified"):
                        expected = want.get(column, "false")
                    elif column == "birthdate" and expected:
                        y, m, d = expected.split("-")
                        expected = f"{m}/{d}/{y}"
                    if cell[column] != expected:
                        problems.append(f"{cell['cognito:username']}.{column}: {cell[column]!r} != {expected!r}")
            problems += [f"missing {name}" for name in users]
            print(json.dumps(problems))
            """)
        #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == [])
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains(#"gold\, plus"#) }, "a comma is written \\,")
        #expect(!lines.contains { $0.contains("\"gold") }, "values are not quoted")
    }

    @Test("in a pool where MFA is optional, cognito:mfa_enabled is whether each user has an MFA method")
    func importOptionalMFA() throws {
        let kit = try AdminCommandKit(poolArguments: #"MfaConfiguration="OPTIONAL", SmsConfiguration={"SnsCallerArn": "arn:aws:iam::123456789012:role/sns", "ExternalId": "x"}"#)
        _ = try kit.boto("""
            for name in ("ann", "bob"):
                idp.admin_create_user(UserPoolId=pool, Username=name, MessageAction="SUPPRESS", UserAttributes=[
                    {"Name": "phone_number", "Value": "+442071838750"}, {"Name": "phone_number_verified", "Value": "true"}])
            idp.admin_set_user_mfa_preference(UserPoolId=pool, Username="ann", SMSMfaSettings={"Enabled": True, "PreferredMfa": True})
            """)
        let file = kit.home.path + "/import.csv"
        let result = try kit.run(["users", "export", "--pool", kit.pool, "--format", "cognito-import", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try kit.boto("""
            import csv
            with open(\(AdminCommandKit.literal(file)), newline="") as f:
                rows = list(csv.DictReader(f, escapechar="\\\\", quoting=csv.QUOTE_NONE))
            got = {r["cognito:username"]: r["cognito:mfa_enabled"] for r in rows}
            want = {u["Username"]: "true" if idp.admin_get_user(UserPoolId=pool, Username=u["Username"]).get("UserMFASettingList") else "false"
                    for u in idp.list_users(UserPoolId=pool)["Users"]}
            print(json.dumps([got, want]))
            """)
        let both = try JSONDecoder().decode([[String: String]].self, from: Data(text.utf8))
        #expect(both.first == ["ann": "true", "bob": "false"])
        #expect(both.first == both.last)
    }

    @Test("on a terminal, stderr shows how far the scan is: scanned, of about how many, matches")
    func progressOnTerminal() throws {
        let kit = try Self.kit()
        let file = kit.home.path + "/users.jsonl"
        let command = [BinaryRunner.binaryPath, "users", "export", "--pool", kit.pool, "--format", "jsonl", "--where",
                       #"custom:tier ^= "gold""#, "--output", file, "--endpoint-url", kit.url, "--region", "us-east-1"]
            .map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ") + "; echo exit=$?"
        let environment = BinaryRunner.baseEnvironment(home: kit.home.path).merging(AdminCommandKit.keys) { $1 }
        let tmux = try TmuxSession(command: command, environment: environment)
        try tmux.wait(for: "exit=0")
        // With the scroll-back: a command this short can be done before tmux has sized the
        // pane, and its first lines then scroll out of the visible screen.
        let screen = try tmux.tmux(["capture-pane", "-p", "-S", "-", "-t", tmux.name])
        #expect(screen.contains("scanned 3 of about 3, 2 matches"), "\(screen)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test("--with-groups cannot go with cognito-import")
    func importWithGroups() throws {
        let kit = try Self.kit()
        let result = try kit.run(["users", "export", "--pool", kit.pool, "--format", "cognito-import", "--with-groups"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("cognito-tui: --with-groups cannot go with --format cognito-import"))
    }
}
