import ConsoleModel

/// Draws scrollable text (plain or JSON with syntax roles) and the one-sentence notices that
/// stand in for a pane's content while it loads, when it is empty, or when it failed.
enum TextBodyRenderer {
    static func draw(_ text: TextView, in region: BodyRegion, into grid: inout Grid) {
        let offset = clampedOffset(text.scrollOffset, total: text.lines.count, visible: region.contentHeight)
        heading(text.title, offset: offset, total: text.lines.count, in: region, into: &grid)
        for row in 0..<region.contentHeight {
            let y = region.contentTop + row
            grid.fill(x: 0, y: y, width: region.width, height: 1, role: .normal)
            let index = offset + row
            guard index < text.lines.count else { continue }
            let line = text.lines[index]
            let fitted = TextFit.truncate(line, to: region.width - 2)
            switch text.syntax {
            case .plain:
                grid.place(fitted, x: 1, y: y, role: .normal)
            case .json:
                var x = 1
                for token in JSONHighlighter.tokens(in: fitted) {
                    x += grid.place(token.text, x: x, y: y, role: token.role)
                }
            }
        }
    }

    /// A notice centered in the body: loading (with the spinner), empty, or an error.
    static func drawNotice(_ notice: Notice, spinner: Character, in region: BodyRegion, into grid: inout Grid) {
        grid.fill(x: 0, y: region.top, width: region.width, height: region.height, role: .normal)
        let role: StyleRole
        var text = notice.text
        switch notice.kind {
        case .loading:
            role = .statusInfo
            text = "\(spinner) " + text
        case .empty:
            role = .rowDim
        case .error:
            role = .statusError
        }
        let lines = Array(TextFit.wrap(text, width: max(1, region.width - 4)).prefix(region.height))
        let top = region.top + max(0, (region.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (region.width - DisplayWidth.of(line)) / 2)
            grid.place(line, x: x, y: top + index, role: role)
        }
    }

    /// The heading line: a title on the left, the visible line range on the right when the
    /// content is longer than the body.
    static func heading(_ title: String, offset: Int, total: Int, in region: BodyRegion, into grid: inout Grid) {
        grid.fill(x: 0, y: region.top, width: region.width, height: 1, role: .tableHeader)
        var position = ""
        if total > region.contentHeight {
            let last = min(total, offset + region.contentHeight)
            position = "\(offset + 1)–\(last) of \(total)"
        }
        let positionWidth = DisplayWidth.of(position)
        let titleLimit = region.width - 2 - (positionWidth > 0 ? positionWidth + 2 : 0)
        grid.write(title, x: 1, y: region.top, role: .tableHeader, limit: max(0, titleLimit))
        if positionWidth > 0, positionWidth + 2 < region.width {
            grid.write(position, x: region.width - positionWidth - 1, y: region.top, role: .tableHeader)
        }
    }

    /// A scroll offset kept between 0 and the last full page.
    static func clampedOffset(_ offset: Int, total: Int, visible: Int) -> Int {
        max(0, min(offset, total - max(1, visible)))
    }
}
