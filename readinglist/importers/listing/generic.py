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
_DIGIT = re.compile(r"\d").search
_TOPIC = re.compile(r"\b[a-z-]+\.[A-Z]{2}\b|\b(?:hep|astro|cond|gr|nucl|quant|math)-[a-z]{2}\b")
_ABSTRACT_PREFIX = re.compile(r"^(?:abstract|summary)\s*[:.\u2014-]?\s*", re.I)


def sniff(text: str) -> float:
    """The fallback: a low constant, so any specific parser that is sure wins."""
    return 0.05 if text.strip() else 0.0


def _title_like(line: str) -> bool:
    s = line.strip()
    size = len(s)
    if not 3 <= size <= 300:
        return False
    if s[:1].islower() or s.endswith((",", ";")):  # (cheapest tests first)
        return False
    words = len(s.split())
    if words > 40:
        return False
    if ":" in s and _LABEL.match(s) and not s.lower().startswith("title"):  # labels have ":"
        return False
    if _NO_LETTER.fullmatch(s):
        return False
    if s.endswith(".") and words > 8:  # a sentence, not a title
        return False
    if size < 8 or not _FOUR_LETTERS.search(s):
        return False
    if s[-1] in ".!" and _TWO_SENTENCES.search(s):  # two sentences: prose (it ends in . or !)
        return False
    return wordlike_at_least(s, 0.7)  # else symbol soup, not words (the costliest test last)


def _author_like(line: str) -> bool:
    s = line.strip()
    if ":" in s and _LABEL.match(s):
        return s.split(":", 1)[0].strip().lower() in ("authors", "author", "by")
    return (
        len(s) < 3000
        and looks_like_author_list(s) >= 0.6
        and _THREE_LETTERS.search(s) is not None
        and wordlike_at_least(s, 0.7)
    )


class _Lines:
    """One paste's lines, each stripped once, and the answers about them that
    the parse asks more than once (a line is asked whether it is a title, then
    whether it is an author line as the line after another; the same author
    line is split again when its block is read): one answer per distinct line."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.stripped = [ln.strip() for ln in lines]
        self._title: dict[str, bool] = {}
        self._author: dict[str, bool] = {}
        self._names: dict[str, tuple[list[str], bool, int | None]] = {}

    def title_like(self, s: str) -> bool:
        """``_title_like(s)`` for a stripped line."""
        got = self._title.get(s)
        if got is None:
            got = self._title[s] = _title_like(s)
        return got

    def author_like(self, s: str) -> bool:
        """``_author_like(s)`` for a stripped line."""
        got = self._author.get(s)
        if got is None:
            got = self._author[s] = _author_like(s)
        return got

    def authors(self, text: str) -> tuple[list[str], bool, int | None]:
        """``split_authors(text)`` as (names, truncated, count); a new list each time."""
        got = self._names.get(text)
        if got is None:
            names = split_authors(text)
            got = self._names[text] = (names.names, names.truncated, names.count)
        return list(got[0]), got[1], got[2]


def _starts(doc: _Lines) -> list[int]:
    """Indices of lines that start a paper: a title followed by authors, or "Title:"."""
    stripped = doc.stripped
    count = len(stripped)
    following = [count] * count  # the next non-blank line after each line
    nxt = count
    for i in range(count - 1, -1, -1):
        following[i] = nxt
        if stripped[i]:
            nxt = i
    starts: list[int] = []
    title_like, author_like = doc.title_like, doc.author_like
    for i, s in enumerate(stripped):
        if not s:
            continue
        if ":" in s and _TITLE_LABEL.match(s):
            starts.append(i)
            continue
        nxt = following[i]
        if (
            nxt < count
            and nxt - i <= 2
            and title_like(s)
            and author_like(stripped[nxt])
            # (scores ignore surrounding blanks: the stripped line hits the same cache entry)
            and looks_like_author_list(stripped[nxt]) > looks_like_author_list(s)
        ):
            if starts and starts[-1] == i - 1 and not stripped[i - 1].lower().startswith("title"):
                # "title / title-like line / authors": keep the pair with the real author line
                starts[-1] = i
                continue
            starts.append(i)
    return starts


def _read_block(doc: _Lines, start: int, end: int) -> ParsedEntry:
    entry = ParsedEntry(raw="\n".join(doc.lines[start:end]).strip("\n"))
    labelled: dict[str, list[str]] = {}
    plain: list[str] = []
    current: str | None = None
    for s in doc.stripped[start:end]:
        if not s:
            continue
        m = _LABEL.match(s) if ":" in s else None  # every label has a ":"
        if m:
            current = m.group("label").lower()
            labelled.setdefault(current, []).append(m.group("value"))
        elif current in ("abstract", "summary", "title"):
            labelled[current].append(s)
        else:
            plain.append(s)
    if labelled:
        _read_labels(doc, entry, labelled, plain)
    else:  # the usual block: title, maybe an author line, text
        if plain:
            entry.title = squash(plain.pop(0))
        author_text = plain.pop(0) if plain and doc.author_like(plain[0]) else ""
        entry.authors, entry.authors_truncated, entry.author_count = doc.authors(author_text)
        entry.abstract = _ABSTRACT_PREFIX.sub("", squash(" ".join(plain))) or None
    fill_identifiers(entry, entry.raw)
    entry.code_url = code_url_in(entry.raw)
    entry.has_code = entry.code_url is not None
    if not entry.authors:
        entry.flag("no author line was recognised")
    return entry


def _read_labels(
    doc: _Lines, entry: ParsedEntry, labelled: dict[str, list[str]], plain: list[str]
) -> None:
    """Fill ``entry`` from a block with labelled lines ("Title:", "Authors:", ...)
    and its other lines ``plain``."""
    title = labelled.get("title")
    if title:
        entry.title = squash(" ".join(title))
    elif plain:
        entry.title = squash(plain.pop(0))
    author_text = " ".join(
        labelled.get("authors", []) + labelled.get("author", []) + labelled.get("by", [])
    )
    if not author_text and plain and doc.author_like(plain[0]):
        author_text = plain.pop(0)
    entry.authors, entry.authors_truncated, entry.author_count = doc.authors(author_text)
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
    for key in ("subjects", "subject", "categories"):
        for value in labelled.get(key, []):
            entry.topics += [c for c in _TOPIC.findall(value) if c not in entry.topics]


def _block_end(doc: _Lines, start: int, end: int) -> int:
    """A block is its title, author line and one paragraph of text (labelled
    records: up to the next blank line after the labels); later paragraphs
    are left to be read on their own."""
    stripped = doc.stripped
    seen_text = False
    labelled = bool(_LABEL.match(stripped[start]))
    nonblank = 0
    for k in range(start, end):
        if not stripped[k]:
            if seen_text:
                return k
        else:
            nonblank += 1
            if nonblank > 2 or labelled:
                seen_text = True
    return end


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Paper-like blocks and loose identifiers, with honest warnings."""
    result = ParseResult(format=FORMAT)
    doc = _Lines(text.split("\n"))
    lines, stripped = doc.lines, doc.stripped
    starts = _starts(doc)
    covered = bytearray(len(lines))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = _block_end(doc, start, end)
        result.entries.append(_read_block(doc, start, end))
        covered[start:end] = b"\x01" * (end - start)
    known = {(e.arxiv_id, e.doi) for e in result.entries}
    leftover = []
    for k, line in enumerate(lines):
        if covered[k] or not stripped[k]:
            continue
        # every arXiv id and DOI has a digit: most loose lines are not searched
        ids = find_identifiers(line) if _DIGIT(line) else None
        if not ids:
            leftover.append(stripped[k])
            continue
        added = False
        for ident in ids:
            entry = ParsedEntry(raw=stripped[k])
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
            leftover.append(stripped[k])
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
