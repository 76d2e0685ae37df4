"""alphaXiv listings: an author's profile page (format 1) and the compact listing (format 2).

Both print the same entry grammar: a header line gluing an optional score, the
category and the date, with an optional "Code" suffix ("68.6CLMar 25Code",
"LGFeb 24, 2023"), then the title, the authors ("A, B, C et al.", optionally
"· organization") and the abstract.  The profile page separates these with
blank lines and has a header (name, "CV", "h-index98", "14papers", ...,
"14 Papers"); the compact listing glues title and authors on one line and has
no blank lines.  One reader handles both layouts, entry by entry, and names
the result after the layout most entries used; ``alphaxiv_compact`` is the
second format name (see that module).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from readinglist.core import topics
from readinglist.core.dates import DATE_PATTERN, parse_date
from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.importers.listing._alphaxiv_grammar import (
    AuthorLine,
    fold_duplicates,
    is_name,
    lines_of,
    parse_author_line,
    quote,
    simple_key,
    skipped_warning,
    split_glued,
)
from readinglist.importers.listing._textutil import code_url_in, gc_paused
from readinglist.importers.listing.detect import normalize_text

FORMAT = "alphaxiv"
COMPACT = "alphaxiv_compact"

_CATEGORY = r"(?:[A-Z]{2}){1,3}|[a-z]{2,8}(?:-[a-z]{2,3})?(?:\.[A-Za-z]{2}(?:-[a-z]{2,5})?)?"
HEADER = re.compile(
    rf"(?:(?P<score>\d{{1,3}}(?:\.\d{{1,2}})?) ?)?(?P<cat>{_CATEGORY}) ?"
    rf"(?P<date>{DATE_PATTERN})(?P<code> ?Code)?"
)
_DIGIT = re.compile(r"\d").search
_STATS: list[tuple[str, re.Pattern[str]]] = [
    ("h_index", re.compile(r"h-?index\s*:?\s*(\d+)", re.I)),
    ("paper_count", re.compile(r"(\d[\d,]*)\s*papers", re.I)),
    ("citations", re.compile(r"(\d[\d,]*)\s*citations?", re.I)),
    ("novelty", re.compile(r"novelty\s*:?\s*(\d+(?:\.\d+)?)\s*%", re.I)),
    ("ai_score", re.compile(r"ai\s*score\s*:?\s*(\d+(?:\.\d+)?)", re.I)),
]
# "14 Papers" heading above the list (with a space and a capital, unlike "14papers").
_LIST_COUNT = re.compile(r"(\d[\d,]*) Papers?")
_CHROME = frozenset(
    s.casefold()
    for s in (
        "CV",
        "Follow",
        "Following",
        "Load more",
        "Show more",
        "View all",
        "Papers",
        "Overview",
        "Publications",
        "Code",
    )  # fmt: skip
)


def page_chrome(line: str) -> bool:
    """Is ``line`` part of the page around the listing (profile header, buttons)?"""
    s = line.strip()
    if s.casefold() in _CHROME or _LIST_COUNT.fullmatch(s):
        return True
    return any(p.fullmatch(s) for _k, p in _STATS)


def header_match(line: str) -> re.Match[str] | None:
    """The entry header ("CLJan 20Code") on ``line``, if it is one."""
    s = line.strip()
    if len(s) > 60 or not s:
        return None
    if _DIGIT(s) is None:  # every header has a date, and every date a digit
        return None
    m = HEADER.fullmatch(s)
    if m is None:
        return None
    cat = m["cat"]
    if not cat.isupper():  # "astro-ph.CO", "hep-th": must be a real code ("in 2023" is not)
        return m if topics.normalize_code(cat) else None
    if all(topics.is_known_bare(cat[k : k + 2]) for k in range(0, len(cat), 2)):
        return m
    # an unknown bare category only in the glued form alphaXiv prints ("ZZMar 3")
    glued = s[m.end("cat") : m.end("cat") + 1].isalpha()
    return m if glued and m["date"][:1].isalpha() else None


def _number(text: str) -> float | int:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


@dataclass
class _Block:
    header: int  # line index of the header
    end: int  # one past the last line
    body: list[int] = field(default_factory=list)  # indices of non-blank, non-chrome lines


def _person_like(text: str) -> bool:
    """Loosely a person's name ("Dr. Jane Q. Doe"): short, no digits, capitalised words."""
    words = text.split()
    return (
        len(text) <= 60
        and 1 <= len(words) <= 6
        and not any(ch.isdigit() or ch in ":;|/@" for ch in text)
        and all(w[:1].isupper() for w in words)
    )


def _profile(
    lines: list[str], chrome: set[int], stop: int
) -> tuple[dict[str, Any] | None, int | None]:
    """Profile fields from the lines before ``stop``; also the "N Papers" list count."""
    profile: dict[str, Any] = {}
    listed: int | None = None
    first_stat: int | None = None
    for i in range(stop):
        s = lines[i].strip()
        m = _LIST_COUNT.fullmatch(s)
        if m:
            listed = int(m.group(1).replace(",", ""))
            chrome.add(i)
            continue
        for key, pattern in _STATS:
            m = pattern.fullmatch(s)
            if m:
                profile.setdefault(key, _number(m.group(1)))
                chrome.add(i)
                first_stat = i if first_stat is None else first_stat
                break
        else:
            if s.casefold() in _CHROME:
                chrome.add(i)
                first_stat = i if first_stat is None else first_stat
    if first_stat is not None:
        # the person's name: the first name-like line above the stats
        above = [i for i in range(first_stat) if lines[i].strip() and i not in chrome]
        named = [i for i in above if is_name(lines[i].strip(), 1)] or [
            i for i in above[:1] if _person_like(lines[i].strip())
        ]
        if named:
            profile = {"name": lines[named[0]].strip(), **profile}
            chrome.add(named[0])
    if not profile and listed is None:
        return None, None
    if listed is not None:
        profile["listed"] = listed
    profile.setdefault("name", None)
    profile["source"] = "alphaxiv"
    return profile, listed


def _mark_repeated_profile(lines: list[str], chrome: set[int], start: int,
                           owner: str | None) -> None:
    """A second copy of the profile header inside the listing (pasted twice) is
    chrome: its stats lines, and the owner's name just before them (only the
    name of the profile at the top: another line there is the paper's own)."""
    for i in range(start, len(lines)):
        s = lines[i].strip()
        if not s or i in chrome:
            continue
        if page_chrome(s):
            chrome.add(i)
            if any(p.fullmatch(s) for _k, p in _STATS) or s.casefold() == "cv":
                j = i - 1
                while j >= 0 and (not lines[j].strip() or j in chrome):
                    j -= 1
                if j >= 0 and owner and lines[j].strip().casefold() == owner.casefold():
                    chrome.add(j)


def _entry_from(block: _Block, lines: list[str], ctx: ParseContext) -> tuple[ParsedEntry, str]:
    """Build one entry; the second value says how title and authors were laid out."""
    m = header_match(lines[block.header])
    assert m is not None
    entry = ParsedEntry()
    first_line = block.header
    last_line = block.body[-1] if block.body else block.header
    entry.raw = "\n".join(lines[first_line : last_line + 1])
    if m["score"]:
        entry.score = float(m["score"])
    cat = m["cat"]
    code = topics.expand_bare(cat)
    if code is None and len(cat) > 2 and cat.isupper():  # several glued bare categories
        parts = [topics.expand_bare(cat[k : k + 2]) for k in range(0, len(cat), 2)]
        if all(parts):
            entry.topics = [p for p in parts if p]
    elif code is not None:
        entry.topics = [code]
    if not entry.topics:
        entry.warnings.append(f"Unknown category {quote(cat)}: no topic set.")
    parsed = parse_date(m["date"], ctx.reference_date)
    if parsed is not None:
        entry.date, entry.year = parsed.iso, parsed.year
    entry.has_code = bool(m["code"])

    body = [lines[i].strip() for i in block.body]
    layout = "missing"
    authors: AuthorLine | None = None
    rest: list[str] = []
    if body:
        second = parse_author_line(body[1]) if len(body) > 1 else None
        if second is not None:
            entry.title, authors, rest, layout = body[0], second, body[2:], "spaced"
        else:
            glued = split_glued(body[0])
            if glued is not None:
                entry.title, authors = glued
                rest, layout = body[1:], "glued"
            else:
                entry.title, rest = body[0], body[1:]
    if authors is not None:
        entry.authors = authors.names
        entry.authors_truncated = authors.truncated
        entry.organization = authors.organization
    if rest:
        entry.abstract = "\n".join(rest)
        if entry.has_code:
            url = code_url_in(entry.abstract)
            # TeX markup around a link ("\\url{…}", "\\href{…}{this link}") is not part of it
            entry.code_url = (
                re.split(r"[{}\\]", url, maxsplit=1)[0].rstrip(".,;:)") if url else None
            )
    return entry, layout


@gc_paused
def parse_listing(text: str, ctx: ParseContext | None = None) -> ParseResult:
    """Parse either alphaXiv layout; the result's format names the layout found."""
    ctx = ctx or ParseContext()
    lines = lines_of(text)
    headers = [i for i, line in enumerate(lines) if header_match(line)]
    result = ParseResult(format=FORMAT)
    if not headers:
        result.warnings.append(
            "No alphaXiv entries (a category and date line such as "
            "\u201cCLJan 20\u201d) were found."
        )
        return result
    chrome: set[int] = set()
    profile, listed = _profile(lines, chrome, headers[0])
    owner = profile.get("name") if profile else None
    _mark_repeated_profile(lines, chrome, headers[0], owner if isinstance(owner, str) else None)
    skipped = [lines[i].strip() for i in range(headers[0]) if lines[i].strip() and i not in chrome]

    blocks: list[_Block] = []
    for n, start in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        body = [i for i in range(start + 1, end) if lines[i].strip() and i not in chrome]
        blocks.append(_Block(start, end, body))

    entries: list[ParsedEntry] = []
    layouts = {"spaced": 0, "glued": 0, "missing": 0}
    for n, block in enumerate(blocks):
        entry, layout = _entry_from(block, lines, ctx)
        is_last = n == len(blocks) - 1
        if entry.title is None or (is_last and not entry.authors and entry.abstract is None):
            left_out = ", ".join(quote(lines[i]) for i in [block.header, *block.body])
            result.warnings.append(
                f"The paste seems cut off: the last entry is incomplete and was left out: {left_out}."
                if is_last
                else f"An entry with no title was left out: {left_out}."
            )
            continue
        layouts[layout] += 1
        if not entry.authors:
            entry.flag("The authors could not be told apart from the title.")
            entry.warnings.append("No author list found for this entry.")
        if is_last and entry.abstract is None and any(e.abstract for e in entries):
            result.warnings.append(
                f"The paste seems cut off: the last entry ({quote(entry.title)}) has no abstract."
            )
        entries.append(entry)
    result.format = COMPACT if layouts["glued"] > layouts["spaced"] else FORMAT
    result.entries, dup_warning = fold_duplicates(entries, lambda e: simple_key(e.title))
    if dup_warning:
        result.warnings.append(dup_warning)
    warning = skipped_warning(skipped, "before the first paper")
    if warning:
        result.warnings.append(warning)
    if profile is not None:
        result.profile = profile
        stated = listed if listed is not None else profile.get("paper_count")
        if isinstance(stated, int) and stated != len(result.entries):
            result.warnings.append(
                f"The page says {stated} papers but {len(result.entries)} were found "
                "(a partial paste, or a list shown in pages?)."
            )
    return result


@lru_cache(maxsize=4)  # both alphaXiv sniffers ask about the same paste
def analyse(text: str) -> tuple[int, int, int]:
    """Cheap layout census for sniffing: (headers, spaced entries, glued entries)."""
    # only the first 4,000 lines (and 5 after them) are looked at
    lines = [s.rstrip() for s in normalize_text(text[:400_000]).split("\n", 4010)[:4006]]
    headers = spaced = glued = 0
    limit = min(len(lines), 4000)
    for i in range(limit):
        if not header_match(lines[i]):
            continue
        headers += 1
        if headers > 60:  # enough to know the layout; keeps sniffing cheap on big pastes
            headers -= 1
            break
        nxt = [s.strip() for s in lines[i + 1 : i + 6] if s.strip()][:2]
        if len(nxt) == 2 and parse_author_line(nxt[1]) is not None:
            spaced += 1
        elif nxt and split_glued(nxt[0]) is not None:
            glued += 1
    return headers, spaced, glued


def _score(text: str, want_glued: bool) -> float:
    headers, spaced, glued = analyse(text)
    if headers == 0:
        return 0.0
    good = glued if want_glued else spaced
    other = spaced if want_glued else glued
    confirmed = (spaced + glued) / headers
    base = min(0.95, 0.55 + 0.1 * min(spaced + glued, 4)) * max(confirmed, 0.3)
    if good >= other and good > 0:
        return round(base, 3)
    if good == other == 0:
        return round(base * (0.9 if not want_glued else 0.85), 3)
    return round(base * 0.8, 3)


def sniff(text: str) -> float:
    """High for an alphaXiv profile/listing with title and authors on separate lines."""
    return _score(text, want_glued=False)


def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Entries of an alphaXiv profile page (or compact listing); never raises on text."""
    return parse_listing(text, ctx)
