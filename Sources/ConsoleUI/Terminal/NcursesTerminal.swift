import CNcurses
import ConsoleModel
import Foundation

/// The ncurses backend: starts and restores the terminal, turns theme roles into colour pairs
/// and attributes, writes frames (only the cells that changed since the last one), and reads
/// keys and mouse events. Every call happens on the main actor, the one thread that may call
/// ncurses.
@MainActor
final class NcursesTerminal {
    /// One thing read from the terminal.
    enum Input: Equatable {
        case key(RawKey)
        case mouse(x: Int, y: Int, buttons: MouseButtons)
    }

    private var previous: Grid?
    private var styles: [StyleRole: (attributes: UInt32, pair: Int32)] = [:]
    private(set) var depth: ColorDepth = .none
    private var colours = 0
    private var started = false
    private let noColor: Bool

    init(noColor: Bool) {
        self.noColor = noColor
    }

    /// The ncurses key codes for `InputMapper`.
    static var keyCodes: KeyCodes {
        KeyCodes(up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, pageUp: KEY_PPAGE,
                 pageDown: KEY_NPAGE, home: KEY_HOME, end: KEY_END, enter: KEY_ENTER, backspace: KEY_BACKSPACE,
                 delete: KEY_DC, backTab: KEY_BTAB, f0: Int32(cncurses_key_f0()),
                 resize: Int32(cncurses_key_resize()), mouse: Int32(cncurses_key_mouse()))
    }

    /// Takes over the terminal.
    /// - Throws: `ConsoleAppError.noTerminal` when stdin/stdout is not a usable terminal.
    func start(theme: Theme) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw ConsoleAppError.noTerminal }
        guard cncurses_start(1) == 0 else { throw ConsoleAppError.noTerminal }
        started = true
        colours = noColor ? 0 : Int(cncurses_enable_color())
        apply(theme)
    }

    /// Gives the terminal back in the state it was found; safe to call more than once.
    func stop() {
        guard started else { return }
        started = false
        cncurses_stop()
    }

    /// Hands the terminal to another program until `resume()`.
    func suspend() {
        guard started else { return }
        cncurses_suspend()
    }

    /// Takes the terminal back after `suspend()`; the next frame repaints everything.
    func resume() {
        guard started else { return }
        cncurses_resume()
        invalidate()
    }

    /// The terminal's size as ncurses knows it.
    var size: (columns: Int, rows: Int) {
        (Int(cncurses_cols()), Int(cncurses_lines()))
    }

    /// Re-reads the size from the tty after SIGWINCH and resizes ncurses' screen; the next
    /// frame is drawn in full. Returns true when the size changed.
    @discardableResult
    func refreshSize() -> Bool {
        var rows: Int32 = 0, columns: Int32 = 0
        guard cncurses_tty_size(&rows, &columns) == 0 else { return false }
        let changed = Int(rows) != size.rows || Int(columns) != size.columns
        if changed { _ = cncurses_resize(rows, columns) }
        invalidate()
        return changed
    }

    /// Forgets what is on screen, so the next frame repaints everything.
    func invalidate() {
        previous = nil
        cncurses_clear_all()
    }

    /// Maps every role of `theme` to attributes and a colour pair, and repaints.
    func apply(_ theme: Theme) {
        depth = ColorDepth(colors: colours, noColor: noColor)
        let bold = cncurses_attr_bold(), underline = cncurses_attr_underline()
        let reverse = cncurses_attr_reverse(), dim = cncurses_attr_dim()
        var pairs: [[Int32]: Int32] = [:]
        styles = [:]
        for role in StyleRole.allCases {
            let style = theme[role]
            var attributes: UInt32 = 0
            if style.attributes.contains(.bold) { attributes |= bold }
            if style.attributes.contains(.underline) { attributes |= underline }
            if style.attributes.contains(.reverse) { attributes |= reverse }
            if style.attributes.contains(.dim) { attributes |= dim }
            var pair: Int32 = 0
            if depth != .none {
                let key = [ColorMapper.terminalColor(style.foreground, depth: depth),
                           ColorMapper.terminalColor(style.background, depth: depth)]
                if key != [-1, -1] {
                    if let existing = pairs[key] {
                        pair = existing
                    } else if pairs.count + 1 < Int(cncurses_color_pairs()) {
                        pair = Int32(pairs.count + 1)
                        _ = cncurses_init_pair(pair, key[0], key[1])
                        pairs[key] = pair
                    }
                }
            }
            styles[role] = (attributes, pair)
        }
        invalidate()
    }

    /// Writes a frame: only cells that differ from the previous frame, then one refresh. A
    /// frame of the wrong size (the terminal was resized meanwhile) is skipped.
    func draw(_ frame: Frame) {
        let grid = frame.grid
        guard grid.columns == size.columns, grid.rows == size.rows else {
            invalidate()
            return
        }
        let old = previous.flatMap { $0.columns == grid.columns && $0.rows == grid.rows ? $0 : nil }
        var scalars = [UInt32](repeating: 0, count: 5)
        for y in 0..<grid.rows {
            for x in 0..<grid.columns {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let old {
                    let wide = x + 1 < grid.columns && grid[x + 1, y].isContinuation
                    let unchanged = old[x, y] == cell && (!wide || old[x + 1, y] == grid[x + 1, y])
                        && !(x + 1 < grid.columns && old[x + 1, y].isContinuation && !wide)
                    if unchanged { continue }
                }
                var count = 0
                for scalar in cell.character.unicodeScalars where count < 5 {
                    scalars[count] = scalar.value
                    count += 1
                }
                let style = styles[cell.role] ?? (0, 0)
                _ = cncurses_put_cell(Int32(y), Int32(x), scalars, Int32(count), style.attributes, style.pair)
            }
        }
        if let cursor = frame.layout.cursor {
            cncurses_cursor(1, Int32(cursor.y), Int32(cursor.x))
        } else {
            cncurses_cursor(0, 0, 0)
        }
        cncurses_refresh()
        previous = grid
    }

    /// Everything waiting to be read, without blocking.
    func readAvailable() -> [Input] {
        var inputs: [Input] = []
        let codeYes = cncurses_key_code_yes(), mouseCode = cncurses_key_mouse()
        while inputs.count < 4096 {
            var value: Int32 = 0
            let result = cncurses_get_wch(&value)
            if result == OK {
                inputs.append(.key(.character(UInt32(bitPattern: value))))
            } else if result == codeYes {
                if value == mouseCode, let mouse = readMouse() {
                    inputs.append(mouse)
                } else if value != mouseCode {
                    inputs.append(.key(.code(value)))
                }
            } else {
                break
            }
        }
        return inputs
    }

    private func readMouse() -> Input? {
        var x: Int32 = 0, y: Int32 = 0
        var state: UInt = 0
        guard cncurses_getmouse(&x, &y, &state) == 0 else { return nil }
        var buttons: MouseButtons = []
        if state & cncurses_button1_pressed() != 0 { buttons.insert(.leftPressed) }
        if state & cncurses_button1_released() != 0 { buttons.insert(.leftReleased) }
        if state & cncurses_button1_clicked() != 0 { buttons.insert(.leftClicked) }
        if state & cncurses_button1_double_clicked() != 0 { buttons.insert(.leftDoubleClicked) }
        if state & cncurses_button4_pressed() != 0 { buttons.insert(.wheelUp) }
        if state & cncurses_button5_pressed() != 0 { buttons.insert(.wheelDown) }
        return .mouse(x: Int(x), y: Int(y), buttons: buttons)
    }

    /// Sends an escape sequence straight to the terminal (after ncurses has flushed).
    func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cncurses_write_raw($0, Int32(buffer.count))
            }
        }
    }
}
