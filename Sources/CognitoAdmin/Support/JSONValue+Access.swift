import CognitoAPI

extension JSONValue {
    /// The member of an object; nil for anything else.
    public subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A scalar as a form field shows it; nil for objects and arrays.
    public var text: String? {
        switch self {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return flag ? "yes" : "no"
        default: return nil
        }
    }
}
