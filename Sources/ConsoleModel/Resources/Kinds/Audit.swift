import CognitoAdmin

/// `:audit`: the changes this tool made, from the audit log on this machine, newest first;
/// `/` filters them like any list.
public enum Audit {
    public static let module = ResourceModule(nil, lists: [
        ListSpec(.audit, item: nil, noun: "audit entries",
                 columns: [Column("TIME", width: .fixed(20)), Column("PROFILE", width: .flex(weight: 1, minimum: 7)),
                           Column("REGION", width: .fixed(14)), Column("OPERATION", width: .flex(weight: 2, minimum: 12)),
                           Column("OUTCOME", width: .flex(weight: 1, minimum: 7)), Column("REQUEST ID", width: .flex(weight: 1, minimum: 8)),
                           Column("INPUT", width: .flex(weight: 4, minimum: 10))],
                 placement: .root(title: "Audit log"),
                 command: PaletteName("audit", aliases: ["changes"], "the changes made with this tool, newest first"),
                 local: { sources, _, _ in
                     guard let trail = sources.audit else { throw LocalSourceMissing(what: "No audit log is configured.") }
                     return ListPage(items: try trail.entries().enumerated().map { index, entry in row(entry, index) }, nextToken: nil)
                 }) { _, _, _ in ListPage(items: [], nextToken: nil) },
    ])

    static func row(_ entry: AuditEntry, _ index: Int) -> ListItem {
        let outcome = entry.outcome == "ok" ? "ok" : [entry.outcome, entry.error].compactMap { $0 }.joined(separator: " ")
        // The time to the second, as written (UTC).
        let time = entry.time.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        return ListItem(id: "\(index)", name: entry.operation,
                        cells: [String(time.prefix(19)), ValueText.text(entry.profile), ValueText.text(entry.region), entry.operation,
                                outcome, ValueText.text(entry.requestId), entry.input],
                        dimmed: entry.outcome != "ok")
    }
}

/// A list that reads from this machine has nothing to read from.
public struct LocalSourceMissing: Error, Sendable, CustomStringConvertible {
    public var what: String
    public var description: String { what }
}

extension ListKind { public static let audit = ListKind("audit") }
