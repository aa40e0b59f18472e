/// `o`: the AWS console's page of the selected resource, shown and copied to the clipboard.
extension Reducer {
    /// What `o` links to: the selected row's resource on a list, the tab's resource on a detail tab.
    static func consoleTarget(_ state: ConsoleState) -> (ref: ResourceRef, page: ConsolePage?)? {
        switch state.currentContent {
        case .list(let list):
            guard let id = list.selectedID, let ref = list.source.row(id: id, name: list.selectedName ?? id) else { return nil }
            return (ref, ResourceRegistry.descriptor(ref.kind).consolePage)
        case .detail(let detail):
            return (detail.source.ref, detail.source.consolePage)
        default:
            return nil
        }
    }

    /// Why `o` does nothing here; nil when it links somewhere.
    static func consoleLinkUnavailable(_ state: ConsoleState) -> String? {
        guard let target = consoleTarget(state) else { return "nothing selected" }
        guard target.page != nil else {
            let noun = ResourceRegistry.descriptor(target.ref.kind).noun
            return "the AWS console has no page for \("aeiou".contains(noun.prefix(1)) ? "an" : "a") \(noun)"
        }
        return nil
    }

    /// The console URL of what `o` links to, in the session's region.
    static func consoleURL(_ state: ConsoleState) -> String? {
        guard let target = consoleTarget(state), let page = target.page else { return nil }
        return page.url(target.ref, region: state.info.region)
    }

    /// `o`: shows the URL in a box and copies it.
    static func openConsoleLink(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let target = consoleTarget(state), let url = consoleURL(state) else { return [] }
        let noun = ResourceRegistry.descriptor(target.ref.kind).noun
        state.overlay = .notice(title: "AWS console: \(noun) \(target.ref.title)", text: url)
        state.message = StatusMessage(.info, "Copied the AWS console's page of \(noun) \(target.ref.title) to the clipboard.")
        return [.frontEnd(.copyToClipboard(url))]
    }
}
