import ArgumentParser
import CognitoAdmin

/// `--group GROUP` and the users of `users add-to-group|remove-from-group`.
struct MembershipTargets: ParsableArguments {
    @Option(help: "The group's name.")
    var group: String

    func validate() throws {
        try InputChecks.groupName(group)
    }
}

struct UsersAddToGroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-to-group",
        abstract: "Add users to a group (AdminAddUserToGroup).",
        discussion: """
            The group is read first: one that is not in the pool is one sentence and nothing is \
            sent. Several users (or --report) run as a job, as for disable.
            Examples:
              cognito-tui users add-to-group --pool eu-west-1_AbC123def --group admins ann
              cognito-tui users add-to-group --pool staff-pool --group staff ann bob carol --report added.csv
            """
    )
    @OptionGroup var membership: MembershipTargets
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await MembershipCommand(call: .addToGroup(membership.group), group: membership.group, verb: "add",
                                    preposition: "to", targets: targets, global: global).run()
    }
}

struct UsersRemoveFromGroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-from-group",
        abstract: "Remove users from a group (AdminRemoveUserFromGroup); they stay in the pool.",
        discussion: """
            The group is read first: one that is not in the pool is one sentence and nothing is \
            sent. Several users (or --report) run as a job, as for disable.
            Examples:
              cognito-tui users remove-from-group --pool eu-west-1_AbC123def --group admins ann
              cognito-tui users remove-from-group --pool staff-pool --group interns ann bob --dry-run
            """
    )
    @OptionGroup var membership: MembershipTargets
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await MembershipCommand(call: .removeFromGroup(membership.group), group: membership.group, verb: "remove",
                                    preposition: "from", targets: targets, global: global).run()
    }
}

/// Adding to or removing from a group: the group is checked, then it runs as any per-user call.
struct MembershipCommand {
    let call: UserCall
    let group: String
    let verb: String
    let preposition: String
    let targets: UserTargets
    let global: GlobalOptions

    func run() async throws {
        let command = UserCallCommand(call: call, weight: .reversible, commandVerb: "\(verb)-\(preposition)-group",
                                      verb: "\(verb) \(preposition) group \(group)",
                                      done: verb == "add" ? "Added to group \(group):" : "Removed from group \(group):",
                                      targets: targets, global: global)
        let admin = try AdminContext.make(global)
        if !targets.dryRun { try admin.refuseIfReadOnly([call.operation]) }
        let pool = try await admin.pool(targets.pool)
        let usernames = try await targets.selectedUsernames(pool: pool, admin: admin)
        try UserTargets.refuseDuplicates { try call.plan(pool: pool, usernames: usernames) }
        try await GroupsCommand.requireGroup(group, pool: pool, admin: admin)
        try await command.run(pool: pool, usernames: usernames, admin: admin)
    }
}
