/// Turns a job report into text for files; writing the file is the caller's business.
///
/// Both formats have one record per entry with the same fields, in this order: `id`, `label`,
/// `operation`, `resource`, `outcome`, `verified`, `attempts`, `durationSeconds`, `errorCode`,
/// `message`, `requestId`.
public enum JobReportWriter {
    static let fields = ["id", "label", "operation", "resource", "outcome", "verified", "attempts",
                         "durationSeconds", "errorCode", "message", "requestId"]

    /// CSV as RFC 4180 defines it: a header line, CRLF after every record, and fields holding a
    /// comma, a double quote, CR or LF enclosed in double quotes with inner quotes doubled.
    public static func csv(_ report: JobReport) -> String {
        var text = fields.joined(separator: ",") + "\r\n"
        for entry in report.entries {
            let values = [entry.id, entry.label, entry.call.operation, entry.call.resource, entry.outcome.rawValue,
                          entry.verified ? "true" : "false", String(entry.attempts), seconds(entry.duration),
                          entry.errorCode ?? "", entry.message ?? "", entry.requestId ?? ""]
            text += values.map(csvField).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// JSON lines: one JSON object per entry, each ending in LF; absent values are `null`.
    public static func jsonLines(_ report: JobReport) -> String {
        var text = ""
        for entry in report.entries {
            let values = [jsonString(entry.id), jsonString(entry.label), jsonString(entry.call.operation),
                          jsonString(entry.call.resource), jsonString(entry.outcome.rawValue),
                          entry.verified ? "true" : "false", String(entry.attempts), seconds(entry.duration),
                          jsonString(entry.errorCode), jsonString(entry.message), jsonString(entry.requestId)]
            let members = zip(fields, values).map { "\(jsonString($0)):\($1)" }
            text += "{" + members.joined(separator: ",") + "}\n"
        }
        return text
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal (RFC 8259 section 7), or `null`.
    static func jsonString(_ value: String?) -> String {
        guard let value else { return "null" }
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// Seconds with three decimals, from whole milliseconds, independent of locale.
    static func seconds(_ duration: Duration) -> String {
        let (whole, atto) = duration.components
        let millis = max(0, whole * 1000 + atto / 1_000_000_000_000_000)
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
