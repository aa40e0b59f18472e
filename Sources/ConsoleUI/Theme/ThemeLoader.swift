import Foundation

/// Finds and loads themes by name. Every effect is injected (environment, executable path,
/// file reading), so tests never touch the real process environment or the user's files.
///
/// Lookup for a name: `$XDG_CONFIG_HOME/cognito-tui/themes/NAME.yaml` (default
/// `~/.config/…`), then `$COGNITO_TUI_THEMES/NAME.yaml`, then a `themes/` folder in the
/// executable's directory or one of its parents (the project's own `themes/` when run from a
/// build folder), then the built-in themes. A name containing `/` or ending in `.yaml` is a path.
public struct ThemeLoader: Sendable {
    /// The process environment (for `XDG_CONFIG_HOME`, `HOME`, `COGNITO_TUI_THEMES`, `NO_COLOR`).
    public var environment: [String: String]
    /// The running executable's path, for the project's `themes/` folder; nil to skip it.
    public var executablePath: String?
    /// Reads a file; nil when it does not exist; throws when it exists but cannot be read.
    public var readFile: @Sendable (String) throws -> String?

    public init(environment: [String: String], executablePath: String?,
                readFile: @escaping @Sendable (String) throws -> String? = ThemeLoader.readFromDisk) {
        self.environment = environment
        self.executablePath = executablePath
        self.readFile = readFile
    }

    /// A loader for this process: its environment, its executable, the real file system.
    public static func standard() -> ThemeLoader {
        ThemeLoader(environment: ProcessInfo.processInfo.environment,
                    executablePath: Bundle.main.executableURL?.resolvingSymlinksInPath().path)
    }

    /// Reads a UTF-8 file from disk; nil when there is no such file.
    @Sendable public static func readFromDisk(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// True when `NO_COLOR` is set to anything non-empty (https://no-color.org).
    public var noColor: Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The files looked at for `name`, in order.
    public func searchPaths(for name: String) -> [String] {
        if name.contains("/") || name.hasSuffix(".yaml") { return [name] }
        let file = name + ".yaml"
        var paths: [String] = []
        if let config = configDirectory { paths.append("\(config)/cognito-tui/themes/\(file)") }
        if let folder = environment["COGNITO_TUI_THEMES"], !folder.isEmpty { paths.append("\(folder)/\(file)") }
        if let executablePath {
            var directory = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
            for _ in 0..<6 {
                paths.append(directory.appendingPathComponent("themes").appendingPathComponent(file).path)
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return paths
    }

    /// Every theme name there is: the built-ins and the `.yaml` files in the user's theme folder
    /// and `COGNITO_TUI_THEMES`, sorted, for completion.
    public var availableNames: [String] {
        var names = Set(BuiltinThemes.names)
        var folders: [String] = []
        if let config = configDirectory { folders.append("\(config)/cognito-tui/themes") }
        if let folder = environment["COGNITO_TUI_THEMES"], !folder.isEmpty { folders.append(folder) }
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".yaml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// `$XDG_CONFIG_HOME`, or `$HOME/.config`.
    public var configDirectory: String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config" }
        return nil
    }

    /// Loads the named theme: the first file found, else the built-in of that name.
    /// Roles a file leaves out keep the default theme's style.
    /// - Throws: `ThemeError` when nothing has that name, or the file found is broken.
    public func load(named name: String) throws(ThemeError) -> Theme {
        let paths = searchPaths(for: name)
        for path in paths {
            let text: String?
            do {
                text = try readFile(path)
            } catch {
                throw ThemeError(.unreadable(file: path))
            }
            if let text {
                return try ThemeParser.parse(yaml: text, source: path, base: .default)
            }
        }
        if let builtin = BuiltinThemes.theme(named: name) { return builtin }
        throw ThemeError(.notFound(name: name, searched: paths.map(abbreviated)))
    }

    /// The theme to start with: monochrome under `NO_COLOR`, else the named theme (the default
    /// when nil); when that fails, the default theme and a sentence saying why.
    public func startupTheme(named name: String?) -> (theme: Theme, warning: String?) {
        if noColor { return (.monochrome, nil) }
        guard let name, !name.isEmpty else { return (.default, nil) }
        do {
            return (try load(named: name), nil)
        } catch {
            return (.default, error.sentence(fallback: "the default theme applies"))
        }
    }

    /// A path with the home folder written `~`, for shorter messages.
    private func abbreviated(_ path: String) -> String {
        guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
