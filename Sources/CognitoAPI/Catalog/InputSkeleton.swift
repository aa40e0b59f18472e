/// Renders a shape as a JSON skeleton people can read and fill in: each member's value is a
/// description of what goes there.
///
/// ```
/// {
///   "UserPoolId": "string (1..55 chars, pattern [\\w-]+_[0-9a-zA-Z]+), required",
///   "AttributesToGet": [
///     "string (1..32 chars, pattern ...)"
///   ],
///   "Limit": "integer (0..60)"
/// }
/// ```
///
/// JSON cannot annotate an array or object itself, so the limits of a list, a map or a nested
/// structure (size, required) are written as a last entry `"…"`; it is not a member to send.
/// Members appear in model order; the output is valid JSON.
struct InputSkeleton {
    let schema: ServiceSchema

    func render(shape: String) -> String {
        var lines: [String] = []
        write(shape: shape, annotation: nil, indent: 0, prefix: "", suffix: "", into: &lines, visiting: [])
        return lines.joined(separator: "\n")
    }

    /// Writes one value, starting on a line that begins with `prefix` (a key or nothing).
    private func write(shape name: String, annotation: String?, indent: Int, prefix: String, suffix: String,
                       into lines: inout [String], visiting: Set<String>) {
        let pad = String(repeating: "  ", count: indent)
        let shape = schema.shape(name)
        let note = [sizeNote(shape), annotation].compactMap { $0 }.joined(separator: ", ")
        switch shape.kind {
        case .structure:
            if visiting.contains(name) {
                lines.append(pad + prefix + quote("\(name) (as above)") + suffix)
                return
            }
            var entries: [(key: String, shape: String?, text: String?, annotation: String?)] = shape.members.map {
                ($0.name, $0.shape, nil, shape.required.contains($0.name) ? "required" : nil)
            }
            if !note.isEmpty { entries.append(("…", nil, note, nil)) }
            if entries.isEmpty {
                lines.append(pad + prefix + "{}" + suffix)
                return
            }
            lines.append(pad + prefix + "{")
            for (index, entry) in entries.enumerated() {
                let comma = index < entries.count - 1 ? "," : ""
                let key = quote(entry.key) + ": "
                if let member = entry.shape {
                    write(shape: member, annotation: entry.annotation, indent: indent + 1, prefix: key,
                          suffix: comma, into: &lines, visiting: visiting.union([name]))
                } else {
                    lines.append(pad + "  " + key + quote(entry.text!) + comma)
                }
            }
            lines.append(pad + "}" + suffix)
        case .list:
            lines.append(pad + prefix + "[")
            write(shape: shape.element!, annotation: nil, indent: indent + 1, prefix: "",
                  suffix: note.isEmpty ? "" : ",", into: &lines, visiting: visiting)
            if !note.isEmpty { lines.append(pad + "  " + quote("… \(note)")) }
            lines.append(pad + "]" + suffix)
        case .map:
            lines.append(pad + prefix + "{")
            let key = quote("<key: \(scalar(schema.shape(shape.key!)))>") + ": "
            write(shape: shape.value!, annotation: nil, indent: indent + 1, prefix: key,
                  suffix: note.isEmpty ? "" : ",", into: &lines, visiting: visiting)
            if !note.isEmpty { lines.append(pad + "  " + quote("…") + ": " + quote(note)) }
            lines.append(pad + "}" + suffix)
        default:
            let text = scalar(shape) + (annotation.map { ", \($0)" } ?? "")
            lines.append(pad + prefix + quote(text) + suffix)
        }
    }

    /// `string (1..55 chars, pattern …)`, `integer (0..60)`, `one of ENABLED | DISABLED`.
    private func scalar(_ shape: ShapeSchema) -> String {
        var details: [String] = []
        let base: String
        switch shape.kind {
        case .string:
            if let values = shape.enumValues {
                base = "one of " + values.joined(separator: " | ")
            } else {
                base = "string"
            }
            if let range = range(shape) { details.append("\(range) chars") }
            if let pattern = shape.pattern { details.append("pattern \(pattern)") }
        case .integer, .long:
            base = shape.kind.rawValue
            if let range = range(shape) { details.append(range) }
        case .double, .float:
            base = "number"
            if let range = range(shape) { details.append(range) }
        case .boolean: base = "boolean"
        case .timestamp: base = "timestamp (epoch seconds)"
        case .blob:
            base = "base64 bytes"
            if let range = range(shape) { details.append("\(range) bytes") }
        case .document: base = "any JSON value"
        case .structure, .list, .map: base = shape.kind.rawValue
        }
        if shape.sensitive { details.append("sensitive") }
        return details.isEmpty ? base : "\(base) (\(details.joined(separator: ", ")))"
    }

    private func sizeNote(_ shape: ShapeSchema) -> String? {
        guard shape.kind == .list || shape.kind == .map, let range = range(shape) else { return nil }
        return "\(range) \(shape.kind == .list ? "items" : "entries")"
    }

    /// `1..55`, `0..`, `..256`.
    private func range(_ shape: ShapeSchema) -> String? {
        if shape.min == nil && shape.max == nil { return nil }
        return (shape.min.map { String(Int64($0)) } ?? "") + ".." + (shape.max.map { String(Int64($0)) } ?? "")
    }

    private func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
