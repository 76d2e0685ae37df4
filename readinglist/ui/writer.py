"""The writer: one worker thread that performs the GUI's quick writes in order.

Status, star, tags, notes, trash / restore and title edits are queued here
and run on a second Library owned by this thread, so the GUI thread never
waits on a write (on a 100,000-paper library a status change also updates
aggregates and can take a few hundred milliseconds).  Each committed write
comes back as ``changed`` (the Library's Change) in the GUI thread; a failure
comes back as ``failed`` with the Library's plain-language message.
"""

from __future__ import annotations

import logging
import queue
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from readinglist.library.errors import LibraryError

log = logging.getLogger(__name__)

_STOP = object()


class Writer(QThread):
    changed = Signal(object)
    failed = Signal(str)
    drained = Signal()

    def __init__(self, library_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writer")
        self._path = library_path
        self._queue: queue.Queue[Any] = queue.Queue()
        self._pending = 0
        self.drained.connect(self._on_drained)

    def submit(self, method: str, *args: Any, **kwargs: Any) -> None:
        """Call ``Library.<method>(*args, **kwargs)`` in the writer thread."""
        self._pending += 1
        self._queue.put((method, args, kwargs))

    def idle(self) -> bool:
        return self._pending == 0

    def stop(self, wait_ms: int = 10000) -> None:
        self._queue.put(_STOP)
        self.wait(wait_ms)

    def run(self) -> None:  # noqa: D401 - QThread API
        from readinglist.library import Library

        library: Any = None
        try:
            library = Library.open(self._path, create=False)
            library.subscribe(self.changed.emit)
        except Exception as exc:
            log.warning("writer could not open the library: %s", exc)
            open_error = f"Changes cannot be saved: {exc}"
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            method, args, kwargs = item
            try:
                if library is None:
                    self.failed.emit(open_error)
                else:
                    getattr(library, method)(*args, **kwargs)
            except LibraryError as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # never lose the thread to one bad write
                log.exception("write %s failed", method)
                self.failed.emit(f"The change could not be saved ({exc}).")
            finally:
                self.drained.emit()
        if library is not None:
            library.close()

    def _on_drained(self) -> None:
        self._pending = max(0, self._pending - 1)
