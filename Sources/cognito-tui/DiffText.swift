import CognitoAPI
import CognitoAdmin
import Foundation

/// A read-modify-write plan as text: the update, then one line per field, changed and added
/// first, then removed, then the fields sent unchanged; warnings first for members the update
/// would reset. Secrets an identity provider keeps in `ProviderDetails` are never shown.
enum DiffText {
    static func lines(_ plan: UpdatePlan, resource: String) -> [String] {
        let warnings = plan.resets.map { "  ! \($0): not returned by the read, so this update resets it" }
        let order: [FieldChange.Kind] = [.changed, .added, .removed, .kept]
        let fields = order.flatMap { kind in
            plan.changes.filter { $0.kind == kind }.map { change -> String in
                let old = shown(change.old, at: change.path), new = shown(change.new, at: change.path)
                switch kind {
                case .changed: return "  ~ \(change.path): \(old) → \(new)"
                case .added: return "  + \(change.path): \(new)"
                case .removed: return "  - \(change.path): \(old)"
                case .kept: return "  = \(change.path): \(old) (kept)"
                }
            }
        }
        return ["\(plan.operation) for \(resource):"] + warnings + fields
    }

    /// A value on one line, masked when it sits under `ProviderDetails` and is not known to be public.
    static func shown(_ value: JSONValue?, at path: String) -> String {
        guard value != nil else { return UpdateDiff.text(nil) }
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.first == "ProviderDetails" {
            guard parts.count == 2 else { return "{…}" }
            let key = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !ProviderDetailsMask.publicKeys.contains(key) { return ProviderDetailsMask.mask }
        }
        return UpdateDiff.text(value)
    }
}
