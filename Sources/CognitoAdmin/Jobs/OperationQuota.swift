import AWSCore
import CognitoAPI

/// The request-rate quota an operation counts against, and the rate the session runs it at: what
/// a job's plan states before anything is sent ("UserUpdate quota, 25/s: about 50 s").
public struct OperationQuota: Sendable, Equatable, CustomStringConvertible {
    /// The quota category, e.g. `UserUpdate`.
    public var category: String
    /// Requests per second the session's limiter allows for the category (the table's default,
    /// or the profile's override).
    public var rate: Double

    public init(category: String, rate: Double) {
        self.category = category
        self.rate = rate
    }

    /// The quota of `operation` under `table` with the session's `rates` (category → requests per
    /// second); nil when the operation is unknown or not rate-limited.
    public static func of(_ operation: String, table: QuotaTable = .cognito, rates: [String: Double] = [:]) -> OperationQuota? {
        guard let service = OperationFacts.operation(operation)?.service,
              let category = table.category(service: service.rawValue, operation: operation),
              let rate = rates[category] ?? table.rates[category], rate > 0 else { return nil }
        return OperationQuota(category: category, rate: rate)
    }

    /// How long `count` calls take at this rate, at the least.
    public func duration(of count: Int) -> Duration {
        .milliseconds(Int((Double(count) / rate * 1000).rounded(.up)))
    }

    /// `UserUpdate quota, 25/s`.
    public var description: String {
        let rate = self.rate == self.rate.rounded() ? String(Int(self.rate)) : String(format: "%.1f", self.rate)
        return "\(category) quota, \(rate)/s"
    }
}
