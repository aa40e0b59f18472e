import AWSCore
import Foundation
import CognitoAdmin
import CognitoAPI

/// Everything that changes the state: input, and the results of effects.
public enum ConsoleMessage: Sendable {
    case input(InputEvent)
    case pageLoaded(TabAddress, ticket: Int, ListPage)
    case pageFailed(TabAddress, ticket: Int, String)
    case detailLoaded(TabAddress, ticket: Int, [DetailView.Section])
    case textLoaded(TabAddress, ticket: Int, [String])
    /// A detail or text load failed; one sentence.
    case loadFailed(TabAddress, ticket: Int, String)
    /// A call finished (from the app's `CallObserver`), for the `@` log.
    case callFinished(CallRecord)
    /// The session's count of throttled replies changed.
    case throttled(Int)
    /// When the credentials of the profile in use expire (nil: they do not).
    case credentialsExpire(Date?)
    /// The view-model switched to a backend for another profile or region.
    case contextSwitched(BackendInfo)
    /// Making that backend failed; one sentence.
    case contextFailed(String)
    /// An action's form, read from the resource as it is now.
    case formLoaded(ActionRequest, FormState)
    /// A read-modify-write plan to confirm; `note` says why it is shown again.
    case planned(ActionRequest, UpdatePlan, note: String?)
    /// The update input was read; the editor can open on `text`.
    case editorReady(ActionRequest, base: JSONValue, text: String)
    /// `$EDITOR` came back: the update input it was given and the text it returned (nil: it failed).
    case editorReturned(ActionRequest, base: JSONValue, text: String?)
    case actionFinished(ActionRequest, ActionOutcome)
    /// An action failed; one sentence.
    case actionFailed(ActionRequest, String)
    /// A resource read back after a change, as its row.
    case rowLoaded(ResourceRef, ListItem)
    /// A picker's options for a query.
    case picksLoaded(ActionRequest, query: String, [String])
    /// A page of a list's scan, with the progress so far; then its end (a failure: one sentence).
    case scanned(TabAddress, ticket: Int, [ListItem], ScanProgress)
    case scanEnded(TabAddress, ticket: Int, failure: String?)
    /// A simulation's outcome, as its pane's title and lines.
    case simulated(title: String, lines: [String])
    /// A running job's progress, and its report when it ends.
    case jobProgress(ticket: Int, JobProgress)
    case jobFinished(ticket: Int, JobReport)
    /// Something the app or front end reports (a broken theme or settings file, a theme applied).
    case status(StatusMessage)
    /// Sign-in, token and credential work came back.
    case tokens(TokenReply)
}

/// Work the reducer asks for; the view-model runs it and reports back with a message.
public enum ConsoleEffect: Sendable, Equatable {
    case fetchPage(TabAddress, ListSource, Pager.Request)
    /// Scan a list at the quota (a search, or "load all"), reporting each page as it comes.
    case scanList(TabAddress, ListSource, ticket: Int)
    /// Stop a scan.
    case cancelScan(ticket: Int)
    /// Simulate which role an identity pool gives (the role-mapping editor's `s`).
    case simulate(SimulationRequest)
    case fetchDetail(TabAddress, DetailSource, ticket: Int)
    case describe(TabAddress, ResourceRef, ticket: Int)
    /// Read the resource and make the action's form.
    case loadForm(ActionRequest)
    /// Run the action.
    case perform(ActionRequest, FormValues)
    /// Ask a picker's recipe for the options matching `query`.
    case loadPicks(ActionRequest, query: String)
    /// Read the resource and plan an update with this edit.
    case planUpdate(ActionRequest, UpdateEdit)
    /// Read again and send the plan if nothing changed meanwhile.
    case commitUpdate(ActionRequest, UpdatePlan)
    /// Open `$EDITOR` on the update input: read it first when `base` is nil; `text` replaces the
    /// default text (an invalid edit comes back with its errors on top).
    case openEditor(ActionRequest, base: JSONValue?, text: String?)
    /// Read a resource back as a row.
    /// Read a resource back as a row, in the columns `views` choose.
    case refreshRow(ResourceRef, views: [String: [String]])
    /// Run an action on each resource as a job (the ticket names the job's pane).
    case runJob(ActionRequest, JobPlan, [ResourceRef], FormValues)
    /// Stop starting the job's items.
    case cancelJob(ticket: Int)
    /// Write a list as shown to the working folder, as CSV or JSON lines.
    case exportRows(columns: [String], rows: [[String]], name: String, jsonLines: Bool)
    /// Write the job's report next to the working folder, as CSV or JSON lines.
    case saveReport(JobReport, jsonLines: Bool)
    /// Stop the calls of panes that were closed.
    case cancel(panes: [Int])
    /// Make a backend for this profile and region (nil: the profile's own region).
    case switchContext(profile: String, region: String?)
    case frontEnd(FrontEndRequest)
    /// Sign in, verify, revoke, issue credentials, export them.
    case tokens(TokenWork)
}

/// What a simulation runs on: the pool, the role-mapping key, whose claims, and the roles and
/// mappings to evaluate (the editor's, saved or not).
public struct SimulationRequest: Sendable, Equatable {
    public var identityPool: String
    public var provider: String
    public var source: ClaimSource
    public var roles: CognitoIdentity.GetIdentityPoolRolesResponse
    /// Whether `roles` holds an edit not saved yet.
    public var edited: Bool
}
