import ArgumentParser
import CognitoAdmin
import Foundation

/// A scan's progress on the command line: one updating line on stderr when stderr is a
/// terminal (`scanned 12,000 of about 48,000, 37 matches`), nothing otherwise, so that a pipe or
/// a log gets only the output and the warnings.
struct ScanConsole: Sendable {
    let live = Terminal.stderrIsTerminal

    /// `scanned 12,000 of about 48,000, 37 matches`; without an estimate, `scanned 12,000, 37 matches`.
    static func line(_ progress: ScanProgress) -> String {
        var text = "scanned \(grouped(progress.scanned))"
        if let estimated = progress.estimated, estimated > 0 { text += " of about \(grouped(max(estimated, progress.scanned)))" }
        return text + ", \(grouped(progress.matches)) \(progress.matches == 1 ? "match" : "matches")"
    }

    /// `48000` as `48,000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(abs(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    func show(_ progress: ScanProgress) {
        guard live else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress)).utf8))
    }

    /// Ends the updating line with the final count.
    func finish(_ progress: ScanProgress) {
        guard live else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress) + "\n").utf8))
    }

    /// One warning on its own line (after clearing the progress line).
    func warn(_ text: String) {
        if live { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        Output.error(Output.sentence(text))
    }

    /// Reads `--where`, or says what is wrong with it as a usage error (exit 2, nothing sent).
    static func condition(_ text: String?) throws -> UserCondition? {
        guard let text else { return nil }
        do {
            return try UserCondition.parse(text)
        } catch {
            throw ValidationError("--where: \(error.message)")
        }
    }
}
