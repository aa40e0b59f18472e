/// Which quota category each operation counts against, and each category's request rate.
///
/// The rate limiter knows nothing about services beyond what a table says: an operation the
/// table does not list is not limited.
public struct QuotaTable: Sendable, Equatable {
    /// One category: its name, its requests per second and the operations it covers, by service id.
    public struct Category: Sendable, Equatable {
        public var name: String
        public var requestsPerSecond: Double
        /// Service id (`cognito-idp`) → operations (`ListUsers`).
        public var operations: [String: [String]]

        public init(name: String, requestsPerSecond: Double, operations: [String: [String]]) {
            self.name = name
            self.requestsPerSecond = requestsPerSecond
            self.operations = operations
        }
    }

    /// Requests per second by category name.
    public let rates: [String: Double]
    /// Service id → operation → category name.
    private let categoryOfOperation: [String: [String: String]]

    /// - Precondition: no category name and no (service, operation) pair appears twice.
    public init(_ categories: [Category]) {
        var rates: [String: Double] = [:]
        var index: [String: [String: String]] = [:]
        for category in categories {
            precondition(rates[category.name] == nil, "quota category \(category.name) is listed twice")
            rates[category.name] = category.requestsPerSecond
            for (service, operations) in category.operations {
                for operation in operations {
                    precondition(index[service]?[operation] == nil, "\(service) \(operation) is in two quota categories")
                    index[service, default: [:]][operation] = category.name
                }
            }
        }
        self.rates = rates
        self.categoryOfOperation = index
    }

    /// The category an operation counts against, or nil when it is not limited.
    public func category(service: String, operation: String) -> String? {
        categoryOfOperation[service]?[operation]
    }

    /// Every category name, sorted.
    public var categoryNames: [String] { rates.keys.sorted() }

    /// The operations of one service that the table lists, sorted.
    public func operations(service: String) -> [String] {
        (categoryOfOperation[service] ?? [:]).keys.sorted()
    }
}
