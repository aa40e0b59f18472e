/// A command of the operator's own that the console runs on a key, declared in `config.yaml`:
///
/// ```yaml
/// plugins:
///   trail:                          # its name: the palette's `:trail`
///     key: b                        # one character, or ctrl-LETTER
///     scopes: [users, groups]       # where it applies: lists' palette names (users, groups,
///                                   # userpools, idpools, identities, clients, …) or all
///     description: CloudTrail events of the user
///     command: /usr/local/bin/trail # run directly, not through a shell
///     args: [--pool, $USER_POOL_ID, --user, $USERNAME]
///     confirm: true                 # ask y before running
///     dangerous: true               # it changes things: hidden when the console is read-only
/// ```
/// The console checks the key and the scopes when it starts (`PluginTable` in ConsoleModel).
public struct PluginSetting: Sendable, Equatable {
    public var name: String
    /// The key as written: `b`, `ctrl-t`.
    public var key: String
    /// Where it applies, as written.
    public var scopes: [String]
    public var description: String
    public var command: String
    /// The arguments; `$NAME` and `${NAME}` of the selection's variables are replaced.
    public var arguments: [String]
    public var confirm: Bool
    public var dangerous: Bool
    /// The line of its name in the file, for messages.
    public var line: Int?

    public init(name: String, key: String, scopes: [String], description: String, command: String,
                arguments: [String] = [], confirm: Bool = false, dangerous: Bool = false, line: Int? = nil) {
        self.name = name
        self.key = key
        self.scopes = scopes
        self.description = description
        self.command = command
        self.arguments = arguments
        self.confirm = confirm
        self.dangerous = dangerous
        self.line = line
    }
}
