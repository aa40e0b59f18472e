import ConsoleModel
import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct ScreenRendererTests {
    let renderer = ScreenRenderer()

    @Test func everySceneRendersAtEverySmallSizeWithoutCrashing() {
        for (_, screen) in Scenes.all {
            for columns in 0...45 {
                for rows in 0...14 {
                    let frame = renderer.render(screen, columns: columns, rows: rows, spinnerFrame: -7)
                    #expect(frame.grid.columns == columns && frame.grid.rows == rows)
                }
            }
        }
    }

    @Test func belowTheMinimumSizeSaysTerminalTooSmall() {
        let frame = renderer.render(Scenes.usersTable, columns: 20, rows: 5)
        #expect(frame.layout.tooSmall)
        #expect(frame.grid.textLines.contains { $0.contains("Terminal too small") })
    }

    @Test func bodyHeightIsTheBodyRegionIncludingItsHeadingLine() {
        // header, breadcrumbs, tabs, [heading, rows…], footer, message
        let table = ScreenRenderer.layout(for: Scenes.usersTable, columns: 100, rows: 30)
        #expect(table.bodyHeight == 30 - 5)
        #expect(table.contentHeight == 30 - 6)
        // no tabs: one line more
        #expect(ScreenRenderer.layout(for: Scenes.describeJSON, columns: 100, rows: 30).bodyHeight == 30 - 4)
    }

    @Test func tableRowsMapToScreenLinesForClicks() {
        var screen = Scenes.usersTable
        if case .table(var table) = screen.body {
            table.scrollOffset = 2
            screen.body = .table(table)
        }
        let frame = renderer.render(screen, columns: 100, rows: 30)
        // The first content line (under the column titles) shows row 2.
        #expect(frame.layout.tableRows[4] == 2)
        #expect(frame.layout.target(x: 10, y: 4) == .tableRow(2))
        #expect(frame.layout.tableRows.count == 5)
    }

    @Test func tabsAndBreadcrumbsAreClickable() throws {
        let layout = renderer.render(Scenes.usersTable, columns: 100, rows: 30).layout
        let groups = try #require(layout.tabs.first { $0.index == 2 })
        #expect(layout.target(x: groups.columns.lowerBound, y: 2) == .tab(2))
        #expect(layout.target(x: 2, y: 1) == .breadcrumb(0))
        #expect(layout.target(x: 0, y: 0) == .nothing)
    }

    @Test func selectedRowIsHighlightedAcrossTheWholeLine() {
        let grid = renderer.render(Scenes.usersTable, columns: 100, rows: 30).grid
        // Row 2 is selected and drawn on screen line 3 + 1 + 2.
        #expect((0..<100).allSatisfy { grid[$0, 6].role == .rowSelected })
        #expect(grid[5, 7].role == .rowDim)
        #expect(grid[0, 8].character == "✓")
    }

    @Test func spinnerShowsOnlyWhileCallsAreInFlight() {
        var screen = Scenes.poolDetail
        #expect(!renderer.render(screen, columns: 80, rows: 20).grid.text(ofRow: 0).contains("⠙"))
        screen.header.callsInFlight = 1
        #expect(renderer.render(screen, columns: 80, rows: 20, spinnerFrame: 1).grid.text(ofRow: 0).contains("⠙ 1"))
    }

    @Test func promptPlacesTheCursorAfterTheTypedText() throws {
        let frame = renderer.render(Scenes.over(Scenes.prompt), columns: 100, rows: 30)
        let cursor = try #require(frame.layout.cursor)
        #expect(frame.grid[cursor.x - 1, cursor.y].character == "s")
        #expect(renderer.render(Scenes.usersTable, columns: 100, rows: 30).layout.cursor == nil)
    }

    @Test func pickerItemsAreClickableAndTheTableIsNot() throws {
        let layout = renderer.render(Scenes.over(Scenes.picker), columns: 100, rows: 30).layout
        let line = try #require(layout.pickerItems.first { $0.value == 3 }?.key)
        #expect(layout.target(x: 50, y: line) == .pickerItem(3))
        #expect(layout.target(x: 1, y: 29) == .nothing)
    }

    @Test func flexibleColumnsShareTheSpaceByWeight() {
        let columns = [Column("A", width: .flex(weight: 1, minimum: 4)), Column("B", width: .fixed(10)),
                       Column("C", width: .flex(weight: 3, minimum: 4))]
        #expect(TableRenderer.columnWidths(columns, available: 50, gap: 2) == [11, 10, 25])
    }

    @Test func columnsThatDoNotFitAreHiddenFromTheRight() {
        let columns = [Column("A", width: .flex(weight: 1, minimum: 10)), Column("B", width: .fixed(20)),
                       Column("C", width: .fixed(20))]
        #expect(TableRenderer.columnWidths(columns, available: 35, gap: 1) == [14, 20, 0])
        #expect(TableRenderer.columnWidths(columns, available: 5, gap: 1) == [5, 0, 0])
    }

    @Test func scrollOffsetPastTheEndShowsTheLastPage() {
        let text = TextView(title: "t", lines: (1...40).map { "line \($0)" }, scrollOffset: 1_000)
        let screen = Screen(header: HeaderInfo(profile: "p", region: "r"), body: .text(text))
        let grid = renderer.render(screen, columns: 40, rows: 12).grid
        #expect(grid.text(ofRow: 9).hasPrefix(" line 40"))
        #expect(grid.text(ofRow: 2).contains("34–40 of 40"))
    }
}
