/// A list as it is shown, written to a file: its columns and the rows loaded (those the filter
/// shows, in the order shown), as RFC 4180 CSV or as JSON lines keyed by the column titles.
public enum TableExport {
    public static func csv(columns: [String], rows: [[String]]) -> String {
        var text = columns.map(JobReportWriter.csvField).joined(separator: ",") + "\r\n"
        for row in rows { text += row.map(JobReportWriter.csvField).joined(separator: ",") + "\r\n" }
        return text
    }

    public static func jsonLines(columns: [String], rows: [[String]]) -> String {
        var text = ""
        for row in rows {
            let members = zip(columns, row).map { "\(JobReportWriter.jsonString($0)):\(JobReportWriter.jsonString($1))" }
            text += "{" + members.joined(separator: ",") + "}\n"
        }
        return text
    }
}
