import Foundation

/// Checks a JSON input against an operation's input shape, recursively, by the model's rules:
/// known members only, required members present, JSON types, string lengths (in Unicode scalars)
/// and patterns, blob sizes, numeric ranges, list and map sizes. Enum members are not limited to
/// the values the model lists, since the enums are open (a newer value may be valid).
///
/// The first broken rule is thrown as a `InputValidationError`, in a fixed order: unknown members,
/// then missing ones, then each member in model order.
struct InputValidator {
    let schema: ServiceSchema
    let operation: String

    func validate(input: JSONValue, shape: String) throws {
        guard case .object = input else {
            throw InputValidationError(operation: operation, path: "", rule: .notAnObject,
                                  description: "\(operation): the input must be a JSON object, got \(input.kindDescription)")
        }
        try check(input, shapeName: shape, path: "")
    }

    func check(_ value: JSONValue, shapeName: String, path: String) throws {
        let shape = schema.shape(shapeName)
        switch shape.kind {
        case .structure:
            try checkStructure(value, shape: shape, path: path)
        case .list:
            guard case .array(let items) = value else { throw typeError(path, "an array", value) }
            try checkCount(items.count, shape: shape, path: path, noun: "item")
            for (index, item) in items.enumerated() {
                try check(item, shapeName: shape.element!, path: "\(path)[\(index)]")
            }
        case .map:
            guard case .object(let entries) = value else { throw typeError(path, "an object", value) }
            try checkCount(entries.count, shape: shape, path: path, noun: "entry")
            for key in entries.keys.sorted() {
                try checkString(key, shape: schema.shape(shape.key!), path: "\(path) key \(quoted(key))")
                try check(entries[key]!, shapeName: shape.value!, path: "\(path)[\(quoted(key))]")
            }
        case .string:
            guard case .string(let text) = value else { throw typeError(path, "a string", value) }
            try checkString(text, shape: shape, path: path)
        case .integer, .long:
            let number: Double
            switch value {
            case .integer(let n): number = Double(n)
            case .number(let d) where d.rounded() == d: number = d
            default: throw typeError(path, "an integer", value)
            }
            try checkRange(number, shape: shape, path: path)
        case .double, .float:
            guard let number = value.numberValue else { throw typeError(path, "a number", value) }
            try checkRange(number, shape: shape, path: path)
        case .boolean:
            guard case .bool = value else { throw typeError(path, "a boolean", value) }
        case .timestamp:
            guard value.numberValue != nil else { throw typeError(path, "a timestamp in epoch seconds", value) }
        case .blob:
            guard case .string(let text) = value else { throw typeError(path, "a base64 string", value) }
            guard let bytes = Data(base64Encoded: text) else {
                throw failure(path, .base64, "must be base64-encoded")
            }
            try checkLength(bytes.count, shape: shape, path: path, noun: "byte")
        case .document:
            return
        }
    }

    private func checkStructure(_ value: JSONValue, shape: ShapeSchema, path: String) throws {
        guard case .object(let members) = value else { throw typeError(path, "an object", value) }
        let known = shape.members.map(\.name)
        for name in members.keys.sorted() where shape.member(named: name) == nil {
            let suggestion = NameMatching.nearest(to: name, among: known)
            var text = "\(operation): unknown member \(join(path, name))"
            if let suggestion {
                text += "; did you mean \(join(path, suggestion))?"
            } else if known.count <= 12 {
                text += "; the members are \(known.sorted().joined(separator: ", "))"
            }
            throw InputValidationError(operation: operation, path: join(path, name),
                                  rule: .unknownMember(suggestion: suggestion), description: text)
        }
        for member in shape.members where shape.required.contains(member.name) {
            if members[member.name] == nil || members[member.name] == .null {
                throw failure(join(path, member.name), .required, "is required")
            }
        }
        for member in shape.members {
            guard let memberValue = members[member.name], memberValue != .null else { continue }
            try check(memberValue, shapeName: member.shape, path: join(path, member.name))
        }
    }

    private func checkString(_ text: String, shape: ShapeSchema, path: String) throws {
        try checkLength(text.unicodeScalars.count, shape: shape, path: path, noun: "character")
        if let pattern = shape.pattern, JavaPattern.matches(pattern, text) == false {
            let shown = shape.sensitive ? " (the value is sensitive and not shown)" : ", got \(quoted(text))"
            throw failure(path, .pattern(pattern), "must match the pattern \(pattern)\(shown)")
        }
    }

    private func checkLength(_ length: Int, shape: ShapeSchema, path: String, noun: String) throws {
        let min = shape.min.map { Int($0) }, max = shape.max.map { Int($0) }
        if let min, length < min { throw lengthError(path, min, max, length, noun) }
        if let max, length > max { throw lengthError(path, min, max, length, noun) }
    }

    private func lengthError(_ path: String, _ min: Int?, _ max: Int?, _ actual: Int, _ noun: String) -> InputValidationError {
        failure(path, .length(min: min, max: max, actual: actual),
                "must be \(bounds(min, max, unit: noun)) long, got \(actual)")
    }

    private func checkCount(_ count: Int, shape: ShapeSchema, path: String, noun: String) throws {
        let min = shape.min.map { Int($0) }, max = shape.max.map { Int($0) }
        if (min.map { count < $0 } ?? false) || (max.map { count > $0 } ?? false) {
            throw failure(path, .count(min: min, max: max, actual: count),
                          "must have \(bounds(min, max, unit: noun)), got \(count)")
        }
    }

    private func checkRange(_ number: Double, shape: ShapeSchema, path: String) throws {
        if (shape.min.map { number < $0 } ?? false) || (shape.max.map { number > $0 } ?? false) {
            let text: String
            switch (shape.min, shape.max) {
            case (let min?, let max?): text = "must be between \(format(min)) and \(format(max))"
            case (let min?, nil): text = "must be at least \(format(min))"
            case (nil, let max?): text = "must be at most \(format(max))"
            case (nil, nil): text = ""
            }
            throw failure(path, .range(min: shape.min, max: shape.max, actual: number), "\(text), got \(format(number))")
        }
    }

    // MARK: - wording

    private func failure(_ path: String, _ rule: InputValidationError.Rule, _ text: String) -> InputValidationError {
        InputValidationError(operation: operation, path: path, rule: rule, description: "\(operation): \(path) \(text)")
    }

    private func typeError(_ path: String, _ expected: String, _ value: JSONValue) -> InputValidationError {
        failure(path, .type(expected: expected), "must be \(expected), got \(value.kindDescription)")
    }

    /// `between 1 and 55 characters`, `at least 1 character`, `at most 10 entries`.
    private func bounds(_ min: Int?, _ max: Int?, unit: String) -> String {
        func plural(_ n: Int) -> String {
            if n == 1 { return unit }
            return unit == "entry" ? "entries" : unit + "s"
        }
        switch (min, max) {
        case (let min?, let max?) where min == max: return "exactly \(min) \(plural(min))"
        case (let min?, let max?): return "between \(min) and \(max) \(plural(max))"
        case (let min?, nil): return "at least \(min) \(plural(min))"
        case (nil, let max?): return "at most \(max) \(plural(max))"
        case (nil, nil): return "any number of \(plural(2))"
        }
    }

    private func join(_ path: String, _ member: String) -> String {
        path.isEmpty ? member : "\(path).\(member)"
    }

    private func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? String(text.prefix(57)) + "..." : text
        return "\"" + shown.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

extension JSONValue {
    var numberValue: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .number(let d): return d
        default: return nil
        }
    }
}

extension ServiceSchema {
    /// Validates JSON text as the input of `operation`.
    func validate(json: Data, for operation: OperationMetadata) throws {
        let value: JSONValue
        do {
            value = try JSONValue(json: json.isEmpty ? Data("{}".utf8) : json)
        } catch {
            throw InputValidationError(operation: operation.name, path: "", rule: .notAnObject,
                                  description: "\(operation.name): the input is not valid JSON")
        }
        try InputValidator(schema: self, operation: operation.name).validate(input: value, shape: operation.input)
    }
}
