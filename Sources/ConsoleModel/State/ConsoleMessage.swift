import AWSCore

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
    /// The view-model switched to a backend for another profile or region.
    case contextSwitched(BackendInfo)
    /// Making that backend failed; one sentence.
    case contextFailed(String)
    /// Something the app or front end reports (a broken theme or settings file, a theme applied).
    case status(StatusMessage)
}

/// Work the reducer asks for; the view-model runs it and reports back with a message.
public enum ConsoleEffect: Sendable, Equatable {
    case fetchPage(TabAddress, ListSource, Pager.Request)
    case fetchDetail(TabAddress, DetailSource, ticket: Int)
    case describe(TabAddress, DescribeTarget, ticket: Int)
    /// Stop the calls of panes that were closed.
    case cancel(panes: [Int])
    /// Make a backend for this profile and region (nil: the profile's own region).
    case switchContext(profile: String, region: String?)
    case frontEnd(FrontEndRequest)
}
