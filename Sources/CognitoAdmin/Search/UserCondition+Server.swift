extension UserCondition {
    /// The ListUsers `Filter` string for the clause the service can answer itself (one of
    /// ListUsers' searchable attributes with = or ^=), nil when none can.
    ///
    /// ListUsers takes one `ATTRIBUTE = "value"` or `ATTRIBUTE ^= "value"` on username, email,
    /// phone_number, name, given_name, family_name, preferred_username, cognito:user_status,
    /// status (`Enabled`/`Disabled`) or sub (API reference, ListUsers, `Filter`). Of the clauses
    /// it could answer, the one likely to leave the fewest users is sent: an attribute that tells
    /// users apart (sub, username, email, phone number) over a name over a status, an exact value
    /// over a prefix, a longer prefix over a shorter one. The service compares most attributes
    /// without regard to case, so what it returns can be more than the clause wants; every clause
    /// is checked again on each user.
    public var serverFilter: String? {
        serverClause.map { "\($0.attribute) \($0.op.rawValue) \(Self.quoted($0.value))" }
    }

    /// True when the server filter alone answers the whole condition (no local evaluation needed).
    public var isServerSide: Bool {
        guard clauses.count == 1, let clause = clauses.first, serverClause != nil else { return false }
        switch ConditionField(clause.attribute) {
        case .username, .status, .enabled:
            // Compared the same way on both sides: username and Enabled/Disabled exactly,
            // status names without regard to case.
            return true
        default:
            // The service ignores case here; a value with no letters of either case means the same.
            return clause.value.lowercased() == clause.value.uppercased()
        }
    }

    /// The clause to send, written in the service's terms (`status` becomes
    /// `cognito:user_status`, `enabled` becomes `status = "Enabled"`), with its rank.
    var serverClause: Clause? {
        var best: (clause: Clause, rank: Int)?
        for clause in clauses {
            guard let candidate = Self.serverForm(clause) else { continue }
            let filter = "\(candidate.clause.attribute) \(candidate.clause.op.rawValue) \(Self.quoted(candidate.clause.value))"
            // The service takes at most 256 characters; a longer filter is checked locally only.
            guard filter.count <= 256 else { continue }
            if best == nil || candidate.rank > best!.rank { best = candidate }
        }
        return best?.clause
    }

    /// How selective each searchable attribute tends to be, higher for fewer matches.
    static let searchable: [String: Int] = [
        "sub": 9, "username": 9, "email": 8, "phone_number": 8, "preferred_username": 7,
        "family_name": 5, "name": 5, "given_name": 4,
    ]

    static func serverForm(_ clause: Clause) -> (clause: Clause, rank: Int)? {
        // A backslash in a value has no documented escape in the service's filter; such a
        // clause is checked locally only.
        guard !clause.value.isEmpty, !clause.value.contains("\\") else { return nil }
        switch ConditionField(clause.attribute) {
        case .enabled:
            guard let wanted = ConditionValue.flag(clause.value), clause.op == .equals || clause.op == .notEquals else { return nil }
            let enabled = clause.op == .equals ? wanted : !wanted
            return (Clause(attribute: "status", op: .equals, value: enabled ? "Enabled" : "Disabled"), 10)
        case .status:
            guard clause.op == .equals || clause.op == .startsWith else { return nil }
            return (Clause(attribute: "cognito:user_status", op: clause.op, value: clause.value.uppercased()),
                    rank(weight: 2, clause))
        case .username:
            guard clause.op == .equals || clause.op == .startsWith else { return nil }
            return (clause, rank(weight: 9, clause))
        case .attribute(let name):
            guard let weight = searchable[name], clause.op == .equals || clause.op == .startsWith else { return nil }
            return (clause, rank(weight: weight, clause))
        case .created, .modified:
            return nil
        }
    }

    static func rank(weight: Int, _ clause: Clause) -> Int {
        weight * 10 + (clause.op == .equals ? 6 : min(clause.value.count, 5))
    }
}
