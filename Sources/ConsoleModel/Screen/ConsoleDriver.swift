/// What the front end needs from the view-model layer: the current frame, a way to hand it
/// input, and notice of changes. Everything runs on the main actor, which is also the one
/// thread that calls ncurses.
@MainActor
public protocol ConsoleDriver: AnyObject {
    /// The frame to draw now.
    var screen: Screen { get }
    /// Feeds one input event through the reducer; effects it starts report back later.
    func handle(_ event: InputEvent)
    /// Called after any change to `screen` (input handled, a call finished, a page arrived).
    var onChange: (@MainActor () -> Void)? { get set }
    /// Called when the view-model needs the front end to act.
    var onRequest: (@MainActor (FrontEndRequest) -> Void)? { get set }
    /// The answer to `FrontEndRequest.edit`: the edited text, or nil when the editor failed.
    func editorFinished(ticket: Int, text: String?)
    /// The answer to `FrontEndRequest.runPlugin`: how the plugin ended.
    func pluginFinished(_ name: String, outcome: PluginOutcome)
}

/// How a plugin run by the front end ended.
public enum PluginOutcome: Sendable, Equatable {
    case exited(Int32)
    /// It could not be started (not found, not executable); the reason.
    case notStarted(String)
}

/// Things only the front end can do.
public enum FrontEndRequest: Sendable, Equatable {
    /// Leave the console (the front end restores the terminal).
    case quit
    /// Put text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Switch to the named theme (`:theme NAME`); the front end reports failure as a message.
    case applyTheme(String)
    /// Suspend the console, open `$VISUAL` / `$EDITOR` / `vi` on this text, resume, and answer
    /// with `ConsoleDriver.editorFinished`.
    case edit(EditRequest)
    /// Suspend the console, run the operator's command on the terminal, resume where it was, and
    /// answer with `ConsoleDriver.pluginFinished`.
    case runPlugin(PluginRun)
}
