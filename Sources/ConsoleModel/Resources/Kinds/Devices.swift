import CognitoAdmin
import CognitoAPI

/// A user's remembered devices, as the Devices tab of the user's pane.
public enum Devices {
    public static let module = ResourceModule(
        ResourceDescriptor(.device, depth: 3, noun: "device",
                           describe: .reading("AdminGetDevice") { backend, ref in
                               try await backend.adminGetDevice(.init(deviceKey: ref.id, userPoolId: ref[0], username: ref[1]))
                           },
                           fetchRow: { backend, ref, _ in
                               row(try await backend.adminGetDevice(.init(deviceKey: ref.id, userPoolId: ref[0], username: ref[1])).device)
                           },
                           actions: UserSecurityActions.devices),
        lists: [
            ListSpec(.devices, item: .device, noun: "devices",
                     columns: [Column("DEVICE KEY", width: .flex(weight: 2, minimum: 12)), Column("NAME", width: .flex(weight: 1, minimum: 8)),
                               Column("REMEMBERED", width: .fixed(10)), Column("LAST SIGN-IN", width: .fixed(16))],
                     placement: .tab(of: .user, id: .devices, title: "Devices", order: 20)) { backend, source, token in
                // The model declares no paginator for AdminListDevices, so its token fields are named here.
                let out = try await backend.adminListDevices(.init(userPoolId: source.scope[0], username: source.scope[1],
                                                                   limit: ListSpec.pageSize, paginationToken: token))
                return ListPage(items: (out.devices ?? []).map(row), nextToken: out.paginationToken)
            },
        ])
}

extension ResourceKind { public static let device = ResourceKind("device") }
extension ListKind { public static let devices = ListKind("devices") }
extension TabID { public static let devices = TabID("devices") }

extension Devices {
    /// A device row: its key, name, whether it is remembered, and its last sign-in.
    static func row(_ device: CognitoIdentityProvider.DeviceType) -> ListItem {
        let attribute = { (name: String) in device.deviceAttributes?.first { $0.name == name }?.value }
        let remembered = attribute("dev:device_remembered_status").map { $0 == "remembered" ? "yes" : "no" }
        return ListItem(id: device.deviceKey ?? "",
                        cells: [ValueText.text(device.deviceKey), ValueText.text(attribute("device_name")),
                                ValueText.text(remembered), ValueText.date(device.deviceLastAuthenticatedDate)])
    }
}
