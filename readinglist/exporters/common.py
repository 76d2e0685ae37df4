"""Shared pieces of every exporter: progress/cancel hooks, errors, links, dates.

Exporters are plain Python over ``PaperDetail`` records.  Each takes an
optional ``progress(done, total)`` callback and a ``cancel()`` check so the
GUI can run them as background tasks; ``ExportError`` messages are one
sentence fit to show a user as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from readinglist.library.types import PaperDetail

T = TypeVar("T")

ProgressFn = Callable[[int, int], None]  # (done, total)
CancelFn = Callable[[], bool]  # True: stop as soon as possible

_WS = re.compile(r"\s+")


class ExportError(Exception):
    """An export could not be done; ``str(err)`` is one plain sentence."""


class ExportCancelled(ExportError):
    """The user cancelled; nothing half-written was left behind."""

    def __init__(self, message: str = "The export was cancelled.") -> None:
        super().__init__(message)


@dataclass
class FileExportResult:
    """What a single-file export (BibTeX, RIS, CSL-JSON, digest) wrote."""

    path: Path | None  # None when written to a stream (stdout)
    format: str
    count: int
    warnings: list[str] = field(default_factory=list)


class Ticker:
    """Calls ``progress`` and checks ``cancel`` while an exporter loops."""

    def __init__(self, total: int, progress: ProgressFn | None, cancel: CancelFn | None) -> None:
        self.total = total
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        """Raise ExportCancelled if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise ExportCancelled()

    def cancelled(self) -> bool:
        return bool(self._cancel is not None and self._cancel())

    def tick(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, self.total)


def render_all(
    papers: Sequence[PaperDetail],
    render: Callable[..., T],
    *,
    include_abstract: bool,
    include_notes: bool,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> list[T]:
    """``render(paper, key, include_abstract=, include_note=)`` for every paper,
    with stable citation keys, progress ticks and cancel checks (raises
    ExportCancelled)."""
    from readinglist.exporters.citekeys import citekeys

    keys = citekeys(papers)
    ticker = Ticker(len(papers), progress, cancel)
    out = []
    for done, paper in enumerate(papers, 1):
        if done % 100 == 1:
            ticker.check()
        out.append(
            render(
                paper, keys[paper.id], include_abstract=include_abstract, include_note=include_notes
            )
        )
        if done % 200 == 0:
            ticker.tick(done)
    ticker.tick(len(papers))
    return out


def one_line(text: str | None) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    if not text:
        return ""
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return text  # the common case, without a regex pass
    return _WS.sub(" ", text).strip()


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def author_names(paper: PaperDetail) -> list[str]:
    return [a.name for a in paper.authors if a.name]


def title_of(paper: PaperDetail) -> str:
    """The title to export: the real one, else the display title."""
    return one_line(paper.title or paper.display_title or "") or "(untitled)"


def date_parts(paper: PaperDetail) -> list[int]:
    """[year], [year, month] or [year, month, day] from the (partial) ISO date."""
    parts: list[int] = []
    if paper.date:
        for piece in paper.date.split("-")[:3]:
            if not piece.isdigit():
                break
            parts.append(int(piece))
    if not parts and paper.year:
        parts = [int(paper.year)]
    if parts and paper.year and parts[0] != paper.year and len(parts) == 1:
        parts = [int(paper.year)]
    return parts


def year_of(paper: PaperDetail) -> int | None:
    if paper.year:
        return int(paper.year)
    parts = date_parts(paper)
    return parts[0] if parts else None


def url_of(paper: PaperDetail) -> str | None:
    """The best single link: the stored url, else the arXiv page, else the DOI."""
    if paper.url:
        return paper.url
    if paper.arxiv_id:
        return arxiv_url(paper.arxiv_id)
    if paper.doi:
        return doi_url(paper.doi)
    return None


_CONFERENCE = re.compile(
    r"\b(proc(eedings)?|conference|conf\.?|workshop|symposium|meeting|congress|"
    r"neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|aaai|ijcai|"
    r"kdd|sigir|sigmod|chi|www|uai|aistats|colt|interspeech|icassp)\b",
    re.IGNORECASE,
)


def venue_kind(paper: PaperDetail) -> str:
    """ "conference", "journal", "preprint" or "other": how to type the reference."""
    if paper.venue and not re.search(r"\barxiv\b", paper.venue, re.IGNORECASE):
        return "conference" if _CONFERENCE.search(paper.venue) else "journal"
    if paper.arxiv_id or paper.venue:
        return "preprint"
    return "other"


_MATH = re.compile(r"(?<!\\)\$(?=\S)([^$\n]{1,200}?)(?<=\S)(?<!\\)\$")
_TEXISH = re.compile(r"[\\^_{}]|^[A-Za-z]$|^[A-Za-z]\d?$")


def split_math(text: str) -> list[tuple[bool, str]]:
    """Cut ``text`` into (is_math, piece) runs.

    ``$...$`` counts as TeX math only when its content looks like TeX (a
    command, ``^``, ``_``, braces, or a lone symbol such as ``$n$``), so
    "costs $5 and $10" stays plain text.
    """
    if "$" not in text:
        return [(False, text)]
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _MATH.finditer(text):
        if not _TEXISH.search(m.group(1)):
            continue
        if m.start() > pos:
            out.append((False, text[pos : m.start()]))
        out.append((True, m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append((False, text[pos:]))
    return out
