import CognitoAPI
@testable import ConsoleModel
import Testing

/// The role-mapping editor in the reducer: rules move, are added, changed and removed; the
/// mapping's type and ambiguous resolution switch; the unsaved edit is what a simulation and a
/// save use; a save is checked first and changes only this provider's mapping.
@Suite("Role-mapping editor", .timeLimit(.minutes(5)))
struct RulesEditorTests {
    static let provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1:client1"
    static let admin = "arn:aws:iam::123456789012:role/admin"
    static let plan = "arn:aws:iam::123456789012:role/plan"

    static func editor() -> ReducerDriver {
        let pool = CognitoIdentity.IdentityPool(
            identityPoolId: "us-east-1:pool", identityPoolName: "pool", allowUnauthenticatedIdentities: false,
            cognitoIdentityProviders: [.init(providerName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1", clientId: "client1")])
        let roles = CognitoIdentity.GetIdentityPoolRolesResponse(
            identityPoolId: "us-east-1:pool", roles: ["authenticated": "arn:aws:iam::123456789012:role/auth"],
            roleMappings: [provider: .init(type: .rules, ambiguousRoleResolution: .authenticatedRole, rulesConfiguration: .init(rules: [
                .init(claim: "cognito:groups", matchType: .contains, value: "admins", roleARN: admin),
                .init(claim: "custom:plan", matchType: .equals, value: "pro", roleARN: plan),
            ]))])
        let state = RulesState(pool: ResourceRef(.identityPool, ["us-east-1:pool"], name: "pool"), provider: provider,
                               description: pool, saved: roles)
        return ReducerDriver(root: .rules(state))
    }

    static func rules(_ driver: ReducerDriver) -> RulesState? {
        if case .rules(let rules) = driver.state.currentContent { return rules }
        return nil
    }

    @Test("J and K move the rule under the cursor; the edit is marked unsaved")
    func move() {
        var driver = Self.editor()
        #expect(Self.rules(driver)?.edited == false)
        driver.key(.character("J"))
        #expect(Self.rules(driver)?.rules.map(\.roleARN) == [Self.plan, Self.admin])
        #expect(Self.rules(driver)?.cursor == 1)
        #expect(driver.screen.footer.filter?.contains("edited, unsaved") == true)
        driver.key(.character("K"))
        #expect(Self.rules(driver)?.rules.map(\.roleARN) == [Self.admin, Self.plan])
        #expect(Self.rules(driver)?.edited == false, "back as it was")
    }

    /// Types into the open form's focused field.
    static func type(_ driver: inout ReducerDriver, _ text: String) {
        for char in text { driver.key(.character(char)) }
    }

    @Test("a adds a rule after the cursor from a form; a role that is not an IAM role ARN stays in the form")
    func add() {
        var driver = Self.editor()
        driver.key(.character("a"))
        guard case .rulesForm? = driver.state.overlay else { Issue.record("no form"); return }
        Self.type(&driver, "email")
        driver.key(.tab)
        driver.key(.right)                                  // Equals → Contains
        driver.key(.tab)
        Self.type(&driver, "@corp.example")
        driver.key(.tab)
        Self.type(&driver, "not-an-arn")
        driver.key(.enter)
        #expect(driver.message?.contains("is not an IAM role ARN") == true, "\(driver.message ?? "")")
        guard case .rulesForm? = driver.state.overlay else { Issue.record("the form closed"); return }
        driver.key(.control("u"))
        Self.type(&driver, "arn:aws:iam::123456789012:role/corp")
        driver.key(.enter)
        #expect(driver.state.overlay == nil)
        let rules = Self.rules(driver)?.rules ?? []
        #expect(rules.map(\.claim) == ["cognito:groups", "email", "custom:plan"])
        #expect(rules[1].matchType == "Contains" && rules[1].value == "@corp.example")
    }

    @Test("del removes the rule, t switches to Token, A to Deny; the mapping sent is the edited one")
    func removeAndSwitch() {
        var driver = Self.editor()
        driver.key(.delete)
        driver.key(.character("t"))
        driver.key(.character("A"))
        guard let rules = Self.rules(driver) else { Issue.record("no editor"); return }
        #expect(rules.rules.map(\.claim) == ["custom:plan"])
        #expect(rules.mappingJSON == .object(["Type": .string("Token"), "AmbiguousRoleResolution": .string("Deny")]))
        #expect(rules.editedRoles.roleMappings?[Self.provider]?.type == .token)
    }

    @Test("w plans only this provider's mapping through SetIdentityPoolRoles' read-modify-write")
    func save() throws {
        var driver = Self.editor()
        driver.key(.character("J"))
        driver.key(.character("w"))
        guard case .planUpdate(let request, let edit)? = driver.effects.first else { Issue.record("no plan: \(driver.effects)"); return }
        #expect(request.action == ActionKey(.identityPool, "edit-roles"))
        guard case .members(let members) = edit else { Issue.record("not members"); return }
        #expect(Array(members.keys) == ["RoleMappings\u{1F}" + Self.provider])
    }

    @Test("a save the checks refuse is one sentence and plans nothing: 26 rules, a provider the pool does not have")
    func refused() {
        var driver = Self.editor()
        driver.state.withContent(driver.state.currentAddress) { content in
            guard case .rules(var rules) = content else { return }
            for index in 0..<24 { rules.put(.init(claim: "c\(index)", matchType: "Equals", value: "v", roleARN: Self.plan), at: nil) }
            content = .rules(rules)
        }
        driver.key(.character("w"))
        #expect(driver.effects.isEmpty)
        #expect(driver.message?.contains("25") == true, "\(driver.message ?? "")")
        #expect(driver.message?.contains("nothing was sent") == true || driver.message?.contains("Nothing was sent") == true)
    }

    @Test("under read-only, w is refused with the reason; s still simulates")
    func readOnly() {
        var driver = Self.editor()
        driver.state.info.readOnly = true
        driver.key(.character("J"))
        driver.key(.character("w"))
        #expect(driver.effects.isEmpty)
        #expect(driver.message?.contains("read-only: SetIdentityPoolRoles changes data") == true, "\(driver.message ?? "")")
        driver.key(.character("s"))
        Self.type(&driver, #"{"custom:plan": "pro"}"#)
        driver.key(.up)
        driver.key(.right)                                  // user → claims
        driver.key(.enter)
        guard case .simulate(let request)? = driver.effects.first else { Issue.record("no simulation: \(driver.effects)"); return }
        #expect(request.edited && request.roles.roleMappings?[Self.provider]?.rulesConfiguration?.rules.first?.roleARN == Self.plan)
    }

    @Test("esc on an unsaved edit asks once, then goes back")
    func leave() {
        var driver = Self.editor()
        driver.key(.character("J"))
        driver.key(.escape)
        #expect(driver.message?.contains("unsaved changes") == true)
        #expect(Self.rules(driver) != nil, "still in the editor")
    }
}
