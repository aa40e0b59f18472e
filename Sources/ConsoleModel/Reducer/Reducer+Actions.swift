import CognitoAdmin
import CognitoAPI

/// Actions that change things: from a key or `:verb` to the form, the confirmation (with the
/// diff of an update), the call, and the refresh of exactly what it touched.
extension Reducer {
    /// The resource an action of `scope` applies to here: the selected row of a list of its kind,
    /// or the pane's own resource.
    static func subject(_ state: ConsoleState, for action: ResourceAction, of kind: ResourceKind) -> ResourceRef? {
        if let lists = action.lists {
            guard let list = state.currentList, lists.contains(list.source.kind) else { return nil }
        }
        if action.scope == .list {
            guard let list = state.currentList, list.source.spec.item == kind, list.source.spec.allowsRowAction(action.verb)
            else { return nil }
            let depth = ResourceRegistry.descriptor(kind).depth
            return ResourceRef(kind, Array(list.source.scope.prefix(depth - 1)) + [""], name: "")
        }
        if action.scope != .pane, let list = state.currentList, list.source.spec.item == kind,
           list.source.spec.allowsRowAction(action.verb),
           let id = list.selectedID, let name = list.selectedName {
            return list.source.row(id: id, name: name)
        }
        if action.scope != .row, state.currentList?.source.spec.item != kind, let ref = state.current.kind.resource, ref.kind == kind {
            return ref
        }
        return nil
    }

    /// Why the action cannot run now; nil when it can.
    public static func whyDisabled(_ action: ResourceAction, _ state: ConsoleState) -> String? {
        if state.info.readOnly && action.mutates { return "read-only: \(action.operations.filter(OperationFacts.mutates).joined(separator: ", ")) changes data" }
        return nil
    }

    /// Starts an action on `ref`: its form, its confirmation, or `$EDITOR`.
    static func startAction(_ state: inout ConsoleState, _ action: ResourceAction, on ref: ResourceRef) -> [ConsoleEffect] {
        if let why = whyDisabled(action, state) {
            state.message = StatusMessage(.warning, "\(action.title.capitalizedFirst): \(why).")
            return []
        }
        // A row or a new item of a list that belongs to the pane's resource acts within it.
        let pane = state.current.kind.resource
        let within = state.currentList != nil && pane != ref ? pane : nil
        var request = ActionRequest(ticket: state.makeID(), action: ActionKey(ref.kind, action.verb, list: state.currentList?.source.kind),
                                    ref: ref, within: within)
        if action.runsOnMarked, let marked = markedRefs(state, of: ref.kind), !marked.isEmpty {
            if let list = state.currentList, list.markingArrivals, list.isFilling {
                // ctrl-a is still marking what the scan finds: a plan now would leave the rest out.
                state.message = StatusMessage(.warning, "Still marking the rows the scan finds (\(NumberText.grouped(marked.count)) so far): "
                    + "wait for it to end, or press L to stop it there and act on those marked.")
                return []
            }
            if action.runsAsJob { return startJob(&state, request, action, marked) }
            request.marked = marked
        }
        switch action.work {
        case .run:
            openConfirm(&state, request, action, pending: .perform(FormValues()), lines: [])
            return []
        case .form:
            state.overlay = .busy(title: "Reading \(ref.id)…", ticket: request.ticket)
            return [.loadForm(request)]
        case .updateForm:
            state.overlay = .busy(title: "Reading \(ref.id)…", ticket: request.ticket)
            return [.loadForm(request)]
        case .editJSON:
            state.overlay = .busy(title: "Opening the editor…", ticket: request.ticket)
            return [.openEditor(request, base: nil, text: nil)]
        case .pick:
            state.overlay = .busy(title: "Reading the choices…", ticket: request.ticket)
            return [.loadPicks(request, query: "")]
        case .start(let begin):
            return begin(&state, request)
        }
    }

    /// Opens the confirmation: `y`/`n`, or the name typed for deletions and on protected profiles.
    static func openConfirm(_ state: inout ConsoleState, _ request: ActionRequest, _ action: ResourceAction,
                            pending: ConfirmState.Pending, lines: [ConfirmLine], note: String? = nil) {
        let typeName = action.confirmation == .typeName || state.info.protected
        var question = action.question(request.ref)
        if question.isEmpty { question = "\(action.title.capitalizedFirst) \(request.ref.id)?" }
        if let note { question = note + " " + question }
        if state.info.protected && action.confirmation != .typeName {
            question += " This profile is protected."
        }
        state.overlay = .confirm(ConfirmState(request: request, title: action.title.capitalizedFirst, question: question,
                                              lines: lines, typeToConfirm: typeName ? request.ref.title : nil, pending: pending))
    }

    /// Keys while a confirmation is open.
    static func confirmKey(_ state: inout ConsoleState, _ original: ConfirmState, _ key: Key) -> [ConsoleEffect] {
        var confirm = original
        if let name = confirm.typeToConfirm {
            switch key {
            case .escape:
                return cancelAction(&state)
            case .enter:
                guard confirm.input == name else {
                    state.message = StatusMessage(.warning, "Type \(name) exactly to confirm, or press esc.")
                    return []
                }
                return confirmed(&state, confirm)
            case .character(let char): confirm.input.append(char)
            case .backspace: if !confirm.input.isEmpty { confirm.input.removeLast() }
            case .control("u"): confirm.input = ""
            default: return []
            }
            state.overlay = .confirm(confirm)
            return []
        }
        switch key {
        case .character("y"), .character("Y"): return confirmed(&state, confirm)
        case .character("n"), .character("N"), .escape: return cancelAction(&state)
        default: return []
        }
    }

    static func cancelAction(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.overlay = nil
        state.message = StatusMessage(.info, "Cancelled; nothing was sent.")
        return []
    }

    static func confirmed(_ state: inout ConsoleState, _ confirm: ConfirmState) -> [ConsoleEffect] {
        state.overlay = nil
        state.message = StatusMessage(.info, "\(confirm.title)…")
        switch confirm.pending {
        case .perform(let values): return [.perform(confirm.request, values)]
        case .commit(let plan): return [.commitUpdate(confirm.request, plan)]
        case .job(let refs, let values):
            guard let action = confirm.request.action.action, let plan = jobPlan(action, refs) else { return [] }
            state.message = nil
            let job = JobState(ticket: confirm.request.ticket, action: confirm.request.action, plan: plan,
                               within: confirm.request.within, refs: refs, values: values)
            return push(&state, .job(job)) + [.runJob(confirm.request, plan, refs, values)]
        case .effects(let effects):
            return effects
        }
    }

    /// The marked rows of the current list, when they are of this kind.
    static func markedRefs(_ state: ConsoleState, of kind: ResourceKind) -> [ResourceRef]? {
        guard let list = state.currentList, list.source.spec.item == kind, !list.marked.isEmpty else { return nil }
        // In the order the list shows them; marks on rows not loaded (after a refresh) are kept too.
        let loaded = list.store.ids.filter(list.marked.contains)
        let rest = list.marked.subtracting(loaded).sorted()
        return (loaded + rest).compactMap { list.source.row(id: $0, name: $0) }
    }

    /// The job plan of an action over resources: one call per resource, named for people.
    static func jobPlan(_ action: ResourceAction, _ refs: [ResourceRef]) -> JobPlan? {
        guard let first = refs.first else { return nil }
        let operation = jobOperation(action)
        let items = refs.map { ref in
            JobItem(id: ref.key, label: ref.id,
                    call: JobCall(operation: operation, resource: ref.path.joined(separator: "/")))
        }
        let descriptor = ResourceRegistry.descriptor(first.kind)
        return try? JobPlan(title: "\(action.verb.capitalizedFirst) \(NumberText.grouped(refs.count)) \(refs.count == 1 ? descriptor.noun : descriptor.plural)",
                            items: items)
    }

    /// The call a job makes for each item: the action's last mutating operation.
    static func jobOperation(_ action: ResourceAction) -> String {
        action.operations.last(where: OperationFacts.mutates) ?? action.operations.last ?? action.verb
    }

    /// How many of a plan's items the confirmation lists before "… and N more".
    static let planLinesShown = 8

    /// Marked rows: the confirmation states the plan (the count, the call, its quota and rate,
    /// the time it takes, the first items), and the operator types the verb and the count
    /// ("disable 1240"); esc stops there, a dry run.
    static func startJob(_ state: inout ConsoleState, _ request: ActionRequest, _ action: ResourceAction,
                         _ refs: [ResourceRef], values: FormValues = FormValues()) -> [ConsoleEffect] {
        guard let plan = jobPlan(action, refs) else { return [] }
        let operation = jobOperation(action)
        var lines = plan.items.prefix(planLinesShown).map { ConfirmLine(.changed, "\(operation) \($0.label)") }
        if plan.count > planLinesShown {
            lines.append(ConfirmLine(.kept, "… and \(NumberText.grouped(plan.count - planLinesShown)) more"))
        }
        let calls = action.batch.map { (plan.count + $0.size - 1) / $0.size } ?? plan.count
        var question = "\(plan.title): " + (action.batch.map {
            "\(NumberText.grouped(calls)) \(operation) call\(calls == 1 ? "" : "s") of up to \($0.size)"
        } ?? "one \(operation) call each")
        if let asked = values.summary { question += " (\(asked))" }
        if let quota = state.info.quota(of: operation) {
            let time = quota.duration(of: calls)
            question += ", paced at the \(quota): " + (time < .seconds(1) ? "under a second" : "about \(JobState.duration(time))")
        }
        question += ". The report lists every one; esc sends nothing (a dry run)."
        if state.info.protected { question += " This profile is protected." }
        state.overlay = .confirm(ConfirmState(request: request, title: plan.title, question: question, lines: lines,
                                              typeToConfirm: "\(action.verb) \(refs.count)", pending: .job(refs, values)))
        return []
    }

    /// Keys of a job's pane.
    static func cancelJob(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .job(var job) = state.currentContent, !job.finished, !job.cancelling else { return [] }
        job.cancelling = true
        state.withContent(state.currentAddress) { $0 = .job(job) }
        state.message = StatusMessage(.info, "Cancelling: no new items start; those in flight finish.")
        return [.cancelJob(ticket: job.ticket)]
    }

    /// `t` on a finished job: the items that failed, stayed unknown or never started, as a new
    /// job with the same values, through the same confirmation.
    static func retryFailed(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .job(let job) = state.currentContent, job.finished, let action = job.action.action else { return [] }
        let refs = job.retryable
        guard !refs.isEmpty else {
            state.message = StatusMessage(.info, "Nothing to retry: every item succeeded or was skipped.")
            return []
        }
        if let why = whyDisabled(action, state) {
            state.message = StatusMessage(.warning, "\(action.title.capitalizedFirst): \(why).")
            return []
        }
        let request = ActionRequest(ticket: state.makeID(), action: job.action, ref: refs[0], within: job.within)
        return startJob(&state, request, action, refs, values: job.values)
    }

    static func saveReport(_ state: inout ConsoleState, jsonLines: Bool) -> [ConsoleEffect] {
        guard case .job(let job) = state.currentContent, let report = job.report else { return [] }
        return [.saveReport(report, jsonLines: jsonLines)]
    }

    static func jobMessage(_ state: inout ConsoleState, ticket: Int, _ change: (inout JobState) -> Void) -> Bool {
        for pane in state.stack {
            for index in pane.tabs.indices {
                let updated = state.withContent(TabAddress(pane: pane.id, tab: index)) { content -> Bool in
                    guard case .job(var job) = content, job.ticket == ticket else { return false }
                    change(&job)
                    content = .job(job)
                    return true
                } ?? false
                if updated { return true }
            }
        }
        return false
    }

    /// Keys while a picker is open: typing narrows, space ticks, ↑/↓ move, Enter confirms.
    static func pickKey(_ state: inout ConsoleState, _ original: PickState, _ key: Key) -> [ConsoleEffect] {
        var pick = original
        var effects: [ConsoleEffect] = []
        switch key {
        case .escape:
            return cancelAction(&state)
        case .up: pick.cursor = max(0, pick.cursor - 1)
        case .down: pick.cursor = min(max(0, pick.shown.count - 1), pick.cursor + 1)
        case .character(" "):
            let shown = pick.shown
            guard shown.indices.contains(pick.cursor) else { return [] }
            let item = shown[pick.cursor]
            if let index = pick.chosen.firstIndex(of: item) { pick.chosen.remove(at: index) } else { pick.chosen.append(item) }
        case .enter:
            if pick.chosen.isEmpty, pick.shown.indices.contains(pick.cursor) { pick.chosen = [pick.shown[pick.cursor]] }
            guard !pick.chosen.isEmpty, let action = pick.request.action.action else { return [] }
            if !pick.request.marked.isEmpty {
                return startJob(&state, pick.request, action, pick.request.marked,
                                values: FormValues(["picked": pick.chosen.joined(separator: ",")]))
            }
            if action.confirmation == .none {
                // Nothing to confirm (it reads and opens): straight on.
                state.overlay = .busy(title: "Reading…", ticket: pick.request.ticket)
                return [.perform(pick.request, FormValues(["picked": pick.chosen.joined(separator: ",")]))]
            }
            openConfirm(&state, pick.request, action, pending: .perform(FormValues(["picked": pick.chosen.joined(separator: ",")])),
                        lines: pick.chosen.map { ConfirmLine(.added, "+ \($0)") })
            return []
        case .character(let char):
            pick.filter.append(char)
            pick.cursor = 0
        case .backspace:
            guard !pick.filter.isEmpty else { return [] }
            pick.filter.removeLast()
            pick.cursor = 0
        case .control("u"):
            pick.filter = ""
            pick.cursor = 0
        default:
            return []
        }
        if pick.serverSide, pick.filter != original.filter {
            pick.searching = pick.filter
            effects.append(.loadPicks(pick.request, query: pick.filter))
        }
        state.overlay = .pick(pick)
        return effects
    }

    /// Keys while an action's form is open.
    static func actionFormKey(_ state: inout ConsoleState, _ original: ActionFormState, _ key: Key) -> [ConsoleEffect] {
        var open = original
        switch key {
        case .escape:
            if open.form.edited && !open.form.confirmingDiscard {
                open.form.confirmingDiscard = true
                state.overlay = .actionForm(open)
                return []
            }
            return cancelAction(&state)
        case .enter:
            guard open.form.validateAll() else {
                state.overlay = .actionForm(open)
                let first = open.form.fields.first { $0.error != nil }
                state.message = StatusMessage(.warning, first?.error ?? "Check the form.")
                return []
            }
            guard let action = open.request.action.action else { return [] }
            let values = open.form.values
            switch action.work {
            case .form:
                if !open.request.marked.isEmpty {
                    return startJob(&state, open.request, action, open.request.marked, values: values)
                }
                if action.confirmation == .none {
                    // A read asks nothing more.
                    state.overlay = .busy(title: "Reading…", ticket: open.request.ticket)
                    return [.perform(open.request, values)]
                }
                openConfirm(&state, open.request, action, pending: .perform(values), lines: [])
                return []
            case .updateForm:
                guard let members = action.update(for: open.request.ref.kind)?.members else { return [] }
                state.overlay = .busy(title: "Reading \(open.request.ref.id) again…", ticket: open.request.ticket)
                // Only what the operator changed is the edit: planned again over a newer state, it
                // must not put back values someone else changed meanwhile.
                let changed = open.form.changedKeys
                return [.planUpdate(open.request, .members(members(values).filter { changed.contains($0.key) }))]
            default:
                return []
            }
        default:
            if open.form.handle(key) { state.overlay = .actionForm(open) }
            return []
        }
    }

    /// A bulk form's or picker's title: what it does to how many marked rows.
    static func bulkTitle(_ request: ActionRequest) -> String? {
        guard let first = request.marked.first, let action = request.action.action else { return nil }
        return "\(action.title.capitalizedFirst): \(NumberText.grouped(request.marked.count)) marked \(ResourceRegistry.descriptor(first.kind).plural)"
    }

    /// Results of action effects.
    static func actionMessage(_ state: inout ConsoleState, _ message: ConsoleMessage) -> [ConsoleEffect] {
        switch message {
        case .picksLoaded(let request, let query, let options):
            if isWaiting(state, for: request), case .pick(let recipe, _)? = request.action.action?.work {
                if options.isEmpty && !recipe.serverSide {
                    state.overlay = nil
                    state.message = StatusMessage(.info, "There is nothing to choose from.")
                    return []
                }
                state.overlay = .pick(PickState(request: request, title: bulkTitle(request) ?? recipe.title(request.target),
                                                options: options, serverSide: recipe.serverSide))
            } else if case .pick(var pick)? = state.overlay, pick.request.ticket == request.ticket, pick.filter == query {
                pick.options = options
                pick.searching = nil
                pick.cursor = min(pick.cursor, max(0, pick.shown.count - 1))
                state.overlay = .pick(pick)
            }
            return []
        case .formLoaded(let request, let form):
            guard isWaiting(state, for: request) else { return [] }
            var form = form
            if let title = bulkTitle(request) { form.title = title }
            state.overlay = .actionForm(ActionFormState(request: request, form: form))
            return []
        case .planned(let request, let plan, let note):
            guard isWaiting(state, for: request) || note != nil, let action = request.action.action else { return [] }
            guard plan.hasChanges else {
                state.overlay = nil
                state.message = StatusMessage(.info, "No change to \(request.ref.id); nothing was sent.")
                return []
            }
            openConfirm(&state, request, action, pending: .commit(plan), lines: ConfirmLine.diff(plan.changes, resets: plan.resets), note: note)
            guard note != nil else { return [] }
            // Shown again because the resource changed: say so, and show it as it is now behind the box.
            state.message = StatusMessage(.warning, "\(request.ref.id) changed since it was read; review the new diff.")
            return reloadPanes(&state, of: request.ref)
        case .editorReady(let request, let base, let text):
            guard isWaiting(state, for: request) else { return [] }
            return [.openEditor(request, base: base, text: text)]
        case .editorReturned(let request, let base, let text):
            return editorReturned(&state, request, base: base, text: text)
        case .actionFinished(let request, let outcome):
            if case .busy(_, request.ticket)? = state.overlay { state.overlay = nil }
            rulesSaved(&state, ticket: request.ticket)
            if case .open(let kind) = outcome.change {
                state.message = StatusMessage(.info, outcome.notice)
                return push(&state, kind)
            }
            if outcome.change == .relinked, let within = request.within {
                state.message = StatusMessage(.info, outcome.notice)
                return reloadLists(&state, within: within)
            }
            state.message = StatusMessage(.info, outcome.notice)
            if let secret = outcome.secret {
                // Shown once: y copies it; it is not kept anywhere once the box closes.
                state.overlay = .secret(title: secret.label, value: secret.value)
            }
            return applyOutcome(&state, request.ref, outcome.change)
        case .actionFailed(let request, let sentence):
            if case .busy(_, request.ticket)? = state.overlay { state.overlay = nil }
            state.message = StatusMessage(.error, sentence)
            return []
        case .rowLoaded(let ref, let item):
            replaceRows(&state, ref, with: item)
            return []
        case .jobProgress(let ticket, let progress):
            _ = jobMessage(&state, ticket: ticket) { $0.progress = progress }
            return []
        case .jobFinished(let ticket, let report):
            var action: ActionKey?
            var within: ResourceRef?
            _ = jobMessage(&state, ticket: ticket) { job in
                job.report = report
                action = job.action
                within = job.within
            }
            let totals = report.totals
            state.message = StatusMessage(totals.failed + totals.unknown > 0 ? .warning : .info,
                                          "\(report.title): \(totals.succeeded) succeeded, \(totals.failed) failed"
                                          + (totals.unknown > 0 ? ", \(totals.unknown) unknown" : "")
                                          + (totals.notStarted > 0 ? ", \(totals.notStarted) not started" : "")
                                          + ". w saves the report as CSV, W as JSON lines.")
            // The lists below show the changed rows as they are now.
            var effects: [ConsoleEffect] = []
            if let within {
                return reloadLists(&state, within: within)
            }
            guard let kind = action?.kind, let removes = action?.action?.removesResource else { return effects }
            for entry in report.entries where entry.outcome == .succeeded {
                effects += applyJobChange(&state, ResourceRef(kind, key: entry.id), removes: removes)
            }
            return effects
        default:
            return []
        }
    }

    /// After a job, each succeeded resource's row is read back (or removed, for a deletion).
    static func applyJobChange(_ state: inout ConsoleState, _ ref: ResourceRef, removes: Bool) -> [ConsoleEffect] {
        if removes {
            removeRows(&state, ref)
            return []
        }
        guard ResourceRegistry.descriptor(ref.kind).fetchRow != nil, rowsShowing(state, ref) else { return [] }
        return [.refreshRow(ref, views: state.views)]
    }

    static func isWaiting(_ state: ConsoleState, for request: ActionRequest) -> Bool {
        if case .busy(_, request.ticket)? = state.overlay { return true }
        return false
    }

    /// What `$EDITOR` returned: nothing changed or an empty file cancels; invalid JSON or an input
    /// the model refuses goes back to the editor with the errors on top; a valid edit is diffed.
    static func editorReturned(_ state: inout ConsoleState, _ request: ActionRequest, base: JSONValue, text: String?) -> [ConsoleEffect] {
        guard isWaiting(state, for: request), let action = request.action.action,
              let updater = action.update(for: request.ref.kind)?.updater else { return [] }
        guard let text else {
            state.overlay = nil
            state.message = StatusMessage(.error, "The editor did not finish; nothing was sent.")
            return []
        }
        let body = EditorText.stripComments(text)
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            state.overlay = nil
            state.message = StatusMessage(.info, "The file was emptied; nothing was sent.")
            return []
        }
        let problem: String
        do {
            let proposed = try CognitoJSONText.parse(body)
            let plan = try updater.plan(base: base, edit: .whole(proposed))
            guard plan.hasChanges else {
                state.overlay = nil
                state.message = StatusMessage(.info, "No change to \(request.ref.id); nothing was sent.")
                return []
            }
            openConfirm(&state, request, action, pending: .commit(plan), lines: ConfirmLine.diff(plan.changes, resets: plan.resets))
            return []
        } catch let error as UpdateError {
            problem = error.description
        } catch {
            problem = "The file is not valid JSON: \(EditorText.jsonProblem(in: body) ?? EditorText.jsonProblem(error))"
        }
        return [.openEditor(request, base: base, text: EditorText.withErrors([problem], operation: updater.operation,
                                                                               resource: request.ref.id, body: body))]
    }

    /// Refreshes exactly what a change touched.
    static func applyOutcome(_ state: inout ConsoleState, _ ref: ResourceRef, _ change: ActionOutcome.Change) -> [ConsoleEffect] {
        switch change {
        case .none, .relinked, .open:
            return []
        case .updated:
            var effects: [ConsoleEffect] = []
            if ResourceRegistry.descriptor(ref.kind).fetchRow != nil, rowsShowing(state, ref) {
                effects.append(.refreshRow(ref, views: state.views))
            }
            return effects + reloadPanes(&state, of: ref)
        case .removed:
            removeRows(&state, ref)
            if let depth = state.stack.firstIndex(where: { $0.kind.resource == ref }), depth > 0 {
                return pop(&state, toDepth: depth - 1)
            }
            return []
        case .created(let created):
            var effects: [ConsoleEffect] = []
            for pane in state.stack {
                for (index, tab) in pane.tabs.enumerated() {
                    guard case .list(let list) = tab.content, list.source.spec.item == created.kind,
                          list.source.scope == Array(created.path.dropLast()) || list.source.scope.isEmpty else { continue }
                    effects += load(&state, TabAddress(pane: pane.id, tab: index), force: true)
                }
            }
            return effects
        }
    }

    /// Loads again the lists that belong to a resource (its pane's list tabs).
    static func reloadLists(_ state: inout ConsoleState, within: ResourceRef) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for pane in state.stack where pane.kind.resource == within {
            for (index, tab) in pane.tabs.enumerated() {
                guard case .list(let list) = tab.content, list.source.scope == within.path, !list.pager.isIdle || list.store.count > 0
                else { continue }
                effects += load(&state, TabAddress(pane: pane.id, tab: index), force: true)
            }
        }
        return effects
    }

    /// Whether any list in the stack shows the resource's row.
    static func rowsShowing(_ state: ConsoleState, _ ref: ResourceRef) -> Bool {
        state.stack.contains { pane in
            pane.tabs.contains { tab in
                guard case .list(let list) = tab.content, list.source.spec.item == ref.kind else { return false }
                return list.store.ids.contains(ref.id) && list.source.row(id: ref.id, name: ref.id)?.path == ref.path
            }
        }
    }

    static func replaceRows(_ state: inout ConsoleState, _ ref: ResourceRef, with item: ListItem) {
        for pane in state.stack {
            for index in pane.tabs.indices {
                state.withList(TabAddress(pane: pane.id, tab: index)) { list in
                    guard list.source.spec.item == ref.kind, list.source.row(id: ref.id, name: ref.id)?.path == ref.path else { return }
                    list.replace(id: ref.id, with: item)
                }
            }
        }
    }

    static func removeRows(_ state: inout ConsoleState, _ ref: ResourceRef) {
        let height = state.tableHeight
        for pane in state.stack {
            for index in pane.tabs.indices {
                state.withList(TabAddress(pane: pane.id, tab: index)) { list in
                    guard list.source.spec.item == ref.kind, list.source.row(id: ref.id, name: ref.id)?.path == ref.path else { return }
                    list.remove(id: ref.id)
                    list.clampScroll(height: height)
                }
            }
        }
    }

    /// Reloads the detail tabs of the resource's panes that were loaded.
    static func reloadPanes(_ state: inout ConsoleState, of ref: ResourceRef) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        for pane in state.stack where pane.kind.resource == ref || pane.kind == .describe(ref) {
            for (index, tab) in pane.tabs.enumerated() {
                switch tab.content {
                case .detail(let detail) where detail.sections != nil || detail.failure != nil:
                    effects += load(&state, TabAddress(pane: pane.id, tab: index), force: true)
                case .text(let text) where text.lines != nil:
                    effects += load(&state, TabAddress(pane: pane.id, tab: index), force: true)
                default:
                    break
                }
            }
        }
        return effects
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
