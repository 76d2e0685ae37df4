"""The fallback for text no specific parser claims.

It looks for paper-like blocks: a title line followed by an author line
(and/or an abstract paragraph), or a labelled record ("Title: ...",
"Authors: ...", "Abstract: ..."), and for identifiers (arXiv ids, DOIs) in
the rest.  What it could not read is reported in the warnings, with the
number of lines and a sample, so the user knows what was left out; nothing
is invented (an identifier without a title stays untitled and flagged).
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import arxiv_base_id, find_identifiers
from readinglist.importers.listing._authorlist import looks_like_author_list, split_authors
from readinglist.importers.listing._textutil import (
    code_url_in,
    fill_identifiers,
    find_year,
    gc_paused,
    parse_full_date,
    squash,
    wordlike_at_least,
    year_of,
)

FORMAT = "generic"

_LABEL = re.compile(
    r"^(?P<label>title|authors?|by|abstract|summary|year|date|published|doi|arxiv|url|venue|journal|"
    r"conference|keywords|categories|subjects?|code)\s*:\s*(?P<value>.*)$",
    re.I,
)
_NO_LETTER = re.compile(r"[\W\d_]+")
_FOUR_LETTERS = re.compile(r"[^\W\d_]{4}")
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
_TWO_SENTENCES = re.compile(r"[.!]\s+[A-Z][a-z]+\s+[a-z]+.*[.!]$")
_TITLE_LABEL = re.compile(r"(?i)^title\s*:")
_ABSTRACT_PREFIX = re.compile(r"^(?:abstract|summary)\s*[:.\u2014-]?\s*", re.I)


def sniff(text: str) -> float:
    """The fallback: a low constant, so any specific parser that is sure wins."""
    return 0.05 if text.strip() else 0.0


def _title_like(line: str) -> bool:
    s = line.strip()
    if not 3 <= len(s) <= 300 or len(s.split()) > 40:
        return False
    if _LABEL.match(s) and not s.lower().startswith("title"):
        return False
    if s[:1].islower() or s.endswith((",", ";")):
        return False
    if _NO_LETTER.fullmatch(s):
        return False
    if s.endswith(".") and len(s.split()) > 8:  # a sentence, not a title
        return False
    if len(s) < 8 or not _FOUR_LETTERS.search(s):
        return False
    if _TWO_SENTENCES.search(s):  # two sentences: prose
        return False
    return wordlike_at_least(s, 0.7)  # else symbol soup, not words (the costliest test last)


def _author_like(line: str) -> bool:
    s = line.strip()
    if _LABEL.match(s):
        return s.split(":", 1)[0].strip().lower() in ("authors", "author", "by")
    return (
        len(s) < 3000
        and looks_like_author_list(s) >= 0.6
        and _THREE_LETTERS.search(s) is not None
        and wordlike_at_least(s, 0.7)
    )


def _starts(lines: list[str]) -> list[int]:
    """Indices of lines that start a paper: a title followed by authors, or "Title:"."""
    starts = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if _TITLE_LABEL.match(s):
            starts.append(i)
            continue
        nxt = i + 1
        while nxt < len(lines) and not lines[nxt].strip():
            nxt += 1
        if (
            nxt < len(lines)
            and nxt - i <= 2
            and _title_like(s)
            and _author_like(lines[nxt])
            and looks_like_author_list(lines[nxt]) > looks_like_author_list(s)
        ):
            if (
                starts
                and starts[-1] == i - 1
                and not lines[i - 1].strip().lower().startswith("title")
            ):
                # "title / title-like line / authors": keep the pair with the real author line
                if looks_like_author_list(lines[nxt]) > looks_like_author_list(s):
                    starts[-1] = i
                continue
            starts.append(i)
    return starts


def _read_block(block: list[str]) -> ParsedEntry:
    entry = ParsedEntry(raw="\n".join(block).strip("\n"))
    body = [ln.strip() for ln in block if ln.strip()]
    labelled: dict[str, list[str]] = {}
    plain: list[str] = []
    current: str | None = None
    for s in body:
        m = _LABEL.match(s)
        if m:
            current = m.group("label").lower()
            labelled.setdefault(current, []).append(m.group("value"))
        elif current in ("abstract", "summary", "title"):
            labelled[current].append(s)
        else:
            plain.append(s)
    title = labelled.get("title")
    if title:
        entry.title = squash(" ".join(title))
    elif plain:
        entry.title = squash(plain.pop(0))
    author_text = " ".join(
        labelled.get("authors", []) + labelled.get("author", []) + labelled.get("by", [])
    )
    if not author_text and plain and _author_like(plain[0]):
        author_text = plain.pop(0)
    names = split_authors(author_text)
    entry.authors, entry.authors_truncated, entry.author_count = (
        names.names,
        names.truncated,
        names.count,
    )
    abstract = labelled.get("abstract", []) + labelled.get("summary", []) + plain
    text = _ABSTRACT_PREFIX.sub("", squash(" ".join(abstract)))
    entry.abstract = text or None
    when = " ".join(
        labelled.get("date", []) + labelled.get("published", []) + labelled.get("year", [])
    )
    entry.date = parse_full_date(when) if when else None
    if not entry.date:
        year = find_year(when) if when else None
        entry.date = str(year) if year else None
    entry.year = year_of(entry.date)
    venue = labelled.get("venue") or labelled.get("journal") or labelled.get("conference")
    entry.venue = squash(" ".join(venue)) if venue else None
    fill_identifiers(entry, entry.raw)
    entry.code_url = code_url_in(entry.raw)
    entry.has_code = entry.code_url is not None
    for key in ("subjects", "subject", "categories"):
        for value in labelled.get(key, []):
            entry.topics += [
                c
                for c in re.findall(
                    r"\b[a-z-]+\.[A-Z]{2}\b|\b(?:hep|astro|cond|gr|nucl|quant|math)-[a-z]{2}\b",
                    value,
                )
                if c not in entry.topics
            ]
    if not entry.authors:
        entry.flag("no author line was recognised")
    return entry


def _block_end(lines: list[str], start: int, end: int) -> int:
    """A block is its title, author line and one paragraph of text (labelled
    records: up to the next blank line after the labels); later paragraphs
    are left to be read on their own."""
    k = start
    seen_text = False
    labelled = bool(_LABEL.match(lines[start].strip()))
    nonblank = 0
    while k < end:
        s = lines[k].strip()
        if not s:
            if seen_text:
                return k
        else:
            nonblank += 1
            if nonblank > 2 or labelled:
                seen_text = True
        k += 1
    return end


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Paper-like blocks and loose identifiers, with honest warnings."""
    result = ParseResult(format=FORMAT)
    lines = text.split("\n")
    starts = _starts(lines)
    covered = [False] * len(lines)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = _block_end(lines, start, end)
        block = lines[start:end]
        entry = _read_block(block)
        result.entries.append(entry)
        for k in range(start, end):
            covered[k] = True
    loose = [(k, lines[k]) for k in range(len(lines)) if not covered[k] and lines[k].strip()]
    known = {(e.arxiv_id, e.doi) for e in result.entries}
    leftover = []
    for _k, line in loose:
        ids = find_identifiers(line)
        if not ids:
            leftover.append(line.strip())
            continue
        added = False
        for ident in ids:
            entry = ParsedEntry(raw=line.strip())
            if ident.kind == "arxiv":
                entry.arxiv_id = arxiv_base_id(ident.value)
            else:
                entry.doi = ident.value
            if (entry.arxiv_id, entry.doi) in known:
                continue
            known.add((entry.arxiv_id, entry.doi))
            entry.flag("only an identifier was found; metadata to be completed")
            result.entries.append(entry)
            added = True
        if not added:
            leftover.append(line.strip())
    if leftover:
        sample = "; ".join(repr(s[:60]) for s in leftover[:3])
        result.warnings.append(
            f"{len(leftover)} line(s) could not be read as papers and were left out: {sample}"
            + (" ..." if len(leftover) > 3 else "")
        )
    if not result.entries:
        result.warnings.append(
            "No papers were recognised: no title followed by an author line, no labelled record, no arXiv id or DOI."
        )
    else:
        result.warnings.insert(
            0,
            "The format of this text was not recognised; papers were read by their general shape, check them.",
        )
    return result
