"""Reference lists copied from a paper or a web page.

Splitting: references are numbered ("[1] ...", "1. ...", "1) ...", "(1) ...";
the numbers must run in sequence, so a wrapped line that starts with "30."
does not start a new reference) or bulleted ("-", "*", "•"); lines without a
marker continue the reference above (hard line breaks are joined).  Without
markers, blank-line separated paragraphs are the references.

Reading one reference: ids (arXiv, DOI, URL) are pulled first; then the
style is recognised by its shape: a quoted title (IEEE), "Authors. Year.
Title. In Venue." (ACM), "Authors (Year). Title. Venue" (APA), "Authors:
Title. Venue (Year)" (Springer/LNCS), else sentence order "Authors. Title.
Venue. Year" (Vancouver and the like).  Text is kept as printed, except that
author names get a capital a PDF copy split off joined back ("Ł ukasz" ->
"Łukasz", in _authorlist).
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.importers.listing import _refparse
from readinglist.importers.listing._textutil import gc_paused, squash, wordlike_at_least

FORMAT = "references"

_NUM = re.compile(
    r"^\s*(?:\[(?P<a>\d{1,4})\]|\((?P<b>\d{1,4})\)|(?P<c>\d{1,4})[.)])\s+(?P<rest>\S.*)$"
)
_BULLET = re.compile(r"^\s*[-*\u2022\u25cf\u25e6\u2023]\s+(?P<rest>\S.*)$")
_HEADING = re.compile(
    r"^\s*#*\s*(?:references|bibliography|works cited|literature cited|citations)\s*:?\s*$", re.I
)
_ARXIV_LISTING = re.compile(
    r"(?m)^\s*(?:\[\d+\]|\d{1,5}\.)\s+arXiv:\S+\s+(?:\(|\[(?:pdf|html|ps|other))"
)
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?<!\d....)(?!\d)")  # look-behind last: faster


def _marker(line: str) -> tuple[int | None, str] | None:
    m = _NUM.match(line)
    if m:
        n = m.group("a") or m.group("b") or m.group("c")
        return int(n), m.group("rest")
    m = _BULLET.match(line)
    if m:
        return None, m.group("rest")
    return None


def split_references(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(reference text joined on one line, raw block) pairs, and skipped lines."""
    lines = text.split("\n")
    refs: list[tuple[list[str], list[str]]] = []  # (content lines, raw lines)
    skipped: list[str] = []
    expected: int | None = None
    numbered = any(_NUM.match(ln) for ln in lines[:2000])
    for line in lines:
        s = line.strip()
        if not s:
            if refs:
                refs[-1][1].append(line)
            continue
        if _HEADING.match(s):
            continue
        mk = _marker(line)
        starts = False
        if mk is not None:
            n, rest = mk
            if n is None:
                starts = not numbered
            elif expected is None or n == expected or (n == 1 and refs):
                starts = True
            if starts:
                expected = (n + 1) if n is not None else None
                refs.append(([rest], [line]))
                continue
        if refs:
            refs[-1][0].append(s)
            refs[-1][1].append(line)
        else:
            skipped.append(s)
    if not refs:
        # no markers: paragraphs separated by blank lines
        for para in re.split(r"\n\s*\n", text):
            body = [ln.strip() for ln in para.split("\n") if ln.strip() and not _HEADING.match(ln)]
            if body:
                refs.append((body, para.strip("\n").split("\n")))
        skipped = []
    out = []
    for content, raw in refs:
        out.append((_join(content), "\n".join(raw).strip("\n")))
    return out, skipped


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines; a hyphen at a line end joins words ("Recom-" + "mendation")."""
    text = ""
    for ln in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and ln[:1].islower():
            text = text[:-1] + ln
        else:
            text = f"{text} {ln}" if text else ln
    return squash(text)


def is_chrome(line: str) -> bool:
    """A "References" / "Bibliography" heading."""
    return bool(_HEADING.match(line))


def _wordy(text: str) -> bool:
    """Mostly words, as a citation is (random text is not)."""
    return wordlike_at_least(text, 0.6)


def sniff(text: str) -> float:
    """High for numbered/bulleted lines that read like citations (names, year, title)."""
    lines = [ln for ln in text[:200000].split("\n") if ln.strip()]
    if not lines:
        return 0.0
    if "arXiv:" in text[:200000] and _ARXIV_LISTING.search(text[:200000]):
        return 0.1
    marked = [ln for ln in lines[:3000] if _marker(ln)]
    if not marked:
        return 0.0
    citey = sum(
        1 for ln in marked if _YEAR.search(ln) and (ln.count(",") >= 1 or ". " in ln) and _wordy(ln)
    )
    share = citey / len(marked)
    if citey < 2 and len(marked) > 1:
        return 0.1
    return min(0.85, 0.3 + 0.5 * share + 0.02 * citey)


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """One entry per reference, with authors, title, venue, year and ids."""
    result = ParseResult(format=FORMAT)
    refs, skipped = split_references(text)
    seen: dict[str, ParsedEntry] = {}
    repeats = 0
    repeated: dict[str, list[str]] = {}
    garbage: list[str] = []
    for body, raw in refs:
        if not _wordy(body):
            garbage.append(raw)
            continue
        key = body.lower()
        if key in seen:
            repeats += 1
            repeated.setdefault(key, []).append(raw)
            continue
        entry = _refparse.parse_reference(body)
        entry.raw = raw
        seen[key] = entry
        if not entry.title:
            entry.flag("the title of this reference could not be told apart")
        result.entries.append(entry)
    if garbage:
        lines = sum(1 for raw in garbage for ln in raw.split("\n") if ln.strip())
        result.warnings.append(
            f"{len(garbage)} numbered item(s) do not read as references; their {lines} line(s) were skipped."
        )
    for key, raws in repeated.items():
        seen[key].raw = "\n".join([seen[key].raw, *raws])
    if skipped:
        result.warnings.append(
            f"{len(skipped)} line(s) before the first reference were skipped: "
            + "; ".join(repr(s[:60]) for s in skipped[:3])
        )
    if repeats:
        result.warnings.append(f"{repeats} reference(s) appeared twice; each is kept once.")
    if result.entries:
        last = result.entries[-1]
        if not last.year and len(result.entries) > 1 and all(e.year for e in result.entries[:-1]):
            result.warnings.append(
                "The last reference has no year: the paste may have been cut mid-reference."
            )
    return result
