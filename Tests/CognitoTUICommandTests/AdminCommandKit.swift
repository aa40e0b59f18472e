import Foundation
import Testing
import TestSupport

/// What the admin subcommands' tests share: a fresh user pool in the shared emulator per test,
/// the binary run against it, and boto3 as the judge of what changed.
struct AdminCommandKit {
    static let keys = TestEmulator.keyEnvironment

    let home: TemporaryHome
    let url: String
    /// The id of a user pool made for this test alone.
    let pool: String

    /// Makes a pool with these users (all enabled) and these groups (description, precedence, role).
    /// - Parameters:
    ///   - poolArguments: more keyword arguments of boto3's `create_user_pool`, e.g. a password policy.
    ///   - users: usernames made with `admin_create_user`, each with a verified email.
    init(users: [String] = [], groups: [(name: String, description: String, precedence: Int, role: String)] = [],
         poolArguments: String = "", poolName: String? = nil) throws {
        home = try TemporaryHome()
        url = try TestEmulator.url()
        let groupCalls = groups.map {
            "idp.create_group(UserPoolId=pool, GroupName=\(Self.literal($0.name)), Description=\(Self.literal($0.description)), "
                + "Precedence=\($0.precedence), RoleArn=\(Self.literal($0.role)))"
        }
        let userCalls = users.map {
            "idp.admin_create_user(UserPoolId=pool, Username=\(Self.literal($0)), MessageAction=\"SUPPRESS\", "
                + "UserAttributes=[{\"Name\": \"email\", \"Value\": \(Self.literal($0 + "@example.com"))}, "
                + "{\"Name\": \"email_verified\", \"Value\": \"true\"}])"
        }
        let name = poolName ?? "admin-\(UUID().uuidString.prefix(8))"
        pool = try Self.boto(url, """
            pool = idp.create_user_pool(PoolName=\(Self.literal(name))\(poolArguments.isEmpty ? "" : ", " + poolArguments))["UserPool"]["Id"]
            \((userCalls + groupCalls).joined(separator: "\n"))
            print(pool)
            """).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `cognito-tui` against the emulator (or `endpoint`, e.g. a fault proxy in front of it)
    /// with stdin not a terminal.
    func run(_ arguments: [String], stdin: String? = nil, env: [String: String] = [:],
             endpoint: String? = nil) throws -> BinaryRunner.Result {
        let environment = BinaryRunner.baseEnvironment(home: home.path).merging(Self.keys) { $1 }.merging(env) { $1 }
        return try BinaryRunner.run(arguments + ["--endpoint-url", endpoint ?? url, "--region", "us-east-1"],
                                    environment: environment, stdin: stdin)
    }

    /// Every user of the pool as boto3 reads them, through every page, by username.
    func allUsers() throws -> [String: User] {
        let text = try boto("""
            users = {}
            for page in idp.get_paginator("list_users").paginate(UserPoolId=pool):
                for u in page["Users"]:
                    users[u["Username"]] = {"status": u["UserStatus"], "enabled": u["Enabled"],
                                            "attributes": {a["Name"]: a["Value"] for a in u.get("Attributes", [])}}
            print(json.dumps(users))
            """)
        return try JSONDecoder().decode([String: User].self, from: Data(text.utf8))
    }

    /// A user as boto3 reads it, or nil when the pool has no such user.
    struct User: Decodable, Equatable {
        var status: String
        var enabled: Bool
        var attributes: [String: String]
    }

    func user(_ username: String) throws -> User? {
        let text = try boto("""
            try:
                u = idp.admin_get_user(UserPoolId=pool, Username=\(Self.literal(username)))
                print(json.dumps({"status": u["UserStatus"], "enabled": u["Enabled"],
                                  "attributes": {a["Name"]: a["Value"] for a in u.get("UserAttributes", [])}}))
            except idp.exceptions.UserNotFoundException:
                print("null")
            """)
        return try JSONDecoder().decode(User?.self, from: Data(text.utf8))
    }

    /// The groups the user is in, as boto3 lists them.
    func groups(of username: String) throws -> Set<String> {
        let text = try boto("""
            gs = idp.admin_list_groups_for_user(UserPoolId=pool, Username=\(Self.literal(username)))["Groups"]
            print(json.dumps([g["GroupName"] for g in gs]))
            """)
        return Set(try JSONDecoder().decode([String].self, from: Data(text.utf8)))
    }

    /// Writes cognito-tui's settings file in this test's home.
    func settings(_ yaml: String) throws {
        try home.write(".config/cognito-tui/config.yaml", yaml)
    }

    /// Writes an executable script in the home folder and returns its path.
    func script(_ name: String, _ body: String) throws -> String {
        try home.write(name, "#!/bin/sh\n" + body)
        let path = home.path + "/" + name
        guard chmod(path, 0o755) == 0 else { throw KitError("chmod \(path) failed") }
        return path
    }

    /// Whether each user is enabled, by username, as boto3 reads them; absent users are left out.
    func enabled() throws -> [String: Bool] {
        let text = try boto("""
            users = idp.list_users(UserPoolId=pool)["Users"]
            print(json.dumps({u["Username"]: u["Enabled"] for u in users}))
            """)
        return try JSONDecoder().decode([String: Bool].self, from: Data(text.utf8))
    }

    /// A group as boto3 reads it: description, precedence, role.
    func group(_ name: String) throws -> [String: String] {
        let text = try boto("""
            g = idp.get_group(UserPoolId=pool, GroupName=\(Self.literal(name)))["Group"]
            print(json.dumps({k: str(g.get(k)) for k in ("Description", "Precedence", "RoleArn")}))
            """)
        return try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    /// The group names of the pool, as boto3 lists them.
    func groupNames() throws -> Set<String> {
        let text = try boto(#"print(json.dumps([g["GroupName"] for g in idp.list_groups(UserPoolId=pool)["Groups"]]))"#)
        return Set(try JSONDecoder().decode([String].self, from: Data(text.utf8)))
    }

    func boto(_ code: String) throws -> String {
        try Self.boto(url, "pool = \(Self.literal(pool))\n" + code)
    }

    /// Runs Python with boto3's `idp` client on the emulator and returns what it printed.
    static func boto(_ url: String, _ code: String) throws -> String {
        let prelude = """
            import json, boto3
            idp = boto3.client("cognito-idp", endpoint_url=\(literal(url)), region_name="us-east-1",
                               aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")
            ci = boto3.client("cognito-identity", endpoint_url=\(literal(url)), region_name="us-east-1",
                              aws_access_key_id="AKIABOTOJUDGE0000001", aws_secret_access_key="judge")

            """
        let process = Process()
        process.executableURL = ProjectPython.url
        process.arguments = ["-c", prelude + code]
        // The test's own environment finds the Python that has boto3 (as for the emulator), less
        // any AWS setting of the machine.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KitError("boto3 failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A Python string literal.
    static func literal(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try? encoder.encode(text)
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

struct KitError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
