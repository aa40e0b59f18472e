import ArgumentParser
import CognitoAPI
import CognitoAdmin

struct GroupsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a group (CreateGroup).",
        discussion: """
            A group of that name already in the pool is one sentence and nothing is sent.
            Examples:
              cognito-tui groups create --pool eu-west-1_AbC123def staff --description "Everyone on staff"
              cognito-tui groups create --pool staff-pool admins --precedence 1 --role-arn arn:aws:iam::111122223333:role/Admins
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The group's name.")
    var name: String
    @Option(help: "What the group is for.")
    var description: String?
    @Option(parsing: .unconditional,
            help: ArgumentHelp("0 or more; lower wins when a user is in several groups.", valueName: "n"))
    var precedence: Int?
    @Option(name: .customLong("role-arn"), help: ArgumentHelp("The IAM role of the group's members.", valueName: "arn"))
    var roleArn: String?
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.groupName(name)
        if let precedence, precedence < 0 {
            throw ValidationError("--precedence must be 0 or more, got \(precedence).")
        }
        if let description { try InputChecks.member("Description", .string(description), of: "CreateGroup") }
        if let roleArn { try InputChecks.member("RoleArn", .string(roleArn), of: "CreateGroup") }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["CreateGroup"])
        let pool = try await admin.pool(pool)
        if try await PoolReads.group(admin.backend, pool: pool, name: name) != nil {
            throw CommandFailure.refused("The group \(name) already exists in \(pool)")
        }
        try confirmation.confirm(.reversible, name: name, what: "create group \(name) in \(pool)", admin: admin)
        try await GroupAdmin.create(admin.backend, pool: pool, name: name, description: description,
                                    precedence: precedence, roleArn: roleArn)
        print("Created group \(name) in \(pool).")
    }
}
