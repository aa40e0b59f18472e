import ConsoleModel
import Foundation

/// Representative screens for the golden tests: what the view-model layer would hand over.
enum Scenes {
    static let header = HeaderInfo(profile: "prod", region: "eu-west-1", endpoint: "http://127.0.0.1:5000",
                                   readOnly: true, callsInFlight: 2)
    static let hints = [KeyHint("enter", "open"), KeyHint("/", "filter"), KeyHint("d", "describe"),
                        KeyHint("y", "copy id"), KeyHint("r", "refresh"), KeyHint("?", "help"), KeyHint("q", "quit")]
    static let poolTabs = ["Summary", "Users", "Groups", "App clients", "Identity providers", "Domain"]

    /// The users table on an IAM Identity Center profile whose credentials end in seven minutes.
    static var credentialsEnding: Screen {
        var screen = usersTable
        screen.header = HeaderInfo(profile: "sso-admin", region: "eu-west-1", readOnly: true,
                                   credentials: CredentialsLeft(Date(timeIntervalSince1970: 1_000_420),
                                                                now: Date(timeIntervalSince1970: 1_000_000)))
        return screen
    }

    static var usersTable: Screen {
        let columns = [Column("USERNAME", width: .flex(weight: 2, minimum: 12)),
                       Column("EMAIL", width: .flex(weight: 2, minimum: 10)),
                       Column("STATUS", width: .fixed(20)),
                       Column("ENABLED", width: .fixed(7)),
                       Column("LOGINS", width: .fixed(6), alignment: .trailing)]
        let rows = [
            TableRow(["ann.lee", "ann.lee@example.com", "CONFIRMED", "yes", "12"]),
            TableRow(["山田太郎", "taro.yamada@example.jp", "CONFIRMED", "yes", "3"]),
            TableRow(["محمد علي", "mohammed.ali@example.ae", "FORCE_CHANGE_PASSWORD", "yes", "0"]),
            TableRow(["김민준", "minjun.kim@example.kr", "UNCONFIRMED", "no", "0"], dimmed: true),
            TableRow(["Jose\u{301} García-Márquez de la Fuente", "jose@example.es", "CONFIRMED", "yes", "1,204"],
                     marked: true),
            TableRow(["🦊 fox.mulder", "fox@example.com", "RESET_REQUIRED", "no", "7"], dimmed: true),
            TableRow(["Ｆｕｌｌｗｉｄｔｈ", "wide@example.com", "CONFIRMED", "yes", "42"]),
        ]
        return Screen(header: header, breadcrumbs: ["User pools", "prod-customers", "Users"], tabs: poolTabs,
                      activeTab: 1, body: .table(TableView(columns: columns, rows: rows, selected: 2)),
                      footer: Footer(paging: "7 loaded, more available", filter: "/a", hints: hints),
                      message: StatusMessage(.info, "Copied eu-west-1_Abc123 to the clipboard."))
    }

    static var poolDetail: Screen {
        let sections = [
            DetailView.Section("Pool", [(key: "Id", value: "eu-west-1_Abc123"),
                                        (key: "ARN", value: "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc123"),
                                        (key: "Status", value: "Enabled"),
                                        (key: "Estimated users", value: "4,812")]),
            DetailView.Section("Sign-in", [(key: "MFA", value: "OPTIONAL (TOTP)"),
                                           (key: "Aliases", value: "email, preferred_username"),
                                           (key: "Deletion protection", value: "ACTIVE")]),
            DetailView.Section("Password policy", [(key: "Minimum length", value: "12"),
                                                   (key: "Requires", value: "lowercase, uppercase, numbers, symbols")]),
        ]
        return Screen(header: HeaderInfo(profile: "default", region: "us-east-1"),
                      breadcrumbs: ["User pools", "prod-customers"], tabs: poolTabs, activeTab: 0,
                      body: .detail(DetailView(sections: sections)), footer: Footer(hints: hints))
    }

    static var describeJSON: Screen {
        let lines = ["{", "  \"Username\": \"ann.lee\",", "  \"Enabled\": true,", "  \"UserStatus\": \"CONFIRMED\",",
                     "  \"Attributes\": [", "    { \"Name\": \"email\", \"Value\": \"ann@example.com\" },",
                     "    { \"Name\": \"custom:score\", \"Value\": \"-12.5e3\" }", "  ],",
                     "  \"MFAOptions\": null,", "  \"LoginCount\": 42", "}"]
        return Screen(header: HeaderInfo(profile: "default", region: "us-east-1"),
                      breadcrumbs: ["User pools", "prod-customers", "Users", "ann.lee"],
                      body: .text(TextView(title: "AdminGetUser ann.lee", lines: lines, syntax: .json)),
                      footer: Footer(hints: [KeyHint("esc", "back"), KeyHint("y", "copy")]))
    }

    static func notice(_ kind: Notice.Kind, _ text: String, message: StatusMessage? = nil) -> Screen {
        Screen(header: HeaderInfo(profile: "default", region: "us-east-1", callsInFlight: kind == .loading ? 1 : 0),
               breadcrumbs: ["Identity pools"], body: .notice(Notice(kind, text)),
               footer: Footer(hints: hints), message: message)
    }

    static func over(_ overlay: Overlay) -> Screen {
        var screen = usersTable
        screen.overlay = overlay
        screen.header.callsInFlight = 0
        return screen
    }

    static let help = Overlay.help(title: "Users", entries: [
        KeyHint("enter", "open user"), KeyHint("/", "filter loaded rows"), KeyHint(":", "command palette"),
        KeyHint("d", "describe (JSON)"), KeyHint("y", "copy username"), KeyHint("space", "mark"),
        KeyHint("r", "refresh"), KeyHint("G", "end, load all"), KeyHint("esc", "back"), KeyHint("q", "quit"),
    ])
    static let prompt = Overlay.prompt(Prompt(symbol: ":", input: "us", cursor: 2,
                                              completions: ["users", "userpools", "up"], selectedCompletion: 0))
    static let picker = Overlay.picker(Picker(title: "Region", items: ["us-east-1", "us-west-2", "eu-west-1",
                                                                      "eu-central-1", "ap-northeast-1"], selected: 2))
    static let checklist = Overlay.picker(Picker(title: "Add ann.lee to groups", items: ["admins", "beta-testers", "ops"],
                                                 selected: 1, filter: "", checked: [0, 2],
                                                 note: "2 chosen · space ticks · enter goes on · esc cancels"))
    static let form = Overlay.form(Form(title: "Search users", fields: [
        Form.Field(label: "Attribute", value: "email", choices: ["username", "email", "phone_number"]),
        Form.Field(label: "Match", value: "^=", choices: ["=", "^="]),
        Form.Field(label: "Value", value: "ann"),
    ], focused: 2, hint: "tab next field · enter search · esc cancel"))
    static let confirm = Overlay.confirm(Confirm(title: "Delete user",
                                                 text: "Delete user ann.lee from prod-customers? This cannot be undone.",
                                                 typeToConfirm: "ann.lee", input: "ann"))
    static let confirmYesNo = Overlay.confirm(Confirm(title: "Disable user", text: "Disable user 山田太郎?"))
    static let formErrors = Overlay.form(Form(title: "Change group", fields: [
        Form.Field(label: "Description", value: "Administrators of the pool"),
        Form.Field(label: "Precedence", value: "-1", error: "Precedence must be at least 0, got -1"),
        Form.Field(label: "IAM role ARN", value: "arn:aws:iam::123456789012:role/admins"),
        Form.Field(label: "Secret", value: "••••••"),
        Form.Field(label: "Enabled", value: "yes", choices: ["yes", "no"]),
    ], focused: 1, hint: "tab field · ←/→ choice · enter submit · esc cancel"))
    static let confirmDiff = Overlay.confirm(Confirm(title: "Change group",
                                                     text: "Change group admins?",
                                                     lines: [ConfirmLine(.removed, "! ImageFile: not returned by the read, so this update resets it"),
                                                             ConfirmLine(.changed, "~ Description: \"Administrators\" → \"Admins of pool A\""),
                                                             ConfirmLine(.changed, "~ RoleArn: \"arn:aws:iam::123456789012:role/service-role/prod-customers-administrators-with-a-long-name\" → \"arn:aws:iam::123456789012:role/admins\""),
                                                             ConfirmLine(.added, "+ Tags.team: \"identity\""),
                                                             ConfirmLine(.kept, "= Precedence: 1 (kept)"),
                                                             ConfirmLine(.kept, "= GroupName: \"admins\" (kept)"),
                                                             ConfirmLine(.kept, "= UserPoolId: \"us-east-1_A\" (kept)")]))

    /// Every scene by golden-file name.
    static var all: [(String, Screen)] {
        [("users-table", usersTable), ("header-credentials-ending", credentialsEnding), ("pool-detail", poolDetail), ("describe-json", describeJSON),
         ("notice-loading", notice(.loading, "Loading identity pools…")),
         ("notice-empty", notice(.empty, "No identity pools in us-east-1.")),
         ("notice-error", notice(.error, "AccessDenied: not authorized to perform cognito-identity:ListIdentityPools (request 4f1c2a).",
                                 message: StatusMessage(.error, "ListIdentityPools failed: AccessDenied (request 4f1c2a)."))),
         ("overlay-help", over(help)), ("overlay-prompt", over(prompt)), ("overlay-picker", over(picker)),
         ("overlay-checklist", over(checklist)),
         ("overlay-form", over(form)), ("overlay-confirm", over(confirm)), ("overlay-confirm-yes-no", over(confirmYesNo)),
         ("overlay-form-errors", over(formErrors)), ("overlay-confirm-diff", over(confirmDiff))]
    }
}
