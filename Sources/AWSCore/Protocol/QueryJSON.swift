import Foundation

/// Conversions between JSON values and the Query protocol, so that STS can be called with the
/// same JSON input, and answer with the same JSON output, as the JSON services.
public enum QueryJSON {
    /// Flattens a JSON object into Query parameters: `A.B` for structures, `A.member.N` for
    /// lists, `A.entry.N.key` / `.value` for maps (numbers from 1).
    public static func parameters(_ object: [String: Any]) -> [(String, String)] {
        var out: [(String, String)] = []
        for key in object.keys.sorted() { flatten(object[key]!, prefix: key, into: &out) }
        return out
    }

    static func flatten(_ value: Any, prefix: String, into out: inout [(String, String)]) {
        switch value {
        case let dict as [String: Any]:
            for key in dict.keys.sorted() { flatten(dict[key]!, prefix: "\(prefix).\(key)", into: &out) }
        case let list as [Any]:
            for (i, item) in list.enumerated() { flatten(item, prefix: "\(prefix).member.\(i + 1)", into: &out) }
        case let number as NSNumber:
            // JSONSerialization gives booleans as a distinct NSNumber subclass.
            if String(describing: type(of: number)).contains("Boolean") {
                out.append((prefix, number.boolValue ? "true" : "false"))
            } else {
                out.append((prefix, number.stringValue))
            }
        case let string as String:
            out.append((prefix, string))
        default:
            break
        }
    }

    /// The `<Action>Result` element of a reply as JSON: leaves become strings, elements whose
    /// children are all `member` become arrays, the rest objects.
    public static func result(_ xml: Data, action: String) -> Any? {
        guard let tree = XMLTree.parse(xml) else { return nil }
        guard let result = tree.first("\(action)Result") else { return [String: Any]() }
        return value(of: result)
    }

    static func value(of node: XMLTree) -> Any {
        if node.children.isEmpty { return node.text }
        if node.children.allSatisfy({ $0.name == "member" }) { return node.children.map(value) }
        var object: [String: Any] = [:]
        for child in node.children { object[child.name] = value(of: child) }
        return object
    }
}
