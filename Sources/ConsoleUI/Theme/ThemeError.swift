import Foundation

/// Why a theme could not be used, worded for the operator as one sentence.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No file and no built-in theme has this name.
        case notFound(name: String, searched: [String])
        /// The file exists but could not be read.
        case unreadable(file: String)
        /// The file is not valid YAML or not a valid theme.
        case invalid(file: String, line: Int?, problem: String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// One sentence naming the file, the line where known, and the problem.
    public var description: String {
        switch kind {
        case .notFound(let name, let searched):
            // The first place searched is the user's theme folder: say where a file would go.
            let folder = searched.first.map { ($0 as NSString).deletingLastPathComponent }
            let builtins = BuiltinThemes.names.joined(separator: ", ")
            let hint = folder.map { "put \(name).yaml in \($0), or " } ?? ""
            return "There is no theme named “\(name)”: \(hint)choose one of \(builtins)."
        case .unreadable(let file):
            return "The theme file \(file) could not be read."
        case .invalid(let file, let line, let problem):
            let position = line.map { ", line \($0)," } ?? ""
            return "The theme file \(file)\(position) is broken: \(problem)."
        }
    }

    /// The sentence, followed by what happens instead (e.g. "the default theme applies").
    public func sentence(fallback: String) -> String {
        String(description.dropLast()) + "; \(fallback)."
    }
}
