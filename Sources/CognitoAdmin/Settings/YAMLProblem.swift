import Yams

/// A YAML syntax error reduced to what an operator needs: the line and a short wording.
/// Shared by the settings parser here and the console's theme parser.
public struct YAMLProblem: Sendable, Equatable {
    public var line: Int?
    public var problem: String

    public init(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            line = mark.line
            self.problem = "it is not valid YAML (\(problem))"
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line
            problem = "the key \(duplicates.sorted().joined(separator: ", ")) appears twice"
        default:
            line = nil
            problem = "it is not valid YAML"
        }
    }
}
