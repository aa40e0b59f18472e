import ConsoleModel

/// Draws overlays as boxes over the frame: help, the prompt with its completions, pickers,
/// forms and confirmations. Everything is clipped to the grid, so a small terminal shows a
/// smaller box, never a crash.
enum OverlayRenderer {
    /// What the caller needs back: picker rows for clicks, and where the cursor goes.
    struct Placed {
        var pickerItems: [Int: Int] = [:]
        var cursor: (x: Int, y: Int)?
    }

    static func draw(_ overlay: Overlay, into grid: inout Grid) -> Placed {
        switch overlay {
        case .help(let title, let entries): return help(title: title, entries: entries, into: &grid)
        case .prompt(let prompt): return self.prompt(prompt, into: &grid)
        case .picker(let picker): return self.picker(picker, into: &grid)
        case .form(let form): return self.form(form, into: &grid)
        case .confirm(let confirm): return self.confirm(confirm, into: &grid)
        case .note(let title, let lines): return note(title: title, lines: lines, into: &grid)
        }
    }

    // MARK: Note

    /// Lines to read whole, such as a URL: cut where the width runs out (a URL has no spaces to
    /// break at), never shortened.
    private static func note(title: String, lines: [String], into grid: inout Grid) -> Placed {
        let inner = max(1, min(grid.columns - 8, 76))
        let rows = lines.flatMap { TextFit.chunks($0, width: inner) }
        let box = Box.centered(innerWidth: inner, innerHeight: rows.count, in: grid)
        box.draw(title: title, footer: "any key closes", into: &grid)
        for (index, row) in rows.enumerated() where index < box.innerHeight {
            grid.write(row, x: box.innerX, y: box.innerY + index, role: .overlay, limit: box.innerWidth)
        }
        return Placed()
    }

    // MARK: Help

    private static func help(title: String, entries: [KeyHint], into grid: inout Grid) -> Placed {
        let keyWidth = entries.map { DisplayWidth.of($0.key) }.max() ?? 0
        let titleWidth = entries.map { DisplayWidth.of($0.title) }.max() ?? 0
        let naturalCell = keyWidth + 2 + titleWidth
        let maxInner = max(1, grid.columns - 8)
        let maxRows = max(1, grid.rows - 6)
        // As many columns as the height needs, each narrowed (titles cut) to share the width;
        // never narrower than a key and a few letters of its title.
        let minimumCell = keyWidth + 2 + min(titleWidth, 8)
        let widestColumns = max(1, (maxInner + 3) / (minimumCell + 3))
        let columnCount = max(1, min(widestColumns, (entries.count + maxRows - 1) / maxRows))
        let cellWidth = min(naturalCell, (maxInner - (columnCount - 1) * 3) / columnCount)
        let perColumn = max(1, min(maxRows, (entries.count + columnCount - 1) / columnCount))
        let capacity = perColumn * columnCount
        let inner = min(maxInner, columnCount * cellWidth + (columnCount - 1) * 3)
        let box = Box.centered(innerWidth: max(inner, DisplayWidth.of(title) + 4), innerHeight: perColumn, in: grid)
        let hidden = max(0, entries.count - capacity)
        box.draw(title: title, footer: hidden > 0 ? "\(hidden) more: enlarge the terminal · esc close" : "esc close",
                 into: &grid)
        for (index, entry) in entries.prefix(capacity).enumerated() {
            let column = index / perColumn, row = index % perColumn
            guard row < box.innerHeight else { continue }
            let x = box.innerX + column * (cellWidth + 3), y = box.innerY + row
            let limit = min(cellWidth, box.innerX + box.innerWidth - x)
            guard limit > 0 else { continue }
            if entry.key.isEmpty {
                // A group heading ("Users", "List", "General").
                grid.write(entry.title, x: x, y: y, role: .sectionTitle, limit: limit)
                continue
            }
            grid.place(TextFit.pad(entry.key, to: min(keyWidth, limit)), x: x, y: y, role: .overlayBorder)
            if limit > keyWidth + 2 {
                grid.write(entry.title, x: x + keyWidth + 2, y: y, role: .overlay, limit: limit - keyWidth - 2)
            }
        }
        return Placed()
    }

    // MARK: Prompt

    private static func prompt(_ prompt: Prompt, into grid: inout Grid) -> Placed {
        let widest = prompt.completions.map(DisplayWidth.of).max() ?? 0
        let inner = min(grid.columns - 8, max(50, widest + 2, DisplayWidth.of(prompt.input) + 4))
        let shown = min(prompt.completions.count, 8, max(0, grid.rows - 7))
        let box = Box(x: (grid.columns - inner - 4) / 2, y: min(3, max(0, grid.rows - shown - 4)),
                      innerWidth: max(1, inner), innerHeight: 1 + shown)
        let title = prompt.symbol == "/" ? "filter" : prompt.symbol == ":" ? "command"
            : "search: ATTR OP \"VALUE\" and …   OP: = != ^= $= *= ~ < >"
        box.draw(title: title, footer: nil, into: &grid)
        var placed = Placed()
        let symbolWidth = grid.write(prompt.symbol, x: box.innerX, y: box.innerY, role: .overlayBorder)
        placed.cursor = InputField.draw(prompt.input, cursor: prompt.cursor, x: box.innerX + symbolWidth,
                                        y: box.innerY, width: box.innerWidth - symbolWidth, into: &grid)
        let first = ListWindow.start(selected: prompt.selectedCompletion ?? 0, count: prompt.completions.count, visible: shown)
        for row in 0..<shown {
            let index = first + row
            let selected = index == prompt.selectedCompletion
            let y = box.innerY + 1 + row
            if selected { grid.fill(x: box.innerX, y: y, width: box.innerWidth, height: 1, role: .overlaySelected) }
            grid.write(prompt.completions[index], x: box.innerX + 1, y: y,
                       role: selected ? .overlaySelected : .overlay, limit: box.innerWidth - 1)
        }
        return placed
    }

    // MARK: Picker

    private static func picker(_ picker: Picker, into grid: inout Grid) -> Placed {
        let mark = picker.checked == nil ? "" : "[ ] "
        let widest = picker.items.map(DisplayWidth.of).max() ?? 0
        let inner = min(grid.columns - 8, max(30, widest + 2 + mark.count, DisplayWidth.of(picker.title) + 4,
                                               picker.note.map(DisplayWidth.of) ?? 0))
        // A filter line on top and a note under the items, when the picker has them.
        let extra = (picker.filter != nil ? 1 : 0) + (picker.note != nil ? 1 : 0)
        let visible = max(1, min(max(1, picker.items.count), grid.rows - 4 - extra))
        let box = Box.centered(innerWidth: inner, innerHeight: visible + extra, in: grid)
        box.draw(title: picker.title, footer: picker.checked == nil ? "enter choose · esc cancel" : nil, into: &grid)
        var placed = Placed()
        var top = box.innerY
        if let filter = picker.filter {
            grid.write("/", x: box.innerX, y: top, role: .overlayBorder)
            placed.cursor = InputField.draw(filter, cursor: filter.count, x: box.innerX + 2, y: top,
                                            width: box.innerWidth - 2, into: &grid)
            top += 1
        }
        let rows = box.innerHeight - extra
        let first = ListWindow.start(selected: picker.selected, count: picker.items.count, visible: rows)
        for row in 0..<rows {
            let index = first + row
            guard index < picker.items.count else { break }
            let y = top + row
            let selected = index == picker.selected
            if selected { grid.fill(x: box.innerX, y: y, width: box.innerWidth, height: 1, role: .overlaySelected) }
            let tick = picker.checked.map { $0.contains(index) ? "[x] " : "[ ] " } ?? ""
            grid.write(tick + picker.items[index], x: box.innerX + 1, y: y,
                       role: selected ? .overlaySelected : .overlay, limit: box.innerWidth - 1)
            placed.pickerItems[y] = index
        }
        if let note = picker.note {
            grid.write(note, x: box.innerX, y: box.innerY + box.innerHeight - 1, role: .overlay, limit: box.innerWidth)
        }
        return placed
    }

    // MARK: Form

    private static func form(_ form: Form, into grid: inout Grid) -> Placed {
        let labelWidth = min(32, form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0)
        // As wide as the longest label and value need (a provider key, an ARN), from 60 up to
        // 116 columns, within the screen.
        let widestValue = form.fields.map { field in
            field.choices.isEmpty ? DisplayWidth.of(field.value) + 1 : (field.choices.map { DisplayWidth.of($0) }.max() ?? 0) + 4
        }.max() ?? 0
        let inner = min(grid.columns - 8, min(116, max(60, labelWidth + 2 + widestValue)))
        // A field with an error takes a second line for it.
        let lines = form.fields.count + form.fields.filter { $0.error != nil }.count
        let box = Box.centered(innerWidth: inner, innerHeight: lines + 2, in: grid)
        box.draw(title: form.title, footer: nil, into: &grid)
        var placed = Placed()
        let valueX = box.innerX + labelWidth + 2
        let valueWidth = box.innerX + box.innerWidth - valueX
        let bottom = box.innerY + box.innerHeight
        var y = box.innerY
        for (index, field) in form.fields.enumerated() where y < bottom {
            let focused = index == form.focused
            grid.place(TextFit.pad(field.label, to: labelWidth), x: box.innerX, y: y,
                       role: focused ? .overlaySelected : .overlay)
            if !field.choices.isEmpty {
                grid.write("‹ \(field.value) ›", x: valueX, y: y, role: focused ? .input : .overlay, limit: valueWidth)
            } else if focused {
                placed.cursor = InputField.draw(field.value, cursor: field.value.count, x: valueX, y: y,
                                                width: valueWidth, into: &grid)
            } else {
                grid.write(field.value, x: valueX, y: y, role: .overlay, limit: valueWidth)
            }
            y += 1
            if let error = field.error, y < bottom {
                grid.write(error, x: valueX, y: y, role: .statusError, limit: valueWidth)
                y += 1
            }
        }
        if box.innerHeight >= lines + 2 {
            grid.write(form.hint, x: box.innerX, y: box.innerY + lines + 1, role: .overlay, limit: box.innerWidth)
        }
        return placed
    }

    // MARK: Confirm

    private static func confirm(_ confirm: Confirm, into grid: inout Grid) -> Placed {
        let inner = min(grid.columns - 8, confirm.lines.isEmpty ? 56 : 76)
        let text = TextFit.wrap(confirm.text, width: max(1, inner))
        let typed = confirm.typeToConfirm != nil
        let answer = typed ? 2 : 1
        // The diff gets what height is left after the question and the answer.
        let room = max(0, grid.rows - 4 - text.count - answer - 2)
        // A change is the point of the box, so its lines wrap; a kept field stays on one line.
        let rows: [(text: String, kind: ConfirmLine.Kind)] = confirm.lines.flatMap { line -> [(text: String, kind: ConfirmLine.Kind)] in
            guard line.kind != .kept else { return [(line.text, line.kind)] }
            return TextFit.chunks(line.text, width: max(1, inner), indent: 4).map { ($0, line.kind) }
        }
        let shown = rows.count <= room ? rows.count : max(0, room - 1)
        let hidden = rows.count - shown
        let diffHeight = rows.isEmpty ? 0 : shown + (hidden > 0 ? 1 : 0) + 1
        let box = Box.centered(innerWidth: inner, innerHeight: text.count + diffHeight + (typed ? 4 : 2), in: grid)
        box.draw(title: confirm.title, footer: nil, into: &grid)
        var placed = Placed()
        var y = box.innerY
        let bottom = box.innerY + box.innerHeight
        for line in text where y < bottom - 1 {
            grid.place(line, x: box.innerX, y: y, role: .overlay)
            y += 1
        }
        if !confirm.lines.isEmpty {
            y += 1
            for line in rows.prefix(shown) where y < bottom - answer {
                grid.write(line.text, x: box.innerX, y: y, role: role(line.kind), limit: box.innerWidth)
                y += 1
            }
            if hidden > 0, y < bottom - answer {
                grid.write("… \(hidden) more lines: enlarge the terminal", x: box.innerX, y: y, role: .overlay, limit: box.innerWidth)
                y += 1
            }
        }
        y += 1
        if let name = confirm.typeToConfirm {
            if y < bottom { grid.write("Type \(name) to confirm:", x: box.innerX, y: y, role: .overlay, limit: box.innerWidth) }
            y += 1
            if y < bottom {
                placed.cursor = InputField.draw(confirm.input, cursor: confirm.input.count, x: box.innerX, y: y,
                                                width: box.innerWidth, into: &grid)
            }
        } else if y < bottom {
            var x = box.innerX
            x += grid.write("y", x: x, y: y, role: .overlayBorder)
            x += grid.write(" yes   ", x: x, y: y, role: .overlay)
            x += grid.write("n", x: x, y: y, role: .overlayBorder)
            grid.write(" no", x: x, y: y, role: .overlay)
        }
        return placed
    }

    private static func role(_ kind: ConfirmLine.Kind) -> StyleRole {
        switch kind {
        case .changed: return .diffChanged
        case .added: return .diffAdded
        case .removed: return .diffRemoved
        case .kept: return .diffKept
        }
    }
}

/// The first item shown of a list window that keeps `selected` visible.
enum ListWindow {
    static func start(selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return max(0, min(selected - visible / 2, count - visible))
    }
}
