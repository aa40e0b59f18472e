/// One `key = value` line of an INI file. A key whose value is empty and is followed by
/// indented `key = value` lines holds those lines as a sub-section (`s3 =` then `  addressing_style = path`).
public struct INIEntry: Sendable, Equatable {
    /// The key as written, trimmed.
    public var key: String
    /// The value, trimmed; continuation lines are joined with `\n`; empty for a sub-section.
    public var value: String
    /// The indented `key = value` lines under an empty value, or nil.
    public var subsection: [String: String]?
    /// The 1-based line of the key.
    public var line: Int

    public init(key: String, value: String, subsection: [String: String]? = nil, line: Int) {
        self.key = key
        self.value = value
        self.subsection = subsection
        self.line = line
    }
}

/// One `[name]` section and its entries, in file order.
public struct INISection: Sendable, Equatable {
    /// The text between the brackets, trimmed (`profile dev`, `default`, `sso-session corp`).
    public var name: String
    public var line: Int
    public var entries: [INIEntry]

    public init(name: String, line: Int, entries: [INIEntry] = []) {
        self.name = name
        self.line = line
        self.entries = entries
    }

    /// The plain value of a key, compared without regard to case.
    public subscript(key: String) -> String? {
        let lower = key.lowercased()
        return entries.first { $0.key.lowercased() == lower && $0.subsection == nil }?.value
    }
}

/// A parsed INI file: its sections in file order.
public struct INIDocument: Sendable, Equatable {
    public var sections: [INISection]

    public init(sections: [INISection] = []) { self.sections = sections }

    /// The section with exactly this name, if any.
    public func section(named name: String) -> INISection? {
        sections.first { $0.name == name }
    }
}

/// A line of an INI file that could not be read. The message names the file and line, and never
/// quotes a value, since the credentials file holds secrets.
public struct INIParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as shown to people, e.g. `~/.aws/config`.
    public var file: String
    public var line: Int
    public var problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file) line \(line): \(problem)." }
}

/// Parses the INI dialect of the AWS shared `config` and `credentials` files, as botocore reads
/// them with Python's `RawConfigParser` ("Configuration and credential file settings", AWS CLI
/// User Guide):
/// - whole-line comments start with `#` or `;`, indented or not; text after a value is part of
///   the value (`region = us-east-1 # x` has the value `us-east-1 # x`, as in the CLI);
/// - `key = value` or `key: value`, split at the first `=` or `:`, both sides trimmed;
/// - a line indented deeper than the key before it continues that key: joined to a non-empty
///   value with `\n`, or read as a `key = value` sub-section under an empty one;
/// - a section or key given twice, and any line before the first section, are errors.
public enum INIParser {
    /// Parses `text`; `file` names the file in error messages.
    public static func parse(_ text: String, file: String) throws -> INIDocument {
        var parser = State(file: file)
        var number = 0
        // "\r\n" is one Character in Swift, so it is matched whole, like Python's universal newlines.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for raw in lines {
            number += 1
            var line = raw
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            try parser.read(line, number: number)
        }
        try parser.finishEntry()
        parser.finishSection()
        return INIDocument(sections: parser.sections)
    }

    /// The running state of one parse.
    private struct State {
        let file: String
        var sections: [INISection] = []
        var section: INISection?
        var entry: INIEntry?
        var entryIndent = 0
        var nested: [String: String] = [:]
        var continuation: [String] = []

        init(file: String) { self.file = file }

        func error(_ line: Int, _ problem: String) -> INIParseError {
            INIParseError(file: file, line: line, problem: problem)
        }

        mutating func read(_ line: Substring, number: Int) throws {
            let text = line.trimmingWhitespace()
            if text.isEmpty || text.hasPrefix("#") || text.hasPrefix(";") { return }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if let entry, indent > entryIndent {
                try continueEntry(entry, text, number: number)
                return
            }
            try finishEntry()
            if text.hasPrefix("[") {
                try startSection(text, number: number)
                return
            }
            guard section != nil else {
                throw error(number, "expected a `[section]` before the first setting")
            }
            guard let (key, value) = Self.split(text) else {
                throw error(number, "expected `key = value` or `[section]`, got a line with no `=`")
            }
            guard !key.isEmpty else { throw error(number, "expected a key before `=`") }
            if let section, let earlier = section.entries.first(where: { $0.key.lowercased() == key.lowercased() }) {
                throw error(number, "`\(key)` is set twice in `[\(section.name)]` (first on line \(earlier.line))")
            }
            entry = INIEntry(key: key, value: value, line: number)
            entryIndent = indent
        }

        mutating func continueEntry(_ entry: INIEntry, _ text: Substring, number: Int) throws {
            guard entry.value.isEmpty else {
                continuation.append(String(text))
                return
            }
            guard let (key, value) = Self.split(text, delimiters: ["="]), !key.isEmpty else {
                throw error(number, "the indented block under `\(entry.key)` expects `key = value` lines")
            }
            nested[key] = value
        }

        mutating func startSection(_ text: Substring, number: Int) throws {
            guard let close = text.firstIndex(of: "]") else {
                throw error(number, "`\(text)` has no closing `]`")
            }
            let name = text[text.index(after: text.startIndex)..<close].trimmingWhitespace()
            let rest = text[text.index(after: close)...].trimmingWhitespace()
            guard rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix(";") else {
                throw error(number, "unexpected text after `[\(name)]`")
            }
            guard !name.isEmpty else { throw error(number, "a section needs a name between `[` and `]`") }
            finishSection()
            if let earlier = sections.first(where: { $0.name == name }) {
                throw error(number, "the section `[\(name)]` appears twice (first on line \(earlier.line))")
            }
            section = INISection(name: String(name), line: number)
        }

        mutating func finishEntry() throws {
            guard var done = entry else { return }
            if !nested.isEmpty {
                done.subsection = nested
            } else if !continuation.isEmpty {
                done.value = ([done.value] + continuation).joined(separator: "\n")
            }
            section?.entries.append(done)
            entry = nil
            nested = [:]
            continuation = []
        }

        mutating func finishSection() {
            if let section { sections.append(section) }
            section = nil
        }

        /// Splits at the first delimiter; both sides trimmed.
        static func split(_ text: Substring, delimiters: Set<Character> = ["=", ":"]) -> (String, String)? {
            guard let index = text.firstIndex(where: { delimiters.contains($0) }) else { return nil }
            let key = text[..<index].trimmingWhitespace()
            let value = text[text.index(after: index)...].trimmingWhitespace()
            return (String(key), String(value))
        }
    }
}

fileprivate extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return Substring() }
        return self[first...last]
    }
}
