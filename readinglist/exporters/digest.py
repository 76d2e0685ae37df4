"""A reading list as one Markdown document, grouped by topic or by author.

For sharing: ``export --format markdown -o FILE``.  Each paper is listed
once, under its first topic (``group_by="topic"``) or its first author
(``group_by="author"``); papers with none go under "Other" at the end.
Groups are in alphabetical order; papers keep the order they were given in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from readinglist.exporters.common import (
    CancelFn,
    ProgressFn,
    Ticker,
    author_names,
    title_of,
    url_of,
)
from readinglist.exporters.markdown import md_text
from readinglist.library.types import PaperDetail

GROUPINGS = ("topic", "author")
OTHER = "Other"


def _group_key(paper: PaperDetail, group_by: str) -> str:
    if group_by == "author":
        names = author_names(paper)
        return names[0] if names else OTHER
    if paper.topics:
        code, name = paper.topics[0]
        return f"{name} ({code})" if name and name != code else code
    return OTHER


def render_digest(
    papers: Sequence[PaperDetail],
    *,
    group_by: str = "topic",
    title: str = "Reading list",
    include_notes: bool = True,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> str:
    """The digest document (raises ExportCancelled if cancelled)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {GROUPINGS}")
    ticker = Ticker(len(papers), progress, cancel)
    groups: dict[str, list[PaperDetail]] = defaultdict(list)
    for paper in papers:
        groups[_group_key(paper, group_by)].append(paper)
    order = sorted((g for g in groups if g != OTHER), key=str.casefold)
    if OTHER in groups:
        order.append(OTHER)
    n = len(papers)
    lines = [
        f"# {md_text(title)}",
        "",
        f"{n} paper{'s' if n != 1 else ''}, grouped by {group_by}"
        f" · exported {date.today().isoformat()}",
    ]
    done = 0
    for group in order:
        lines += ["", f"## {md_text(group)}", ""]
        for paper in groups[group]:
            ticker.check()
            lines.append(_item(paper, include_notes))
            done += 1
            if done % 200 == 0:
                ticker.tick(done)
    ticker.tick(n)
    return "\n".join(lines) + "\n"


def _item(paper: PaperDetail, include_notes: bool) -> str:
    title = md_text(title_of(paper))
    link = url_of(paper)
    head = f"- **[{title}](<{link}>)**" if link else f"- **{title}**"
    bits = []
    names = [md_text(n) for n in author_names(paper)]
    authors = ", ".join(names[:3])
    if len(names) > 3 or paper.authors_truncated:
        authors = f"{authors} et al." if authors else ""
    if authors:
        bits.append(authors)
    when = paper.year or (paper.date[:4] if paper.date else None)
    if when:
        bits.append(f"({when})")
    line = head + (" — " + " ".join(bits) if bits else "")
    extras = [paper.status]
    if paper.starred:
        extras.append("★")
    if paper.tags:
        extras.append("tags: " + ", ".join(md_text(t.name) for t in paper.tags))
    line += " · " + " · ".join(extras)
    note = (paper.note or "").strip("\n")
    if include_notes and note.strip():
        quoted = "\n".join(f"  > {row}" if row.strip() else "  >" for row in note.split("\n"))
        line += "\n\n" + quoted + "\n"
    return line
