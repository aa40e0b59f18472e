import AWSCore
import ArgumentParser
import CognitoAdmin

/// `cognito-tui users import --pool POOL FILE`: users from a file made in a pool, as a job.
struct UsersImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create users from a CSV or JSON-lines file (AdminCreateUser), as a job at the UserCreation quota.",
        discussion: """
            FILE.csv is this tool's export (Username and one column per attribute) or Cognito's \
            user-import CSV (the GetCSVHeader columns with cognito:username); FILE.jsonl holds one \
            object a line with Username, Attributes ([{"Name", "Value"}] or an object, or the \
            attributes as keys) and Enabled. Empty values are left out; sub and the export's \
            read-only columns are ignored. Every user is checked against the pool first (the \
            username's kind, required attributes, attributes the pool has): the first problem is \
            one sentence naming its line, and nothing is sent. Invitations are not sent unless \
            --invite; Cognito makes the temporary passwords. A user the pool has already is \
            skipped, or with --existing update given the file's attributes and Enabled. A Groups \
            column or member (the export's --with-groups: a JSON list of names) adds each user to \
            those groups, which must exist. Cognito's user-import CSV is read by its own rules \
            (nothing quoted, a comma in a value written \\,, birthdates as mm/dd/yyyy).
            Examples:
              cognito-tui users import --pool staff-pool users.csv --dry-run
              cognito-tui users import --pool eu-west-1_AbC123def users.jsonl --existing update --yes --report imported.csv
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String

    @Argument(help: ArgumentHelp("The users: FILE.csv, or FILE.jsonl (JSON lines).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("What to do with a user the pool has already: skip (the default) or update.", valueName: "skip|update"))
    var existing: String = ExistingUsers.skip.rawValue

    @Flag(help: "Send each new user Cognito's invitation (by default it is suppressed).")
    var invite = false

    @Flag(name: .customLong("dry-run"), help: "Check the file against the pool, print the plan and send nothing.")
    var dryRun = false

    @OptionGroup var bulk: BulkOptions
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        guard UserImport.Format(path: file) != nil else {
            throw ValidationError("The file to import must end in .csv or .jsonl, got `\(file)`.")
        }
        try InputChecks.readableFile(file, option: "The file to import")
        guard ExistingUsers(rawValue: existing) != nil else {
            throw ValidationError("--existing takes skip or update, got `\(existing)`.")
        }
        try bulk.validate()
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let users = try readFile(admin.session.context.files)
        let policy = ExistingUsers(rawValue: existing) ?? .skip
        let operations = users.operations(existing: policy)
        if !dryRun { try admin.refuseIfReadOnly(operations) }
        let pool = try await admin.pool(pool)
        let schema = try await PoolSchema.read(admin.backend, pool: pool)
        if let problem = users.problem(in: schema) {
            throw CommandFailure.refused("\(file): \(problem)")
        }
        if !users.groups.isEmpty {
            let groups = Set(try await PoolReads.groups(admin.backend, pool: pool).compactMap(\.groupName))
            if let problem = users.problem(groups: groups) { throw CommandFailure.refused("\(file): \(problem)") }
        }
        let job = try users.job(admin.backend, pool: pool, existing: policy, invite: invite)
        let run = BulkRun(verb: "import", pool: pool, admin: admin, options: bulk, confirmation: confirmation,
                          singleWeight: .reversible)
        let notes = ["  Users the pool has already: \(policy == .skip ? "skipped" : "updated (AdminUpdateUserAttributes)")."]
        let status = try await run.run(job, operations: [UserImport.operation, "AdminGetUser"] + operations.dropFirst(),
                                       dryRun: dryRun, notes: notes)
        if status != 0 { throw ExitCode(status) }
    }

    /// The file's users.
    /// - Throws: `CommandFailure.usage` naming the file and line of a problem; nothing was sent.
    private func readFile(_ files: any FileAccess) throws -> UserImport {
        guard let format = UserImport.Format(path: file) else { throw CommandFailure.usage("\(file) is not .csv or .jsonl.") }
        let users: UserImport
        do {
            guard let data = try files.read(file) else { throw CommandFailure.usage("\(file): there is no such file.") }
            users = try UserImport(parsing: String(decoding: data, as: UTF8.self), format: format)
        } catch let problem as UserImport.Problem {
            throw CommandFailure.refused("\(file), \(problem)")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.usage("\(file) could not be read: \(error).")
        }
        guard !users.users.isEmpty else { throw CommandFailure.refused("\(file) holds no user") }
        for user in users.users {
            do { try InputChecks.username(user.username) } catch let error as ValidationError {
                throw CommandFailure.refused("\(file), line \(user.line): \(error.message)")
            }
        }
        return users
    }
}
