import Foundation

extension UserCondition {
    /// Whether the user meets every clause.
    public func matches(_ user: UserRecord) -> Bool {
        clauses.allSatisfy { matches(user, $0) }
    }

    func matches(_ user: UserRecord, _ clause: Clause) -> Bool {
        switch ConditionField(clause.attribute) {
        case .enabled:
            guard let enabled = user.enabled, let wanted = ConditionValue.flag(clause.value) else {
                return clause.op == .notEquals
            }
            return clause.op == .equals ? enabled == wanted : enabled != wanted
        case .created, .modified:
            let date = ConditionField(clause.attribute) == .created ? user.created : user.modified
            guard let date, let bound = ConditionValue.date(clause.value) else { return clause.op == .notEquals }
            return ConditionValue.compare(.init(start: date, end: date), clause.op, bound)
        case .status:
            // Status names are matched whatever their case, as ListUsers does.
            guard let status = user.status else { return clause.op == .notEquals }
            return compareText(status.uppercased(), Clause(attribute: clause.attribute, op: clause.op,
                                                           value: clause.op == .matches ? clause.value : clause.value.uppercased()))
        case .username:
            return compareText(user.username, clause)
        case .attribute(let name):
            guard let value = user.attribute(name) else { return clause.op == .notEquals }
            return compareText(value, clause)
        }
    }

    /// A clause on a text value: the string operators as written, `<` and `>` on numbers or dates.
    func compareText(_ text: String, _ clause: Clause) -> Bool {
        let value = clause.value
        switch clause.op {
        case .equals: return text == value
        case .notEquals: return text != value
        case .startsWith: return text.hasPrefix(value)
        case .endsWith: return text.hasSuffix(value)
        case .contains: return value.isEmpty || text.contains(value)
        case .matches:
            guard let regex = patterns.regex(value) else { return false }
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        case .less, .greater:
            if let bound = ConditionValue.number(value), let number = ConditionValue.number(text) {
                return clause.op == .less ? number < bound : number > bound
            }
            guard let bound = ConditionValue.date(value), let moment = ConditionValue.moment(text) else { return false }
            return ConditionValue.compare(moment, clause.op, bound)
        }
    }
}
