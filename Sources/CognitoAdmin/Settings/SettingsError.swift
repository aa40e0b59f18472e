import Yams

/// Why the settings file could not be used, as one sentence for the operator.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The line of the problem, where known.
    public var line: Int?
    /// What is wrong, in a few words.
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// From a YAML syntax error, keeping its line.
    public init(file: String, yamlError: YamlError) {
        let problem = YAMLProblem(yamlError)
        self.init(file: file, line: problem.line, problem: problem.problem)
    }

    /// One sentence naming the file, the line where known, and the problem.
    public var description: String {
        let position = line.map { ", line \($0)," } ?? ""
        return "The settings file \(file)\(position) is broken: \(problem)."
    }
}
