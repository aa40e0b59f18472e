/// The API calls of this session (`@`); filled from `CallRecord`s, never fetched.
public enum CallLog {
    public static let module = ResourceModule(nil, lists: [
        ListSpec(.calls, item: nil, noun: "API calls",
                 columns: [Column("TIME", width: .fixed(8)), Column("OPERATION", width: .flex(weight: 2, minimum: 12)),
                           Column("MS", width: .fixed(6), alignment: .trailing), Column("STATUS", width: .flex(weight: 1, minimum: 6)),
                           Column("RETRIES", width: .fixed(7), alignment: .trailing), Column("REQUEST ID", width: .flex(weight: 2, minimum: 8))],
                 placement: .none) { _, _, _ in ListPage(items: [], nextToken: nil) },
    ])
}

extension ListKind { public static let calls = ListKind("calls") }

extension ListSource {
    public static var callLog: ListSource { ListSource(.calls) }
}
