import Foundation

/// The manual page, in man(7) roff, written from the command tree: the root's description,
/// the options every command shares once, then each command with its abstract, discussion
/// (examples kept as written) and its own options.
struct ManualPage {
    let tree: CommandTree
    /// The names of the options every command that talks to AWS shares (`--profile`, …).
    let sharedOptions: Set<String>
    let version: String

    func render() -> String {
        let root = tree.root
        var out = [
            #".TH COGNITO-TUI 1 "" "\#(Self.escape("cognito-tui " + version))" "User Commands""#,
            ".SH NAME",
            #"cognito-tui \- "# + Self.escape(root.abstract ?? ""),
            ".SH SYNOPSIS",
            ".B cognito-tui",
            #"[\fIcommand\fR] [\fIoptions\fR]"#,
            ".SH DESCRIPTION",
        ]
        out += Self.text(root.discussion ?? "")
        out += [".SH OPTIONS", ".TP", #"\fB\-h\fR, \fB\-\-help\fR"#, "Show the help of cognito-tui or of a command.",
                ".TP", #"\fB\-\-version\fR"#, "Show the version."]
        out += [".SH COMMON OPTIONS", "Every command that talks to AWS takes these:"]
        let shared = root.visibleCommands.flatMap { $0.arguments ?? [] }.filter { sharedOptions.contains($0.spelled.first ?? "") }
        var seen = Set<String>()
        for argument in shared where seen.insert(argument.spelled.first ?? "").inserted {
            out += Self.option(argument)
        }
        out.append(".SH COMMANDS")
        // `help` is the argument parser's own command; `--help` says the same on every command.
        for command in root.visibleCommands.dropFirst() where command.path != [root.commandName, "help"] {
            out.append(#".SS ""# + Self.escape(command.path.joined(separator: " ")) + #"""#)
            if let abstract = command.abstract { out += [Self.escape(abstract)] }
            if let discussion = command.discussion, !discussion.isEmpty { out += Self.text(discussion) }
            let own = (command.arguments ?? []).filter { $0.shouldDisplay && !$0.isBuiltIn && !sharedOptions.contains($0.spelled.first ?? "") }
            if !own.isEmpty {
                out += [".PP", #"\fIOptions:\fR"#]
                out += own.flatMap(Self.option)
            }
        }
        out += [".SH FILES", ".TP", #"\fI~/.config/cognito-tui/config.yaml\fR"#,
                "cognito-tui's own settings (theme, quotas, views, per-profile read_only and protected); under $XDG_CONFIG_HOME when set.",
                ".TP", #"\fI~/.config/cognito-tui/themes/\fR"#, "Theme files.",
                ".TP", #"\fI~/.local/state/cognito-tui/audit.jsonl\fR"#,
                "The audit log of changes; under $XDG_STATE_HOME when set.",
                ".TP", #"\fI~/.aws/config\fR, \fI~/.aws/credentials\fR"#, "The AWS CLI's profiles, read the AWS CLI's way.",
                ".SH SEE ALSO", #"\fBaws\fR(1)"#]
        return out.joined(separator: "\n") + "\n"
    }

    /// An option or argument as a tagged paragraph: `--pool <pool>` then its help.
    static func option(_ argument: CommandTree.Argument) -> [String] {
        let value = argument.valueName.map { #"\fI<"# + escape($0) + #">\fR"# } ?? ""
        var tag: String
        if argument.kind == "positional" {
            tag = value + (argument.isRepeating ? " ..." : "")
        } else {
            tag = argument.spelled.map { #"\fB"# + escape($0) + #"\fR"# }.joined(separator: ", ")
            if argument.kind == "option" { tag += " " + value }
            if argument.isRepeating { tag += " ..." }
        }
        var help = argument.abstract ?? ""
        if let defaultValue = argument.defaultValue, argument.kind != "flag" { help += " (default: \(defaultValue))" }
        var lines = [".TP", tag, escape(help)]
        if let discussion = argument.discussion, !discussion.isEmpty { lines += [".IP", escape(discussion)] }
        return lines
    }

    /// A discussion as roff: paragraphs as text, indented lines (the examples) kept as written.
    static func text(_ discussion: String) -> [String] {
        var out = [".PP"]
        var inExample = false
        for line in discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let example = line.hasPrefix("  ")
            if example != inExample {
                out += example ? [".RS 4", ".nf"] : [".fi", ".RE"]
                inExample = example
            }
            if example {
                out.append(escape(String(line.dropFirst(2))))
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(".PP")
            } else if line.hasSuffix(":"), !line.contains(" ") {
                out += [".PP", #"\fB"# + escape(line) + #"\fR"#]
            } else {
                out.append(escape(line))
            }
        }
        if inExample { out += [".fi", ".RE"] }
        return out
    }

    /// Text safe in roff: backslashes escaped, hyphens as minus signs (so they can be searched
    /// and copied), and a line that would start with a control character made plain.
    static func escape(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: #"\e"#).replacingOccurrences(of: "-", with: #"\-"#)
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = #"\&"# + escaped }
        return escaped
    }
}
