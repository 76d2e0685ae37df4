"""A small pool of PDF worker processes with a wall-clock timeout per file.

Owns process management for PDF reading: each worker is a long-lived
``python -m readinglist.importers.pdf_worker`` child with an address-space
limit, reused across files; a worker that overruns its time is killed and a
fresh one started for the next file; a worker that crashes or runs out of
memory is replaced the same way.  Every request ends in a ``PdfExtraction``
(never an exception).  Pipes are read by a thread per worker, so this works
the same on every platform; no Qt.
"""

from __future__ import annotations

import hashlib
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from readinglist.core.entry import PdfExtraction
from readinglist.importers.pdf_worker import read_frame, write_frame

STARTUP_TIMEOUT = 60.0


def _worker_command(memory_mb: int) -> list[str]:
    if getattr(sys, "frozen", False):  # a packaged app: the executable dispatches
        return [sys.executable, "--pdf-worker", "--memory-mb", str(memory_mb)]
    return [sys.executable, "-m", "readinglist.importers.pdf_worker", "--memory-mb", str(memory_mb)]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    old = env.get("PYTHONPATH")
    env["PYTHONPATH"] = root + (os.pathsep + old if old else "")
    return env


def describe_seconds(seconds: float) -> str:
    return f"{seconds:g} s" if seconds >= 1 else f"{seconds:.2g} s"


def file_facts(path: str) -> tuple[str, int]:
    """(sha256, size) of a file; ("", 0) when it cannot be read."""
    h = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return "", 0
    return h.hexdigest(), size


class _Worker:
    """One child process and the thread that reads its replies."""

    def __init__(self, memory_mb: int) -> None:
        self.proc = subprocess.Popen(
            _worker_command(memory_mb),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_child_env(),
            start_new_session=os.name == "posix",  # terminal signals go to the importer only
        )
        self.replies: queue.Queue[object] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.ready = False

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            try:
                frame = read_frame(stream)
            except Exception:  # noqa: BLE001 - a garbled frame ends the worker
                frame = None
            self.replies.put(frame)
            if frame is None:
                return

    def wait_ready(self, timeout: float) -> bool:
        if self.ready:
            return True
        try:
            frame = self.replies.get(timeout=timeout)
        except queue.Empty:
            return False
        self.ready = isinstance(frame, dict) and frame.get("ready") is True
        return self.ready

    def request(self, req: dict[str, object], timeout: float) -> dict[str, object] | None | str:
        """The reply; None if the worker died; "timeout" if it overran."""
        try:
            assert self.proc.stdin is not None
            write_frame(self.proc.stdin, req)
        except (OSError, ValueError):
            return None
        try:
            frame = self.replies.get(timeout=timeout)
        except queue.Empty:
            return "timeout"
        return frame if isinstance(frame, dict) else None

    def kill(self) -> None:
        try:
            self.proc.kill()
        except OSError:
            pass
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def stop(self) -> None:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
            self.proc.wait(timeout=0.5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        else:
            self.kill()


@dataclass
class PoolStats:
    files: int = 0
    timeouts: int = 0
    restarts: int = 0
    peak_worker_rss_kb: int = 0
    worker_cpu_s: float = 0.0  # CPU time the workers spent reading files


class PdfWorkerPool:
    """Up to ``workers`` reader processes, started on demand and reused."""

    def __init__(self, workers: int = 2, *, timeout: float = 30.0, memory_mb: int = 1024,
                 text_budget: float | None = None) -> None:
        self.size = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.text_budget = text_budget
        self.stats = PoolStats()
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(self.size):
            self._idle.put(None)  # a slot; the process starts on first use
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    # -- one file -----------------------------------------------------------
    def extract(self, path: str, *, password: str | None = None,
                timeout: float | None = None) -> PdfExtraction:
        """Read one file in a worker; every failure is an ``error`` result."""
        timeout = self.timeout if timeout is None else timeout
        sha, size = file_facts(path)
        base = {"path": path, "sha256": sha, "size": size}
        if not os.path.exists(path):
            return PdfExtraction(**base, error="file not found")
        if not os.path.isfile(path) or (size == 0 and not sha):
            return PdfExtraction(**base, error="could not read the file")
        if size == 0:
            return PdfExtraction(**base, error="empty file")
        worker = self._idle.get()
        try:
            if self._closed:
                return PdfExtraction(**base, error="import was stopped")
            if worker is None:
                worker = self._start()
                if worker is None:
                    return PdfExtraction(**base, error="the PDF reader could not be started")
            budget = self.text_budget if self.text_budget is not None else max(0.0, timeout * 0.4)
            reply = worker.request(
                {"path": path, "password": password, "text_budget": min(budget, 15.0)}, timeout
            )
            self.stats.files += 1
            if reply == "timeout":
                self.stats.timeouts += 1
                self._discard(worker)
                worker = None
                return PdfExtraction(**base, error=f"took too long to read (over "
                                     f"{describe_seconds(timeout)})")
            if not isinstance(reply, dict):
                self._discard(worker)
                worker = None
                return PdfExtraction(**base, error="damaged: the PDF reader crashed on this file")
            rss = int(reply.get("maxrss_kb") or 0)
            self.stats.peak_worker_rss_kb = max(self.stats.peak_worker_rss_kb, rss)
            self.stats.worker_cpu_s += float(reply.get("cpu_s") or 0.0)
            if reply.get("recycle"):
                self._discard(worker)
                worker = None
            result = reply.get("extraction")
            if not isinstance(result, PdfExtraction):
                return PdfExtraction(**base, error="damaged: the file could not be read")
            result.path, result.sha256, result.size = path, sha, size
            return result
        finally:
            self._idle.put(worker)

    def _start(self) -> _Worker | None:
        try:
            worker = _Worker(self.memory_mb)
        except OSError:
            return None
        with self._lock:
            self._all.add(worker)
        if not worker.wait_ready(STARTUP_TIMEOUT):
            self._discard(worker)
            return None
        return worker

    def _discard(self, worker: _Worker) -> None:
        self.stats.restarts += 1
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    # -- many files ---------------------------------------------------------
    def imap_unordered(
        self, jobs: Iterable[tuple[str, str | None]], stop: threading.Event | None = None
    ) -> Iterator[tuple[str, PdfExtraction]]:
        """(path, extraction) for each (path, password) job, as they finish.

        Setting ``stop`` lets files already being read finish and starts no
        new ones."""
        stop = stop or threading.Event()
        todo: queue.Queue[tuple[str, str | None]] = queue.Queue()
        count = 0
        for job in jobs:
            todo.put(job)
            count += 1
        results: queue.Queue[tuple[str, PdfExtraction] | None] = queue.Queue()

        def run() -> None:
            while not stop.is_set():
                try:
                    path, password = todo.get_nowait()
                except queue.Empty:
                    break
                results.put((path, self.extract(path, password=password)))
            results.put(None)

        threads = [threading.Thread(target=run, daemon=True) for _ in range(min(self.size, count))]
        for t in threads:
            t.start()
        finished = 0
        try:
            while finished < len(threads):
                item = results.get()
                if item is None:
                    finished += 1
                    continue
                yield item
        finally:
            stop.set()

    # -- lifetime -------------------------------------------------------------
    def close(self) -> None:
        """Stop every worker (killing one still busy)."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()

    def __enter__(self) -> PdfWorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
