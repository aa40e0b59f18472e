import Foundation

/// Several observers behind one: the `--debug` trace, the log file and the console's call log.
public struct ObserverGroup: CallObserver {
    let members: [any CallObserver]

    public init(_ members: [any CallObserver]) {
        self.members = members
    }

    public func willSend(operation: String, attempt: Int, request: HTTPRequest) {
        for m in members { m.willSend(operation: operation, attempt: attempt, request: request) }
    }

    public func didReceive(operation: String, attempt: Int, response: HTTPResponse) {
        for m in members { m.didReceive(operation: operation, attempt: attempt, response: response) }
    }

    public func willRetry(operation: String, attempt: Int, after: Duration, error: Error) {
        for m in members { m.willRetry(operation: operation, attempt: attempt, after: after, error: error) }
    }

    public func didFinish(_ record: CallRecord) {
        for m in members { m.didFinish(record) }
    }
}

/// A log file the user names with `--log-file`: the redacted trace, appended, owner-readable only.
public enum LogFile {
    public static func trace(path: String) throws -> DebugTrace {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else {
            throw AWSClientError.configuration("The log file `\(path)` cannot be opened: \(String(cString: strerror(errno)).lowercased()).")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return DebugTrace(write: { handle.write(Data($0.utf8)) })
    }
}
