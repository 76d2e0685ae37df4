"""Commands that bring papers in: parse, import-text, import-pdf.

``import-pdf`` drives ``readinglist.importers.pdf.import_pdfs`` (a generator
of progress events, one result per file), draws a progress bar on a
terminal, and turns the first Ctrl-C into "stop after the current file"
(a second one interrupts at once).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from readinglist.cli.access import check_status, open_library, read_text_input
from readinglist.cli.output import CliError, fit, one_line, print_json, table, terminal_width
from readinglist.core.entry import ParseContext, ParseResult


def _reference_date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise CliError(f"Bad --reference-date {text!r}: use YYYY-MM-DD.") from exc


def _parse_input(args: Any) -> tuple[str, str | None, ParseResult]:
    from readinglist.importers.listing.detect import parse_text

    ctx = ParseContext(reference_date=_reference_date(args.reference_date))
    text, source = read_text_input(args.file)
    ctx.source_name = source
    return text, source, parse_text(text, ctx)


def _nothing_found(result: ParseResult) -> str:
    reason = result.warnings[0] if result.warnings else "No papers were found in the text."
    return one_line(reason)


def cmd_parse(args: Any) -> int:
    _text, _source, result = _parse_input(args)
    if args.json:
        print_json(result.to_json())
    else:
        _print_parse(result)
    if not result.entries:
        raise CliError(_nothing_found(result))
    return 0


def _print_parse(result: ParseResult) -> None:
    n = len(result.entries)
    head = f"Format: {result.format} · {n} entr{'y' if n == 1 else 'ies'}"
    if result.profile and result.profile.get("name"):
        head += f" · profile of {result.profile['name']}"
    print(head)
    if result.entries:
        rows = []
        for i, e in enumerate(result.entries, 1):
            authors = ", ".join(e.authors[:3])
            if e.authors_truncated or len(e.authors) > 3:
                authors += " et al."
            ident = e.arxiv_id or e.doi or ""
            rows.append(
                [
                    i,
                    e.date or e.year or "",
                    ("[review] " if e.needs_review else "") + e.display_title,
                    authors,
                    ident,
                ]
            )
        table(["#", "DATE", "TITLE", "AUTHORS", "ID"], rows, flexible=(2, 3))
    for w in result.warnings:
        print(f"warning: {one_line(w)}")


def cmd_import_text(args: Any) -> int:
    status = check_status(args.status)
    tags = [one_line(t) for t in args.tag]
    if any(not t for t in tags):
        raise CliError("A tag name cannot be empty.")
    text, source, result = _parse_input(args)
    if not result.entries:
        raise CliError(f"Nothing imported: {_nothing_found(result)}")
    with open_library(args, create=True) as lib:
        report = lib.import_parsed(
            result,
            raw_text=text,
            kind="file" if source else "paste",
            source_name=source,
            tags=list(dict.fromkeys(tags)),
            status=status,
        )
    if args.json:
        out = {
            "format": result.format,
            "batch_id": report.batch_id,
            "added": report.added,
            "merged": report.merged,
            "skipped": report.skipped,
            "possible_duplicates": report.possible_duplicates,
            "warnings": list(result.warnings)
            + [w for w in report.warnings if w not in result.warnings],
        }
        print_json(out)
        return 0
    print(
        f"Imported {len(result.entries)} entries ({result.format}): {len(report.added)} added, "
        f"{len(report.merged)} merged, {report.skipped} already in the library"
        + (f" · batch {report.batch_id}" if report.batch_id is not None else "")
    )
    for item in report.possible_duplicates:
        entry = result.entries[item.index] if 0 <= item.index < len(result.entries) else None
        title = entry.display_title if entry else f"entry {item.index + 1}"
        for cand in item.candidates[:2]:
            print(
                f"possible duplicate: {fit(title, 50).rstrip()} ~ #{cand.paper_id} {fit(cand.title, 50).rstrip()} ({cand.reason})"
            )
    for w in _warnings(result, report):
        print(f"warning: {one_line(w)}")
    return 0


def _warnings(result: ParseResult, report: Any) -> list[str]:
    return list(dict.fromkeys(list(result.warnings) + list(report.warnings)))


# -- PDFs -----------------------------------------------------------------


class _StopFlag:
    """First Ctrl-C: stop after the current file.  Second: interrupt now."""

    def __init__(self, quiet: bool) -> None:
        self.stop = False
        self._quiet = quiet
        self._previous: Any = None

    def __enter__(self) -> _StopFlag:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: Any) -> None:
        if self.stop:
            raise KeyboardInterrupt
        self.stop = True
        if not self._quiet:
            sys.stderr.write("\nStopping after the current file (Ctrl-C again to stop now)...\n")

    def __call__(self) -> bool:
        return self.stop


class _Bar:
    """A one-line progress bar on stderr (only on a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._shown = False

    def draw(self, done: int, total: int | None, counts: Counter[str], current: str | None) -> None:
        if not self.enabled:
            return
        width = min(terminal_width(), 120)
        summary = f" {done}/{total or '?'}  added {counts['added']} · merged {counts['merged']} · dup {counts['duplicate']} · errors {counts['error']}"
        bar_w = 20
        filled = int(bar_w * done / total) if total else 0
        bar = "[" + "#" * filled + "." * (bar_w - filled) + "]"
        name = f"  {Path(current).name}" if current else "  starting the PDF reader..."
        line = fit(bar + summary + name, width - 1)
        sys.stderr.write("\r" + line)
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self.enabled and self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _event_parts(event: Any) -> tuple[Any, int | None, int | None, str | None]:
    """(result or None, done, total, current path) from a progress event."""
    from readinglist.library.types import PdfImportResult

    if isinstance(event, PdfImportResult):
        return event, None, None, event.path
    result = getattr(event, "result", None)
    done = getattr(event, "done", None)
    total = getattr(event, "total", None)
    current = getattr(event, "path", None) or getattr(event, "current", None)
    return result, done, total, (str(current) if current else None)


def cmd_import_pdf(args: Any) -> int:
    paths = []
    for raw in args.paths:
        p = Path(raw).expanduser()
        if not p.exists():
            raise CliError(f"No such file or folder: {raw}")
        paths.append(p)
    try:
        from readinglist.importers.pdf import import_pdfs
    except ImportError as exc:
        raise CliError("PDF import is not part of this installation yet.") from exc
    counts: Counter[str] = Counter()
    errors: list[Any] = []
    bar = _Bar(enabled=not args.json and sys.stderr.isatty())
    done = 0
    total: int | None = None
    with open_library(args, create=True) as lib, _StopFlag(quiet=args.json) as stop:
        try:
            bar.draw(0, None, counts, None)
            for event in import_pdfs(lib, paths, cancel=stop):
                result, ev_done, ev_total, current = _event_parts(event)
                total = ev_total if ev_total is not None else total
                if result is not None:
                    counts[result.status] += 1
                    done = ev_done if ev_done is not None else done + 1
                    if result.status == "error":
                        errors.append(result)
                    if args.json:
                        sys.stdout.write(json.dumps(_pdf_json(result), ensure_ascii=False) + "\n")
                        sys.stdout.flush()
                elif ev_done is not None:
                    done = ev_done
                bar.draw(done, total, counts, current)
        finally:
            bar.close()
    if not args.json:
        files = sum(counts.values())
        head = "Stopped" if stop.stop else "Done"
        print(
            f"{head}: {files} file{'s' if files != 1 else ''} · {counts['added']} added, "
            f"{counts['merged']} merged, {counts['duplicate']} already in the library, "
            f"{counts['error']} failed"
        )
        for r in errors:
            print(f"error: {r.path}: {one_line(r.error or 'unreadable')}")
        if not files and not stop.stop:
            print("No PDF files were found.")
    if stop.stop:
        return 130
    return 1 if counts["error"] else 0


def _pdf_json(result: Any) -> dict[str, Any]:
    keys = (
        "path",
        "status",
        "id",
        "error",
        "title",
        "authors",
        "year",
        "arxiv_id",
        "doi",
        "warnings",
        "encrypted",
    )
    out = {k: getattr(result, k, None) for k in keys}
    out["path"] = str(out["path"]) if out["path"] is not None else None
    out["authors"] = list(out["authors"] or [])
    out["warnings"] = list(out["warnings"] or [])
    out["encrypted"] = bool(out["encrypted"])
    return out
