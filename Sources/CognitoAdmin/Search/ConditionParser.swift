import CognitoAPI
import Foundation

/// Reads the text of a `UserCondition` into clauses, or one `ConditionError` that names the
/// first wrong word. Offsets count characters from the start of the text.
struct ConditionParser {
    enum Token: Equatable {
        case word(String)
        case op(String)
        case value(String)
    }

    static let operatorCharacters: Set<Character> = ["=", "!", "^", "$", "*", "~", "<", ">"]
    static let operatorList = "=, !=, ^=, $=, *=, ~, < or >"
    static let dateExample = "2024-05-01 or 2024-05-01T12:00:00Z"

    let text: [Character]

    init(_ text: String) { self.text = Array(text) }

    func clauses() throws(ConditionError) -> [UserCondition.Clause] {
        let tokens = try tokenize()
        guard !tokens.isEmpty else {
            throw ConditionError("the condition is empty; write ATTR OP \"VALUE\", e.g. email ^= \"ann\"", at: 0)
        }
        var clauses: [UserCondition.Clause] = []
        var index = 0
        var lastAnd: Int?
        while true {
            // ATTR
            guard index < tokens.count else {
                throw ConditionError("\"and\" at the end needs a clause after it", at: lastAnd ?? text.count)
            }
            let (attributeToken, attributeAt) = tokens[index]
            guard case .word(let attribute) = attributeToken else {
                throw ConditionError("expected an attribute name before \(Self.show(attributeToken))", at: attributeAt)
            }
            if attribute.lowercased() == "and" {
                throw ConditionError(clauses.isEmpty ? "\"and\" at the start needs a clause before it"
                                                     : "\"and\" is repeated; one joins two clauses", at: attributeAt)
            }
            index += 1
            // OP
            guard index < tokens.count else {
                throw ConditionError("\(attribute) needs an operator and a value, e.g. \(attribute) = \"…\"", at: attributeAt)
            }
            let (opToken, opAt) = tokens[index]
            let op: UserCondition.Op
            switch opToken {
            case .op(let text), .word(let text):
                guard let known = UserCondition.Op(rawValue: text) else {
                    throw ConditionError("unknown operator \"\(text)\"; use \(Self.operatorList)", at: opAt)
                }
                op = known
            case .value:
                throw ConditionError("an operator is missing between \(attribute) and \(Self.show(opToken)); use \(Self.operatorList)",
                                     at: opAt)
            }
            index += 1
            // "VALUE"
            guard index < tokens.count, case .value(let value) = tokens[index].0 else {
                let found = index < tokens.count ? tokens[index] : nil
                if let (token, at) = found, case .word(let word) = token, word.lowercased() != "and" {
                    throw ConditionError("the value \(word) must be in double quotes: \(attribute) \(op.rawValue) \"\(word)\"", at: at)
                }
                throw ConditionError("\(attribute) \(op.rawValue) has no value; put one in double quotes, e.g. \(attribute) \(op.rawValue) \"…\"",
                                     at: opAt)
            }
            let valueAt = tokens[index].1
            index += 1
            let clause = UserCondition.Clause(attribute: attribute, op: op, value: value)
            try Self.check(clause, opAt: opAt, valueAt: valueAt)
            clauses.append(clause)
            // and, or the end
            guard index < tokens.count else { return clauses }
            let (joinToken, joinAt) = tokens[index]
            guard case .word(let join) = joinToken, join.lowercased() == "and" else {
                throw ConditionError("expected \"and\" before \(Self.show(joinToken)); clauses are joined by and", at: joinAt)
            }
            lastAnd = joinAt
            index += 1
        }
    }

    /// Words, operators (a run of operator characters) and quoted values, with their offsets.
    func tokenize() throws(ConditionError) -> [(Token, Int)] {
        var tokens: [(Token, Int)] = []
        var index = 0
        while index < text.count {
            let character = text[index]
            let start = index
            if character.isWhitespace {
                index += 1
            } else if character == "\"" {
                var value = ""
                index += 1
                var closed = false
                while index < text.count {
                    let c = text[index]
                    if c == "\"" { closed = true; index += 1; break }
                    if c == "\\" {
                        guard index + 1 < text.count else { break }
                        let escaped = text[index + 1]
                        guard escaped == "\"" || escaped == "\\" else {
                            throw ConditionError("unknown escape \\\(escaped) in a value; inside quotes write \\\" for a quote and \\\\ for a backslash",
                                                 at: index)
                        }
                        value.append(escaped)
                        index += 2
                    } else {
                        value.append(c)
                        index += 1
                    }
                }
                guard closed else {
                    throw ConditionError("the value starting \(String(text[start..<min(text.count, start + 12)])) has no closing quote",
                                         at: start)
                }
                tokens.append((.value(value), start))
            } else if Self.operatorCharacters.contains(character) {
                while index < text.count, Self.operatorCharacters.contains(text[index]) { index += 1 }
                tokens.append((.op(String(text[start..<index])), start))
            } else {
                while index < text.count, !text[index].isWhitespace, text[index] != "\"",
                      !Self.operatorCharacters.contains(text[index]) { index += 1 }
                tokens.append((.word(String(text[start..<index])), start))
            }
        }
        return tokens
    }

    static func show(_ token: Token) -> String {
        switch token {
        case .word(let text), .op(let text): return "\"\(text)\""
        case .value(let text): return UserCondition.quoted(text)
        }
    }

    /// Refuses a clause whose operator or value does not fit its field.
    static func check(_ clause: UserCondition.Clause, opAt: Int, valueAt: Int) throws(ConditionError) {
        let name = clause.attribute, op = clause.op, value = clause.value
        switch ConditionField(name) {
        case .enabled:
            guard op == .equals || op == .notEquals else {
                throw ConditionError("enabled takes = or !=, not \(op.rawValue)", at: opAt)
            }
            guard ConditionValue.flag(value) != nil else {
                throw ConditionError("enabled is true, false, yes or no, not \"\(value)\"", at: valueAt)
            }
        case .created, .modified:
            guard [.equals, .notEquals, .less, .greater].contains(op) else {
                throw ConditionError("\(name) takes =, !=, < or > and a date, not \(op.rawValue)", at: opAt)
            }
            guard ConditionValue.date(value) != nil else {
                throw ConditionError("\(name) compares with a date such as \(dateExample), not \"\(value)\"", at: valueAt)
            }
        case .status:
            if op == .less || op == .greater {
                throw ConditionError("\(name) is a name and takes =, !=, ^=, $=, *= or ~, not \(op.rawValue)", at: opAt)
            }
            let known = CognitoIdentityProvider.UserStatusType.knownValues.map(\.rawValue)
            if op == .equals || op == .notEquals, !known.contains(value.uppercased()) {
                throw ConditionError("\(name) is one of \(known.joined(separator: ", ")), not \"\(value)\"", at: valueAt)
            }
        case .username, .attribute:
            break
        }
        switch op {
        case .less, .greater:
            guard ConditionValue.number(value) != nil || ConditionValue.date(value) != nil else {
                throw ConditionError("\(op.rawValue) compares numbers and dates (\(dateExample)), not \"\(value)\"", at: valueAt)
            }
        case .matches:
            do {
                _ = try NSRegularExpression(pattern: value)
            } catch {
                throw ConditionError("\"\(value)\" is not a valid regular expression", at: valueAt)
            }
        default:
            break
        }
    }
}
