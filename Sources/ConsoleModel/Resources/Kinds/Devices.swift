import CognitoAdmin
import CognitoAPI

/// A user's remembered devices, as the Devices tab of the user's pane.
public enum Devices {
    public static let module = ResourceModule(
        ResourceDescriptor(.device, depth: 3, noun: "device",
                           describe: .reading("AdminGetDevice") { backend, ref in
                               try await backend.adminGetDevice(.init(deviceKey: ref.id, userPoolId: ref[0], username: ref[1]))
                           }),
        lists: [
            ListSpec(.devices, item: .device, noun: "devices",
                     columns: [Column("DEVICE KEY", width: .flex(weight: 2, minimum: 12)), Column("NAME", width: .flex(weight: 1, minimum: 8)),
                               Column("LAST SIGN-IN", width: .fixed(16))],
                     placement: .tab(of: .user, id: .devices, title: "Devices", order: 20)) { backend, source, token in
                // The model declares no paginator for AdminListDevices, so its token fields are named here.
                let out = try await backend.adminListDevices(.init(userPoolId: source.scope[0], username: source.scope[1],
                                                                   limit: ListSpec.pageSize, paginationToken: token))
                let items = (out.devices ?? []).map { device in
                    let name = device.deviceAttributes?.first { $0.name == "device_name" }?.value
                    return ListItem(id: device.deviceKey ?? "",
                                    cells: [ValueText.text(device.deviceKey), ValueText.text(name),
                                            ValueText.date(device.deviceLastAuthenticatedDate)])
                }
                return ListPage(items: items, nextToken: out.paginationToken)
            },
        ])
}

extension ResourceKind { public static let device = ResourceKind("device") }
extension ListKind { public static let devices = ListKind("devices") }
extension TabID { public static let devices = TabID("devices") }
