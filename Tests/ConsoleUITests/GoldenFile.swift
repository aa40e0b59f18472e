import ConsoleModel
import Foundation
@testable import ConsoleUI

/// Golden files: a rendered grid as text plus a map of style roles, one letter per cell, so a
/// lost highlight fails as surely as lost text. Set `COGNITO_TUI_UPDATE_GOLDEN=1` to rewrite
/// them; otherwise they are compared exactly.
enum GoldenFile {
    /// The one-letter code of each role in the role map.
    static func code(_ role: StyleRole) -> Character {
        switch role {
        case .normal: "."
        case .header: "H"
        case .headerAccent: "A"
        case .badgeReadOnly: "B"
        case .breadcrumbs: "b"
        case .tab: "t"
        case .tabActive: "T"
        case .tableHeader: "C"
        case .row: "r"
        case .rowSelected: "S"
        case .rowMarked: "M"
        case .rowDim: "d"
        case .detailKey: "k"
        case .detailValue: "v"
        case .sectionTitle: "s"
        case .jsonKey: "K"
        case .jsonString: "q"
        case .jsonNumber: "n"
        case .jsonLiteral: "l"
        case .footer: "f"
        case .footerKey: "F"
        case .statusInfo: "i"
        case .statusError: "E"
        case .statusWarning: "W"
        case .overlay: "o"
        case .overlayBorder: "O"
        case .overlaySelected: "P"
        case .input: "I"
        case .spinner: "*"
        case .diffChanged: "~"
        case .diffAdded: "+"
        case .diffRemoved: "-"
        case .diffKept: "="
        case .badgeProtected: "G"
        }
    }

    /// The file's text for a grid: `|row|` lines, then `--- roles`, then the role map.
    static func text(of grid: Grid, title: String) -> String {
        var lines = ["# \(title) \(grid.columns)x\(grid.rows)"]
        lines += grid.textLines.map { "|\($0)|" }
        lines.append("--- roles")
        for y in 0..<grid.rows {
            lines.append(String((0..<grid.columns).map { code(grid[$0, y].role) }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var updating: Bool {
        ProcessInfo.processInfo.environment["COGNITO_TUI_UPDATE_GOLDEN"] == "1"
    }

    /// The source folder, for writing; the resource bundle's copy is read for comparing.
    static func sourceURL(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
    }

    /// Compares `actual` with the golden file `name`; nil when equal, else a message with a diff.
    static func check(_ actual: String, name: String) -> String? {
        if updating {
            do {
                try actual.write(to: sourceURL(name), atomically: true, encoding: .utf8)
                return nil
            } catch {
                return "could not write golden file \(name): \(error)"
            }
        }
        let bundled = Bundle.module.resourceURL?.appendingPathComponent("Golden/\(name).txt")
        guard let url = bundled, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file \(name).txt is missing; run with COGNITO_TUI_UPDATE_GOLDEN=1 to create it"
        }
        return expected == actual ? nil : "golden file \(name).txt differs:\n" + diff(expected, actual)
    }

    /// Lines that differ, numbered, expected (-) above actual (+).
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "<none>", right = index < b.count ? b[index] : "<none>"
            if left != right { out += ["\(index + 1)-\(left)", "\(index + 1)+\(right)"] }
            if out.count >= 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}
