import CognitoAPI
import Testing

/// What an `UnansweredBackend` method throws: the test called an operation its fake does not
/// answer.
public struct UnansweredCall: Error, Sendable, Equatable, CustomStringConvertible {
    public let service: CognitoService
    /// The model's name of the operation, e.g. `ListUsers`.
    public let operation: String

    public init(service: CognitoService, operation: String) {
        self.service = service
        self.operation = operation
    }

    public var description: String { "the fake backend has no answer for \(service.rawValue) \(operation)" }

    /// The hook every generated method of `UnansweredBackend` calls: records a test issue that
    /// names the operation, then returns the error to throw, so the test fails even when the
    /// code under test catches the error.
    public static func recorded(service: CognitoService, operation: String) -> UnansweredCall {
        let call = UnansweredCall(service: service, operation: operation)
        Issue.record("\(call); override it in the fake, or make the test not call it")
        return call
    }
}
