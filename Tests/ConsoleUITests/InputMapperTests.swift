import ConsoleModel
import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct InputMapperTests {
    /// ncurses 6's key codes (curses.h), so the mapping is tested without a terminal.
    let codes = KeyCodes(up: 0o403, down: 0o402, left: 0o404, right: 0o405, pageUp: 0o523, pageDown: 0o522,
                         home: 0o406, end: 0o550, enter: 0o527, backspace: 0o407, delete: 0o512, backTab: 0o541,
                         f0: 0o410, resize: 0o632, mouse: 0o631)

    func key(_ raw: RawKey) -> MappedKey { InputMapper.map(raw, codes: codes) }

    @Test func printableCharactersIncludingWideOnesAreCharacterKeys() {
        #expect(key(.character(UInt32(UInt8(ascii: "j")))) == .event(.key(.character("j"))))
        #expect(key(.character(0x5C71)) == .event(.key(.character("山"))))
        #expect(key(.character(32)) == .event(.key(.character(" "))))
    }

    @Test func controlCodesBecomeNamedKeys() {
        #expect(key(.character(13)) == .event(.key(.enter)))
        #expect(key(.character(10)) == .event(.key(.enter)))
        #expect(key(.character(27)) == .event(.key(.escape)))
        #expect(key(.character(9)) == .event(.key(.tab)))
        #expect(key(.character(127)) == .event(.key(.backspace)))
        #expect(key(.character(18)) == .event(.key(.control("r"))))
        #expect(key(.character(3)) == .event(.key(.control("c"))))
    }

    @Test func functionKeyCodesBecomeKeys() {
        #expect(key(.code(0o403)) == .event(.key(.up)))
        #expect(key(.code(0o522)) == .event(.key(.pageDown)))
        #expect(key(.code(0o550)) == .event(.key(.end)))
        #expect(key(.code(0o541)) == .event(.key(.backTab)))
        #expect(key(.code(0o512)) == .event(.key(.delete)))
        #expect(key(.code(0o410 + 5)) == .event(.key(.function(5))))
    }

    @Test func resizeAndMouseAreReportedForTheLoopToHandle() {
        #expect(key(.code(0o632)) == .resize)
        #expect(key(.code(0o631)) == .mouse)
        #expect(key(.code(0o777)) == .ignored)
    }
}

@Suite(.timeLimit(.minutes(5))) struct MouseMapperTests {
    let layout = ScreenRenderer().render(Scenes.usersTable, columns: 100, rows: 30).layout

    @Test func theWheelScrollsThreeLines() {
        var mapper = MouseMapper()
        #expect(mapper.map(x: 5, y: 10, buttons: .wheelUp, time: 0, layout: layout) == .scroll(lines: -3))
        #expect(mapper.map(x: 5, y: 10, buttons: .wheelDown, time: 0, layout: layout) == .scroll(lines: 3))
    }

    @Test func aClickOnARowSelectsItAndASecondQuickClickActivatesIt() {
        var mapper = MouseMapper()
        #expect(mapper.map(x: 5, y: 5, buttons: .leftPressed, time: 1.0, layout: layout) == .selectRow(1))
        #expect(mapper.map(x: 6, y: 5, buttons: .leftPressed, time: 1.2, layout: layout) == .activateRow(1))
        #expect(mapper.map(x: 6, y: 5, buttons: .leftPressed, time: 1.3, layout: layout) == .selectRow(1))
    }

    @Test func slowClicksAreTwoSelections() {
        var mapper = MouseMapper()
        #expect(mapper.map(x: 5, y: 5, buttons: .leftPressed, time: 1.0, layout: layout) == .selectRow(1))
        #expect(mapper.map(x: 5, y: 5, buttons: .leftPressed, time: 2.0, layout: layout) == .selectRow(1))
    }

    @Test func ncursesDoubleClicksActivateToo() {
        var mapper = MouseMapper()
        #expect(mapper.map(x: 5, y: 6, buttons: .leftDoubleClicked, time: 0, layout: layout) == .activateRow(2))
    }

    @Test func clicksOnTabsAndBreadcrumbsNavigate() {
        var mapper = MouseMapper()
        let tab = layout.tabs[3]
        #expect(mapper.map(x: tab.columns.lowerBound, y: 2, buttons: .leftPressed, time: 0, layout: layout) == .selectTab(3))
        let crumb = layout.breadcrumbs[1]
        #expect(mapper.map(x: crumb.columns.lowerBound, y: 1, buttons: .leftPressed, time: 5, layout: layout)
            == .selectBreadcrumb(1))
    }

    @Test func releasesAndClicksOutsideAnythingAreIgnored() {
        var mapper = MouseMapper()
        #expect(mapper.map(x: 5, y: 5, buttons: .leftReleased, time: 0, layout: layout) == nil)
        #expect(mapper.map(x: 5, y: 0, buttons: .leftPressed, time: 0, layout: layout) == nil)
    }

    @Test func theClipboardSequenceIsOSC52WithBase64() {
        #expect(Clipboard.osc52("eu-west-1_Abc") == "\u{1B}]52;c;ZXUtd2VzdC0xX0FiYw==\u{07}")
    }
}
