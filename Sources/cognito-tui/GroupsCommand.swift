import ArgumentParser
import CognitoAPI
import CognitoAdmin

/// `cognito-tui groups list|get|members|create|update|delete --pool POOL`.
struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "List, show, create, change or delete the groups of a user pool.",
        discussion: """
            Examples:
              cognito-tui groups list --pool staff-pool
              cognito-tui groups create --pool eu-west-1_AbC123def interns --precedence 20
              cognito-tui groups update --pool eu-west-1_AbC123def staff --description "Everyone on staff"
              cognito-tui groups delete --pool eu-west-1_AbC123def interns
            """,
        subcommands: [GroupsListCommand.self, GroupsGetCommand.self, GroupsMembersCommand.self, GroupsCreateCommand.self,
                      GroupsUpdateCommand.self, GroupsDeleteCommand.self]
    )

    /// Reads the group first, so an unknown name is bad input rather than a failed change.
    /// - Throws: `CommandFailure.refused` naming the pool when it has no such group.
    static func requireGroup(_ name: String, pool: String, admin: AdminContext) async throws {
        guard try await PoolReads.group(admin.backend, pool: pool, name: name) != nil else {
            throw CommandFailure.refused("There is no group \(name) in \(pool)")
        }
    }
}

struct GroupsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a group (DeleteGroup); its members stay in the pool.",
        discussion: """
            On a terminal you type the group's name to confirm; without one, pass --yes. On a \
            protected profile, pass --confirm NAME instead.
            Examples:
              cognito-tui groups delete --pool eu-west-1_AbC123def interns
              cognito-tui groups delete --pool eu-west-1_AbC123def interns --yes
              cognito-tui groups delete --pool eu-west-1_AbC123def interns --confirm interns --profile prod-admin
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The group's name.")
    var name: String
    @Flag(name: .customLong("dry-run"), help: "Print the call that would be made and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.groupName(name)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        if dryRun {
            print("DeleteGroup \(try await admin.pool(pool))/\(name): nothing sent (dry run).")
            return
        }
        try admin.refuseIfReadOnly(["DeleteGroup"])
        let pool = try await admin.pool(pool)
        try await GroupsCommand.requireGroup(name, pool: pool, admin: admin)
        try confirmation.confirm(.delete, name: name, what: "delete group \(name) from \(pool)", admin: admin)
        try await GroupAdmin.delete(admin.backend, pool: pool, name: name)
        print("Deleted group \(name) from \(pool).")
    }
}

struct GroupsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a group's description, precedence or role; the fields not given are kept.",
        discussion: """
            UpdateGroup resets every field it is not sent, so the group is read first, the options \
            given are merged in, and the field diff is printed; the group is read again just before \
            sending, and if it changed meanwhile nothing is sent without asking again. An empty value \
            (--description "") removes the field.
            Examples:
              cognito-tui groups list --pool staff-pool
              cognito-tui groups create --pool eu-west-1_AbC123def interns --precedence 20
              cognito-tui groups update --pool eu-west-1_AbC123def staff --description "Everyone on staff"
              cognito-tui groups update --pool eu-west-1_AbC123def admins --precedence 1 --role-arn arn:aws:iam::111122223333:role/Admins
              cognito-tui groups update --pool eu-west-1_AbC123def staff --precedence 5 --dry-run
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The group's name.")
    var name: String
    @Option(help: "The new description.")
    var description: String?
    @Option(parsing: .unconditional,
            help: ArgumentHelp("The new precedence: 0 or more; lower wins when a user is in several groups.", valueName: "n"))
    var precedence: Int?
    @Option(name: .customLong("role-arn"), help: ArgumentHelp("The IAM role of the group's members.", valueName: "arn"))
    var roleArn: String?
    @Flag(name: .customLong("dry-run"), help: "Print the diff and send nothing.")
    var dryRun = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.groupName(name)
        guard description != nil || precedence != nil || roleArn != nil else {
            throw ValidationError("Say what to change: --description, --precedence or --role-arn.")
        }
        if let precedence, precedence < 0 {
            throw ValidationError("--precedence must be 0 or more, got \(precedence).")
        }
        for (member, value) in edits { if let value { try InputChecks.member(member, value, of: "UpdateGroup") } }
    }

    /// The members to set; an empty text removes the member.
    var edits: [String: JSONValue?] {
        var members: [String: JSONValue?] = [:]
        if let description { members["Description"] = description.isEmpty ? .some(nil) : .string(description) }
        if let precedence { members["Precedence"] = .integer(Int64(precedence)) }
        if let roleArn { members["RoleArn"] = roleArn.isEmpty ? .some(nil) : .string(roleArn) }
        return members
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let updater = GroupAdmin.updater
        if !dryRun { try admin.refuseIfReadOnly([updater.operation]) }
        let pool = try await admin.pool(pool)
        try await GroupsCommand.requireGroup(name, pool: pool, admin: admin)
        let path = [pool, name], resource = "\(pool)/\(name)"
        let plan = try await updater.plan(admin.backend, path: path, edit: .members(edits))
        try await UpdateSender(updater: updater, path: path, resource: resource)
            .finish(plan, label: "group \(name)", dryRun: dryRun, confirmation: confirmation, weight: .reversible,
                    name: name, what: "update group \(name) in \(pool)", admin: admin)
    }
}
