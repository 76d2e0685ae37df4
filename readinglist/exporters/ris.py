"""RIS export (EndNote, Zotero, Mendeley, rispy...).

One ``TAG  - value`` per line, records ended by ``ER  -``.  RIS has no way
to continue a value on the next line that every reader agrees on, so values
are written on one line (whitespace collapsed).  Types: ``JOUR`` (journal),
``CPAPER`` (conference), ``UNPB`` (arXiv and other preprints), ``GEN``.
"""

from __future__ import annotations

from collections.abc import Sequence

from readinglist.exporters.common import (
    CancelFn,
    ProgressFn,
    arxiv_url,
    author_names,
    date_parts,
    doi_url,
    one_line,
    render_all,
    title_of,
    venue_kind,
    year_of,
)
from readinglist.exporters.names import split_name
from readinglist.library.types import PaperDetail

_TYPES = {"journal": "JOUR", "conference": "CPAPER", "preprint": "UNPB", "other": "GEN"}


def ris_name(name: str) -> str:
    """ "Family, Given[, Suffix]" as RIS wants authors."""
    family, given, suffix = split_name(name)
    parts = [one_line(family)]
    if given:
        parts.append(one_line(given))
    if suffix:
        parts.append(one_line(suffix))
    return ", ".join(parts)


def ris_date(parts: list[int]) -> str:
    """ "2026/01/20/", "2026/01//" or "2026///" (RIS's YYYY/MM/DD/other)."""
    y, m, d = (parts + [0, 0])[:3]
    return f"{y:04d}/" + (f"{m:02d}" if m else "") + "/" + (f"{d:02d}" if d else "") + "/"


def format_record(
    paper: PaperDetail, key: str, *, include_abstract: bool = True, include_note: bool = False
) -> str:
    kind = venue_kind(paper)
    lines: list[tuple[str, str]] = [("TY", _TYPES[kind]), ("ID", key), ("TI", title_of(paper))]
    for name in author_names(paper):
        lines.append(("AU", ris_name(name)))
    year = year_of(paper)
    if year:
        lines.append(("PY", str(year)))
    parts = date_parts(paper)
    if parts:
        lines.append(("DA", ris_date(parts)))
    if paper.venue:
        lines.append(("T2", paper.venue))
        if kind == "journal":
            lines.append(("JO", paper.venue))
    if paper.arxiv_id:
        lines.append(("PB", "arXiv"))
        lines.append(("M1", f"arXiv:{paper.arxiv_id}"))
    if paper.doi:
        lines.append(("DO", paper.doi))
    for url in dict.fromkeys(
        u
        for u in (
            paper.url,
            arxiv_url(paper.arxiv_id) if paper.arxiv_id else None,
            doi_url(paper.doi) if paper.doi and not paper.url else None,
        )
        if u
    ):
        lines.append(("UR", url))
    if include_abstract and paper.abstract and paper.abstract.strip():
        lines.append(("AB", paper.abstract))
    for tag in paper.tags:
        lines.append(("KW", tag.name))
    if include_note and paper.note and paper.note.strip():
        lines.append(("N1", paper.note))
    flat = ((tag, one_line(value)) for tag, value in lines)
    text = "".join(f"{tag}  - {value}\n" for tag, value in flat if value)
    return text + "ER  - \n"


def ris_text(
    papers: Sequence[PaperDetail],
    *,
    include_abstract: bool = True,
    include_notes: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> str:
    """A whole .ris file for ``papers`` (raises ExportCancelled if cancelled)."""
    rendered = render_all(
        papers,
        format_record,
        include_abstract=include_abstract,
        include_notes=include_notes,
        progress=progress,
        cancel=cancel,
    )
    return "\n".join(rendered)
