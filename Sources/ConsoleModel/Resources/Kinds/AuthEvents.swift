import CognitoAdmin
import CognitoAPI

/// A user's sign-in history (`AdminListUserAuthEvents`, kept when the pool's threat protection
/// is on): when, what, how it ended, the risk Cognito saw, and where it came from.
public enum AuthEvents {
    public static let module = ResourceModule(
        ResourceDescriptor(.authEvent, depth: 3, noun: "sign-in event", actions: UserSecurityActions.events),
        lists: [
            ListSpec(.authEvents, item: .authEvent, noun: "sign-in events",
                     columns: [Column("TIME", width: .fixed(16)), Column("EVENT", width: .fixed(16)),
                               Column("OUTCOME", width: .fixed(10)), Column("RISK", width: .fixed(14)), Column("FEEDBACK", width: .fixed(8)),
                               Column("IP", width: .flex(weight: 1, minimum: 7)), Column("CITY", width: .flex(weight: 1, minimum: 6)),
                               Column("DEVICE", width: .flex(weight: 2, minimum: 8))],
                     placement: .tab(of: .user, id: .signIns, title: "Sign-in history", order: 30)) { backend, source, token in
                let (events, next) = try await Paging.adminListUserAuthEvents.page(
                    .init(userPoolId: source.scope[0], username: source.scope[1]), token: token, limit: ListSpec.pageSize) {
                    try await backend.adminListUserAuthEvents($0)
                }
                return ListPage(items: events.map(row), nextToken: next)
            },
        ])

    static func row(_ event: CognitoIdentityProvider.AuthEventType) -> ListItem {
        let risk = [event.eventRisk?.riskLevel?.rawValue, event.eventRisk?.riskDecision?.rawValue].compactMap { $0 }
        let place = [event.eventContextData?.city, event.eventContextData?.country].compactMap { $0 }
        return ListItem(id: event.eventId ?? "",
                        cells: [ValueText.date(event.creationDate), ValueText.text(event.eventType?.rawValue),
                                ValueText.text(event.eventResponse?.rawValue), ValueText.list(risk),
                                ValueText.text(event.eventFeedback?.feedbackValue.rawValue),
                                ValueText.text(event.eventContextData?.ipAddress), ValueText.list(place),
                                ValueText.text(event.eventContextData?.deviceName)],
                        dimmed: event.eventResponse?.rawValue == "Fail")
    }
}

extension ResourceKind { public static let authEvent = ResourceKind("auth-event") }
extension ListKind { public static let authEvents = ListKind("auth-events") }
extension TabID { public static let signIns = TabID("sign-ins") }
