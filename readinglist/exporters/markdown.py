"""One paper as a Markdown note: YAML front matter, heading, links, abstract, note.

The front matter (title, authors, year, date, arxiv, doi, url, topics, tags,
status, starred, added, read, citekey) is written with PyYAML's safe dumper
so that PyYAML and Obsidian read back exactly what was stored, whatever the
title holds (colons, quotes, ``#``, a leading ``-``, any script).  The note
is appended unchanged.  ``[[wikilinks]]`` for authors and topics are
optional (the folder export decides their targets).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from readinglist.exporters import frontmatter
from readinglist.exporters.common import (
    arxiv_url,
    author_names,
    doi_url,
    one_line,
    split_math,
    title_of,
)
from readinglist.library.types import PaperDetail

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_NEEDS_WORK = re.compile(r"[\\`*_\[\]<>#|$]")

LinkFn = Callable[[str], str | None]  # a name -> the note it links to (file stem)


def front_matter(paper: PaperDetail, citekey: str) -> dict[str, Any]:
    """The note's metadata, in the order it is written."""
    return {
        "title": paper.title if paper.title is not None else paper.display_title,
        "authors": author_names(paper),
        "year": paper.year,
        "date": paper.date,
        "arxiv": paper.arxiv_id,
        "doi": paper.doi,
        "url": paper.url,
        "topics": [code for code, _name in paper.topics],
        "tags": [t.name for t in paper.tags],
        "status": paper.status,
        "starred": bool(paper.starred),
        "added": paper.added_at,
        "read": paper.read_at,
        "citekey": citekey,
    }


def dump_yaml(data: dict[str, Any]) -> str:
    """Front matter YAML: one line per value, read back exactly (see ``frontmatter``)."""
    return frontmatter.dump(data)


def md_text(text: str) -> str:
    """Text safe inside a Markdown line: markup characters escaped, TeX math kept."""
    if not _NEEDS_WORK.search(text):
        return one_line(text)
    return "".join(
        piece if is_math else _MD_SPECIAL.sub(_backslashed, piece)
        for is_math, piece in split_math(one_line(text))
    )


def _backslashed(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def wikilink(target: str, label: str) -> str:
    """``[[target]]`` or ``[[target|label]]`` when the file name differs."""
    label = label.replace("]", ")").replace("[", "(").replace("|", "/")
    return f"[[{target}]]" if target == label else f"[[{target}|{label}]]"


def authors_line(paper: PaperDetail, author_link: LinkFn | None = None) -> str:
    names = author_names(paper)
    parts = []
    for name in names:
        target = author_link(name) if author_link else None
        parts.append(wikilink(target, name) if target else md_text(name))
    text = ", ".join(parts)
    if paper.authors_truncated or (paper.author_count and paper.author_count > len(names)):
        extra = (paper.author_count or 0) - len(names)
        more = f"{extra} more" if extra > 0 else "et al."
        text = f"{text}, {more}" if text else more
    return text


def links_line(paper: PaperDetail) -> str:
    """ "2026-01-20 · [arXiv:2601.1](…) · [doi:…](…) · [link](…)"."""
    parts: list[str] = []
    when = paper.date or (str(paper.year) if paper.year else "")
    if when:
        parts.append(when)
    if paper.venue:
        parts.append(md_text(paper.venue))
    if paper.arxiv_id:
        parts.append(f"[arXiv:{paper.arxiv_id}]({arxiv_url(paper.arxiv_id)})")
    if paper.doi:
        parts.append(f"[doi:{md_text(paper.doi)}](<{doi_url(paper.doi)}>)")
    if paper.url and paper.url not in (
        arxiv_url(paper.arxiv_id or ""),
        doi_url(paper.doi or ""),
    ):
        parts.append(f"[link](<{paper.url}>)")
    if paper.code_url:
        parts.append(f"[code](<{paper.code_url}>)")
    return " · ".join(parts)


def topics_line(paper: PaperDetail, topic_link: LinkFn | None = None) -> str:
    parts = []
    for code, name in paper.topics:
        label = name or code
        target = topic_link(label) if topic_link else None
        parts.append(wikilink(target, label) if target else f"{md_text(label)} ({code})")
    return ", ".join(parts)


def render_note(
    paper: PaperDetail,
    citekey: str,
    *,
    include_abstract: bool = True,
    author_link: LinkFn | None = None,
    topic_link: LinkFn | None = None,
) -> str:
    """The whole Markdown file for one paper."""
    lines = ["---", dump_yaml(front_matter(paper, citekey)).rstrip("\n"), "---", ""]
    lines.append(f"# {md_text(title_of(paper))}")
    lines.append("")
    for line in (
        authors_line(paper, author_link),
        links_line(paper),
        topics_line(paper, topic_link),
    ):
        if line:
            lines.append(line + "  ")  # two spaces: a Markdown line break
    if lines[-1].endswith("  "):
        lines[-1] = lines[-1].rstrip()
    if include_abstract and paper.abstract and paper.abstract.strip():
        lines += ["", "## Abstract", "", paper.abstract.strip()]
    lines += ["", "## Notes", ""]
    text = "\n".join(lines) + "\n"
    note = paper.note or ""
    if note:
        text += note if note.endswith("\n") else note + "\n"
    return text
