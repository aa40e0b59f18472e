/// Input, as the view-model layer understands it; the front end translates terminal input.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal's new size, and the height of the body region in the new layout.
    case resize(columns: Int, rows: Int, bodyHeight: Int)
}

public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower-case: `.control("r")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)

    /// How help and hints spell the key.
    public var label: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .function(let n): return "f\(n)"
        }
    }
}

/// Mouse input, already mapped onto the layout by the front end.
public enum MouseEvent: Sendable, Equatable {
    /// The wheel: negative is up.
    case scroll(lines: Int)
    /// A click on a row of the table (index into the shown rows).
    case selectRow(Int)
    /// A double click on a row.
    case activateRow(Int)
    /// A click on a tab.
    case selectTab(Int)
    /// A click on a breadcrumb: go back to that level (0 is the outermost).
    case selectBreadcrumb(Int)
}
