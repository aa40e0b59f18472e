import CognitoAdmin

/// The last step of a read-modify-write on the command line: read again and send, or, when the
/// resource changed since the plan was made, show the new diff and send only if the operator
/// says so on a terminal.
struct UpdateSender {
    let updater: Updater
    let path: [String]
    /// The resource as the messages name it, e.g. `eu-west-1_AbC/staff`.
    let resource: String

    /// The whole last stretch of an update command: the diff printed; nothing more when nothing
    /// changes (`label` names the resource: "No change to group staff") or on a dry run;
    /// otherwise the confirmation the change's weight asks for, then the send.
    func finish(_ plan: UpdatePlan, label: String, dryRun: Bool, confirmation: ConfirmOptions, weight: ChangeWeight,
                name: String, what: String, admin: AdminContext) async throws {
        var plan = plan
        DiffText.lines(plan, resource: resource).forEach { print($0) }
        guard plan.hasChanges else {
            print("No change to \(label); nothing was sent.")
            return
        }
        if dryRun {
            print("Dry run: nothing was sent.")
            return
        }
        try confirmation.confirm(weight, name: name, what: what, admin: admin)
        try await send(&plan, admin: admin)
    }

    func send(_ plan: inout UpdatePlan, admin: AdminContext) async throws {
        while true {
            switch try await updater.commit(admin.backend, path: path, plan: plan) {
            case .sent:
                print("Sent \(updater.operation) for \(resource).")
                return
            case .nothingToSend:
                print("No change to \(resource); nothing was sent.")
                return
            case .changedMeanwhile(let fresh):
                print("\(resource) changed after it was read; sending now would make this change:")
                DiffText.lines(fresh, resource: resource).forEach { print($0) }
                guard fresh.hasChanges else {
                    print("No change is left to send; nothing was sent.")
                    return
                }
                guard Terminal.isInteractive else {
                    throw CommandFailure.notConfirmed(
                        "\(resource) changed while the command ran, so nothing was sent; run it again to see the new diff.")
                }
                guard Terminal.askYesNo("Send this instead?") else {
                    throw CommandFailure.notConfirmed("Not confirmed; nothing was sent.")
                }
                plan = fresh
            }
        }
    }
}
