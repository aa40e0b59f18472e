import CNcurses
import Dispatch
import Foundation

/// Watches the terminal and the self-pipe from a thread of its own, off the main actor, and
/// reports readiness; it never reads the terminal itself (ncurses does that on the main actor).
///
/// After reporting `.inputReady` it waits for `resume()`, called once the main actor has
/// drained the input, so one keypress is reported once. Signal handlers write to the pipe:
/// `W` for a resize, `T` for a terminating signal; `stop()` writes `Q` to end the thread.
final class InputWatcher: Sendable {
    enum Event: Sendable, Equatable {
        case inputReady
        case resized
        case terminate
        /// The terminal went away (hang-up or error on stdin).
        case inputClosed
    }

    let inputDescriptor: Int32
    let wakeRead: Int32
    let wakeWrite: Int32
    private let drained = DispatchSemaphore(value: 0)

    /// Creates the self-pipe (both ends close-on-exec, non-blocking).
    init(inputDescriptor: Int32 = STDIN_FILENO) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ConsoleAppError.system("pipe", errno) }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        self.inputDescriptor = inputDescriptor
        wakeRead = ends[0]
        wakeWrite = ends[1]
    }

    /// Starts the watching thread; `deliver` is called from that thread.
    func start(deliver: @escaping @Sendable (Event) -> Void) {
        let thread = Thread { [self] in
            cncurses_block_signals()  // signals go to the main thread; this one only polls
            watch(deliver: deliver)
        }
        thread.name = "cognito-tui input"
        thread.start()
    }

    /// Lets the thread watch the terminal again after the main actor drained it.
    func resume() {
        drained.signal()
    }

    /// Ends the thread and closes the pipe's read side once it has gone.
    func stop() {
        var byte: UInt8 = UInt8(ascii: "Q")
        _ = write(wakeWrite, &byte, 1)
        drained.signal()
    }

    private func watch(deliver: @Sendable (Event) -> Void) {
        var fds = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                deliver(.inputClosed)
                return
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                let count = read(wakeRead, &buffer, buffer.count)
                if count > 0 {
                    let bytes = buffer[0..<count]
                    if bytes.contains(UInt8(ascii: "Q")) { break }
                    if bytes.contains(UInt8(ascii: "T")) { deliver(.terminate) }
                    if bytes.contains(UInt8(ascii: "W")) { deliver(.resized) }
                }
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                deliver(.inputReady)
                drained.wait()
            } else if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                deliver(.inputClosed)
                return
            }
        }
        close(wakeRead)
    }
}
