"""Small text helpers shared by the non-seed listing parsers (arXiv, Scholar,
BibTeX, RIS, ids, references, generic): full printed dates to ISO, years,
LaTeX accents to Unicode, whitespace, and filling an entry's identifiers.
Also ``gc_paused`` (``core.gcpause``), which every parser's ``parse`` wears:
a big paste makes tens of thousands of small objects and none of them form
cycles, so the cyclic garbage collector is held off while a parse runs (a
third of the time of a 100,000-id list went to it).

Dates printed without a year belong to core/dates.py (another module); the
forms here always carry a year ("Thu, 14 Mar 2024", "14 March, 2024",
"2024-03-14", "2024/03", "Mar 2024").
"""

from __future__ import annotations

import re
import unicodedata

from readinglist.core import gcpause
from readinglist.core.entry import ParsedEntry
from readinglist.core.identifiers import arxiv_base_id, find_identifiers, find_urls

gc_paused = gcpause.paused_during  # (see the module docstring)


MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MON},?\s+(?P<year>\d{{4}})\b")
_MDY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
_MY = re.compile(rf"\b{_MON},?\s+(?P<year>\d{{4}})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})[-/](?P<month>\d{1,2})(?:[-/](?P<day>\d{1,2}))?\b")
_YEAR = re.compile(r"(1[5-9]\d\d|20\d\d)(?<![\d.]....)(?![\d.])")  # look-behind last: faster
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace (including line breaks) to one space."""
    return " ".join(text.split())  # str.split() and re's \s agree on what whitespace is


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_full_date(text: str) -> str | None:
    """ISO (possibly partial) date of the first dated expression in ``text``."""
    for rx in (_DMY, _MDY):
        m = rx.search(text)
        if m and m.group("mon").lower() in MONTHS:
            return _iso(int(m.group("year")), MONTHS[m.group("mon").lower()], int(m.group("day")))
    m = _ISO.search(text)
    if m:
        day = int(m.group("day")) if m.group("day") else None
        return _iso(int(m.group("year")), int(m.group("month")), day)
    m = _MY.search(text)
    if m and m.group("mon").lower() in MONTHS:
        return _iso(int(m.group("year")), MONTHS[m.group("mon").lower()])
    return None


_WORDLIKE = re.compile(
    r"^[(\[\"'\u201c\u2018]?[^\W\d_][^\W_]*(?:[-'\u2019.][^\W_]+)*[.,;:)\]\"'\u201d\u2019?!]*$"
)


_CLOSERS = ".,;:)]\"'\u201d\u2019?!"


def wordlike_share(text: str) -> float:
    """Share of whitespace-separated tokens that look like words ("Sun,", "(CIKM",
    "McAuley.") rather than symbol soup; numbers count as half a word."""
    tokens = text.split()
    if not tokens:
        return 0.0
    good = 0.0
    for token in tokens[:400]:
        # letters with closing punctuation ("Sun,", "McAuley.") need no regex
        if token.rstrip(_CLOSERS).isalpha() or _WORDLIKE.match(token):
            good += 1
        elif token.strip(".,;:()[]\u2013-").isdigit():
            good += 0.5
    return good / min(len(tokens), 400)


def wordlike_at_least(text: str, threshold: float) -> bool:
    """``wordlike_share(text) >= threshold``, stopping as soon as the answer is known."""
    tokens = text.split()
    if not tokens:
        return 0.0 >= threshold
    n = min(len(tokens), 400)
    good = 0.0
    for k, token in enumerate(tokens[:n]):
        if token.rstrip(_CLOSERS).isalpha() or _WORDLIKE.match(token):
            good += 1
        elif token.strip(".,;:()[]\u2013-").isdigit():
            good += 0.5
        if good / n >= threshold:
            return True
        if (good + (n - k - 1)) / n < threshold:
            return False
    return good / n >= threshold


def find_year(text: str) -> int | None:
    """The last plausible publication year (1500-2099) printed in ``text``."""
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


# --- LaTeX -------------------------------------------------------------------

_ACCENTS = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    "u": "\u0306",
    ".": "\u0307",
    '"': "\u0308",
    "r": "\u030a",
    "H": "\u030b",
    "v": "\u030c",
    "d": "\u0323",
    "c": "\u0327",
    "k": "\u0328",
    "b": "\u0331",
}
_SPECIAL = {
    "ss": "\u00df",
    "o": "\u00f8",
    "O": "\u00d8",
    "l": "\u0142",
    "L": "\u0141",
    "ae": "\u00e6",
    "AE": "\u00c6",
    "oe": "\u0153",
    "OE": "\u0152",
    "aa": "\u00e5",
    "AA": "\u00c5",
    "i": "\u0131",
    "j": "\u0237",
    "dh": "\u00f0",
    "th": "\u00fe",
    "textendash": "\u2013",
    "textemdash": "\u2014",
    "textquoteright": "\u2019",
    "textquoteleft": "\u2018",
    "ldots": "\u2026",
    "dots": "\u2026",
    "textregistered": "\u00ae",
    "texttrademark": "\u2122",
    "copyright": "\u00a9",
    "S": "\u00a7",
    "P": "\u00b6",
}
# "{\x" or "\x": written as a branch of two literals (not "\{?\\"), which re
# scans for much faster; the matches are the same.
_ACCENT_RE = re.compile(
    r"(?:\{\\|\\)(?P<acc>[`'^~=.\"]|[uvHcdkrb](?=[\s{]))\s*(?:\{\s*(?P<b>\\?[A-Za-z])\s*\}|(?P<c>\\?[A-Za-z]))\}?"
)
_SPECIAL_RE = re.compile(r"(?:\{\\|\\)(?P<cmd>[A-Za-z]+)(?:\{\}|\s+|(?=[^A-Za-z]))\}?")
# Cheap tests for "could the pattern above match at all" (every match has one of these).
_ACCENT_HINT = re.compile(r"\\[`'^~=.\"uvHcdkrb]")
_SPECIAL_HINT = re.compile(r"\\[A-Za-z]")
_ESCAPED = re.compile(r"\\([&%$#_{}])")
_FORMAT_CMD = re.compile(r"\\(?:emph|textit|textbf|textsc|texttt|textrm|mathrm|mbox|url|href)\s*\{")


def _accent(m: re.Match[str]) -> str:
    base = (m.group("b") or m.group("c") or "").lstrip("\\")
    return unicodedata.normalize("NFC", base + _ACCENTS[m.group("acc")])


def _special(m: re.Match[str]) -> str:
    return _SPECIAL.get(m.group("cmd"), m.group(0))


def latex_to_unicode(text: str) -> str:
    """{\\"u} -> ü, {\\'e} -> é, \\ss -> ß, \\& -> &, -- -> –, braces dropped.

    Math ($...$) is kept as printed; unknown commands are left alone.
    """
    if text.isalnum():  # "2019", "jul", "NeurIPS": nothing to change
        return text
    if "\\" in text:
        if _ACCENT_HINT.search(text):
            text = _ACCENT_RE.sub(_accent, text)
        if _SPECIAL_HINT.search(text):
            text = _SPECIAL_RE.sub(_special, text)
        text = _FORMAT_CMD.sub("{", text)
        text = _ESCAPED.sub("\x00\\1", text)
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("~", " ")
    text = text.replace("{", "").replace("}", "").replace("\x00", "")
    return squash(text)


# --- identifiers on an entry ---------------------------------------------------


def fill_identifiers(entry: ParsedEntry, text: str) -> None:
    """Set arxiv_id / doi / url on ``entry`` from ``text`` where still empty."""
    if not (entry.arxiv_id and entry.doi):
        for ident in find_identifiers(text):
            if ident.kind == "arxiv" and not entry.arxiv_id:
                entry.arxiv_id = arxiv_base_id(ident.value)
            elif ident.kind == "doi" and not entry.doi:
                entry.doi = ident.value
    if not entry.url:
        urls = find_urls(text)
        if urls:
            entry.url = urls[0]


def code_url_in(text: str) -> str | None:
    """A code-hosting URL (GitHub, GitLab, Bitbucket, Hugging Face Spaces) in ``text``."""
    for url in find_urls(text):
        if re.match(
            r"https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co/spaces)/",
            url,
            re.I,
        ):
            return url
    return None
