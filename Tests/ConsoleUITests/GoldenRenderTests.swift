import ConsoleModel
import Testing
@testable import ConsoleUI

/// Every representative screen, rendered at 100×30 and 60×15, matches its golden file (text
/// and style roles).
@Suite(.timeLimit(.minutes(5))) struct GoldenRenderTests {
    static let sizes = [(100, 30), (60, 15)]
    static let cases: [(String, Int, Int)] = Scenes.all.flatMap { scene in sizes.map { (scene.0, $0.0, $0.1) } }

    @Test(arguments: cases.map { "\($0.0)@\($0.1)x\($0.2)" })
    func sceneMatchesGoldenFile(_ key: String) throws {
        let parts = key.split(separator: "@")
        let name = String(parts[0])
        let size = parts[1].split(separator: "x").compactMap { Int($0) }
        let screen = try #require(Scenes.all.first { $0.0 == name }?.1)
        let frame = ScreenRenderer().render(screen, columns: size[0], rows: size[1], spinnerFrame: 3)
        let text = GoldenFile.text(of: frame.grid, title: name)
        if let failure = GoldenFile.check(text, name: "\(name)-\(size[0])x\(size[1])") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: [(20, 5), (40, 10)])
    func tinyTerminalMatchesGoldenFile(columns: Int, rows: Int) {
        let frame = ScreenRenderer().render(Scenes.usersTable, columns: columns, rows: rows)
        let text = GoldenFile.text(of: frame.grid, title: "tiny")
        if let failure = GoldenFile.check(text, name: "tiny-\(columns)x\(rows)") {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
