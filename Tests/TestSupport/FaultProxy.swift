import Foundation

/// `scripts/emulator/fault_server.py` in proxy mode, in front of an emulator: every request is
/// forwarded, after a latency, except a seeded share answered `TooManyRequestsException` without
/// forwarding and a seeded share whose connection is dropped after the emulator applied the call.
/// Its counters say what it did.
public final class FaultProxy: @unchecked Sendable {
    public let server: LocalServer
    /// The proxy's URL: point the client under test here.
    public var url: String { server.url }

    /// What the proxy does to the requests it forwards.
    public struct Faults: Codable, Sendable, Equatable {
        public var latencyMs: Double
        /// The share of requests throttled, between 0 and 1.
        public var throttle: Double
        /// The share of requests dropped after the upstream applied them, between 0 and 1.
        public var drop: Double
        /// `reset` (a TCP RST) or `close`.
        public var dropAction: String
        public var seed: Int
        /// The operations the throttles and drops apply to; every operation when empty.
        public var operations: [String]

        public init(latencyMs: Double = 0, throttle: Double = 0, drop: Double = 0, dropAction: String = "reset", seed: Int = 0,
                    operations: [String] = []) {
            self.operations = operations
            self.latencyMs = latencyMs
            self.throttle = throttle
            self.drop = drop
            self.dropAction = dropAction
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case latencyMs = "latency_ms", throttle, drop, dropAction = "drop_action", seed, operations
        }
    }

    /// What the proxy did since it started or was last reset.
    public struct Counters: Decodable, Sendable {
        /// Every request other than the control routes.
        public var requests: Int
        public var forwarded: Int
        public var throttled: Int
        public var dropped: Int
        /// Requests the upstream could not be reached for.
        public var failed: Int
        /// Operation (from `X-Amz-Target`) → `forwarded`/`throttled`/`dropped` → count.
        public var byOperation: [String: [String: Int]]
        /// `[unix second, requests received in it]`, in time order.
        public var perSecond: [[Int]]
        public var maxPerSecond: Int

        enum CodingKeys: String, CodingKey {
            case requests, forwarded, throttled, dropped, failed
            case byOperation = "by_operation", perSecond = "per_second", maxPerSecond = "max_per_second"
        }

        /// Requests of these operations the proxy received, whatever it did with them.
        public func received(_ operations: some Sequence<String>) -> Int {
            operations.reduce(0) { total, operation in total + (byOperation[operation]?.values.reduce(0, +) ?? 0) }
        }

        /// Requests of these operations that reached the upstream (forwarded or dropped after it).
        public func reachedUpstream(_ operations: some Sequence<String>) -> Int {
            operations.reduce(0) { total, operation in
                total + (byOperation[operation]?["forwarded"] ?? 0) + (byOperation[operation]?["dropped"] ?? 0)
            }
        }
    }

    /// Starts the proxy in front of `upstream` (an emulator's URL) with these faults.
    public init(upstream: String, faults: Faults = Faults()) throws {
        server = try LocalServer(script: "fault_server.py", arguments: [
            "--upstream", upstream, "--latency-ms", String(faults.latencyMs), "--throttle", String(faults.throttle),
            "--drop", String(faults.drop), "--drop-action", faults.dropAction, "--seed", String(faults.seed),
        ])
    }

    /// Changes the faults from now on.
    public func configure(_ faults: Faults) throws {
        _ = try FaultServer.exchange(method: "POST", url: url + "/__proxy/config", body: try JSONEncoder().encode(faults))
    }

    /// Zeroes the counters.
    public func resetCounters() throws {
        _ = try FaultServer.exchange(method: "POST", url: url + "/__proxy/reset", body: Data())
    }

    /// What the proxy did so far.
    public func counters() throws -> Counters {
        let data = try FaultServer.exchange(method: "GET", url: url + "/__proxy/counters", body: nil)
        return try JSONDecoder().decode(Counters.self, from: data)
    }

    public func stop() { server.stop() }
}
