// The built-in themes, compiled in so the console works when no theme file is found.
// Each text is identical to the file of the same name in themes/ (a test checks this).

/// The themes compiled into the binary, by name.
public enum BuiltinThemes {
    /// The built-in theme names, default first.
    public static let names = ["default", "light", "high-contrast", "monochrome"]

    /// The YAML text of a built-in theme.
    public static func source(named name: String) -> String? {
        switch name {
        case "default": return `default`
        case "light": return light
        case "high-contrast": return highContrast
        case "monochrome": return monochrome
        default: return nil
        }
    }

    /// A built-in theme, parsed; nil for an unknown name.
    public static func theme(named name: String) -> Theme? {
        parsed[name]
    }

    /// Parsed once; the texts are tested to parse and to cover every role.
    private static let parsed: [String: Theme] = Dictionary(uniqueKeysWithValues: names.compactMap { name in
        source(named: name).flatMap { try? ThemeParser.parse(yaml: $0, source: "built-in \(name)") }.map { (name, $0) }
    })

    static let `default` = """
        # cognito-tui theme: default, for dark terminals.
        # Every role maps to fg and bg (a colour name such as red or bright-blue, a number 0-255,
        # "#rrggbb", or default for the terminal's own) and optional attributes
        # (bold, underline, reverse, dim). overlay.border also styles box titles and help keys.
        name: default
        description: Dark background with cyan accents.
        roles:
          normal:           { fg: default, bg: default }
          header:           { fg: white, bg: "#005f87" }
          header.accent:    { fg: bright-yellow, bg: "#005f87", attributes: [bold] }
          badge.readonly:   { fg: bright-white, bg: red, attributes: [bold] }
          badge.protected:  { fg: black, bg: yellow, attributes: [bold] }
          breadcrumbs:      { fg: cyan, bg: default }
          tab:              { fg: bright-black, bg: default }
          tab.active:       { fg: black, bg: cyan, attributes: [bold] }
          table.header:     { fg: bright-cyan, bg: default, attributes: [bold] }
          row:              { fg: default, bg: default }
          row.selected:     { fg: black, bg: cyan }
          row.marked:       { fg: bright-yellow, bg: default, attributes: [bold] }
          row.dim:          { fg: bright-black, bg: default }
          detail.key:       { fg: cyan, bg: default }
          detail.value:     { fg: default, bg: default }
          section.title:    { fg: bright-magenta, bg: default, attributes: [bold] }
          json.key:         { fg: bright-blue, bg: default }
          json.string:      { fg: green, bg: default }
          json.number:      { fg: bright-magenta, bg: default }
          json.literal:     { fg: yellow, bg: default }
          footer:           { fg: white, bg: "#303030" }
          footer.key:       { fg: bright-cyan, bg: "#303030", attributes: [bold] }
          status.info:      { fg: green, bg: default }
          status.error:     { fg: bright-red, bg: default, attributes: [bold] }
          status.warning:   { fg: yellow, bg: default }
          diff.changed:     { fg: yellow, bg: default }
          diff.added:       { fg: green, bg: default }
          diff.removed:     { fg: bright-red, bg: default }
          diff.kept:        { fg: bright-black, bg: default }
          overlay:          { fg: white, bg: "#262626" }
          overlay.border:   { fg: bright-cyan, bg: "#262626" }
          overlay.selected: { fg: black, bg: cyan }
          input:            { fg: bright-white, bg: "#444444" }
          spinner:          { fg: bright-yellow, bg: "#005f87", attributes: [bold] }

        """

    static let light = """
        # cognito-tui theme: light, for terminals with a light background.
        # Every role maps to fg and bg (a colour name, a number 0-255, "#rrggbb", or default) and
        # optional attributes (bold, underline, reverse, dim).
        name: light
        description: Light background with blue accents.
        roles:
          normal:           { fg: default, bg: default }
          header:           { fg: white, bg: blue }
          header.accent:    { fg: bright-white, bg: blue, attributes: [bold] }
          badge.readonly:   { fg: white, bg: red, attributes: [bold] }
          badge.protected:  { fg: black, bg: "#ffd75f", attributes: [bold] }
          breadcrumbs:      { fg: blue, bg: default }
          tab:              { fg: "#6c6c6c", bg: default }
          tab.active:       { fg: white, bg: blue, attributes: [bold] }
          table.header:     { fg: blue, bg: default, attributes: [bold] }
          row:              { fg: default, bg: default }
          row.selected:     { fg: black, bg: "#afd7ff" }
          row.marked:       { fg: magenta, bg: default, attributes: [bold] }
          row.dim:          { fg: "#8a8a8a", bg: default }
          detail.key:       { fg: blue, bg: default }
          detail.value:     { fg: default, bg: default }
          section.title:    { fg: magenta, bg: default, attributes: [bold] }
          json.key:         { fg: blue, bg: default }
          json.string:      { fg: "#008700", bg: default }
          json.number:      { fg: magenta, bg: default }
          json.literal:     { fg: "#af5f00", bg: default }
          footer:           { fg: black, bg: "#d0d0d0" }
          footer.key:       { fg: blue, bg: "#d0d0d0", attributes: [bold] }
          status.info:      { fg: "#008700", bg: default }
          status.error:     { fg: red, bg: default, attributes: [bold] }
          status.warning:   { fg: "#af5f00", bg: default }
          diff.changed:     { fg: "#af5f00", bg: default }
          diff.added:       { fg: "#008700", bg: default }
          diff.removed:     { fg: red, bg: default }
          diff.kept:        { fg: "#8a8a8a", bg: default }
          overlay:          { fg: black, bg: "#eeeeee" }
          overlay.border:   { fg: blue, bg: "#eeeeee" }
          overlay.selected: { fg: white, bg: blue }
          input:            { fg: black, bg: "#dadada" }
          spinner:          { fg: bright-white, bg: blue, attributes: [bold] }

        """

    static let highContrast = """
        # cognito-tui theme: high-contrast: black and bright colours only, bold where it helps.
        # Every role maps to fg and bg (a colour name, a number 0-255, "#rrggbb", or default) and
        # optional attributes (bold, underline, reverse, dim).
        name: high-contrast
        description: Maximum contrast on black, for low vision and bright rooms.
        roles:
          normal:           { fg: bright-white, bg: black }
          header:           { fg: black, bg: bright-yellow, attributes: [bold] }
          header.accent:    { fg: black, bg: bright-yellow, attributes: [bold, underline] }
          badge.readonly:   { fg: bright-white, bg: red, attributes: [bold] }
          badge.protected:  { fg: black, bg: bright-yellow, attributes: [bold] }
          breadcrumbs:      { fg: bright-yellow, bg: black, attributes: [bold] }
          tab:              { fg: bright-white, bg: black }
          tab.active:       { fg: black, bg: bright-white, attributes: [bold] }
          table.header:     { fg: bright-yellow, bg: black, attributes: [bold, underline] }
          row:              { fg: bright-white, bg: black }
          row.selected:     { fg: black, bg: bright-yellow, attributes: [bold] }
          row.marked:       { fg: bright-cyan, bg: black, attributes: [bold] }
          row.dim:          { fg: white, bg: black }
          detail.key:       { fg: bright-cyan, bg: black, attributes: [bold] }
          detail.value:     { fg: bright-white, bg: black }
          section.title:    { fg: bright-yellow, bg: black, attributes: [bold, underline] }
          json.key:         { fg: bright-cyan, bg: black }
          json.string:      { fg: bright-green, bg: black }
          json.number:      { fg: bright-magenta, bg: black }
          json.literal:     { fg: bright-yellow, bg: black }
          footer:           { fg: black, bg: bright-white }
          footer.key:       { fg: black, bg: bright-white, attributes: [bold, underline] }
          status.info:      { fg: bright-green, bg: black, attributes: [bold] }
          status.error:     { fg: bright-white, bg: red, attributes: [bold] }
          status.warning:   { fg: black, bg: bright-yellow, attributes: [bold] }
          diff.changed:     { fg: bright-yellow, bg: black, attributes: [bold] }
          diff.added:       { fg: bright-green, bg: black, attributes: [bold] }
          diff.removed:     { fg: bright-red, bg: black, attributes: [bold] }
          diff.kept:        { fg: white, bg: black }
          overlay:          { fg: bright-white, bg: black }
          overlay.border:   { fg: bright-yellow, bg: black, attributes: [bold] }
          overlay.selected: { fg: black, bg: bright-yellow, attributes: [bold] }
          input:            { fg: black, bg: bright-white }
          spinner:          { fg: black, bg: bright-yellow, attributes: [bold] }

        """

    static let monochrome = """
        # cognito-tui theme: monochrome: no colours, attributes only. Used whenever NO_COLOR is set.
        # Every role maps to fg and bg (here always the terminal's default) and attributes
        # (bold, underline, reverse, dim).
        name: monochrome
        description: Terminal colours only; emphasis by bold, underline, reverse and dim.
        roles:
          normal:           { fg: default, bg: default }
          header:           { fg: default, bg: default, attributes: [reverse] }
          header.accent:    { fg: default, bg: default, attributes: [reverse, bold] }
          badge.readonly:   { fg: default, bg: default, attributes: [bold, underline] }
          badge.protected:  { fg: default, bg: default, attributes: [reverse, bold] }
          breadcrumbs:      { fg: default, bg: default, attributes: [bold] }
          tab:              { fg: default, bg: default }
          tab.active:       { fg: default, bg: default, attributes: [reverse, bold] }
          table.header:     { fg: default, bg: default, attributes: [bold, underline] }
          row:              { fg: default, bg: default }
          row.selected:     { fg: default, bg: default, attributes: [reverse] }
          row.marked:       { fg: default, bg: default, attributes: [bold] }
          row.dim:          { fg: default, bg: default, attributes: [dim] }
          detail.key:       { fg: default, bg: default, attributes: [bold] }
          detail.value:     { fg: default, bg: default }
          section.title:    { fg: default, bg: default, attributes: [bold, underline] }
          json.key:         { fg: default, bg: default, attributes: [bold] }
          json.string:      { fg: default, bg: default }
          json.number:      { fg: default, bg: default }
          json.literal:     { fg: default, bg: default, attributes: [underline] }
          footer:           { fg: default, bg: default, attributes: [reverse] }
          footer.key:       { fg: default, bg: default, attributes: [reverse, bold] }
          status.info:      { fg: default, bg: default }
          status.error:     { fg: default, bg: default, attributes: [bold] }
          status.warning:   { fg: default, bg: default, attributes: [bold] }
          diff.changed:     { fg: default, bg: default, attributes: [bold] }
          diff.added:       { fg: default, bg: default, attributes: [underline] }
          diff.removed:     { fg: default, bg: default, attributes: [reverse] }
          diff.kept:        { fg: default, bg: default, attributes: [dim] }
          overlay:          { fg: default, bg: default }
          overlay.border:   { fg: default, bg: default, attributes: [bold] }
          overlay.selected: { fg: default, bg: default, attributes: [reverse] }
          input:            { fg: default, bg: default, attributes: [underline] }
          spinner:          { fg: default, bg: default, attributes: [reverse, bold] }

        """

}
