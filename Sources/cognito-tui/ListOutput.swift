import ArgumentParser
import CognitoAPI
import CognitoAdmin
import ConsoleUI
import Foundation

/// `--output json|jsonl|csv|table` of the read commands: a table on a terminal, JSON otherwise.
struct OutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv, table
    }

    @Option(help: ArgumentHelp("json, jsonl, csv or table (default: table on a terminal, json otherwise).", valueName: "format"))
    var output: Format?

    var format: Format { output ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json) }
}

/// Printing what a read command found. JSON keeps the service's field names and shapes (dates
/// as ISO 8601); CSV and tables flatten records (`FlatRecords`), user attributes as columns.
struct ListPrinter {
    let format: OutputOptions.Format
    /// The table's columns, in order; CSV has every column.
    let tableColumns: [String]
    /// Columns CSV puts first.
    var leading: [String] = []

    /// Prints a list of records.
    func list<Item: Encodable>(_ items: [Item]) throws {
        let records = try items.map { try Self.json($0) }
        switch format {
        case .json: Output.json(try Self.data(.array(records)), pretty: isatty(STDOUT_FILENO) == 1)
        case .jsonl: for record in records { print(String(decoding: try Self.data(record), as: UTF8.self)) }
        case .csv: FileHandle.standardOutput.write(Data(FlatRecords(records, leading: leading + tableColumns).csv.utf8))
        case .table: table(FlatRecords(records, leading: tableColumns))
        }
    }

    /// Prints one record: JSON as it is, or a table of field and value.
    func one<Item: Encodable>(_ item: Item) throws {
        let record = try Self.json(item)
        switch format {
        case .json: Output.json(try Self.data(record), pretty: isatty(STDOUT_FILENO) == 1)
        case .jsonl: print(String(decoding: try Self.data(record), as: UTF8.self))
        case .csv: FileHandle.standardOutput.write(Data(FlatRecords([record], leading: leading + tableColumns).csv.utf8))
        case .table:
            let flat = FlatRecords([record], leading: tableColumns)
            let width = flat.columns.map(DisplayWidth.of).max() ?? 0
            for column in flat.columns { print(TextFit.pad(column, to: width) + "  " + clean(flat.rows[0][column] ?? "")) }
        }
    }

    private func table(_ flat: FlatRecords) {
        let columns = tableColumns.isEmpty ? flat.columns : tableColumns
        let cells = flat.rows.map { row in columns.map { clean(row[$0] ?? "") } }
        let widths = columns.indices.map { index in
            min(60, max(DisplayWidth.of(columns[index]), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0))
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { TextFit.pad($0, to: $1) }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        print(line(columns))
        for row in cells { print(line(row)) }
        if cells.isEmpty { Output.error("Nothing found.") }
    }

    private func clean(_ text: String) -> String { String(text.map(TextFit.printable)) }

    static func json<Item: Encodable>(_ item: Item) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONValue(json: try encoder.encode(item))
    }

    static func data(_ value: JSONValue) throws -> Data {
        try CognitoJSONText.data(value)
    }
}
