import CognitoAdmin

extension ConfirmLine {
    /// A diff as confirmation lines: changed and added fields first, then removed, then the
    /// fields kept as they are (the call would reset them if they were left out).
    public static func diff(_ changes: [FieldChange], resets: [String] = []) -> [ConfirmLine] {
        let order: [FieldChange.Kind] = [.changed, .added, .removed, .kept]
        let warnings = resets.map { ConfirmLine(.removed, "! \($0): not returned by the read, so this update resets it") }
        return warnings + order.flatMap { kind in
            changes.filter { $0.kind == kind }.map { change -> ConfirmLine in
                switch kind {
                case .changed:
                    return ConfirmLine(.changed, "~ \(change.path): \(UpdateDiff.text(change.old)) → \(UpdateDiff.text(change.new))")
                case .added: return ConfirmLine(.added, "+ \(change.path): \(UpdateDiff.text(change.new))")
                case .removed: return ConfirmLine(.removed, "- \(change.path): \(UpdateDiff.text(change.old))")
                case .kept: return ConfirmLine(.kept, "= \(change.path): \(UpdateDiff.text(change.old)) (kept)")
                }
            }
        }
    }
}
