import CognitoAdmin
import CognitoAPI

/// Creating users and managing their passwords and sign-up, from the console; each calls the
/// domain layer (`UserAdmin`), as `cognito-tui users …` does.
enum UserLifecycleActions {
    static let all: [ResourceAction] = [create, setPassword, resetPassword, confirmSignUp]

    /// `c` on a pool's Users list: a form built from the pool.
    static let create = ResourceAction(
        "create", keys: [.character("c")], title: "create user", operations: ["DescribeUserPool", "AdminCreateUser"],
        scope: .list, confirmation: .yesNo, hint: true,
        question: { "Create the user in \($0[0])?" },
        work: .form(FormRecipe { backend, ref in
            createForm(try await PoolSchema.read(backend, pool: ref[0]))
        }, { backend, ref, values in
            if values["password"] == PasswordChoice.type, values["typed"] != values["again"] {
                throw UpdateError("The two temporary passwords differ; nothing was sent.")
            }
            let schema = try await PoolSchema.read(backend, pool: ref[0])
            var user = newUser(values)
            var generated: String?
            if values["password"] == PasswordChoice.generate {
                var random = SystemRandomNumberGenerator()
                generated = schema.password.generate(using: &random)
                user.password = .temporary(generated!)
            }
            if let problem = UserAdmin.problem(creating: user, in: schema) { throw UpdateError(problem) }
            let created = try await UserAdmin.create(backend, pool: ref[0], user)
            let made = ResourceRef(.user, [ref[0], created.username])
            return ActionOutcome("Created user \(created.username) (\(created.status ?? "FORCE_CHANGE_PASSWORD")).", .created(made),
                                 secret: generated.map { ("Temporary password for \(created.username)", $0) })
        }))

    /// `w`: a new password, typed twice, checked against the pool's rules before it is sent.
    static let setPassword = ResourceAction(
        "set-password", keys: [.character("w")], title: "set password", operations: ["DescribeUserPool", "AdminSetUserPassword"],
        confirmation: .yesNo, question: { "Set the password of \($0.id)?" },
        work: .form(FormRecipe { backend, ref in
            let schema = try await PoolSchema.read(backend, pool: ref[0])
            let rules = schema.password
            return FormState(title: "Set the password of \(ref.id)", fields: [
                FormField("password", "New password", kind: .secret, required: true,
                          rule: FieldRule("AdminSetUserPassword", "Password")),
                FormField("again", "Again", kind: .secret, required: true),
                FormField("permanent", "Permanent", kind: .flag, text: "no"),
            ], note: "At least \(rules.minimumLength) characters" + ruleSummary(rules))
        }, { backend, ref, values in
            let password = values["password"] ?? ""
            guard password == values["again"] else { throw UpdateError("The two passwords differ; nothing was sent.") }
            let schema = try await PoolSchema.read(backend, pool: ref[0])
            try await UserAdmin.setPassword(backend, pool: ref[0], username: ref.id, password: password,
                                            permanent: values.flag("permanent"), rules: schema.password)
            let kind = values.flag("permanent") ? "a permanent" : "a temporary"
            return ActionOutcome("Set \(kind) password for \(ref.id).", .updated)
        }))

    static let resetPassword = ResourceAction(
        "reset-password", keys: [.character("W")], title: "reset password", operations: ["AdminResetUserPassword"],
        confirmation: .yesNo,
        question: { "Reset the password of \($0.id)? They become RESET_REQUIRED and are sent a code to choose a new one; their current password stops working." },
        verify: UserActions.verify(UserCall.resetPassword),
        work: .run { backend, ref, _ in
            try await UserAdmin.resetPassword(backend, pool: ref[0], username: ref.id)
            return ActionOutcome("Reset the password of \(ref.id); they are sent a code to choose a new one.", .updated)
        })

    static let confirmSignUp = ResourceAction(
        "confirm", keys: [.character("C")], title: "confirm sign-up", operations: ["AdminConfirmSignUp"],
        confirmation: .yesNo, question: { "Confirm the sign-up of \($0.id) without a code?" },
        verify: UserActions.verify(UserCall.confirmSignUp),
        work: .run { backend, ref, _ in
            try await UserAdmin.confirmSignUp(backend, pool: ref[0], username: ref.id)
            return ActionOutcome("Confirmed the sign-up of \(ref.id).", .updated)
        })

    enum PasswordChoice {
        static let cognito = "sent by Cognito"
        static let generate = "generate one"
        static let type = "type one"
        static let all = [cognito, generate, type]
    }

    /// The create form: the username as the pool names it, required attributes first, then the
    /// common standard ones and the pool's custom ones; the temporary password; the invitation.
    static func createForm(_ schema: PoolSchema) -> FormState {
        let usernameLabel: String
        switch schema.username {
        case .attribute(let kinds): usernameLabel = "Username (\(kinds.joined(separator: " or ")))"
        case .name: usernameLabel = "Username"
        }
        var fields = [FormField("username", usernameLabel, required: true, rule: FieldRule("AdminCreateUser", "Username"))]
        let common: Set<String> = ["email", "phone_number", "given_name", "family_name", "name", "preferred_username"]
        for attribute in schema.attributes where attribute.required || common.contains(attribute.name) || attribute.custom {
            fields.append(FormField("attr:" + attribute.name, attribute.name, required: attribute.required))
        }
        fields.append(FormField("other", "Other attributes", kind: .keyValues))
        fields.append(FormField("email_verified", "email_verified", kind: .flag, text: "no"))
        fields.append(FormField("phone_number_verified", "phone_number_verified", kind: .flag, text: "no"))
        fields.append(FormField("password", "Temporary password", kind: .choice(PasswordChoice.all), text: PasswordChoice.generate))
        fields.append(FormField("typed", "Password (if typed)", kind: .secret))
        fields.append(FormField("again", "Again", kind: .secret))
        fields.append(FormField("message", "Invitation", kind: .choice(["send", "suppress", "resend"]), text: "send"))
        fields.append(FormField("delivery", "Deliver by", kind: .multiChoice(schema.deliveryMediums), text: "EMAIL"))
        return FormState(title: "Create a user in \(schema.poolID)", fields: fields,
                         note: "Temporary password: at least \(schema.password.minimumLength) characters" + ruleSummary(schema.password))
    }

    /// The new user a submitted create form describes.
    static func newUser(_ values: FormValues) -> NewUser {
        var attributes: [(name: String, value: String)] = []
        for (key, value) in values.texts.sorted(by: { $0.key < $1.key }) where key.hasPrefix("attr:") && !value.isEmpty {
            attributes.append((String(key.dropFirst(5)), value))
        }
        attributes += values.pairs("other").map { (name: $0.key, value: $0.value) }
        for flag in ["email_verified", "phone_number_verified"] where values.flag(flag) {
            attributes.append((flag, "true"))
        }
        var password = NewUser.Password.byCognito
        if values["password"] == PasswordChoice.type, let typed = values.string("typed") { password = .temporary(typed) }
        let message: String?
        switch values["message"] {
        case "suppress": message = "SUPPRESS"
        case "resend": message = "RESEND"
        default: message = nil
        }
        return NewUser(username: values["username"] ?? "", attributes: attributes, password: password,
                       messageAction: message, deliveryMediums: values.list("delivery"))
    }

    static func ruleSummary(_ rules: PasswordRules) -> String {
        let kinds = [rules.uppercase ? "an uppercase letter" : nil, rules.lowercase ? "a lowercase letter" : nil,
                     rules.numbers ? "a number" : nil, rules.symbols ? "a symbol" : nil].compactMap { $0 }
        return kinds.isEmpty ? "." : ", with " + kinds.joined(separator: ", ") + "."
    }
}
