import AWSCore
import ConsoleModel
import Foundation

/// `COGNITO_TUI_TRACE_FRAMES=FILE`: writes monotonic timestamps of finished calls and of drawn
/// frames, so the benchmark can measure the time from a reply to the frame that shows it.
/// Lines: `<nanoseconds> reply <Operation> <status>` and `<nanoseconds> frame <rows>` (rows of
/// the table shown, or -1 when the body is not a table).
final class FrameTrace: CallObserver, @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init?(path: String?) {
        guard let path, !path.isEmpty else { return nil }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return nil }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    private func write(_ line: String) {
        lock.withLock { handle.write(Data("\(Self.now()) \(line)\n".utf8)) }
    }

    func didFinish(_ record: CallRecord) {
        write("reply \(record.operation) \(record.status.map(String.init) ?? "-")")
    }

    func frame(_ screen: Screen) {
        if case .table(let table) = screen.body { write("frame \(table.rows.count)") } else { write("frame -1") }
    }
}
