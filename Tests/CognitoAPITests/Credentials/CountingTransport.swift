import AWSCore
import Foundation

/// Passes every request on to the real transport (the emulator) and counts the operations
/// sent, so a test can say how many times the service was asked.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private let next: any HTTPTransport

    init(_ next: any HTTPTransport = CurlTransport()) { self.next = next }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let operation = request.headers["X-Amz-Target"]?.split(separator: ".").last.map(String.init)
            ?? String(decoding: request.body, as: UTF8.self).split(separator: "&").first { $0.hasPrefix("Action=") }
                .map { String($0.dropFirst("Action=".count)) } ?? "?"
        lock.withLock { counts[operation, default: 0] += 1 }
        return try await next.send(request)
    }

    func count(_ operation: String) -> Int { lock.withLock { counts[operation] ?? 0 } }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date()) { current = start }
    var now: Date { lock.withLock { current } }
    func set(_ date: Date) { lock.withLock { current = date } }
}
