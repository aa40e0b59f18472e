import CNcurses
import ConsoleModel
import Foundation

/// The console's front end: runs the event loop that connects a `ConsoleDriver` (the
/// view-model) to the terminal.
///
/// Input readiness and signals are watched on a thread of their own (`InputWatcher`) and
/// arrive here as events; everything else — reading keys, calling the driver, drawing — runs
/// on the main actor, the only place ncurses is called. Changes are coalesced: however many
/// events arrive in a burst, one frame is drawn after them. A spinner tick runs only while
/// calls are in flight. The terminal is restored when `run()` returns or throws, on SIGINT,
/// SIGTERM and SIGHUP, and (as far as possible) on a crash.
@MainActor
public final class ConsoleApp {
    /// Why `run()` ended.
    public enum Ending: Sendable, Equatable {
        /// The driver asked to quit (or the terminal went away).
        case quit
        /// A terminating signal arrived (SIGINT, SIGTERM or SIGHUP); exit with 128 + signal.
        case signal(Int32)
    }

    /// Events of the loop, from the watcher thread, the timer and the driver.
    enum LoopEvent: Sendable {
        case watcher(InputWatcher.Event)
        case draw
        case tick
        case quit
    }

    private let driver: any ConsoleDriver
    private var theme: Theme
    private let themeLoader: ThemeLoader
    /// Called with one sentence when `:theme NAME` fails (unknown or broken theme), and with a
    /// confirmation when it succeeds; the driver shows it as its status message.
    public var onThemeMessage: (@MainActor (StatusMessage) -> Void)?

    private let renderer = ScreenRenderer()
    private var terminal: NcursesTerminal
    private var mouse = MouseMapper()
    private var layout = Layout(columns: 0, rows: 0)
    private var sentResize: (columns: Int, rows: Int, bodyHeight: Int)?
    private var spinnerFrame = 0
    private var needsDraw = true
    private var drawScheduled = false
    private var ticker: Task<Void, Never>?
    private var continuation: AsyncStream<LoopEvent>.Continuation?
    private let clock = ContinuousClock()
    private let started = ContinuousClock.now

    /// Prepares the front end; nothing touches the terminal until `run()`.
    /// - Parameters:
    ///   - driver: The view-model to show and feed.
    ///   - theme: The theme to start with (see `ThemeLoader.startupTheme(named:)`).
    ///   - themeLoader: Loads themes named by `:theme`; its environment decides `NO_COLOR`.
    ///   - onThemeMessage: Receives the outcome of `:theme NAME` as a status message.
    public init(driver: any ConsoleDriver, theme: Theme, themeLoader: ThemeLoader = .standard(),
                onThemeMessage: (@MainActor (StatusMessage) -> Void)? = nil) {
        self.driver = driver
        self.themeLoader = themeLoader
        self.theme = themeLoader.noColor ? theme.withoutColour : theme
        self.onThemeMessage = onThemeMessage
        terminal = NcursesTerminal(noColor: themeLoader.noColor)
    }

    /// Takes over the terminal and runs until the driver asks to quit or a signal arrives.
    /// - Returns: Why it ended; the terminal is restored either way.
    /// - Throws: `ConsoleAppError` when there is no usable terminal.
    @discardableResult
    public func run() async throws -> Ending {
        let watcher = try InputWatcher()
        cncurses_install_signal_handlers(watcher.wakeWrite)
        defer {
            cncurses_restore_signal_handlers()
            close(watcher.wakeWrite)
        }
        do {
            try terminal.start(theme: theme)
        } catch {
            watcher.stop()
            close(watcher.wakeRead)
            throw error
        }
        defer { terminal.stop() }

        let (events, continuation) = AsyncStream<LoopEvent>.makeStream()
        self.continuation = continuation
        watcher.start { continuation.yield(.watcher($0)) }
        driver.onChange = { [weak self] in self?.setNeedsDraw() }
        driver.onRequest = { [weak self] request in self?.perform(request) }
        defer {
            driver.onChange = nil
            driver.onRequest = nil
            ticker?.cancel()
            ticker = nil
            watcher.stop()
            continuation.finish()
            self.continuation = nil
        }

        var ending = Ending.quit
        setNeedsDraw()
        loop: for await event in events {
            switch event {
            case .watcher(.inputReady):
                readInput()
                watcher.resume()
            case .watcher(.resized):
                terminal.refreshSize()
                setNeedsDraw()
            case .watcher(.terminate):
                ending = .signal(Int32(cncurses_pending_signal()))
                break loop
            case .watcher(.inputClosed), .quit:
                break loop
            case .tick:
                spinnerFrame &+= 1
                setNeedsDraw()
            case .draw:
                drawScheduled = false
                if needsDraw { draw() }
            }
        }
        return ending
    }

    /// Marks the frame stale and queues one draw behind the events already waiting.
    private func setNeedsDraw() {
        needsDraw = true
        guard !drawScheduled, let continuation else { return }
        drawScheduled = true
        continuation.yield(.draw)
    }

    /// Lays out and writes the current screen, telling the driver first when the body's size
    /// changed; starts or stops the spinner's ticks.
    private func draw() {
        let size = terminal.size
        var screen = driver.screen
        let planned = ScreenRenderer.layout(for: screen, columns: size.columns, rows: size.rows)
        if sentResize?.columns != size.columns || sentResize?.rows != size.rows
            || sentResize?.bodyHeight != planned.bodyHeight {
            sentResize = (size.columns, size.rows, planned.bodyHeight)
            driver.handle(.resize(columns: size.columns, rows: size.rows, bodyHeight: planned.bodyHeight))
            screen = driver.screen
        }
        needsDraw = false
        let frame = renderer.render(screen, columns: size.columns, rows: size.rows, spinnerFrame: spinnerFrame)
        terminal.draw(frame)
        layout = frame.layout
        onFrameDrawn?(screen)
        updateTicker(running: screen.header.callsInFlight > 0)
    }

    /// Called after each frame reaches the terminal, with the screen it showed (for the
    /// benchmark's frame trace).
    public var onFrameDrawn: (@MainActor (Screen) -> Void)?

    private func updateTicker(running: Bool) {
        if running, ticker == nil, let continuation {
            ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    continuation.yield(.tick)
                }
            }
        } else if !running, let ticker {
            ticker.cancel()
            self.ticker = nil
        }
    }

    /// Reads every waiting key and mouse event and hands them to the driver.
    private func readInput() {
        let codes = NcursesTerminal.keyCodes
        for input in terminal.readAvailable() {
            switch input {
            case .key(let raw):
                switch InputMapper.map(raw, codes: codes) {
                case .event(let event): driver.handle(event)
                case .resize:
                    if terminal.refreshSize() || sentResize == nil { setNeedsDraw() }
                case .mouse, .ignored: break
                }
            case .mouse(let x, let y, let buttons):
                let now = clock.now - started
                let seconds = Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
                if let event = mouse.map(x: x, y: y, buttons: buttons, time: seconds, layout: layout) {
                    driver.handle(.mouse(event))
                }
            }
        }
    }

    /// Does what the driver asked of the front end.
    private func perform(_ request: FrontEndRequest) {
        switch request {
        case .quit:
            continuation?.yield(.quit)
        case .copyToClipboard(let text):
            terminal.writeRaw(Clipboard.osc52(text))
        case .applyTheme(let name):
            applyTheme(named: name)
        case .edit(let request):
            // The console is suspended while the editor runs: the main actor waits for it, so no
            // key is read from under it; replies that arrive meanwhile are handled afterwards.
            terminal.suspend()
            let text = EditorSession(environment: editorEnvironment).edit(request.text)
            terminal.resume()
            _ = terminal.refreshSize()
            setNeedsDraw()
            driver.editorFinished(ticket: request.ticket, text: text)
        case .runPlugin(let plugin):
            // As for the editor: suspended while it runs, then drawn again where it was.
            terminal.suspend()
            let outcome = PluginSession(environment: editorEnvironment).run(plugin)
            terminal.resume()
            _ = terminal.refreshSize()
            setNeedsDraw()
            driver.pluginFinished(plugin.name, outcome: outcome)
        }
    }

    /// The environment `$VISUAL` / `$EDITOR` are read from, and plugins run in.
    public var editorEnvironment: [String: String] = ProcessInfo.processInfo.environment

    private func applyTheme(named name: String) {
        do {
            let loaded = try themeLoader.load(named: name)
            theme = themeLoader.noColor ? loaded.withoutColour : loaded
            terminal.apply(theme)
            setNeedsDraw()
            let note = themeLoader.noColor ? " (NO_COLOR is set, so only its attributes apply)" : ""
            onThemeMessage?(StatusMessage(.info, "Theme “\(loaded.name)” applied\(note)."))
        } catch {
            onThemeMessage?(StatusMessage(.error, error.sentence(fallback: "the theme stays “\(theme.name)”")))
        }
    }
}
