import AWSCore
import CognitoAdmin
import Foundation

/// What the console reads and writes on this machine rather than through the service: the
/// audit log, and the folder job reports are saved to. The app supplies them, since only it
/// knows where the files are.
public struct LocalSources: Sendable {
    public var audit: AuditTrail?
    /// Where `w` / `W` on a finished job write its report; nil: reports cannot be saved.
    public var reports: ReportFolder?

    public init(audit: AuditTrail? = nil, reports: ReportFolder? = nil) {
        self.audit = audit
        self.reports = reports
    }
}

/// A folder job reports are written to, through the injected file access.
public struct ReportFolder: Sendable {
    public let path: String
    let files: any FileAccess
    let now: @Sendable () -> Date

    public init(path: String, files: any FileAccess, now: @escaping @Sendable () -> Date) {
        self.path = path
        self.files = files
        self.now = now
    }

    /// Writes a list as shown (`X`) and returns the file's path.
    public func save(columns: [String], rows: [[String]], name: String, jsonLines: Bool) throws -> String {
        let stamp = ISO8601.format(now()).replacingOccurrences(of: ":", with: "")
        let file = "\(path)/cognito-tui-\(name)-\(stamp).\(jsonLines ? "jsonl" : "csv")"
        let text = jsonLines ? TableExport.jsonLines(columns: columns, rows: rows) : TableExport.csv(columns: columns, rows: rows)
        try files.writePrivate(file, Data(text.utf8))
        return file
    }

    /// Writes `text` to a new file at `path` (relative to the folder unless it starts with `/`),
    /// readable by the owner only, and returns the path written.
    /// - Throws: `LocalSourceMissing` naming the file when it exists already (nothing is overwritten).
    public func write(_ text: String, to path: String) throws -> String {
        let file = path.hasPrefix("/") ? path : "\(self.path)/\(path)"
        if try files.read(file) != nil { throw LocalSourceMissing(what: "\(file) exists already; choose a new file.") }
        try files.writePrivate(file, Data(text.utf8))
        return file
    }

    /// Writes the report and returns the file's path.
    public func save(_ report: JobReport, jsonLines: Bool) throws -> String {
        let stamp = ISO8601.format(now()).replacingOccurrences(of: ":", with: "")
        let file = "\(path)/cognito-tui-report-\(stamp).\(jsonLines ? "jsonl" : "csv")"
        let text = jsonLines ? JobReportWriter.jsonLines(report) : JobReportWriter.csv(report)
        try files.writePrivate(file, Data(text.utf8))
        return file
    }
}
