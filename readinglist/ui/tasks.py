"""Background work for the GUI: a thin QThread wrapper around Qt-free code.

A task is a plain function ``work(library, cancelled)``.  ``library`` is a
second :class:`Library` opened in the worker thread on the same file (SQLite
WAL lets the GUI keep reading meanwhile); ``cancelled()`` says whether the
user asked to stop.  If ``work`` returns a generator, every yielded value is
sent to the GUI thread as ``progress`` and the generator's return value is
the ``result``; otherwise the return value is the result.  A ``work`` taking
a third argument gets ``report(value)`` to send progress from callbacks.  Errors arrive as
``failed`` with one plain-language line (details go to the log).  There are
no processEvents loops: signals cross threads through Qt's queued
connections.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from readinglist.library.errors import LibraryError
from readinglist.library.types import Change

log = logging.getLogger(__name__)

Work = Callable[[Any, Callable[[], bool]], Any]


class Task(QThread):
    """One background operation.  Connect to the signals, then ``start()``."""

    progress = Signal(object)
    result = Signal(object)
    failed = Signal(str)
    changed = Signal(object)  # a Change committed by the worker's Library
    done = Signal()  # always emitted last, after result or failed

    def __init__(
        self,
        work: Work,
        library_path: Path | str | None = None,
        *,
        name: str = "task",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._library_path = library_path
        self._cancel = threading.Event()
        self.name = name
        self.setObjectName(name)
        self.finished.connect(self._emit_done)
        self.outcome: Any = None
        self.error: str | None = None

    # -- control --------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- the worker thread ------------------------------------------------------
    def run(self) -> None:  # noqa: D401 - QThread API
        library = None
        try:
            if self._library_path is not None:
                from readinglist.library import Library

                library = Library.open(self._library_path, create=False)
                library.subscribe(self._forward_change)
            if _wants_report(self._work):
                value = self._work(library, self._cancel.is_set, self.progress.emit)
            else:
                value = self._work(library, self._cancel.is_set)
            if inspect.isgenerator(value):
                value = self._drain(value)
            self.outcome = value
            self.result.emit(value)
        except LibraryError as exc:
            self.error = str(exc)
            self.failed.emit(self.error)
        except Exception as exc:  # a bug in the work must not kill the app
            log.exception("background task %s failed", self.name)
            self.error = f"{self.name} failed: {exc}".strip()
            self.failed.emit(self.error)
        finally:
            if library is not None:
                try:
                    library.close()
                except Exception:  # closing must never hide the real outcome
                    log.exception("closing the worker library failed")

    def _drain(self, gen: Any) -> Any:
        try:
            while True:
                self.progress.emit(next(gen))
        except StopIteration as stop:
            return stop.value

    def _forward_change(self, change: Change) -> None:
        self.changed.emit(change)

    def _emit_done(self) -> None:
        self.done.emit()


def _wants_report(work: Work) -> bool:
    """Does ``work`` take a third ``report(value)`` argument for progress?"""
    try:
        params = inspect.signature(work).parameters
    except (TypeError, ValueError):
        return False
    return len(params) >= 3


class _Relay(QObject):
    """Lives in the GUI thread so callbacks (even lambdas) run there."""

    def __init__(self, callbacks: dict[str, Callable[..., None] | None], parent: QObject) -> None:
        super().__init__(parent)
        self._cb = callbacks

    def _call(self, key: str, *args: Any) -> None:
        cb = self._cb.get(key)
        if cb is None:
            return
        owner = getattr(cb, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the dialog or view it reports to was closed meanwhile
        cb(*args)

    @Slot(object)
    def on_progress(self, value: Any) -> None:
        self._call("progress", value)

    @Slot(object)
    def on_result(self, value: Any) -> None:
        self._call("result", value)

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self._call("failed", message)

    @Slot(object)
    def on_changed(self, change: Any) -> None:
        self._call("changed", change)


class TaskRunner(QObject):
    """Keeps running tasks alive, and stops them all when the window closes."""

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, library_path: Path | str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_path = library_path
        self._tasks: list[Task] = []

    def start(
        self,
        work: Work,
        *,
        name: str = "task",
        on_result: Callable[[Any], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_changed: Callable[[Change], None] | None = None,
        with_library: bool = True,
    ) -> Task:
        task = Task(work, self.library_path if with_library else None, name=name, parent=self)
        relay = _Relay(
            {
                "result": on_result,
                "progress": on_progress,
                "failed": on_failed,
                "changed": on_changed,
            },
            task,
        )
        task.result.connect(relay.on_result)
        task.progress.connect(relay.on_progress)
        task.failed.connect(relay.on_failed)
        task.changed.connect(relay.on_changed)
        task.done.connect(lambda t=task: self._finished(t))
        self._tasks.append(task)
        task.start()
        self.task_started.emit(task)
        return task

    def _finished(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.task_finished.emit(task)
        task.deleteLater()

    @property
    def running(self) -> list[Task]:
        return list(self._tasks)

    def idle(self) -> bool:
        return not self._tasks

    def stop_all(self, wait_ms: int = 10000) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            task.wait(wait_ms)
