"""How the local servers live and end: stop on SIGTERM/SIGINT, or when the process that
started them goes away (--watch-parent), so no test or demo leaves one behind."""

import os
import signal
import threading

PARENT_POLL_SECONDS = 0.5


class Lifetime:
    """Created at start-up, before the server: remembers the parent and takes the signals."""

    def __init__(self, watch_parent: bool, parent: int | None = None) -> None:
        """``parent``: the parent as read at the very start, before slow imports, when a parent
        that exits during them must still be noticed; by default, the parent now."""
        self.watch_parent = watch_parent
        self.parent = parent if parent is not None else os.getppid()
        self.stop = threading.Event()
        # A parent may start us with these blocked (test runners do); take them back.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: self.stop.set())

    def wait_then_close(self, server) -> None:
        """Blocks until a signal or the parent's exit, then shuts the server down."""
        while not self.stop.wait(PARENT_POLL_SECONDS):
            if self.watch_parent and os.getppid() != self.parent:
                break
        server.shutdown()
        server.server_close()
