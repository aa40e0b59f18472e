import AWSCore
import ArgumentParser
import CognitoAdmin
import Foundation

/// `cognito-tui users …`: reading users and every change of their lifecycle.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Create, read, change and delete users of a user pool.",
        discussion: """
            One username is one call; several (or --from FILE, or --report) run as a job under the \
            profile's rate limits (--rate N lowers them), with the plan first, progress on stderr, \
            Ctrl-C to stop starting new ones, and a report per user. Several users are confirmed by \
            typing the verb and the count (`disable 1240`) on a terminal, or with --yes without one.
            Examples:
              cognito-tui users list --pool staff-pool --filter 'email ^= "ann"'
              cognito-tui users list --pool staff-pool --where 'custom:tier = "gold" and enabled = "true"'
              cognito-tui users export --pool staff-pool --format csv --with-groups --output users.csv
              cognito-tui users create --pool eu-west-1_AbC123def ann --attribute email=ann@example.com --generate-password
              cognito-tui users disable --pool eu-west-1_AbC123def ann
              cognito-tui users delete --pool eu-west-1_AbC123def ann bob --yes --report gone.csv
              cognito-tui users disable --pool staff-pool --from leavers.csv --rate 10 --yes --report out.jsonl
              cognito-tui users import --pool staff-pool users.csv --dry-run
            """,
        subcommands: [UsersListCommand.self, UsersExportCommand.self, UsersGetCommand.self, UsersGroupsCommand.self, UsersCreateCommand.self,
                      UsersUpdateCommand.self, UsersSetPasswordCommand.self, UsersResetPasswordCommand.self,
                      UsersConfirmCommand.self, UsersAddToGroupCommand.self, UsersRemoveFromGroupCommand.self,
                      UsersDisableCommand.self, UsersEnableCommand.self, UsersDeleteCommand.self, UsersSignOutCommand.self,
                      UsersImportCommand.self]
    )
}

/// The users a lifecycle subcommand acts on, and how.
struct UserTargets: ParsableArguments {
    @Option(help: PoolHelp.option)
    var pool: String

    @Argument(help: "The usernames; several run as a job.")
    var usernames: [String] = []

    @Option(name: .customLong("from"),
            help: ArgumentHelp("Read the usernames from FILE: one a line, this tool's CSV export (a Username column) or JSON lines (objects with Username).",
                               valueName: "file"))
    var from: String?

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Act on every user of the pool meeting this condition (the pool is scanned first), e.g. 'custom:tenant = \"tnt_42\"'.",
                               valueName: "condition"))
    var condition: String?

    @Flag(name: .customLong("dry-run"), help: "Print the calls that would be made and send nothing.")
    var dryRun = false

    @OptionGroup var bulk: BulkOptions

    @OptionGroup var confirmation: ConfirmOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        let sources = [!usernames.isEmpty, from != nil, condition != nil].filter { $0 }.count
        if sources > 1 {
            throw ValidationError("Name the users one way: as arguments, with --from FILE or with --where CONDITION.")
        }
        guard sources == 1 else {
            throw ValidationError("Name at least one user, e.g. `--pool \(pool) ann`, a file of them with --from FILE, or a condition with --where.")
        }
        for username in usernames { try InputChecks.username(username) }
        if let from { try InputChecks.readableFile(from, option: "--from") }
        _ = try ScanConsole.condition(condition)
        try bulk.validate()
    }

    /// Turns a username named twice into one sentence; nothing was sent.
    static func refuseDuplicates<T>(_ body: () throws -> T) throws {
        do { _ = try body() } catch JobPlanError.duplicateItemID(let name) {
            throw CommandFailure.refused("The user \(name) is named more than once")
        }
    }

    /// Whether this runs as a job rather than a single call.
    var isJob: Bool { usernames.count > 1 || bulk.report != nil || from != nil || condition != nil }

    /// The usernames to act on, in order: the arguments, or the file's.
    ///
    /// This is the one place a bulk command's users come from, once the pool is known; a
    /// condition over the pool (`--where COND`, evaluated by a scan of the pool) is to be one
    /// more source here, producing the same list.
    /// - Throws: `CommandFailure.usage` naming the file and line of a problem; no change was sent.
    func selectedUsernames(pool: String, admin: AdminContext) async throws -> [String] {
        if let condition = try ScanConsole.condition(condition) {
            // The pool is scanned at the UserList quota first; the plan then lists what it found.
            let console = ScanConsole()
            let found = UsernameBuffer()
            let final = try await UserScan(backend: admin.backend, pool: pool, condition: condition).run { users, progress in
                found.append(users.map(\.username))
                console.show(progress)
            }
            console.finish(final)
            guard !found.names.isEmpty else {
                // Nothing to do is not a failure: said on stderr, exit 0.
                throw CommandFailure(description: "No user of \(pool) meets \(condition); nothing was sent.", status: 0)
            }
            return found.names
        }
        guard let from else { return usernames }
        return try fileUsernames(from, files: admin.session.context.files)
    }

    /// The usernames of `--from FILE`.
    private func fileUsernames(_ from: String, files: any FileAccess) throws -> [String] {
        let names: [String]
        do {
            guard let data = try files.read(from) else { throw CommandFailure.usage("--from \(from): there is no such file.") }
            names = try UsernameList.parse(String(decoding: data, as: UTF8.self))
        } catch let problem as UsernameList.Problem {
            throw CommandFailure.refused("--from \(from), \(problem)")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.usage("--from \(from) could not be read: \(error).")
        }
        guard !names.isEmpty else { throw CommandFailure.refused("--from \(from) names no user") }
        for name in names {
            do { try InputChecks.username(name) } catch let error as ValidationError {
                throw CommandFailure.refused("--from \(from): \(error.message)")
            }
        }
        return names
    }
}

struct UsersDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Stop users from signing in (AdminDisableUser); tokens already issued stay valid until they expire.",
        discussion: """
            Several users (named, or --from FILE) run as a job: the plan is printed first (the \
            count, the operation, its quota category and rate, the time it should take, the first \
            calls), then on a terminal you type the verb and the count (`disable 1240`) to go on; \
            without a terminal, pass --yes. --rate N holds the job below the profile's quota. The \
            exit status is 1 when any user failed; --report FILE.csv or FILE.jsonl says which.
            Examples:
              cognito-tui users disable --pool eu-west-1_AbC123def ann
              cognito-tui users disable --pool eu-west-1_AbC123def ann bob --report out.jsonl
              cognito-tui users disable --pool eu-west-1_AbC123def ann bob --dry-run
              cognito-tui users disable --pool staff-pool --from leavers.csv --rate 10 --yes --report out.jsonl
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
        let admin = try AdminContext.make(global)
        if !targets.dryRun { try admin.refuseIfReadOnly([change.operation]) }
        let pool = try await admin.pool(targets.pool)
        let usernames = try await targets.selectedUsernames(pool: pool, admin: admin)
        try UserTargets.refuseDuplicates { try change.plan(pool: pool, usernames: usernames) }
        guard targets.isJob || targets.dryRun else {
            try await UserCallCommand.requireUser(usernames[0], pool: pool, admin: admin)
            try targets.confirmation.confirm(change.isReversible ? .reversible : .delete, name: usernames[0],
                                             what: "\(change.rawValue) user \(usernames[0]) in \(pool)", admin: admin)
            try await change.apply(admin.backend, pool: pool, username: usernames[0])
            print("\(pastTense) user \(usernames[0]) in \(pool).")
            return
        }
        let job = try change.job(admin.backend, pool: pool, usernames: usernames)
        let run = BulkRun(verb: change.rawValue, pool: pool, admin: admin, options: targets.bulk,
                          confirmation: targets.confirmation, singleWeight: change.isReversible ? .reversible : .delete)
        let status = try await run.run(job, operations: [change.operation, "AdminGetUser"], dryRun: targets.dryRun)
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

/// The usernames a scan has found so far.
final class UsernameBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [String] = []
    func append(_ names: [String]) { lock.withLock { all += names } }
    var names: [String] { lock.withLock { all } }
}
