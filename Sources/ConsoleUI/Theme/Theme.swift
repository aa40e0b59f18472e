import ConsoleModel

/// A colour as a theme names it; the backend maps it to what the terminal can show.
public enum ThemeColor: Sendable, Equatable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index, 0–255 (0–7 basic, 8–15 bright, 16–231 the colour cube, 232–255 greys).
    case indexed(Int)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes a role may ask for; the only styling used under `NO_COLOR`.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// The names used in theme files, in the order they are written.
    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
    ]
}

/// How one role looks: foreground, background and attributes.
public struct RoleStyle: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: TextAttributes

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A theme: a style for every `StyleRole`.
public struct Theme: Sendable, Equatable {
    /// The theme's name, as `--theme` and `:theme` spell it.
    public var name: String
    /// Styles by role; roles missing here use `RoleStyle()`.
    public var styles: [StyleRole: RoleStyle]

    public init(name: String, styles: [StyleRole: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role`.
    public subscript(role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle()
    }

    /// True when no role uses a colour (the monochrome theme).
    public var isMonochrome: Bool {
        styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }

    /// The same theme with colours dropped and attributes kept (for `NO_COLOR`).
    public var withoutColour: Theme {
        Theme(name: name, styles: styles.mapValues { RoleStyle(attributes: $0.attributes) })
    }

    /// The compiled-in default theme (identical to `themes/default.yaml`).
    public static var `default`: Theme { BuiltinThemes.theme(named: "default")! }

    /// The compiled-in monochrome theme, used under `NO_COLOR`.
    public static var monochrome: Theme { BuiltinThemes.theme(named: "monochrome")! }
}
