"""PDF import: the public entry points ``extract_pdf`` and ``import_pdfs``.

``extract_pdf`` reads one file in a sandboxed worker process (wall-clock
timeout, address-space limit) and always returns a ``PdfExtraction``.
``import_pdfs`` is the Qt-free core the CLI and the GUI wrap: it expands
folders, reads files in parallel workers, hands each extraction to
``Library.add_pdf`` in the calling thread (which copies the file under its
hash, indexes the text, saves the thumbnail and matches), and yields a
``PdfProgress`` after every file.  One bad file never stops the rest; a
cancel request stops after the current file, keeping everything done.

The reading itself lives in ``pdf_extract`` (PyMuPDF, worker side),
``pdf_layout`` (title/authors/abstract), ``pdf_ids`` (arXiv, DOI, year) and
``pdf_pool`` / ``pdf_worker`` (processes).
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.entry import PdfExtraction
from readinglist.importers.pdf_pool import PdfWorkerPool

if TYPE_CHECKING:
    from readinglist.library.library import Library
    from readinglist.library.types import PdfImportResult

__all__ = ["PdfProgress", "expand_pdf_paths", "extract_pdf", "import_pdfs"]


@dataclass
class PdfProgress:
    """One step of an import: ``done`` of ``total`` files finished; ``path``
    is the file just finished and ``result`` what became of it."""

    done: int
    total: int
    path: str
    result: PdfImportResult | None = None


# -- single files --------------------------------------------------------------

_shared_pools: dict[int, PdfWorkerPool] = {}
_shared_lock = threading.Lock()


def _shared_pool(memory_mb: int) -> PdfWorkerPool:
    with _shared_lock:
        pool = _shared_pools.get(memory_mb)
        if pool is None:
            pool = PdfWorkerPool(2, memory_mb=memory_mb)
            _shared_pools[memory_mb] = pool
        return pool


@atexit.register
def _close_shared_pools() -> None:
    with _shared_lock:
        pools = list(_shared_pools.values())
        _shared_pools.clear()
    for pool in pools:
        pool.close()


def extract_pdf(
    path: str | os.PathLike[str],
    *,
    timeout: float = 30,
    memory_mb: int = 1024,
    password: str | None = None,
) -> PdfExtraction:
    """Read one PDF in a worker process; never raises.

    Failures come back with ``error`` set: "empty file", "damaged: no pages
    could be read", "password protected" (and ``encrypted``), "took too long
    to read (over 30 s)", "ran out of memory", ...  Workers are shared
    between calls (started on first use, stopped at exit)."""
    return _shared_pool(memory_mb).extract(os.fspath(path), password=password, timeout=timeout)


# -- batches -------------------------------------------------------------------


def expand_pdf_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files given, plus every ``*.pdf`` (any case) under folders given,
    recursively, in a stable order, each once.  Paths that do not exist are
    kept so that they end with a per-file "file not found" result."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.normcase(str(p.resolve())) if p.exists() else str(p)
        if key not in seen:
            seen.add(key)
            out.append(str(p))

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                for name in files:
                    if name.lower().endswith(".pdf"):
                        found.append(Path(root) / name)
            for f in sorted(found, key=lambda x: str(x).lower()):
                add(f)
        else:
            add(p)
    return out


def _error_result(path: str, extraction: PdfExtraction | None, message: str) -> PdfImportResult:
    from readinglist.library.types import PdfImportResult  # noqa: PLC0415

    entry = extraction.entry if extraction else None
    return PdfImportResult(
        path=path,
        status="error",
        error=message,
        title=entry.title if entry else None,
        authors=list(entry.authors) if entry else [],
        year=entry.year if entry else None,
        arxiv_id=entry.arxiv_id if entry else None,
        doi=entry.doi if entry else None,
        warnings=list(extraction.warnings) if extraction else [],
        encrypted=bool(extraction and extraction.encrypted),
    )


def import_pdfs(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    *,
    cancel: Callable[[], bool] | None = None,
    password_for: Callable[[str], str | None] | None = None,
    workers: int = 2,
    timeout: float = 30,
    memory_mb: int = 1024,
    source_name: str | None = None,
) -> Iterator[PdfProgress]:
    """Import PDF files and folders into ``library`` as one batch.

    Yields ``PdfProgress(done, total, path, result)`` after each file.
    ``cancel()`` is checked after each file: when it returns
    True no new file is started and the batch is closed with what was done.
    ``password_for(path)`` is asked for the password of a protected file
    (None skips it).  Closing the generator early also ends the batch."""
    files = expand_pdf_paths(paths)
    total = len(files)
    if not files:
        return
    if source_name is None:
        given = [str(p) for p in paths] if isinstance(paths, list | tuple) else []
        source_name = given[0] if len(given) == 1 else f"{total} PDF files"
    batch_id = library.begin_pdf_batch(source_name)
    stop = threading.Event()
    done = 0
    try:
        with PdfWorkerPool(workers, timeout=timeout, memory_mb=memory_mb) as pool:
            for path, extraction in pool.imap_unordered(((f, None) for f in files), stop):
                if extraction.encrypted and extraction.error and password_for is not None:
                    password = password_for(path)
                    if password:
                        extraction = pool.extract(path, password=password)
                try:
                    result = library.add_pdf(extraction, batch_id=batch_id)
                except Exception as exc:  # noqa: BLE001 - one file never stops the rest
                    result = _error_result(path, extraction, f"could not be stored: {exc}")
                done += 1
                yield PdfProgress(done, total, path, result)
                if cancel is not None and cancel():
                    stop.set()
                    break
    finally:
        stop.set()
        library.finish_batch(batch_id)
