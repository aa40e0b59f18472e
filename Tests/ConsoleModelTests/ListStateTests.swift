import ConsoleModel
import Testing

@Suite("List rows: the local filter, the cursor and marks", .timeLimit(.minutes(5)))
struct ListStateTests {
    static func items(_ names: [String]) -> [ListItem] {
        names.enumerated().map { index, name in ListItem(id: "id\(index)", cells: [name, "row \(index)"]) }
    }

    static func list(_ names: [String]) -> ListState {
        var list = ListState(source: ListSource(.userPools))
        list.append(items(names))
        return list
    }

    @Test("the filter is a case-insensitive substring over the visible columns")
    func caseInsensitive() {
        var list = Self.list(["Anna", "bob", "JOANNA", "Ånnika", "Анна"])
        list.setFilter("ANN")
        #expect(list.shownRows.map { $0.cells[0] } == ["Anna", "JOANNA"])
        list.setFilter("анн")
        #expect(list.shownRows.map { $0.cells[0] } == ["Анна"])
        list.setFilter("row 1")
        #expect(list.shownRows.map { $0.cells[0] } == ["bob"])
    }

    @Test("a match never spans two cells")
    func noSpan() {
        var list = Self.list(["abc"])
        list.setFilter("crow")
        #expect(list.shownCount == 0)
    }

    @Test("narrowing a filter and widening it again both give the full answer")
    func narrowAndWiden() {
        var list = Self.list(["ann", "anna", "bob", "annabel"])
        list.setFilter("an")
        list.setFilter("anna")
        #expect(list.shownRows.map { $0.cells[0] } == ["anna", "annabel"])
        list.setFilter("a")
        #expect(list.shownCount == 3)
        list.setFilter("")
        #expect(list.shownCount == 4)
    }

    @Test("rows of a page that arrives while filtering are filtered as they come")
    func appendWhileFiltered() {
        var list = Self.list(["ann", "bob"])
        list.setFilter("ann")
        list.append([ListItem(id: "x", cells: ["joanna"]), ListItem(id: "y", cells: ["carl"])])
        #expect(list.shownRows.map { $0.cells[0] } == ["ann", "joanna"])
    }

    @Test("the cursor stays on the same row when the filter still shows it")
    func cursorFollowsRow() {
        var list = Self.list(["ann", "bob", "joanna"])
        list.moveCursor(to: 2, height: 10)
        list.setFilter("ann")
        #expect(list.selectedID == "id2")
        list.setFilter("bob")
        #expect(list.cursor == 0)
    }

    @Test("the viewport scrolls to keep the cursor visible")
    func viewport() {
        var list = Self.list((0..<100).map { "row\($0)" })
        list.moveCursor(to: 50, height: 10)
        #expect(list.scroll == 41)
        list.moveCursor(to: 45, height: 10)
        #expect(list.scroll == 41)
        list.moveCursor(to: 30, height: 10)
        #expect(list.scroll == 30)
        list.moveCursor(to: 1_000, height: 10)
        #expect(list.cursor == 99 && list.scroll == 90)
    }

    @Test("a mark shows on the row, filtered or not, and survives a refresh")
    func marks() {
        var list = Self.list(["ann", "bob"])
        list.setFilter("bob")
        list.toggleMark()
        #expect(list.shownRows[0].marked)
        list.setFilter("")
        #expect(list.shownRows.map(\.marked) == [false, true])
        list.clearRows()
        list.append(Self.items(["ann", "bob"]))
        #expect(list.shownRows.map(\.marked) == [false, true])
    }
}
