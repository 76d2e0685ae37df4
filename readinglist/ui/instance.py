"""One window per library, and files handed to it ("Open with Reading List").

A running window listens on a local socket named after its library
(:func:`server_name`).  A second launch on the same library connects,
sends one message and exits; the running window comes forward and, when
the launch named files (``readinglist paper.pdf``, the desktop entry's
``%F``), imports them through the normal PDF import dialog.

The message is one line per request: ``raise`` (come forward) or a JSON
object ``{"open": ["/abs/path.pdf", ...]}`` (import these, then come forward).

On macOS the Finder delivers files as ``QFileOpenEvent`` to the
application object, at launch and while running; :class:`OpenFilesRouter`
catches those too, gathers the events of one gesture (several files arrive
as several events) and hands them to the window once it exists.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 300
WRITE_MS = 2000
GATHER_MS = 80  # FileOpen events of one Finder gesture arrive back to back
MAX_MESSAGE = 4 * 1024 * 1024


def server_name(library_path: Path) -> str:
    """The local socket name of the window that has ``library_path`` open."""
    digest = hashlib.sha1(str(Path(library_path).resolve()).encode()).hexdigest()[:16]
    return f"readinglist-{digest}"


def encode_request(files: Iterable[Path | str] = ()) -> bytes:
    paths = [str(Path(p).resolve()) for p in files]
    if not paths:
        return b"raise\n"
    return json.dumps({"open": paths}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> tuple[bool, list[Path]]:
    """(come forward?, files to open) from a message; junk is ignored."""
    wants_raise = False
    files: list[Path] = []
    for raw in data.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == b"raise":
            wants_raise = True
            continue
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            log.warning("ignored a malformed message from another launch")
            continue
        opened = message.get("open") if isinstance(message, dict) else None
        if isinstance(opened, list):
            wants_raise = True
            files.extend(Path(p) for p in opened if isinstance(p, str) and p)
    return wants_raise, files


def send_to_running_instance(name: str, files: Iterable[Path | str] = ()) -> bool:
    """True when a window already has this library; it gets ``files`` and comes forward."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(encode_request(files))
    socket.flush()
    while socket.bytesToWrite() > 0 and socket.waitForBytesWritten(WRITE_MS):
        pass
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(WRITE_MS)
    return True


def ask_running_instance(name: str) -> bool:
    """True when another window already has this library (it is asked to come forward)."""
    return send_to_running_instance(name)


class InstanceServer(QObject):
    """Listens for later launches; calls ``on_request(files)`` for each one."""

    def __init__(
        self, name: str, on_request: Callable[[list[Path]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_request = on_request
        self._buffers: dict[int, bytearray] = {}
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a stale socket left by a crash
        if not self.server.listen(name):
            log.warning("single-instance channel unavailable: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            if conn is None:
                break
            key = id(conn)
            self._buffers[key] = bytearray()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(lambda c=conn: self._finish(c))
            self._read(conn)
            if conn.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                self._finish(conn)

    def _read(self, conn: QLocalSocket) -> None:
        buffer = self._buffers.get(id(conn))
        if buffer is None:
            return
        buffer.extend(conn.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            log.warning("dropped an oversized message from another launch")
            buffer.clear()
            conn.abort()

    def _finish(self, conn: QLocalSocket) -> None:
        self._read(conn)
        buffer = self._buffers.pop(id(conn), None)
        conn.deleteLater()
        if buffer is None:
            return
        wants_raise, files = decode_request(bytes(buffer))
        if wants_raise or files or not buffer:
            self._on_request(files)


class OpenFilesRouter(QObject):
    """Gathers files to open (FileOpen events, other launches) for the window."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Path] = []
        self._window: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._deliver)

    def attach(self, window: Any) -> None:
        """Deliver to ``window`` from now on (files that came early go first)."""
        self._window = window
        if self._pending:
            self._timer.start()

    def request(self, files: Iterable[Path | str]) -> None:
        """Open ``files`` (none: just bring the window forward)."""
        self._pending.extend(Path(p) for p in files)
        if self._window is None:
            return
        if self._pending:
            self._timer.start()
        else:
            bring_forward(self._window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # type: ignore[attr-defined]
            if not path:
                url = event.url()  # type: ignore[attr-defined]
                path = url.toLocalFile() if url.isLocalFile() else ""
            if path:
                self.request([Path(path)])
                return True
        return super().eventFilter(watched, event)

    def _deliver(self) -> None:
        if self._window is None or not self._pending:
            return
        files, self._pending = self._pending, []
        seen: set[Path] = set()
        unique = [p for p in files if not (p in seen or seen.add(p))]
        bring_forward(self._window)
        self._window.open_files(unique)


def bring_forward(window: Any) -> None:
    """Show ``window`` in front (where the platform has windows to stack)."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return  # nothing to raise; Qt would only warn
    window.raise_()
    window.activateWindow()
