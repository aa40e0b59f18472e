import AWSCore
import Foundation
import CognitoAdmin
import CognitoAPI
import Foundation

/// The view-model the front end drives: owns the state, feeds messages through `Reducer`, runs
/// the effects as tasks (calls run off the main actor; their results come back as messages) and
/// builds the `Screen` on demand.
@MainActor
public final class ConsoleViewModel: ConsoleDriver {
    public private(set) var state: ConsoleState
    public var onChange: (@MainActor () -> Void)?
    public var onRequest: (@MainActor (FrontEndRequest) -> Void)?
    private(set) var backend: any CognitoBackend
    /// The clock of times in words (a token's expiry, credentials counting down).
    let now: @Sendable () -> Date
    /// Redraws once a second while a countdown is shown.
    var clockTicker: Task<Void, Never>?
    private let makeBackend: BackendFactory
    let local: LocalSources
    /// Running effects by serial, with the pane they belong to (nil: not tied to a pane).
    private var tasks: [Int: (pane: Int?, task: Task<Void, Never>)] = [:]
    private var lastTask = 0
    /// Counts profile and region switches; only the latest one's backend is adopted.
    private var switchGeneration = 0
    /// Whether the credentials' expiry is being read again.
    private var checkingCredentials = false

    /// Creates the view-model and starts loading the first pane.
    ///
    /// - Parameters:
    ///   - backend: where calls go; its `info` fills the header.
    ///   - profiles: the profile names for `p` and `:profile` (e.g. from `AWSConfigFiles`).
    ///   - themes: theme names for `:theme` completion.
    ///   - regions: the regions `R` offers.
    ///   - start: the first pane, `.userPools` or `.identityPools`.
    ///   - local: what lists read from this machine (the audit log).
    ///   - makeBackend: makes a backend for another profile or region; its errors are shown
    ///     as one sentence and the console stays where it was.
    ///   - now: the clock times in words are relative to (the backend's token clock when nil).
    public init(backend: any CognitoBackend, profiles: [String] = [], themes: [String] = [],
                regions: [String] = CognitoRegions.all, start: PaneKind = .userPools,
                local: LocalSources = LocalSources(), views: [String: [String]] = [:], plugins: [Plugin] = [],
                now: (@Sendable () -> Date)? = nil, makeBackend: @escaping BackendFactory) {
        self.backend = backend
        if let now {
            self.now = now
        } else if let services = backend.tokenServices {
            self.now = services.now
        } else {
            self.now = { Date() }
        }
        self.local = local
        self.makeBackend = makeBackend
        self.state = ConsoleState(info: backend.info, profiles: profiles, regions: regions, themes: themes, views: views)
        self.state.plugins = plugins
        run(Reducer.start(&state, at: start))
        checkCredentials()
    }

    public var screen: Screen { ScreenBuilder.screen(state, now: now()) }

    /// Reads when the credentials expire, for the header; a failure is left to the calls to show.
    private func checkCredentials() {
        guard !checkingCredentials else { return }
        checkingCredentials = true
        let backend = self.backend
        Task { [weak self] in
            let expiry = try? await backend.credentialExpiration()
            self?.checkingCredentials = false
            self?.send(.credentialsExpire(expiry ?? nil))
        }
    }

    public func handle(_ event: InputEvent) {
        send(.input(event))
    }

    /// Applies a message and runs the effects it asks for.
    public func send(_ message: ConsoleMessage) {
        run(Reducer.reduce(&state, message))
        keepClock()
        if case .callFinished = message, let throttles = backend.rateLimitStatus?.throttles, throttles != state.throttles {
            run(Reducer.reduce(&state, .throttled(throttles)))
        }
        // Credentials near their end are refreshed by the chain before the next call: read the
        // new expiry after calls then.
        if case .callFinished = message, let expiry = state.credentialsExpire, expiry.timeIntervalSince(now()) < 600 {
            checkCredentials()
        }
        onChange?()
    }

    /// Shows one sentence in the status line (warnings at start-up, theme changes).
    public func show(_ message: StatusMessage) {
        send(.status(message))
    }

    /// Adds a finished call to the `@` log; callable from any thread.
    public nonisolated func record(_ call: CallRecord) {
        Task { @MainActor in self.send(.callFinished(call)) }
    }

    /// Whether no effect is running (tests wait for this).
    public var isIdle: Bool { tasks.isEmpty }

    /// Waits until no effect is running, polling every few milliseconds; for tests and scripts.
    public func settle(timeout: Duration = .seconds(30)) async {
        let deadline = ContinuousClock.now + timeout
        while !tasks.isEmpty && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    private func run(_ effects: [ConsoleEffect]) {
        for effect in effects {
            switch effect {
            case .fetchPage(let address, let source, let request):
                let local = self.local
                spawn(pane: address.pane) { backend in
                    do {
                        let page = try await source.fetchPage(backend, local: local, token: request.token)
                        return .pageLoaded(address, ticket: request.ticket, page)
                    } catch {
                        return .pageFailed(address, ticket: request.ticket, ErrorText.sentence(error))
                    }
                }
            case .scanList(let address, let source, let ticket):
                runScan(address, source, ticket: ticket)
            case .simulate(let request):
                spawn(pane: nil) { backend in
                    do {
                        let simulation = try await RoleSimulator.simulate(backend, identityPool: request.identityPool,
                                                                          provider: request.provider, source: request.source,
                                                                          roles: request.roles)
                        return .simulated(title: RulesState.title(simulation),
                                          lines: RulesState.lines(simulation, edited: request.edited))
                    } catch {
                        return .status(StatusMessage(.error, "The simulation failed: \(ErrorText.sentence(error))"))
                    }
                }
            case .cancelScan(let ticket):
                if let id = scans.removeValue(forKey: ticket), let entry = tasks.removeValue(forKey: id) {
                    entry.task.cancel()
                    state.callsInFlight = tasks.count
                }
            case .fetchDetail(let address, let source, let ticket):
                spawn(pane: address.pane) { backend in
                    do {
                        return .detailLoaded(address, ticket: ticket, try await source.fetchSections(backend))
                    } catch {
                        return .loadFailed(address, ticket: ticket, ErrorText.sentence(error))
                    }
                }
            case .describe(let address, let target, let ticket):
                spawn(pane: address.pane) { backend in
                    do {
                        guard let describe = ResourceRegistry.descriptor(target.kind).describe else {
                            return .loadFailed(address, ticket: ticket, "Nothing to describe.")
                        }
                        return .textLoaded(address, ticket: ticket, try await describe.fetch(backend, target))
                    } catch {
                        return .loadFailed(address, ticket: ticket, ErrorText.sentence(error))
                    }
                }
            case .loadForm, .perform, .planUpdate, .commitUpdate, .openEditor, .refreshRow, .loadPicks:
                runAction(effect)
            case .runJob(let request, let plan, let refs, let values):
                runJob(request, plan, refs, values)
            case .cancelJob(let ticket):
                jobs[ticket]?.cancel()
            case .exportRows(let columns, let rows, let name, let jsonLines):
                guard let folder = local.reports else {
                    send(.status(StatusMessage(.warning, "The list cannot be saved here: no folder is set.")))
                    break
                }
                do {
                    let path = try folder.save(columns: columns, rows: rows, name: name, jsonLines: jsonLines)
                    send(.status(StatusMessage(.info, "Saved \(NumberText.grouped(rows.count)) rows to \(path).")))
                } catch {
                    send(.status(StatusMessage(.error, "The list could not be saved: \(ErrorText.sentence(error))")))
                }
            case .saveReport(let report, let jsonLines):
                guard let folder = local.reports else {
                    send(.status(StatusMessage(.warning, "Reports cannot be saved here: no folder is set.")))
                    break
                }
                do {
                    let path = try folder.save(report, jsonLines: jsonLines)
                    send(.status(StatusMessage(.info, "Saved the report to \(path).")))
                } catch {
                    send(.status(StatusMessage(.error, "The report could not be saved: \(ErrorText.sentence(error))")))
                }
            case .cancel(let panes):
                let closed = Set(panes)
                for (id, entry) in tasks where entry.pane.map(closed.contains) == true {
                    entry.task.cancel()
                    tasks[id] = nil
                }
                state.callsInFlight = tasks.count
            case .switchContext(let profile, let region):
                switchContext(profile: profile, region: region)
            case .frontEnd(let request):
                onRequest?(request)
            case .tokens(let work):
                runTokens(work)
            }
        }
    }

    /// Runs an action's effect: not tied to a pane, so going back does not cancel a change in flight.
    private func runAction(_ effect: ConsoleEffect) {
        switch effect {
        case .loadForm(let request):
            spawn(pane: nil) { backend in
                do {
                    return .formLoaded(request, try await ActionRunner.form(backend, request))
                } catch {
                    return .actionFailed(request, ErrorText.sentence(error, retry: .again))
                }
            }
        case .loadPicks(let request, let query):
            spawn(pane: nil) { backend in
                do {
                    guard case .pick(let recipe, _)? = request.action.action?.work else { throw UpdateError("No picker.") }
                    return .picksLoaded(request, query: query, try await recipe.options(backend, request.target, query))
                } catch {
                    return .actionFailed(request, ErrorText.sentence(error, retry: .again))
                }
            }
        case .perform(let request, let values):
            spawn(pane: nil) { backend in
                do {
                    return .actionFinished(request, try await ActionRunner.perform(backend, request, values))
                } catch {
                    return .actionFailed(request, ErrorText.sentence(error, retry: .again))
                }
            }
        case .planUpdate(let request, let edit):
            spawn(pane: nil) { backend in
                do {
                    return .planned(request, try await ActionRunner.plan(backend, request, edit), note: nil)
                } catch {
                    return .actionFailed(request, ErrorText.sentence(error, retry: .again))
                }
            }
        case .commitUpdate(let request, let plan):
            spawn(pane: nil) { backend in
                do {
                    switch try await ActionRunner.commit(backend, request, plan) {
                    case .sent:
                        return .actionFinished(request, ActionOutcome("Updated \(request.ref.id) (\(plan.operation)).", .updated))
                    case .nothingToSend:
                        return .actionFinished(request, ActionOutcome("No change to \(request.ref.id); nothing was sent.", .none))
                    case .changedMeanwhile(let fresh):
                        return .planned(request, fresh, note: "\(request.ref.id) changed since it was read; this is the change now.")
                    }
                } catch {
                    return .actionFailed(request, ErrorText.sentence(error, retry: .again))
                }
            }
        case .openEditor(let request, let base, let text):
            openEditor(request, base: base, text: text)
        case .refreshRow(let ref, let views):
            spawn(pane: nil) { backend in
                do {
                    guard let fetch = ResourceRegistry.descriptor(ref.kind).fetchRow else { throw UpdateError("no row reader") }
                    return .rowLoaded(ref, try await fetch(backend, ref, views))
                } catch {
                    return .status(StatusMessage(.warning, "Could not read \(ref.id) back: \(ErrorText.sentence(error))"))
                }
            }
        default:
            break
        }
    }

    /// Running jobs' cancellation, by ticket.
    private var jobs: [Int: JobCancellation] = [:]

    /// Runs an action on each resource under the job engine: progress and the report come back
    /// as messages. Calls are paced by the client core's rate limiter, which every call passes.
    private func runJob(_ request: ActionRequest, _ plan: JobPlan, _ refs: [ResourceRef], _ values: FormValues) {
        guard let action = request.action.action, let perform = action.perform else { return }
        let cancellation = JobCancellation()
        jobs[request.ticket] = cancellation
        let byID = Dictionary(refs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let ticket = request.ticket
        let verify = action.verify
        let batch = action.batch
        spawn(pane: nil) { [weak self] backend in
            let job = Self.job(plan, perform: perform, values: values, verify: verify, batch: batch, refs: byID,
                               within: request.within, backend: backend)
            let (progress, feed) = JobProgress.stream()
            let relay = Task { @MainActor [weak self] in
                for await snapshot in progress { self?.send(.jobProgress(ticket: ticket, snapshot)) }
            }
            let report = await JobRunner().run(job, cancellation: cancellation, progress: feed)
            await relay.value
            await self?.forgetJob(ticket)
            return .jobFinished(ticket: ticket, report)
        }
    }

    /// The job's work: the action's call for each item's resource, and its read-back.
    private nonisolated static func job(_ plan: JobPlan, perform: @escaping ResourceAction.Perform, values: FormValues,
                                        verify: ResourceAction.Verify?, batch: ResourceAction.Batch?,
                                        refs: [String: ResourceRef], within: ResourceRef?, backend: any CognitoBackend) -> Job {
        var check: JobVerify?
        if let verify {
            check = { item in
                guard let ref = refs[item.id] else { return .undetermined }
                return try await verify(backend, ref, values)
            }
        }
        if let batch {
            return Job(plan: plan, batching: JobBatching(size: batch.size) { items in
                let sent = items.compactMap { refs[$0.id] }
                let failures = try await batch.send(backend, sent)
                return Dictionary(sent.compactMap { ref in failures[ref.id].map { (ref.key, $0) } },
                                  uniquingKeysWith: { first, _ in first })
            }, verify: check)
        }
        let work: JobWork = { item in
            guard let ref = refs[item.id] else { throw UpdateError("No resource for \(item.id).") }
            _ = try await perform(backend, ActionTarget(ref, within: within), values)
            return .done(requestId: nil)
        }
        return Job(plan: plan, work: work, verify: check)
    }

    private func forgetJob(_ ticket: Int) {
        jobs[ticket] = nil
    }

    /// Editors waiting for the front end, by ticket: the request and the update input they show.
    private var editors: [Int: (request: ActionRequest, base: JSONValue)] = [:]

    private func openEditor(_ request: ActionRequest, base: JSONValue?, text: String?) {
        if let base, let text {
            editors[request.ticket] = (request, base)
            onRequest?(.edit(EditRequest(ticket: request.ticket, text: text)))
            return
        }
        spawn(pane: nil) { backend in
            do {
                let base = try await ActionRunner.read(backend, request)
                let text = EditorText.initial(operation: ActionRunner.updater(request)?.operation ?? "", resource: request.ref.id,
                                              json: try CognitoJSONText.pretty(base))
                return .editorReady(request, base: base, text: text)
            } catch {
                return .actionFailed(request, ErrorText.sentence(error, retry: .again))
            }
        }
    }

    public func pluginFinished(_ name: String, outcome: PluginOutcome) {
        switch outcome {
        case .exited(0): send(.status(StatusMessage(.info, "\(name) finished.")))
        case .exited(let status): send(.status(StatusMessage(.warning, "\(name) exited with status \(status).")))
        case .notStarted(let reason): send(.status(StatusMessage(.error, "\(name) could not be started: \(reason)")))
        }
    }

    public func editorFinished(ticket: Int, text: String?) {
        guard let entry = editors.removeValue(forKey: ticket) else { return }
        send(.editorReturned(entry.request, base: entry.base, text: text))
    }

    /// Runs `work` off the main actor against the current backend and sends what it returns.
    func spawn(pane: Int?, _ work: @escaping @Sendable (any CognitoBackend) async -> ConsoleMessage) {
        let backend = self.backend
        track(pane: pane) { await work(backend) }
    }

    /// Makes the new backend off the main actor (the factory may read files) and switches to it.
    private func switchContext(profile: String, region: String?) {
        let factory = makeBackend
        switchGeneration += 1
        let generation = switchGeneration
        track(pane: nil) { [weak self] in
            let result = await Task.detached { Result { try factory(profile, region) } }.value
            switch result {
            case .success(let backend):
                // Credentials are resolved before switching (an SSO profile may need a login), so
                // a profile that cannot sign leaves the console where it was, saying why.
                let expiry: Date?
                do {
                    expiry = try await backend.credentialExpiration()
                } catch {
                    return .contextFailed(ErrorText.sentence(error))
                }
                // Only the latest switch may take effect: a slower, older one arriving last must not
                // send calls to one profile while the header shows another.
                guard await self?.adopt(backend, generation: generation) == true else {
                    return .status(StatusMessage(.info, "Skipped \(backend.info.profile) in \(backend.info.region): another switch came after it."))
                }
                await self?.send(.credentialsExpire(expiry))
                return .contextSwitched(backend.info)
            case .failure(let error):
                return .contextFailed(ErrorText.sentence(error))
            }
        }
    }

    /// Makes `backend` current if no later switch was asked for.
    private func adopt(_ backend: any CognitoBackend, generation: Int) -> Bool {
        guard generation == switchGeneration else { return false }
        self.backend = backend
        return true
    }

    /// Scans by ticket, to the task running each.
    private var scans: [Int: Int] = [:]

    /// Runs a list's scan: each page's rows go to the list as they come; the end is one message.
    private func runScan(_ address: TabAddress, _ source: ListSource, ticket: Int) {
        guard let scan = source.spec.scan else { return }
        let sink: @MainActor @Sendable (ConsoleMessage) -> Void = { [weak self] in self?.send($0) }
        spawn(pane: address.pane) { backend in
            do {
                _ = try await scan(backend, source) { items, progress in
                    await sink(.scanned(address, ticket: ticket, items, progress))
                }
                return .scanEnded(address, ticket: ticket, failure: nil)
            } catch is CancellationError {
                return .scanEnded(address, ticket: ticket, failure: nil)
            } catch {
                return .scanEnded(address, ticket: ticket, failure: ErrorText.sentence(error))
            }
        }
        scans[ticket] = lastTask
    }

    private func track(pane: Int?, _ work: @escaping @Sendable () async -> ConsoleMessage) {
        lastTask += 1
        let id = lastTask
        let task = Task { [weak self] in
            let message = await work()
            self?.finish(id, message)
        }
        tasks[id] = (pane, task)
        state.callsInFlight = tasks.count
    }

    private func finish(_ id: Int, _ message: ConsoleMessage) {
        guard tasks.removeValue(forKey: id) != nil else { return }
        state.callsInFlight = tasks.count
        send(message)
    }
}
