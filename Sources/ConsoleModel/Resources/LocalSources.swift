import CognitoAdmin

/// What some lists show from this machine instead of the service: the audit log. The app
/// supplies them, since only it knows where the files are.
public struct LocalSources: Sendable {
    public var audit: AuditTrail?
    public init(audit: AuditTrail? = nil) {
        self.audit = audit
    }
}
