import AWSCore
import ArgumentParser
import CognitoAPI
import CognitoAdmin
import Foundation

extension UserExportFormat: ExpressibleByArgument {}

struct UsersExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the pool's users, or those meeting --where, as CSV, JSON, JSON lines or a Cognito user-import CSV.",
        discussion: """
            The pool is listed in sixteen parallel parts at the UserList quota (one when a pool \
            holds two pages or fewer, when \
            --where has a clause the service can answer, or with --sequential) and each page is written as it arrives, \
            so memory stays the same whatever the pool's size. --with-groups adds each user's \
            groups (AdminListGroupsForUser per user, paced by the UserRead quota). csv has the \
            user's fields and one column per attribute of the pool's schema; json and jsonl keep \
            the service's shapes. cognito-import writes GetCSVHeader's columns by the user-import \
            rules (cognito:username, cognito:mfa_enabled, true/false, \\, for a comma, birthdate as \
            mm/dd/yyyy) for CreateUserImportJob; in a pool where MFA is optional each user is read \
            (AdminGetUser) to fill cognito:mfa_enabled. What a format cannot hold is named on stderr. \
            Progress goes to stderr on a terminal.
            Examples:
              cognito-tui users export --pool staff-pool --format csv --output users.csv
              cognito-tui users export --pool staff-pool --where 'enabled = "false"' --with-groups --format jsonl
              cognito-tui users export --pool eu-west-1_AbC123def --format cognito-import --output import.csv
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only users meeting this condition (see `users list --help`).", valueName: "condition"))
    var condition: String?
    @Flag(name: .customLong("with-groups"), help: "Add each user's groups.")
    var withGroups = false
    @Option(help: ArgumentHelp("csv, json, jsonl or cognito-import.", valueName: "format"))
    var format: UserExportFormat
    @Option(help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "file"))
    var output: String?
    @Flag(help: ScanHelp.sequential)
    var sequential = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        if withGroups, format == .cognitoImport {
            throw ValidationError("--with-groups cannot go with --format cognito-import: an import file has only the columns GetCSVHeader gives.")
        }
        _ = try ScanConsole.condition(condition)
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        let pool = try await admin.pool(pool)
        let described = try await PoolReads.userPool(admin.backend, pool: pool)
        var header: [String] = []
        if format == .cognitoImport {
            header = try await admin.backend.getCSVHeader(.init(userPoolId: pool)).csvHeader ?? []
        }
        let sink = try ExportSink(path: output, writer: UserExportWriter(format: format, pool: described, withGroups: withGroups,
                                                                          importHeader: header))
        let lookMFA = format == .cognitoImport && described.mfaConfiguration == .optional
        let scan = UserScan(backend: admin.backend, pool: pool, condition: try ScanConsole.condition(condition),
                            partitioned: !sequential)
        let console = ScanConsole()
        let backend = admin.backend, groups = withGroups
        try sink.start()
        let final = try await scan.runUsers { users, progress in
            let (exported, gone) = try await ExportLookups.enrich(users, backend: backend, pool: pool, groups: groups, mfa: lookMFA)
            for name in gone { console.warn("\(name) was deleted during the export; it is written as it was listed") }
            for warning in try sink.write(exported) { console.warn(warning) }
            console.show(progress)
        }
        try sink.finish()
        console.finish(final)
    }
}

/// Where an export goes: the writer's text for each batch, written as it comes, to stdout or a file.
final class ExportSink: @unchecked Sendable {
    private let lock = NSLock()
    private var writer: UserExportWriter
    private let handle: FileHandle
    private let path: String?

    /// - Throws: `CommandFailure.usage` when the file cannot be created.
    init(path: String?, writer: UserExportWriter) throws {
        self.writer = writer
        self.path = path
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandFailure.usage("Cannot write \(path).")
            }
            self.handle = handle
        } else {
            self.handle = FileHandle.standardOutput
        }
    }

    func start() throws {
        try put(lock.withLock { writer.header() })
    }

    /// Writes a batch; returns what the format could not hold.
    func write(_ users: [ExportedUser]) throws -> [String] {
        let (text, warnings) = try lock.withLock { try writer.batch(users) }
        try put(text)
        return warnings
    }

    func finish() throws {
        try put(lock.withLock { writer.footer() })
        if path != nil { try handle.close() }
    }

    private func put(_ text: String) throws {
        guard !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw CommandFailure(description: "Writing \(path ?? "the output") failed: \(error.localizedDescription)", status: ExitStatus.usage)
        }
    }
}
