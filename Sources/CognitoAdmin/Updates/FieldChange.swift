import CognitoAPI

/// One field of an update, compared: changed, added, removed, or kept as it is (a field the
/// call would reset if it were left out, so it is sent unchanged).
public struct FieldChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case changed, added, removed, kept }
    /// The member's path: `Description`, `RoleMappings."graph.facebook.com".Type`.
    public var path: String
    public var kind: Kind
    public var old: JSONValue?
    public var new: JSONValue?

    public init(_ path: String, _ kind: Kind, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
    }
}

/// Field-level differences between two update inputs. Objects are compared member by member,
/// down to their leaves; arrays and scalars are compared whole (an ordered list of rules that
/// changed shows as one changed field).
public enum UpdateDiff {
    public static func changes(from old: JSONValue, to new: JSONValue) -> [FieldChange] {
        var out: [FieldChange] = []
        walk(old, new, path: "", into: &out)
        return out
    }

    private static func walk(_ old: JSONValue?, _ new: JSONValue?, path: String, into out: inout [FieldChange]) {
        switch (old, new) {
        case (.object(let a)?, .object(let b)?):
            for key in Set(a.keys).union(b.keys).sorted() {
                walk(a[key], b[key], path: join(path, key), into: &out)
            }
        case (nil, nil):
            break
        case (nil, let value?):
            out.append(FieldChange(path, .added, old: nil, new: value))
        case (let value?, nil):
            out.append(FieldChange(path, .removed, old: value, new: nil))
        case (let a?, let b?):
            out.append(FieldChange(path, a == b ? .kept : .changed, old: a, new: b))
        }
    }

    private static func join(_ path: String, _ key: String) -> String {
        let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        let part = plain ? key : "\"\(key)\""
        return path.isEmpty ? part : "\(path).\(part)"
    }

    /// A value on one line, for the diff view: strings quoted, objects and arrays compact.
    public static func text(_ value: JSONValue?) -> String {
        guard let value else { return "–" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .string(let text): return "\"\(text)\""
        case .array, .object: return (try? PrettyJSON.compact(value)) ?? "…"
        }
    }
}
