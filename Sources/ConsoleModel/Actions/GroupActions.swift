import CognitoAdmin
import CognitoAPI

/// What can be done to a group from the console.
enum GroupActions {
    static let all: [ResourceAction] = MembershipActions.forGroups + [
        ResourceAction("create", keys: [.character("c")], title: "create group", operations: ["CreateGroup"],
                       scope: .list, confirmation: .yesNo, hint: true, question: { "Create the group in \($0[0])?" },
                       work: .form(FormRecipe { _, ref in
                           FormState(title: "Create a group in \(ref[0])", fields: [
                               FormField("GroupName", "Name", required: true, rule: FieldRule("CreateGroup", "GroupName")),
                               FormField("Description", "Description", rule: FieldRule("CreateGroup", "Description")),
                               FormField("Precedence", "Precedence", kind: .number, rule: FieldRule("CreateGroup", "Precedence")),
                               FormField("RoleArn", "IAM role ARN", rule: FieldRule("CreateGroup", "RoleArn")),
                           ])
                       }, { backend, ref, values in
                           let name = values["GroupName"] ?? ""
                           try await GroupAdmin.create(backend, pool: ref[0], name: name, description: values.string("Description"),
                                                       precedence: values.int("Precedence"), roleArn: values.string("RoleArn"))
                           return ActionOutcome("Created group \(name).", .created(ResourceRef(.group, [ref[0], name])))
                       })),
        ResourceAction("update", keys: [.character("u")], title: "change group", operations: ["GetGroup", "UpdateGroup"],
                       confirmation: .yesNo, work: .updateForm()),
        .edit(Updaters.group),
        ResourceAction("delete", keys: [.delete, .control("x")], title: "delete group", operations: ["DeleteGroup"],
                       confirmation: .typeName,
                       question: { "Delete group \($0.id)? Its members stay in the pool." }, removes: true,
                       work: .run { backend, ref, _ in
                           try await GroupAdmin.delete(backend, pool: ref[0], name: ref.id)
                           return ActionOutcome("Deleted group \(ref.id).", .removed)
                       }),
    ]

    /// The form of `update`: the group's description, precedence and role, from the update input.
    static let update = UpdateSpec(
        GroupAdmin.updater,
        form: { _, _, current in
            FormState(title: "Change group", fields: [
                FormField("Description", "Description", text: current["Description"]?.text ?? "",
                          rule: FieldRule("UpdateGroup", "Description")),
                FormField("Precedence", "Precedence", kind: .number, text: current["Precedence"]?.text ?? "",
                          rule: FieldRule("UpdateGroup", "Precedence")),
                FormField("RoleArn", "IAM role ARN", text: current["RoleArn"]?.text ?? "",
                          rule: FieldRule("UpdateGroup", "RoleArn")),
            ])
        },
        members: { values in
            ["Description": values.string("Description").map { .string($0) },
             "Precedence": values.int("Precedence").map { .integer(Int64($0)) },
             "RoleArn": values.string("RoleArn").map { .string($0) }]
        })
}
