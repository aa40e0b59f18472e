import ArgumentParser
import CognitoAdmin

/// `cognito-tui users create --pool POOL USERNAME`: a new user, checked against the pool first.
struct UsersCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user (AdminCreateUser), checked against the pool before anything is sent.",
        discussion: """
            The pool is read first: the username must be what the pool signs in with (an email or \
            phone number where the pool says so), its required attributes must be given, every \
            attribute must be in its schema, and a temporary password must meet its password \
            policy (the sentence names the rule). Without a password option Cognito makes the \
            temporary password and sends it with the invitation. --generate-password makes one \
            that meets the policy and prints it once on stdout; --temporary-password-stdin reads \
            it from stdin's first line (or asks twice without echo on a terminal). Passwords are \
            never taken from the arguments.
            Examples:
              cognito-tui users create --pool eu-west-1_AbC123def ann --attribute email=ann@example.com
              cognito-tui users create --pool staff-pool ann --attribute email=ann@example.com --generate-password --message-action SUPPRESS
              printf '%s\\n' "$TEMP_PASSWORD" | cognito-tui users create --pool staff-pool bob --temporary-password-stdin
              cognito-tui users create --pool eu-west-1_AbC123def carol --attribute phone_number=+447700900123 --delivery SMS
            """
    )
    @Option(help: PoolHelp.option)
    var pool: String
    @Argument(help: "The new user's username.")
    var username: String
    @Option(name: .customLong("attribute"), help: ArgumentHelp("An attribute, NAME=VALUE; repeat for several.", valueName: "name=value"))
    var attributes: [String] = []
    @Flag(name: .customLong("generate-password"), help: "Make a temporary password that meets the pool's policy and print it once.")
    var generatePassword = false
    @Flag(name: .customLong("temporary-password-stdin"), help: "Read the temporary password from stdin (asked twice on a terminal).")
    var passwordFromStdin = false
    @Option(name: .customLong("message-action"), help: ArgumentHelp("SUPPRESS to send no invitation, RESEND to send it again.", valueName: "action"))
    var messageAction: String?
    @Option(help: ArgumentHelp("How to send the invitation: EMAIL, SMS or EMAIL,SMS.", valueName: "mediums"))
    var delivery: String?
    @OptionGroup var confirmation: ConfirmOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try InputChecks.userPool(pool)
        try InputChecks.username(username)
        _ = try AttributeArguments.pairs(attributes)
        if generatePassword && passwordFromStdin {
            throw ValidationError("Choose one of --generate-password and --temporary-password-stdin.")
        }
        if let messageAction, !["SUPPRESS", "RESEND"].contains(messageAction) {
            throw ValidationError("--message-action takes SUPPRESS or RESEND, got `\(messageAction)`.")
        }
        if let bad = mediums.first(where: { !["EMAIL", "SMS"].contains($0) }) {
            throw ValidationError("--delivery takes EMAIL, SMS or EMAIL,SMS, got `\(bad)`.")
        }
    }

    var mediums: [String] {
        (delivery ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
    }

    func run() async throws {
        let admin = try AdminContext.make(global)
        try admin.refuseIfReadOnly(["AdminCreateUser"])
        let pool = try await admin.pool(pool)
        let schema = try await PoolSchema.read(admin.backend, pool: pool)
        var user = NewUser(username: username, attributes: try AttributeArguments.pairs(attributes),
                           messageAction: messageAction, deliveryMediums: mediums)
        var generated: String?
        if generatePassword {
            var random = SystemRandomNumberGenerator()
            generated = schema.password.generate(using: &random)
            user.password = .temporary(generated!)
        } else if passwordFromStdin {
            user.password = .temporary(try SecretInput.password("Temporary password"))
        }
        if let problem = UserAdmin.problem(creating: user, in: schema) {
            throw CommandFailure.refused(problem)
        }
        try confirmation.confirm(.reversible, name: username, what: "create user \(username) in \(pool)", admin: admin)
        let created = try await UserAdmin.create(admin.backend, pool: pool, user)
        print("Created user \(created.username) in \(pool) (\(created.status ?? "FORCE_CHANGE_PASSWORD")).")
        // The one time a secret is printed on purpose: the operator asked for it to be made.
        if let generated { print("Temporary password: \(generated)") }
    }
}

/// `--attribute NAME=VALUE` options.
enum AttributeArguments {
    static func pairs(_ arguments: [String]) throws -> [(name: String, value: String)] {
        var seen = Set<String>()
        return try arguments.map { argument in
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("--attribute takes NAME=VALUE, got `\(argument)`.")
            }
            let name = String(argument[..<equals])
            guard seen.insert(name).inserted else { throw ValidationError("--attribute \(name) is given twice.") }
            return (name, String(argument[argument.index(after: equals)...]))
        }
    }
}
