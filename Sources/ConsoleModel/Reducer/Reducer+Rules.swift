import CognitoAdmin
import CognitoAPI

/// A form over the role-mapping editor: one rule (added or changed), or what to simulate.
public struct RulesFormState: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        /// A rule; nil adds one after the cursor.
        case rule(index: Int?)
        case simulate
    }
    public var purpose: Purpose
    public var form: FormState
}

/// The role-mapping editor: moving, adding, changing and removing rules, the mapping's type and
/// its ambiguous resolution, simulating the unsaved edit, and saving it through the
/// read-modify-write of `SetIdentityPoolRoles` with its diff.
extension Reducer {
    static func withRules(_ state: inout ConsoleState, _ change: (inout RulesState) -> Void) {
        let height = state.tableHeight
        state.withContent(state.currentAddress) { content in
            guard case .rules(var rules) = content else { return }
            change(&rules)
            rules.cursor = max(0, min(rules.cursor, rules.rules.count - 1))
            if rules.cursor < rules.scroll { rules.scroll = rules.cursor }
            if rules.cursor >= rules.scroll + height { rules.scroll = rules.cursor - height + 1 }
            content = .rules(rules)
        }
    }

    static func currentRules(_ state: ConsoleState) -> RulesState? {
        if case .rules(let rules) = state.currentContent { return rules }
        return nil
    }

    /// `a` (nil) or `enter`/`u` on a rule: its form.
    static func openRuleForm(_ state: inout ConsoleState, index: Int?) -> [ConsoleEffect] {
        guard let rules = currentRules(state) else { return [] }
        let rule = index.flatMap { rules.rules.indices.contains($0) ? rules.rules[$0] : nil }
        let fields = [
            FormField("claim", "Claim", text: rule?.claim ?? "", required: true),
            FormField("match", "Match type", kind: .choice(RulesState.matchTypes), text: rule?.matchType ?? "Equals", required: true),
            FormField("value", "Value", text: rule?.value ?? "", required: true),
            FormField("role", "Role ARN", text: rule?.roleARN ?? "", required: true, format: .roleARN),
        ]
        let title = index == nil ? "Add a rule to \(rules.provider)" : "Rule \(index! + 1) of \(rules.provider)"
        state.overlay = .rulesForm(RulesFormState(purpose: .rule(index: index), form: FormState(
            title: title, fields: fields, note: "A rule whose claim is absent never matches; the first match wins.")))
        return []
    }

    /// `s`: what to simulate the edited mapping for.
    static func openSimulateForm(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let rules = currentRules(state) else { return [] }
        let userPool = ProviderKeys.userPoolId(in: rules.provider)
        let fields = [
            FormField("kind", "Subject", kind: .choice(userPool == nil ? ["claims", "token"] : ["user", "claims", "token"]),
                      text: userPool == nil ? "claims" : "user", required: true),
            FormField("subject", "Username, claims JSON or JWT", required: true),
        ]
        let note = userPool.map { "user: a username of \($0), its claims as its ID token would carry them" }
            ?? "claims: a JSON object, e.g. {\"sub\": \"…\", \"cognito:groups\": [\"admins\"]}"
        state.overlay = .rulesForm(RulesFormState(purpose: .simulate, form: FormState(
            title: "Simulate \(rules.edited ? "the unsaved edit" : "the mapping") of \(rules.provider)", fields: fields, note: note)))
        return []
    }

    static func rulesFormKey(_ state: inout ConsoleState, _ original: RulesFormState, _ key: Key) -> [ConsoleEffect] {
        var open = original
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            guard open.form.validateAll() else {
                state.overlay = .rulesForm(open)
                state.message = StatusMessage(.warning, open.form.fields.first { $0.error != nil }?.error ?? "Check the form.")
                return []
            }
            let values = open.form.values
            switch open.purpose {
            case .rule(let index):
                let role = values["role"] ?? ""
                guard RoleMappingCheck.isRoleARN(role) else {
                    open.form.fields[3].error = "\(role) is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)."
                    state.overlay = .rulesForm(open)
                    state.message = StatusMessage(.warning, open.form.fields[3].error!)
                    return []
                }
                state.overlay = nil
                withRules(&state) {
                    $0.put(RulesState.Rule(claim: values["claim"] ?? "", matchType: values["match"] ?? "Equals",
                                           value: values["value"] ?? "", roleARN: role), at: index)
                    $0.confirmingDiscard = false
                }
                return []
            case .simulate:
                return simulate(&state, values, form: open)
            }
        default:
            if open.form.handle(key) { state.overlay = .rulesForm(open) }
            return []
        }
    }

    static func simulate(_ state: inout ConsoleState, _ values: FormValues, form: RulesFormState) -> [ConsoleEffect] {
        guard let rules = currentRules(state) else { return [] }
        let subject = (values["subject"] ?? "").trimmingCharacters(in: .whitespaces)
        let source: ClaimSource
        switch values["kind"] {
        case "user":
            guard let pool = ProviderKeys.userPoolId(in: rules.provider) else { return [] }
            source = .user(userPool: pool, username: subject)
        case "token":
            source = .token(subject)
        default:
            guard let claims = try? CognitoJSONText.parse(subject), case .object = claims else {
                var again = form
                again.form.fields[1].error = "The claims must be a JSON object, e.g. {\"sub\": \"abc\"}."
                state.overlay = .rulesForm(again)
                state.message = StatusMessage(.warning, again.form.fields[1].error!)
                return []
            }
            source = .claims(claims)
        }
        state.overlay = nil
        state.message = StatusMessage(.info, "Simulating…")
        return [.simulate(SimulationRequest(identityPool: rules.pool.id, provider: rules.provider, source: source,
                                            roles: rules.editedRoles, edited: rules.edited))]
    }

    /// `w`: checks the whole input, then plans the change of this provider's mapping only and
    /// shows its diff; nothing is sent until it is confirmed.
    static func saveRules(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let rules = currentRules(state) else { return [] }
        guard rules.edited else {
            state.message = StatusMessage(.info, "Nothing changed; nothing to save.")
            return []
        }
        let action = ResourceRegistry.descriptor(.identityPool).actions.first { $0.verb == "edit-roles" }
        if let action, let why = whyDisabled(action, state) {
            state.message = StatusMessage(.warning, "Saving the mapping: \(why).")
            return []
        }
        if let problem = RoleMappingCheck.problems(rules.editedInput, pool: rules.description).first {
            state.message = StatusMessage(.warning, problem.hasSuffix(".") ? problem + " Nothing was sent." : problem + "; nothing was sent.")
            return []
        }
        let request = ActionRequest(ticket: state.makeID(), action: ActionKey(.identityPool, "edit-roles"), ref: rules.pool)
        withRules(&state) { $0.saving = request.ticket }
        state.overlay = .busy(title: "Reading the roles again…", ticket: request.ticket)
        return [.planUpdate(request, .members(["RoleMappings" + String(UpdateEdit.nested) + rules.provider: rules.mappingJSON]))]
    }

    /// A save landed: the editor's edit is the new starting point.
    static func rulesSaved(_ state: inout ConsoleState, ticket: Int) {
        for pane in state.stack {
            for index in pane.tabs.indices {
                state.withContent(TabAddress(pane: pane.id, tab: index)) { content in
                    guard case .rules(var rules) = content, rules.saving == ticket else { return }
                    rules.markSaved()
                    content = .rules(rules)
                }
            }
        }
    }

    /// Esc on an edited mapping asks once before going back.
    static func leaveRules(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let rules = currentRules(state) else { return back(&state) }
        if rules.edited && !rules.confirmingDiscard {
            withRules(&state) { $0.confirmingDiscard = true }
            state.message = StatusMessage(.warning, "The mapping has unsaved changes: w saves them, esc again throws them away.")
            return []
        }
        return back(&state)
    }
}

extension KeyTables {
    /// In the role-mapping editor.
    public static let rules = KeyTable("Role mapping", [
        KeyAction([.character("j"), .down], "down") { state in
            Reducer.withRules(&state) { $0.cursor += 1 }
            return []
        },
        KeyAction([.character("k"), .up], "up") { state in
            Reducer.withRules(&state) { $0.cursor -= 1 }
            return []
        },
        KeyAction([.character("K"), .control("k")], "move the rule up", hint: true) { state in
            Reducer.withRules(&state) { $0.move(by: -1); $0.confirmingDiscard = false }
            return []
        },
        KeyAction([.character("J"), .control("j")], "move the rule down") { state in
            Reducer.withRules(&state) { $0.move(by: 1); $0.confirmingDiscard = false }
            return []
        },
        KeyAction([.character("a")], "add a rule", hint: true) { Reducer.openRuleForm(&$0, index: nil) },
        KeyAction([.enter, .character("u")], "change the rule",
                  whyDisabled: { Reducer.currentRules($0)?.rules.isEmpty == false ? nil : "no rule" }) { state in
            Reducer.openRuleForm(&state, index: Reducer.currentRules(state)?.cursor)
        },
        KeyAction([.delete, .control("x")], "remove the rule",
                  whyDisabled: { Reducer.currentRules($0)?.rules.isEmpty == false ? nil : "no rule" }) { state in
            Reducer.withRules(&state) { $0.remove(); $0.confirmingDiscard = false }
            return []
        },
        KeyAction([.character("t")], "switch Rules / Token") { state in
            Reducer.withRules(&state) { $0.type = $0.type == "Rules" ? "Token" : "Rules"; $0.confirmingDiscard = false }
            return []
        },
        KeyAction([.character("A")], "ambiguous: authenticated role / Deny") { state in
            Reducer.withRules(&state) {
                $0.ambiguous = $0.ambiguous == "Deny" ? "AuthenticatedRole" : "Deny"
                $0.confirmingDiscard = false
            }
            return []
        },
        KeyAction([.character("s")], "simulate (the unsaved edit)", hint: true) { Reducer.openSimulateForm(&$0) },
        KeyAction([.character("w")], "save: the diff, then SetIdentityPoolRoles", hint: true) { Reducer.saveRules(&$0) },
        KeyAction([.escape], "back (asks first when edited)") { Reducer.leaveRules(&$0) },
    ])
}
