import CognitoAdmin
import CognitoAPI

/// A user's MFA settings, remembered devices and sign-in feedback, from the console; each calls
/// `UserSecurity`.
enum UserSecurityActions {
    static let preferredChoices = ["none", "SMS", "TOTP", "email"]
    static let methodByChoice: [String: MFASettings.Method] = ["SMS": .sms, "TOTP": .totp, "email": .email]

    /// `f` on a user: which MFA methods are enabled and which is preferred.
    static let mfa = ResourceAction(
        "mfa", keys: [.character("f")], title: "MFA settings", operations: ["AdminGetUser", "AdminSetUserMFAPreference"],
        confirmation: .yesNo, question: { "Set the MFA methods of \($0.id)?" },
        work: .form(FormRecipe { backend, target in
            let current = try await UserSecurity.mfa(backend, pool: target[0], username: target.id)
            func flag(_ method: MFASettings.Method) -> String { current.enabled.contains(method) ? "yes" : "no" }
            let preferred = methodByChoice.first { $0.value == current.preferred }?.key ?? "none"
            return FormState(title: "MFA of \(target.id)", fields: [
                FormField("sms", "SMS", kind: .flag, text: flag(.sms)),
                FormField("totp", "Authenticator app (TOTP)", kind: .flag, text: flag(.totp)),
                FormField("email", "Email code", kind: .flag, text: flag(.email)),
                FormField("preferred", "Preferred", kind: .choice(preferredChoices), text: preferred),
            ], note: "A method needs the user's phone, app or email to be set up.")
        }, { backend, target, values in
            var enabled: Set<MFASettings.Method> = []
            if values.flag("sms") { enabled.insert(.sms) }
            if values.flag("totp") { enabled.insert(.totp) }
            if values.flag("email") { enabled.insert(.email) }
            let settings = MFASettings(enabled: enabled, preferred: values["preferred"].flatMap { methodByChoice[$0] })
            try await UserSecurity.setMFA(backend, pool: target[0], username: target.id, settings)
            return ActionOutcome("Set the MFA methods of \(target.id).", .updated)
        }))

    /// On a user's Devices tab (a device's path is pool, username, device key).
    static let devices: [ResourceAction] = [
        ResourceAction("remember-device", keys: [.character("M")], title: "remember the device",
                       operations: ["AdminUpdateDeviceStatus"], scope: .row, confirmation: .yesNo,
                       question: { "Remember device \($0.id)? The user is not asked for MFA on it while it is remembered." },
                       work: .run { backend, target, _ in
                           try await UserSecurity.setRemembered(backend, pool: target[0], username: target[1], device: target.id, remembered: true)
                           return ActionOutcome("Device \(target.id) is remembered.", .updated)
                       }),
        ResourceAction("stop-remembering", keys: [.character("N")], title: "stop remembering the device",
                       operations: ["AdminUpdateDeviceStatus"], scope: .row, confirmation: .yesNo,
                       question: { "Stop remembering device \($0.id)? The user is asked for MFA on it again." },
                       work: .run { backend, target, _ in
                           try await UserSecurity.setRemembered(backend, pool: target[0], username: target[1], device: target.id, remembered: false)
                           return ActionOutcome("Device \(target.id) is no longer remembered.", .updated)
                       }),
        ResourceAction("forget-device", keys: [.delete, .control("x")], title: "forget the device",
                       operations: ["AdminForgetDevice"], scope: .row, confirmation: .yesNo,
                       question: { "Forget device \($0.id)? It is removed from the user's devices." }, removes: true,
                       work: .run { backend, target, _ in
                           try await UserSecurity.forget(backend, pool: target[0], username: target[1], device: target.id)
                           return ActionOutcome("Forgot device \(target.id).", .removed)
                       }),
    ]

    /// On a user's Sign-in history tab (an event's path is pool, username, event id).
    static let events: [ResourceAction] = [
        ResourceAction("mark-valid", keys: [.character("V")], title: "mark the sign-in as the user's",
                       operations: ["AdminUpdateAuthEventFeedback"], scope: .row, confirmation: .yesNo,
                       question: { "Tell threat protection sign-in \($0.id) was the user's?" },
                       work: .run { backend, target, _ in
                           try await UserSecurity.feedback(backend, pool: target[0], username: target[1], event: target.id, valid: true)
                           return ActionOutcome("Marked sign-in \(target.id) valid.", .relinked)
                       }),
        ResourceAction("mark-invalid", keys: [.character("I")], title: "mark the sign-in as not the user's",
                       operations: ["AdminUpdateAuthEventFeedback"], scope: .row, confirmation: .yesNo,
                       question: { "Tell threat protection sign-in \($0.id) was not the user's?" },
                       work: .run { backend, target, _ in
                           try await UserSecurity.feedback(backend, pool: target[0], username: target[1], event: target.id, valid: false)
                           return ActionOutcome("Marked sign-in \(target.id) invalid.", .relinked)
                       }),
    ]
}
