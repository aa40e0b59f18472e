import ArgumentParser

/// `--yes` and `--confirm NAME`, shared by every subcommand that changes something.
struct ConfirmOptions: ParsableArguments {
    @Flag(help: "Do not ask: needed to delete or to send an edit when stdin is not a terminal.")
    var yes = false

    @Option(name: .customLong("confirm"),
            help: ArgumentHelp("The name of what changes, typed in advance: needed on a protected profile when stdin is not a terminal.",
                               valueName: "name"))
    var confirmName: String?
}

/// How much a change needs confirming, before the profile's protection is considered.
enum ChangeWeight: Equatable {
    /// Undone by another command (disable, enable, a group's fields): no question.
    case reversible
    /// An edit made in `$EDITOR`: `y` on a terminal, `--yes` otherwise.
    case update
    /// Cannot be undone: the name typed on a terminal, `--yes` otherwise.
    case delete
}

/// Decides, without any input or output, whether a change may go ahead, must be asked about,
/// or is refused; on a protected profile every change needs the name typed (or `--confirm`).
struct ConfirmationPolicy: Equatable {
    enum Decision: Equatable {
        case proceed
        case askYesNo
        case askName
        case refuse(String)
    }

    var interactive: Bool
    var protected: Bool
    var profile: String
    var options: ConfirmOptionsValue

    /// - Parameters:
    ///   - name: what the operator types to confirm: a username, a group name, a pool id.
    ///   - what: the change in a few words, e.g. `delete user ann in eu-west-1_AbC`.
    func decide(_ weight: ChangeWeight, name: String, what: String) -> Decision {
        if let typed = options.confirmName {
            guard typed == name else {
                return .refuse("--confirm `\(typed)` does not match `\(name)`, the name of what would change; nothing was sent.")
            }
            return .proceed
        }
        if protected {
            if interactive { return .askName }
            return .refuse("Profile `\(profile)` is protected: to \(what) without a terminal, pass --confirm \(Self.shellWord(name)); nothing was sent.")
        }
        switch weight {
        case .reversible:
            return .proceed
        case .update, .delete:
            if options.yes { return .proceed }
            if interactive { return weight == .delete ? .askName : .askYesNo }
            return .refuse("To \(what) without a terminal, pass --yes; nothing was sent.")
        }
    }
}

extension ConfirmationPolicy {
    /// The name as one shell word: in single quotes when it holds a space (`'disable 40'`).
    static func shellWord(_ name: String) -> String {
        name.contains(" ") ? "'\(name)'" : name
    }
}

/// The values of `ConfirmOptions`, apart from the parser.
struct ConfirmOptionsValue: Equatable {
    var yes: Bool
    var confirmName: String?
}

extension ConfirmOptions {
    /// Asks on the terminal when the policy says so; returns when the change may go ahead.
    /// - Throws: `CommandFailure.notConfirmed` when refused or declined.
    func confirm(_ weight: ChangeWeight, name: String, what: String, admin: AdminContext) throws {
        let policy = ConfirmationPolicy(interactive: Terminal.isInteractive, protected: admin.isProtected,
                                        profile: admin.profile, options: ConfirmOptionsValue(yes: yes, confirmName: confirmName))
        switch policy.decide(weight, name: name, what: what) {
        case .proceed:
            return
        case .refuse(let sentence):
            // Without a terminal, a missing --yes or --confirm is a usage mistake (exit 2).
            throw CommandFailure(description: sentence, status: ExitStatus.usage)
        case .askYesNo:
            guard Terminal.askYesNo(Output.sentence(what).dropLast() + "?") else {
                throw CommandFailure.notConfirmed("Not confirmed; nothing was sent.")
            }
        case .askName:
            let reason = admin.isProtected ? " (profile `\(admin.profile)` is protected)" : ""
            let answer = Terminal.ask("To \(what)\(reason), type \(name): ")
            guard answer?.trimmingCharacters(in: .whitespaces) == name else {
                throw CommandFailure.notConfirmed("The name typed was not `\(name)`; nothing was sent.")
            }
        }
    }
}
