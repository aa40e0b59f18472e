/// What is open over the body, as the reducer keeps it.
public enum OverlayState: Sendable, Equatable {
    case help(title: String, entries: [KeyHint])
    case prompt(PromptState)
    case picker(PickerState)
    case searchForm(SearchFormState)
    case actionForm(ActionFormState)
    case confirm(ConfirmState)
    /// Waiting for a form, a plan or an editor to come back; keys other than Esc wait.
    case busy(title: String, ticket: Int)
    /// Choosing several of a list for an action.
    case pick(PickState)
    /// A secret shown once (a generated password): y copies it, any key closes it.
    case secret(title: String, value: String)
}

/// The `:` palette or the `/` filter prompt.
public struct PromptState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case command
        /// The filter as it was when `/` was pressed, restored by `Esc`.
        case filter(previous: String)
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
        if case .command = purpose { return ":" }
        return "/"
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

/// The server-side user search form (`s` on a user list).
public struct SearchFormState: Sendable, Equatable {
    public var attribute: Int = 1
    public var match: UserSearch.Match = .prefix
    public var value: String = ""
    /// 0 attribute, 1 match, 2 value.
    public var focused: Int = 2

    public init(from search: UserSearch? = nil) {
        if let search {
            attribute = UserSearch.attributes.firstIndex(of: search.attribute) ?? 1
            match = search.match
            value = search.value
        }
    }

    public var search: UserSearch {
        UserSearch(attribute: UserSearch.attributes[attribute], match: match, value: value)
    }

    /// The form as the front end draws it.
    public var form: Form {
        Form(title: "Search users (ListUsers filter)", fields: [
            Form.Field(label: "Attribute", value: UserSearch.attributes[attribute], choices: UserSearch.attributes),
            Form.Field(label: "Match", value: match.rawValue, choices: UserSearch.Match.allCases.map(\.rawValue)),
            Form.Field(label: "Value", value: value),
        ], focused: focused, hint: "tab field · ←/→ choice · enter search · esc cancel")
    }
}
