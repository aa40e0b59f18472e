import ArgumentParser
import CognitoAdmin

/// `cognito-tui users …`: reading users and every change of their lifecycle.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create, read, change and delete users of a user pool.",
        discussion: """
            One username is one call; several (or --report) run as a job under the profile's rate \
            limits, with progress on stderr, Ctrl-C to stop starting new ones, and a report per user.
            Examples:
              cognito-tui users list --pool staff-pool --filter 'email ^= "ann"'
              cognito-tui users list --pool staff-pool --where 'custom:tier = "gold" and enabled = "true"'
              cognito-tui users export --pool staff-pool --format csv --with-groups --output users.csv
              cognito-tui users create --pool eu-west-1_AbC123def ann --attribute email=ann@example.com --generate-password
              cognito-tui users disable --pool eu-west-1_AbC123def ann
              cognito-tui users delete --pool eu-west-1_AbC123def ann bob --yes --report gone.csv
            """,
        subcommands: [UsersListCommand.self, UsersExportCommand.self, UsersGetCommand.self, UsersGroupsCommand.self, UsersCreateCommand.self,
                      UsersUpdateCommand.self, UsersSetPasswordCommand.self, UsersResetPasswordCommand.self,
                      UsersConfirmCommand.self, UsersAddToGroupCommand.self, UsersRemoveFromGroupCommand.self,
                      UsersDisableCommand.self, UsersEnableCommand.self, UsersDeleteCommand.self, UsersSignOutCommand.self]
    )
}

/// The users a lifecycle subcommand acts on, and how.
struct UserTargets: ParsableArguments {
    @Option(help: PoolHelp.option)
    var pool: String

    @Argument(help: "The usernames; several run as a job.")
    var usernames: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the calls that would be made and send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Save the report of every user to FILE.csv or FILE.jsonl (runs as a job).", valueName: "file"))
    var report: String?

    @OptionGroup var confirmation: ConfirmOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        guard !usernames.isEmpty else { throw ValidationError("Name at least one user, e.g. `--pool \(pool) ann`.") }
        for username in usernames { try InputChecks.username(username) }
        if let report { try InputChecks.reportPath(report) }
    }

    /// Whether this runs as a job rather than a single call.
    var isJob: Bool { usernames.count > 1 || report != nil }
}

struct UsersDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Stop users from signing in (AdminDisableUser); tokens already issued stay valid until they expire.",
        discussion: """
            Examples:
              cognito-tui users disable --pool eu-west-1_AbC123def ann
              cognito-tui users disable --pool eu-west-1_AbC123def ann bob --report out.jsonl
              cognito-tui users disable --pool eu-west-1_AbC123def ann bob --dry-run
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws { try await UserChangeCommand(change: .disable, targets: targets, global: global).run() }
}

struct UsersEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Let disabled users sign in again (AdminEnableUser).",
        discussion: """
            Examples:
              cognito-tui users enable --pool eu-west-1_AbC123def ann
              cognito-tui users enable --pool eu-west-1_AbC123def ann bob --report enabled.csv
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws { try await UserChangeCommand(change: .enable, targets: targets, global: global).run() }
}

struct UsersDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete users (AdminDeleteUser); this cannot be undone.",
        discussion: """
            On a terminal you type the username (for several users, the pool id) to confirm; \
            without one, pass --yes. On a protected profile, pass --confirm with that name instead.
            Examples:
              cognito-tui users delete --pool eu-west-1_AbC123def ann
              cognito-tui users delete --pool eu-west-1_AbC123def ann bob --yes --report deleted.csv
              cognito-tui users delete --pool eu-west-1_AbC123def ann --confirm ann --profile prod-admin
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws { try await UserChangeCommand(change: .delete, targets: targets, global: global).run() }
}

struct UsersSignOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-out",
        abstract: "Sign users out of every device (AdminUserGlobalSignOut).",
        discussion: """
            Their refresh tokens stop working; access and ID tokens already issued stay valid \
            until they expire.
            Examples:
              cognito-tui users sign-out --pool eu-west-1_AbC123def ann
              cognito-tui users sign-out --pool eu-west-1_AbC123def ann bob --report signed-out.csv
            """
    )
    @OptionGroup var targets: UserTargets
    @OptionGroup var global: GlobalOptions

    func run() async throws { try await UserChangeCommand(change: .signOut, targets: targets, global: global).run() }
}

/// The work of the user subcommands: a dry run, or one call, or a job.
struct UserChangeCommand {
    let change: UserChange
    let targets: UserTargets
    let global: GlobalOptions

    func run() async throws {
        let usernames = targets.usernames
        _ = try change.plan(pool: targets.pool, usernames: usernames)
        let admin = try AdminContext.make(global)
        if targets.dryRun {
            JobProgressText.plan(try change.plan(pool: try await admin.pool(targets.pool), usernames: usernames)).forEach { print($0) }
            return
        }
        try admin.refuseIfReadOnly([change.operation])
        let pool = try await admin.pool(targets.pool)
        let single = usernames.count == 1
        let what = single ? "\(change.rawValue) user \(usernames[0]) in \(pool)"
                          : "\(change.rawValue) \(usernames.count) users in \(pool)"
        try targets.confirmation.confirm(change.isReversible ? .reversible : .delete,
                                         name: single ? usernames[0] : pool, what: what, admin: admin)
        guard targets.isJob else {
            try await change.apply(admin.backend, pool: pool, username: usernames[0])
            print("\(pastTense) user \(usernames[0]) in \(pool).")
            return
        }
        let job = try change.job(admin.backend, pool: pool, usernames: usernames)
        let status = try await JobConsole(admin: admin).run(job, reportPath: targets.report)
        if status != 0 { throw ExitCode(status) }
    }

    private var pastTense: String {
        switch change {
        case .disable: return "Disabled"
        case .enable: return "Enabled"
        case .delete: return "Deleted"
        case .signOut: return "Signed out everywhere:"
        }
    }
}
