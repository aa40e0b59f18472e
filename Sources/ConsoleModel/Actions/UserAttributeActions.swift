import CognitoAdmin
import CognitoAPI

/// `u` on a user: the attributes as a form built from the pool's schema — the mutable ones, the
/// verified flags, and any other the user has — sent as read-modify-write with the diff; an
/// emptied field deletes the attribute.
enum UserAttributeActions {
    static let key = "UserAttributes"

    static func field(_ name: String) -> String { key + String(UpdateEdit.nested) + name }

    static let update = UpdateSpec(
        Updaters.userAttributes,
        form: { backend, target, current in
            let schema = try await PoolSchema.read(backend, pool: target[0])
            guard case .object(let attributes)? = current[key] else { throw UpdateError("The user's attributes were not read.") }
            var fields: [FormField] = []
            var seen: Set<String> = []
            for attribute in schema.attributes where attribute.mutable {
                seen.insert(attribute.name)
                guard !attribute.name.hasSuffix("_verified") else { continue }
                fields.append(FormField(field(attribute.name), attribute.name, text: attributes[attribute.name]?.text ?? "",
                                        required: attribute.required))
            }
            for name in ["email_verified", "phone_number_verified"] {
                seen.insert(name)
                fields.append(FormField(field(name), name, kind: .flag, text: attributes[name]?.text == "true" ? "yes" : "no"))
            }
            // Attributes the user has that the schema did not list (a custom one added later).
            for name in attributes.keys.sorted() where !seen.contains(name) && schema.attributes.first(where: { $0.name == name })?.mutable != false {
                fields.append(FormField(field(name), name, text: attributes[name]?.text ?? ""))
            }
            return FormState(title: "Attributes of \(target.id)", fields: fields,
                             note: "Empty a field to delete the attribute; immutable ones are not shown.")
        },
        members: { values in
            var members: [String: JSONValue?] = [:]
            for (name, text) in values.texts where name.hasPrefix(key + String(UpdateEdit.nested)) {
                let attribute = String(name.dropFirst(key.count + 1))
                if attribute.hasSuffix("_verified") {
                    members[name] = .some(.string(text == "yes" ? "true" : "false"))
                } else {
                    members[name] = text.isEmpty ? .some(nil) : .some(.string(text))
                }
            }
            return members
        })

    static let action = ResourceAction(
        "update", keys: [.character("u")], title: "edit attributes", operations: ["AdminGetUser", "DescribeUserPool",
                                                                                  "AdminUpdateUserAttributes", "AdminDeleteUserAttributes"],
        confirmation: .yesNo, question: { "Change the attributes of \($0.id)?" }, work: .updateForm(update))
}
