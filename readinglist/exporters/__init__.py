"""Export of papers and notes to Markdown and bibliographic formats.

Plain Python over ``PaperDetail`` records (``Library.details(ids)``); no Qt,
no database.  Modules:

* ``notes``: a folder of Markdown notes, one per paper, safe to re-export;
* ``markdown``: one paper as a Markdown note (front matter, links, note);
* ``digest``: one Markdown document grouped by topic or author;
* ``bibtex``, ``ris``, ``csljson``: bibliographic formats;
* ``citekeys``: stable citation keys; ``safefile``: atomic, portable writes.

``render`` / ``export_file`` pick a single-file format by name (the CLI's
``export --format``).  Every exporter takes ``progress(done, total)`` and
``cancel()`` hooks.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readinglist.exporters.common import (
    CancelFn,
    ExportCancelled,
    ExportError,
    FileExportResult,
    ProgressFn,
)
from readinglist.library.types import PaperDetail

FORMATS: dict[str, str] = {
    "bibtex": ".bib",
    "ris": ".ris",
    "csljson": ".json",
    "markdown": ".md",
}

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "FileExportResult",
    "export_file",
    "render",
]


def render(
    fmt: str,
    papers: Sequence[PaperDetail],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    **options: Any,
) -> str:
    """The whole export as text.  Options: ``include_abstract``,
    ``include_notes``; for markdown also ``group_by`` ("topic"/"author")."""
    if fmt == "bibtex":
        from readinglist.exporters.bibtex import bibtex_text

        return bibtex_text(papers, progress=progress, cancel=cancel, **options)
    if fmt == "ris":
        from readinglist.exporters.ris import ris_text

        return ris_text(papers, progress=progress, cancel=cancel, **options)
    if fmt == "csljson":
        from readinglist.exporters.csljson import csljson_text

        return csljson_text(papers, progress=progress, cancel=cancel, **options)
    if fmt == "markdown":
        from readinglist.exporters.digest import render_digest

        options.pop("include_abstract", None)
        return render_digest(papers, progress=progress, cancel=cancel, **options)
    raise ExportError(f"Unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}.")


def export_file(
    fmt: str,
    papers: Sequence[PaperDetail],
    path: str | os.PathLike[str],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    **options: Any,
) -> FileExportResult:
    """Write the export to ``path`` all or nothing (temporary file, then rename)."""
    from readinglist.exporters.safefile import atomic_write

    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"Cannot write to {target}: it is a folder.")
    text = render(fmt, papers, progress=progress, cancel=cancel, **options)
    if cancel is not None and cancel():
        raise ExportCancelled()
    atomic_write(target, text.encode("utf-8"), durable=True)
    return FileExportResult(path=target, format=fmt, count=len(papers))
