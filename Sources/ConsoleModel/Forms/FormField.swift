import CognitoAdmin
import CognitoAPI

/// One field of a form: what it holds, its text as typed, and the rule it is checked by.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// Shown masked; never put in a message.
        case secret
        case number
        /// yes / no, switched with space or ←/→.
        case flag
        /// One of the values, switched with ←/→.
        case choice([String])
        /// Any of the values, typed comma-separated; ←/→ offers them.
        case multiChoice([String])
        /// `key=value` pairs, comma-separated.
        case keyValues
        /// An ordered list of records, one per `;`, their fields separated by `|`, in the order
        /// of these column names.
        case records(columns: [String])
    }

    /// The key the action reads the value by.
    public var key: String
    public var label: String
    public var kind: Kind
    /// The value as typed: text, a number, `yes`/`no`, the choice, or the list syntax above.
    public var text: String
    public var required: Bool
    /// The model's rule: the operation and the top-level input member the value becomes.
    public var rule: FieldRule?
    /// Why the value is not valid now; nil when it is.
    public var error: String?
    /// For `keyValues` and comma-separated text: the keys (or items) allowed; nil for any.
    public var allowed: [String]?
    /// A shape the text must have beyond the model's rule (which only bounds a string's length).
    public var format: Format?

    public enum Format: Sendable, Equatable {
        /// An IAM role ARN, `arn:aws:iam::123456789012:role/NAME`.
        case roleARN
        /// Comma-separated IAM ARNs of this resource type (`oidc-provider`, `saml-provider`).
        case iamARNs(resource: String)
    }

    public init(_ key: String, _ label: String, kind: Kind = .text, text: String = "", required: Bool = false,
                rule: FieldRule? = nil, format: Format? = nil) {
        self.format = format
        self.key = key
        self.label = label
        self.kind = kind
        self.text = text
        self.required = required
        self.rule = rule
    }

    /// The value as the model sees it, for validation; nil when empty.
    public var jsonValue: JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        switch kind {
        case .text, .secret, .choice: return .string(text)
        case .number: return Int64(trimmed).map { .integer($0) } ?? .string(trimmed)
        case .flag: return .bool(trimmed == "yes")
        case .multiChoice: return .array(FormValues.list(trimmed).map { .string($0) })
        case .keyValues:
            var object: [String: JSONValue] = [:]
            for (key, value) in FormValues.pairs(trimmed) { object[key] = .string(value) }
            return .object(object)
        case .records: return nil
        }
    }

    /// Checks the value: required, well-formed, then the model's rule. Sets `error`.
    public mutating func validate() {
        error = problem()
    }

    private func problem() -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return required ? "\(label) is required." : nil }
        switch kind {
        case .number where Int(trimmed) == nil: return "\(label) must be a whole number."
        case .choice(let values) where !values.contains(text): return "\(label) must be one of \(values.joined(separator: ", "))."
        case .multiChoice(let values):
            if let unknown = FormValues.list(trimmed).first(where: { !values.contains($0) }) {
                return "\(unknown) is not one of \(values.joined(separator: ", "))."
            }
        case .keyValues:
            if let bad = trimmed.split(separator: ",").first(where: { !$0.contains("=") }) {
                return "\"\(bad.trimmingCharacters(in: .whitespaces))\" is not key=value."
            }
            if let allowed, let unknown = FormValues.pairs(trimmed).first(where: { !allowed.contains($0.key) }) {
                return "\(unknown.key) is not one of \(allowed.joined(separator: ", "))."
            }
        case .text where allowed != nil:
            if let unknown = FormValues.list(trimmed).first(where: { !allowed!.contains($0) }) {
                return "\(unknown) is not one of \(allowed!.joined(separator: ", "))."
            }
        case .records(let columns):
            for record in FormValues.records(trimmed) where record.count != columns.count {
                return "Each entry needs \(columns.count) parts (\(columns.joined(separator: " | ")))."
            }
        default: break
        }
        switch format {
        case .roleARN? where !RoleMappingCheck.isRoleARN(trimmed):
            return "`\(trimmed)` is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)."
        case .iamARNs(let resource)?:
            if let bad = FormValues.list(trimmed).first(where: { !RoleMappingCheck.isIAMARN($0, resource: resource) }) {
                return "`\(bad)` is not an IAM \(resource) ARN (arn:aws:iam::123456789012:\(resource)/NAME)."
            }
        default: break
        }
        guard let rule, let operation = OperationFacts.operation(rule.operation) else { return nil }
        do {
            try CognitoJSON.validate(member: rule.member, value: jsonValue, of: operation)
            return nil
        } catch let error as InputValidationError {
            // The validator's sentence names the operation first; under a field the label is enough.
            let text = error.description
            let prefix = "\(operation.name): "
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        } catch {
            return String(describing: error)
        }
    }
}

/// Where a field's rule comes from: an operation's input member in the service model.
public struct FieldRule: Sendable, Equatable {
    public var operation: String
    public var member: String
    public init(_ operation: String, _ member: String) {
        self.operation = operation
        self.member = member
    }
}
