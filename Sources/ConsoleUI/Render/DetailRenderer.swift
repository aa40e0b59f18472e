import ConsoleModel

/// Draws key/value sections. The content is one line per section title, one per row, and a
/// blank line between sections; `DetailView.scrollOffset` counts those lines. Values longer
/// than the line are cut with `…`.
enum DetailRenderer {
    /// One line of the detail content.
    enum Line: Equatable {
        case title(String)
        case pair(key: String, value: String)
        case blank
    }

    /// The detail's content lines, in the order drawn.
    static func lines(of detail: DetailView) -> [Line] {
        var lines: [Line] = []
        for (index, section) in detail.sections.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines.append(.title(section.title))
            lines += section.rows.map { Line.pair(key: $0.key, value: $0.value) }
        }
        return lines
    }

    static func draw(_ detail: DetailView, heading: String, in region: BodyRegion, into grid: inout Grid) {
        let lines = lines(of: detail)
        let offset = TextBodyRenderer.clampedOffset(detail.scrollOffset, total: lines.count, visible: region.contentHeight)
        TextBodyRenderer.heading(heading, offset: offset, total: lines.count, in: region, into: &grid)
        let longestKey = lines.map { line -> Int in
            if case .pair(let key, _) = line { return DisplayWidth.of(key) }
            return 0
        }.max() ?? 0
        let keyWidth = min(longestKey, max(8, region.width / 3))
        for row in 0..<region.contentHeight {
            let y = region.contentTop + row
            grid.fill(x: 0, y: y, width: region.width, height: 1, role: .normal)
            let index = offset + row
            guard index < lines.count else { continue }
            switch lines[index] {
            case .title(let title):
                grid.write(title, x: 1, y: y, role: .sectionTitle, limit: region.width - 2)
            case .pair(let key, let value):
                grid.place(TextFit.pad(key, to: keyWidth), x: 3, y: y, role: .detailKey)
                let valueX = 3 + keyWidth + 2
                grid.write(value, x: valueX, y: y, role: .detailValue, limit: region.width - valueX - 1)
            case .blank:
                break
            }
        }
    }
}
