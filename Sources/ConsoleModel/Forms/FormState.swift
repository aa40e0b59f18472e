import CognitoAPI
import CognitoAdmin

/// An open form: its fields, which one has focus, what it is for, and whether anything was
/// typed (Esc then asks before throwing it away). Fields are checked as the operator types.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var focused = 0
    /// Something was typed since the form opened.
    public var edited = false
    /// Esc was pressed once on an edited form: the next Esc discards it.
    public var confirmingDiscard = false

    /// The values the form opened with, by key.
    public let initial: [String: String]
    /// A line of guidance shown with the hint (e.g. the pool's password rules).
    public var note: String?
    /// Keys of fields of which at least one must be filled in (set or remove attributes).
    public var oneOf: [String] = []

    public init(title: String, fields: [FormField], note: String? = nil) {
        self.title = title
        self.fields = fields
        self.note = note
        initial = Dictionary(fields.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        focused = fields.firstIndex { $0.kind != .flag && !$0.isChoice } ?? 0
    }

    /// The values by key, for the action.
    public var values: FormValues {
        FormValues(Dictionary(fields.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The keys of the fields whose value differs from what the form opened with.
    public var changedKeys: Set<String> {
        Set(fields.filter { initial[$0.key] != $0.text }.map(\.key))
    }

    /// Checks every field; true when all pass.
    public mutating func validateAll() -> Bool {
        for index in fields.indices { fields[index].validate() }
        if !oneOf.isEmpty, let first = fields.firstIndex(where: { oneOf.contains($0.key) }),
           fields.allSatisfy({ !oneOf.contains($0.key) || $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let labels = fields.filter { oneOf.contains($0.key) }.map(\.label)
            fields[first].error = "Fill in at least one of: \(labels.joined(separator: "; "))."
        }
        return fields.allSatisfy { $0.error == nil }
    }

    /// Applies one key: Tab/shift-Tab/↑/↓ move, ←/→ and space switch choices and flags, text
    /// keys edit the focused field. Returns false for keys the form does not use (Enter, Esc).
    public mutating func handle(_ key: Key) -> Bool {
        guard !fields.isEmpty else { return false }
        confirmingDiscard = false
        var field = fields[focused]
        switch key {
        case .tab, .down: focused = (focused + 1) % fields.count; return true
        case .backTab, .up: focused = (focused + fields.count - 1) % fields.count; return true
        case .left where field.isToggled, .right where field.isToggled, .character(" ") where field.isToggled:
            let step = key == .left ? -1 : 1
            switch field.kind {
            case .flag: field.text = field.text == "yes" ? "no" : "yes"
            case .choice(let values) where !values.isEmpty:
                let index = values.firstIndex(of: field.text) ?? (step > 0 ? -1 : 0)
                field.text = values[(index + step + values.count) % values.count]
            case .multiChoice(let values) where !values.isEmpty:
                // ←/→ add the next value not yet listed.
                let chosen = FormValues.list(field.text)
                if let next = values.first(where: { !chosen.contains($0) }) {
                    field.text = (chosen + [next]).joined(separator: ", ")
                }
            default: return false
            }
        case .character(let char) where field.isTyped:
            field.text.append(char)
        case .backspace where field.isTyped:
            if !field.text.isEmpty { field.text.removeLast() }
        case .control("u") where field.isTyped:
            field.text = ""
        default:
            return false
        }
        field.validate()
        fields[focused] = field
        edited = true
        return true
    }

    /// The form as the front end draws it: secrets masked, each field's error under it.
    public var view: Form {
        Form(title: title, fields: fields.map { field in
            var shown = field.kind == .secret ? String(repeating: "•", count: field.text.count) : field.text
            if field.kind == .flag && shown.isEmpty { shown = "no" }
            let choices: [String]
            switch field.kind {
            case .choice(let values): choices = values
            case .flag: choices = ["yes", "no"]
            default: choices = []
            }
            return Form.Field(label: field.required ? field.label + " *" : field.label, value: shown, choices: choices,
                              error: field.error)
        }, focused: focused,
        hint: confirmingDiscard ? "esc again discards what you typed · any other key keeps editing"
            : (note.map { $0 + "  " } ?? "") + "tab field · ←/→ choice · enter submit · esc cancel")
    }
}

extension FormField {
    /// Fields whose value ←/→ and space step through rather than type.
    var isToggled: Bool { isChoice || kind == .flag }

    var isChoice: Bool {
        switch kind {
        case .choice, .multiChoice: return true
        default: return false
        }
    }

    /// Whether typing edits it (a multi-choice can be typed as well as picked).
    var isTyped: Bool {
        switch kind {
        case .flag, .choice: return false
        default: return true
        }
    }
}

/// How an action's form is made: read the resource as it is now, then fill the fields.
public struct FormRecipe: Sendable {
    public typealias Load = @Sendable (_ backend: any CognitoBackend, _ ref: ActionTarget) async throws -> FormState
    public let load: Load
    public init(load: @escaping Load) { self.load = load }
}
