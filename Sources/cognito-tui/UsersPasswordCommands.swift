import ArgumentParser
import CognitoAdmin

struct UsersResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Reset users' passwords (AdminResetUserPassword): each becomes RESET_REQUIRED and is sent a code.",
        discussion: """
            Their current password stops working, so this asks y on a terminal and needs --yes \
            without one. Several users (or --report) run as a job, as for disable.
            Examples:
              cognito-tui users reset-password --pool eu-west-1_AbC123def ann --yes
              cognito-tui users reset-password --pool staff-pool ann bob --yes --report reset.csv
              cognito-tui users reset-password --pool staff-pool ann bob --dry-run
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await UserCallCommand(call: .resetPassword, weight: .update, commandVerb: "reset-password", verb: "reset the password of",
                                  done: "Reset the password of", targets: targets, global: global).run()
    }
}

struct UsersConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm UNCONFIRMED users' sign-up without a code (AdminConfirmSignUp).",
        discussion: """
            Examples:
              cognito-tui users confirm --pool eu-west-1_AbC123def ann
              cognito-tui users confirm --pool staff-pool ann bob carol --report confirmed.jsonl
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await UserCallCommand(call: .confirmSignUp, weight: .reversible, commandVerb: "confirm", verb: "confirm the sign-up of",
                                  done: "Confirmed the sign-up of", targets: targets, global: global).run()
    }
}

struct UsersSetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-password",
        abstract: "Set a user's password (AdminSetUserPassword), checked against the pool's policy first.",
        discussion: """
            The password is stdin's first line, or on a terminal it is asked twice without echo; \
            it is never taken from the arguments. A password the pool's policy refuses is one \
            sentence naming the rule, and nothing is sent. Without --permanent the password is \
            temporary: the user must choose a new one at the next sign-in (FORCE_CHANGE_PASSWORD).
            Examples:
              cognito-tui users set-password --pool eu-west-1_AbC123def ann
              printf '%s\\n' "$NEW_PASSWORD" | cognito-tui users set-password --pool staff-pool ann --permanent
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The user's username.")
    var username: String
    @Flag(help: "Make the password permanent (else the user must change it at the next sign-in).")
    var permanent = false
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.username(username)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["AdminSetUserPassword"])
        let pool = try await admin.pool(pool)
        let schema = try await PoolSchema.read(admin.backend, pool: pool)
        try await UserCallCommand.requireUser(username, pool: pool, admin: admin)
        let password = try SecretInput.password("New password for \(username)")
        if let broken = schema.password.violations(password).first {
            throw CommandFailure.refused("The password breaks the policy of \(pool): \(broken)")
        }
        try confirmation.confirm(.reversible, name: username, what: "set the password of \(username) in \(pool)", admin: admin)
        try await UserAdmin.setPassword(admin.backend, pool: pool, username: username, password: password,
                                        permanent: permanent, rules: schema.password)
        print("Set \(permanent ? "a permanent" : "a temporary") password for user \(username) in \(pool).")
    }
}

/// The work of a per-user call on the command line: a dry run, one call, or a job.
struct UserCallCommand {
    let call: UserCall
    let weight: ChangeWeight
    /// The subcommand's name (`reset-password`), typed with the count to confirm a bulk run.
    let commandVerb: String
    /// `reset the password of`, for the confirmation.
    let verb: String
    /// `Reset the password of`, for the line after one call.
    let done: String
    let targets: UserTargets
    let global: GlobalOptions

    func run() async throws {
        let admin = try AdminContext.make(global)
        if !targets.dryRun { try admin.refuseIfReadOnly([call.operation]) }
        let pool = try await admin.pool(targets.pool)
        let usernames = try await targets.selectedUsernames(pool: pool, admin: admin)
        try UserTargets.refuseDuplicates { try call.plan(pool: pool, usernames: usernames) }
        try await run(pool: pool, usernames: usernames, admin: admin)
    }

    /// After the pool is known (and anything else the command reads first).
    func run(pool: String, usernames: [String], admin: AdminContext) async throws {
        guard targets.isJob || targets.dryRun else {
            try await Self.requireUser(usernames[0], pool: pool, admin: admin)
            try targets.confirmation.confirm(weight, name: usernames[0], what: "\(verb) user \(usernames[0]) in \(pool)", admin: admin)
            try await call.apply(admin.backend, pool, usernames[0])
            print("\(done) user \(usernames[0]) in \(pool).")
            return
        }
        let job = try call.job(admin.backend, pool: pool, usernames: usernames)
        let run = BulkRun(verb: commandVerb, pool: pool, admin: admin, options: targets.bulk,
                          confirmation: targets.confirmation, singleWeight: weight)
        let status = try await run.run(job, operations: [call.operation, call.readOperation], dryRun: targets.dryRun)
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads the user first, so an unknown username is bad input rather than a failed call.
    /// - Throws: `CommandFailure.refused` naming the pool when it has no such user.
    static func requireUser(_ username: String, pool: String, admin: AdminContext) async throws {
        guard try await PoolReads.user(admin.backend, pool: pool, username: username) != nil else {
            throw CommandFailure.refused("There is no user \(username) in \(pool)")
        }
    }
}
