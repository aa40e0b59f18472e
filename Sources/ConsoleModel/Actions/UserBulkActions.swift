import CognitoAdmin

/// Actions on users of a pool's list that ask once and, on marked rows, run on each as a job:
/// add to groups and remove from groups (a picker of the pool's groups), and set or remove
/// attributes (a form checked against the pool's schema). Each call is the domain layer's
/// `UserCall`, as `cognito-tui users add-to-group|remove-from-group|update` make it.
enum UserBulkActions {
    static let all: [ResourceAction] = [addToGroups, removeFromGroups, setAttributes]

    static let addToGroups = ResourceAction(
        "add-to-group", keys: [.character("a")], title: "add to groups", operations: ["ListGroups", "AdminAddUserToGroup"],
        scope: .row, confirmation: .yesNo, question: { "Add \($0.id) to these groups?" },
        verify: UserActions.verify { $0.list("picked").map(UserCall.addToGroup) },
        lists: [.users], bulk: true,
        work: .pick(PickRecipe(title: { "Add \($0.id) to groups" }) { backend, target, _ in
            try await MembershipActions.allGroups(backend, pool: target[0])
        }, { backend, target, values in
            let groups = values.list("picked")
            for group in groups { try await UserCall.addToGroup(group).apply(backend, target[0], target.id) }
            return ActionOutcome("Added \(target.id) to \(groups.joined(separator: ", ")).", .none)
        }))

    static let removeFromGroups = ResourceAction(
        "remove-from-group", keys: [.character("A")], title: "remove from groups",
        operations: ["ListGroups", "AdminRemoveUserFromGroup"],
        scope: .row, confirmation: .yesNo, question: { "Remove \($0.id) from these groups? The groups stay." },
        verify: UserActions.verify { $0.list("picked").map(UserCall.removeFromGroup) },
        lists: [.users], bulk: true,
        work: .pick(PickRecipe(title: { "Remove \($0.id) from groups" }) { backend, target, _ in
            try await MembershipActions.allGroups(backend, pool: target[0])
        }, { backend, target, values in
            let groups = values.list("picked")
            for group in groups { try await UserCall.removeFromGroup(group).apply(backend, target[0], target.id) }
            return ActionOutcome("Removed \(target.id) from \(groups.joined(separator: ", ")).", .none)
        }))

    /// The `UserCall` a set-attributes form asks for.
    static func attributeCall(_ values: FormValues) -> UserCall {
        UserCall.setAttributes(values.pairs("set").map { (name: $0.key, value: $0.value) }, remove: values.list("remove"))
    }

    static let setAttributes = ResourceAction(
        "set-attributes", keys: [.character("S")], title: "set attributes",
        operations: ["DescribeUserPool", "AdminUpdateUserAttributes", "AdminDeleteUserAttributes"],
        scope: .row, confirmation: .yesNo, question: { "Set these attributes of \($0.id)?" },
        verify: UserActions.verify { [attributeCall($0)] },
        lists: [.users], bulk: true,
        work: .form(FormRecipe { backend, target in
            let schema = try await PoolSchema.read(backend, pool: target[0])
            let writable = schema.attributes.filter(\.mutable).map(\.name)
            var set = FormField("set", "Set (name=value, …)", kind: .keyValues)
            set.allowed = writable
            var remove = FormField("remove", "Remove (names, …)")
            remove.allowed = writable.filter { name in !schema.attributes.contains { $0.name == name && $0.required } }
            var form = FormState(title: "Set attributes of \(target.id)", fields: [set, remove],
                                 note: "Only the attributes named change; the others are kept. Mutable: \(writable.joined(separator: ", ")).")
            form.oneOf = ["set", "remove"]
            return form
        }, { backend, target, values in
            try await attributeCall(values).apply(backend, target[0], target.id)
            return ActionOutcome("Set the attributes of \(target.id).", .updated)
        }))
}
