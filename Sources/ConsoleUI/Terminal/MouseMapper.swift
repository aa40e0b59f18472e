import ConsoleModel

/// The mouse buttons of one ncurses mouse event, as plain flags.
public struct MouseButtons: OptionSet, Sendable, Equatable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let leftPressed = MouseButtons(rawValue: 1 << 0)
    public static let leftClicked = MouseButtons(rawValue: 1 << 1)
    public static let leftDoubleClicked = MouseButtons(rawValue: 1 << 2)
    public static let wheelUp = MouseButtons(rawValue: 1 << 3)
    public static let wheelDown = MouseButtons(rawValue: 1 << 4)
    public static let leftReleased = MouseButtons(rawValue: 1 << 5)
}

/// Turns mouse events into `MouseEvent`s using the layout of the frame on screen. It keeps the
/// last click to recognise a double click itself, so single clicks are never delayed.
public struct MouseMapper: Sendable {
    /// Lines scrolled per wheel notch.
    public static let wheelLines = 3
    /// Two clicks on the same row within this many seconds are a double click.
    public static let doubleClickInterval = 0.4

    private var lastClick: (target: Layout.Target, time: Double)?

    public init() {}

    /// The event for buttons at column `x`, row `y`, at `time` seconds (any monotonic clock).
    public mutating func map(x: Int, y: Int, buttons: MouseButtons, time: Double, layout: Layout) -> MouseEvent? {
        if buttons.contains(.wheelUp) { return .scroll(lines: -Self.wheelLines) }
        if buttons.contains(.wheelDown) { return .scroll(lines: Self.wheelLines) }
        let target = layout.target(x: x, y: y)
        if buttons.contains(.leftDoubleClicked) {
            lastClick = nil
            return activation(target)
        }
        guard buttons.contains(.leftPressed) || buttons.contains(.leftClicked) else { return nil }
        if let last = lastClick, last.target == target, time - last.time <= Self.doubleClickInterval,
           let event = activation(target) {
            lastClick = nil
            return event
        }
        lastClick = (target, time)
        switch target {
        case .tableRow(let row), .pickerItem(let row): return .selectRow(row)
        case .tab(let index): return .selectTab(index)
        case .breadcrumb(let index): return .selectBreadcrumb(index)
        case .body, .nothing: return nil
        }
    }

    private func activation(_ target: Layout.Target) -> MouseEvent? {
        switch target {
        case .tableRow(let row), .pickerItem(let row): return .activateRow(row)
        case .tab(let index): return .selectTab(index)
        case .breadcrumb(let index): return .selectBreadcrumb(index)
        case .body, .nothing: return nil
        }
    }
}
