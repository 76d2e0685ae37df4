"""Storing extracted PDFs: the file under its content hash, the thumbnail,
the full text in the search index, the paper added or merged.

Files live in ``files_dir/pdf/<sha256[:2]>/<sha256>.pdf`` (one copy per
content) and ``files_dir/thumbs/<sha256>.png``.  The copy is made before the
database transaction and removed again if the transaction fails, so a
failure leaves neither a half-written paper nor a stray file.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.core.entry import ParsedEntry, ParseResult, PdfExtraction
from readinglist.library import importing, records
from readinglist.library.errors import LibraryError
from readinglist.library.types import PdfImportResult
from readinglist.store import search

if TYPE_CHECKING:
    from readinglist.library.library import Library

LOW_CONFIDENCE = 0.5
_FIELD_WORDS = {"title": "title", "authors": "authors", "abstract": "abstract", "year": "year",
                "date": "date", "arxiv_id": "arXiv id", "doi": "DOI", "venue": "venue"}


def pdf_relpath(sha: str) -> str:
    return f"pdf/{sha[:2]}/{sha}.pdf"


def thumb_relpath(sha: str) -> str:
    return f"thumbs/{sha}.png"


def _result(ex: PdfExtraction, status: str, pid: int | None = None,
            error: str | None = None) -> PdfImportResult:
    e = ex.entry or ParsedEntry()
    return PdfImportResult(
        path=ex.path, status=status, id=pid, error=error, title=e.title, authors=list(e.authors),
        year=e.year, arxiv_id=e.arxiv_id, doi=e.doi, warnings=list(ex.warnings),
        encrypted=ex.encrypted)


def _copy(src: Path, dest: Path) -> bool:
    """Copy ``src`` to ``dest`` atomically; False when ``dest`` already exists."""
    if dest.exists():
        return False
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + f".{os.getpid()}.part")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dest)
    return True


def remove_files(paths: Iterable[Path]) -> None:
    for p in paths:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def add_pdf(lib: Library, ex: PdfExtraction, batch_id: int) -> PdfImportResult:
    if ex.error:
        return _result(ex, "error", error=ex.error)
    sha = (ex.sha256 or "").lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        return _result(ex, "error", error="The file's content hash is missing or malformed.")
    with lib._reading() as conn:
        row = conn.execute("SELECT id FROM paper WHERE pdf_sha256 = ? ORDER BY trashed_at "
                           "IS NOT NULL LIMIT 1", (sha,)).fetchone()
    if row:
        return _result(ex, "duplicate", pid=row[0])
    src = Path(ex.path)
    pdf_dest = lib.files_dir / pdf_relpath(sha)
    thumb_dest = lib.files_dir / thumb_relpath(sha)
    created: list[Path] = []
    try:
        if _copy(src, pdf_dest):
            created.append(pdf_dest)
        if ex.thumbnail_png:
            thumb_dest.parent.mkdir(parents=True, exist_ok=True)
            if not thumb_dest.exists():
                thumb_dest.write_bytes(ex.thumbnail_png)
                created.append(thumb_dest)
    except OSError as err:
        remove_files(created)
        return _result(ex, "error", error=f"Could not store the file: {err.strerror or err}.")
    entry = ex.entry or ParsedEntry()
    entry.raw = entry.raw or f"PDF: {src.name}"
    low = [f for f, c in ex.confidence.items() if c < LOW_CONFIDENCE and _present(entry, f)]
    for f in low:
        entry.flag(f"From the PDF: the {_FIELD_WORDS.get(f, f)} may be wrong; please check it.")
    warnings = list(ex.warnings)
    try:
        with lib._writing() as conn:
            pl = importing.plan(conn, ParseResult(format="pdf", entries=[entry]))
            report = importing.write(conn, pl, batch_id)
            d = pl.decisions[0]
            pid = d.paper_id
            status = "added" if report.added else "merged"
            current = conn.execute("SELECT pdf_sha256, field_confidence FROM paper WHERE id = ?",
                                   (pid,)).fetchone()
            if current[0]:
                warnings.append(f"Paper #{pid} already has a PDF; this file was not attached.")
                remove_files(created)
                created = []
            else:
                conf = json.loads(current[1] or "{}")
                for f, c in ex.confidence.items():
                    if status == "added" or (d.plan and f in d.plan.fields):
                        conf[f] = float(c)
                text = (ex.full_text or "")[: search.MAX_FULLTEXT_CHARS]
                conn.execute(
                    "UPDATE paper SET pdf_sha256 = ?, pdf_path = ?, thumbnail_path = ?, "
                    "page_count = ?, text_indexed = ?, field_confidence = ?, updated_at = ? "
                    "WHERE id = ?",
                    (sha, pdf_relpath(sha), thumb_relpath(sha) if ex.thumbnail_png else None,
                     ex.page_count or None, int(bool(text)), json.dumps(conf), records.now(), pid))
                search.update_row(conn, pid, fulltext=text)
    except LibraryError:
        remove_files(created)
        raise
    except Exception as err:  # nothing written: the transaction rolled back
        remove_files(created)
        return _result(ex, "error", error=f"Could not add the paper: {err}.")
    result = _result(ex, status, pid=pid)
    result.warnings = warnings
    return result


def _present(entry: ParsedEntry, name: str) -> bool:
    value = getattr(entry, name, None)
    return bool(value)
