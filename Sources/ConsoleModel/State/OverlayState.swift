/// What is open over the body, as the reducer keeps it.
public enum OverlayState: Sendable, Equatable {
    case help(title: String, entries: [KeyHint])
    case prompt(PromptState)
    case picker(PickerState)
    case actionForm(ActionFormState)
    case confirm(ConfirmState)
    /// Waiting for a form, a plan or an editor to come back; keys other than Esc wait.
    case busy(title: String, ticket: Int)
    /// Choosing several of a list for an action.
    case pick(PickState)
    /// A rule of the role-mapping editor, or what to simulate.
    case rulesForm(RulesFormState)
    /// A secret shown once (a generated password): y copies it, any key closes it.
    case secret(title: String, value: String)
    /// Text to read (the console page `o` copied): any key closes it.
    case notice(title: String, text: String)
    /// Signing in as a user, step by step.
    case signIn(SignInFormState)
    /// What temporary credentials to ask for.
    case credentialsForm(CredentialsFormState)
    /// How to export temporary credentials.
    case exportForm(ExportFormState)
    /// A plugin declared with `confirm: true`, waiting for `y`.
    case pluginConfirm(PluginRun)
}

/// The `:` palette or the `/` filter prompt.
public struct PromptState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case command
        /// The filter as it was when `/` was pressed, restored by `Esc`.
        case filter(previous: String)
        /// A search on any attribute (`s`): a condition, run on Enter.
        case search
    }
    public var purpose: Purpose
    public var input: String = ""
    /// Cursor position in `input`, in characters.
    public var cursor: Int = 0
    public var completions: [String] = []
    public var selectedCompletion: Int?

    public init(purpose: Purpose, input: String = "") {
        self.purpose = purpose
        self.input = input
        self.cursor = input.count
    }

    public var symbol: String {
        switch purpose {
        case .command: return ":"
        case .filter: return "/"
        case .search: return "search:"
        }
    }
}

/// Choosing one of a list: a profile (`p`), a region (`R`), a theme.
public struct PickerState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case profile, region, theme }
    public var purpose: Purpose
    public var items: [String]
    public var selected: Int

    public var title: String {
        switch purpose {
        case .profile: return "Profile"
        case .region: return "Region"
        case .theme: return "Theme"
        }
    }
}

