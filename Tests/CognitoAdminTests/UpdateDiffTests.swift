import CognitoAdmin
import CognitoAPI
import Testing

@Suite("Field diffs and edits over a newer state", .timeLimit(.minutes(5)))
struct UpdateDiffTests {
    @Test("objects are compared member by member; changed, added, removed and kept are told apart")
    func diffKinds() {
        let old: JSONValue = .object(["Name": .string("a"), "Keep": .integer(1), "Gone": .bool(true),
                                      "Map": .object(["x y": .string("1"), "z": .string("2")])])
        let new: JSONValue = .object(["Name": .string("b"), "Keep": .integer(1), "New": .array([.string("s")]),
                                      "Map": .object(["x y": .string("9"), "z": .string("2")])])
        let changes = UpdateDiff.changes(from: old, to: new)
        #expect(changes.map { "\($0.kind) \($0.path)" } == [
            "removed Gone", "kept Keep", "changed Map.\"x y\"", "kept Map.z", "changed Name", "added New",
        ])
        #expect(UpdateDiff.text(changes[5].new) == "[\"s\"]")
    }

    @Test("a whole document edited in the editor keeps only what the operator changed when planned again")
    func wholeEditRebased() throws {
        let updater = Updater("UpdateGroup", reads: "GetGroup", identifiers: ["GroupName", "UserPoolId"],
                              read: { _, _ in .null }, write: { _, _, _ in })
        let ids: [String: JSONValue] = ["GroupName": .string("g"), "UserPoolId": .string("us-east-1_A")]
        let base = JSONValue.object(ids.merging(["Description": .string("old"), "Precedence": .integer(1)]) { a, _ in a })
        let edited = JSONValue.object(ids.merging(["Description": .string("mine"), "Precedence": .integer(1)]) { a, _ in a })
        let meanwhile = JSONValue.object(ids.merging(["Description": .string("old"), "Precedence": .integer(7)]) { a, _ in a })
        let rebased = try updater.plan(base: meanwhile, edit: UpdateEdit.whole(edited).rebased(from: base))
        #expect(rebased.proposed["Description"] == .string("mine"))
        #expect(rebased.proposed["Precedence"] == .integer(7), "the other change is kept, not put back to 1")
        let removed = JSONValue.object(ids.merging(["Precedence": .integer(1)]) { a, _ in a })
        let withoutDescription = try updater.plan(base: meanwhile, edit: UpdateEdit.whole(removed).rebased(from: base))
        #expect(withoutDescription.proposed["Description"] == nil)
    }
}
