import ConsoleModel
import Testing
@testable import ConsoleUI

@Suite(.timeLimit(.minutes(5))) struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect(DisplayWidth.of("user-pool") == 9)
    }

    @Test func cjkHangulAndFullwidthAreTwoColumnsEach() {
        #expect(DisplayWidth.of("山田太郎") == 8)
        #expect(DisplayWidth.of("김민준") == 6)
        #expect(DisplayWidth.of("Ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("Jose\u{301}") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of("\u{301}") == 0)
    }

    @Test func arabicIsOneColumnPerLetterAndHarakatAreZero() {
        #expect(DisplayWidth.of("محمد") == 4)
        #expect(DisplayWidth.of("مُحَمَّد") == 4)
    }

    @Test func emojiAreTwoColumnsIncludingSequences() {
        #expect(DisplayWidth.of("🦊") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
    }

    @Test func truncationCountsDisplayWidthAndEndsInAnEllipsis() {
        #expect(TextFit.truncate("山田太郎", to: 5) == "山田…")
        #expect(TextFit.truncate("山田太郎", to: 8) == "山田太郎")
        #expect(TextFit.truncate("abcdef", to: 4) == "abc…")
        #expect(TextFit.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.of(TextFit.pad("山田太郎", to: 7)) == 7)
        #expect(TextFit.pad("42", to: 5, trailing: true) == "   42")
    }

    @Test func aWideCharacterNeverHangsOverTheGridEdge() {
        var grid = Grid(columns: 5, rows: 1)
        grid.place("ab山田", x: 0, y: 0, role: .row)
        #expect(grid.text(ofRow: 0) == "ab山 ")
        #expect(grid[3, 0].isContinuation)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(columns: 4, rows: 1)
        grid.place("山田", x: 0, y: 0, role: .row)
        grid.place("x", x: 1, y: 0, role: .row)
        #expect(grid.text(ofRow: 0) == " x田")
    }

    @Test func controlCharactersAreShownAsQuestionMarks() {
        var grid = Grid(columns: 6, rows: 1)
        grid.write("a\u{1B}[2J", x: 0, y: 0, role: .row)
        #expect(grid.text(ofRow: 0) == "a?[2J ")
    }

    @Test func wrappingKeepsWordsWhole() {
        #expect(TextFit.wrap("Delete user ann.lee now", width: 12) == ["Delete user", "ann.lee now"])
    }

    @Test func jsonTokensCarrySyntaxRoles() {
        let tokens = JSONHighlighter.tokens(in: "  \"Enabled\": true, \"N\": -1.5e3, \"S\": \"a\\\"b\"")
        #expect(tokens.map(\.text).joined() == "  \"Enabled\": true, \"N\": -1.5e3, \"S\": \"a\\\"b\"")
        #expect(tokens.first { $0.text == "\"Enabled\"" }?.role == .jsonKey)
        #expect(tokens.first { $0.text == "true" }?.role == .jsonLiteral)
        #expect(tokens.first { $0.text == "-1.5e3" }?.role == .jsonNumber)
        #expect(tokens.first { $0.text == "\"a\\\"b\"" }?.role == .jsonString)
    }

    @Test func fillingOverHalfAWideCharacterBlanksItsOtherHalf() {
        var grid = Grid(columns: 6, rows: 1)
        grid.place("山田太", x: 0, y: 0, role: .row)
        grid.fill(x: 1, y: 0, width: 2, height: 1, role: .overlay)
        #expect(grid.text(ofRow: 0) == "    太")
        #expect(!grid[0, 0].isContinuation && grid[0, 0].character == " ")
    }

    @Test func aLongInputScrollsToKeepTheCursorVisible() {
        var grid = Grid(columns: 10, rows: 1)
        let cursor = InputField.draw("abcdefghijklmnop", cursor: 16, x: 0, y: 0, width: 10, into: &grid)
        #expect(grid.text(ofRow: 0) == "hijklmnop ")
        #expect(cursor?.x == 9)
    }
}

@Suite("Cutting text into lines by width", .timeLimit(.minutes(5)))
struct TextChunkTests {
    @Test("text without spaces is cut where the width runs out, wide characters kept whole, later lines indented")
    func chunks() {
        #expect(TextFit.chunks("arn:aws:iam::1234", width: 8, indent: 2) == ["arn:aws:", "  iam::1", "  234"])
        #expect(TextFit.chunks("山田太郎です", width: 5) == ["山田", "太郎", "です"])
        #expect(TextFit.chunks("short", width: 10) == ["short"])
    }
}
