import Foundation
import ConsoleModel
import Yams

/// Reads a theme from YAML text (Yams does the YAML; this checks the meaning), reporting the
/// line of anything wrong. File access lives in `ThemeLoader`; this is pure.
///
/// ```yaml
/// name: default
/// roles:
///   header: { fg: black, bg: cyan, attributes: [bold] }
///   row.selected: { fg: "#101010", bg: 75 }
/// ```
/// Colours are `default`, the eight names (`black` … `white`) and their `bright-` forms,
/// numbers 0–255, or `#rrggbb`. Attributes are `bold`, `underline`, `reverse` and `dim`.
public enum ThemeParser {
    /// Parses a theme.
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - source: The file's path, for messages.
    ///   - base: Styles for roles the file leaves out; when nil, every role must be present.
    /// - Throws: `ThemeError` naming the file, the line and the problem.
    public static func parse(yaml: String, source: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        func fail(_ problem: String, _ mark: Mark?) -> ThemeError {
            ThemeError(.invalid(file: source, line: mark?.line, problem: problem))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let problem = YAMLProblem(error)
            throw ThemeError(.invalid(file: source, line: problem.line, problem: problem.problem))
        } catch {
            throw fail("it is not valid YAML", nil)
        }
        guard let root, let top = root.mapping else {
            throw fail("expected a mapping with “name” and “roles”", root?.mark)
        }
        var name = source
        var styles = base?.styles ?? [:]
        var sawRoles = false
        for (key, value) in top {
            switch key.string {
            case "name":
                guard let text = value.string else { throw fail("“name” must be text", value.mark) }
                name = text
            case "description":
                break
            case "roles":
                guard let roles = value.mapping else { throw fail("“roles” must map role names to styles", value.mark) }
                sawRoles = true
                for (roleKey, styleNode) in roles {
                    let roleName = roleKey.string ?? ""
                    guard let role = StyleRole(rawValue: roleName) else {
                        throw fail("unknown role “\(roleName)”", roleKey.mark)
                    }
                    styles[role] = try style(styleNode, role: roleName, fail: fail)
                }
            default:
                throw fail("unknown key “\(key.string ?? "?")” (expected name, description, roles)", key.mark)
            }
        }
        guard sawRoles else { throw fail("there is no “roles” mapping", root.mark) }
        if base == nil, let missing = StyleRole.allCases.first(where: { styles[$0] == nil }) {
            throw fail("role “\(missing.rawValue)” is missing", root.mark)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ node: Node, role: String,
                              fail: (String, Mark?) -> ThemeError) throws(ThemeError) -> RoleStyle {
        guard let mapping = node.mapping else {
            throw fail("the style of “\(role)” must be a mapping like { fg: white, bg: blue }", node.mark)
        }
        var style = RoleStyle()
        for (key, value) in mapping {
            switch key.string {
            case "fg":
                guard let colour = color(value) else { throw fail(badColour(value), value.mark) }
                style.foreground = colour
            case "bg":
                guard let colour = color(value) else { throw fail(badColour(value), value.mark) }
                style.background = colour
            case "attributes":
                let items: [Node] = value.sequence.map(Array.init) ?? (value.scalar != nil ? [value] : [])
                if value.sequence == nil && value.scalar == nil {
                    throw fail("“attributes” must be a list such as [bold, underline]", value.mark)
                }
                for item in items {
                    guard let word = item.string, let attribute = TextAttributes.names.first(where: { $0.0 == word }) else {
                        throw fail("unknown attribute “\(item.string ?? "?")” (use bold, underline, reverse, dim)", item.mark)
                    }
                    style.attributes.insert(attribute.1)
                }
            default:
                throw fail("unknown key “\(key.string ?? "?")” in “\(role)” (expected fg, bg, attributes)", key.mark)
            }
        }
        return style
    }

    private static func badColour(_ node: Node) -> String {
        "bad colour “\(node.string ?? "?")” (use a name such as red or bright-blue, a number 0–255, or #rrggbb)"
    }

    /// A colour from a theme value: a name, a palette number or `#rrggbb`; nil when invalid.
    public static func color(_ node: Node) -> ThemeColor? {
        guard let text = node.string else { return nil }
        return color(text)
    }

    /// A colour from its written form; nil when invalid.
    public static func color(_ text: String) -> ThemeColor? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word == "default" || word == "none" { return .terminalDefault }
        if let number = Int(word) { return (0...255).contains(number) ? .indexed(number) : nil }
        if word.hasPrefix("#") {
            let hex = word.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        }
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if let index = basic.firstIndex(of: word) { return .indexed(index) }
        if word == "gray" || word == "grey" { return .indexed(8) }
        for prefix in ["bright-", "bright_", "bright"] where word.hasPrefix(prefix) {
            if let index = basic.firstIndex(of: String(word.dropFirst(prefix.count))) { return .indexed(index + 8) }
        }
        return nil
    }
}
