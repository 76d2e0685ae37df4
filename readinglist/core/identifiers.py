"""arXiv identifiers and DOIs: find them in text, validate and normalise them.

arXiv ids come in two styles: the old ``archive[.SC]/YYMMNNN`` ("hep-th/9901001",
"math.AG/0601001") and the new ``YYMM.NNNN[N]`` ("0704.0001", "2403.08726"),
both with an optional version ("v2").  They are printed bare, with an
"arXiv:" prefix, or inside URLs (arxiv.org/abs/, /pdf/, export.arxiv.org,
alphaxiv.org, huggingface.co/papers, ar5iv).  DOIs are printed bare, with
"doi:", as https://doi.org/... or dx.doi.org URLs, quoted, or followed by
sentence punctuation.

``normalize_arxiv_id`` keeps the version; ``arxiv_base_id`` drops it (that is
the form used for matching and stored in ``ParsedEntry.arxiv_id``).
``normalize_doi`` keeps the printed case; ``doi_key`` is the case-folded form
for matching.  All regexes here are linear (no nested quantifiers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

# Archives that used the old identifier scheme (before April 2007).
OLD_ARCHIVES = frozenset(
    """acc-phys adap-org alg-geom ao-sci astro-ph atom-ph bayes-an chao-dyn chem-ph
    cmp-lg comp-gas cond-mat cs dg-ga funct-an gr-qc hep-ex hep-lat hep-ph hep-th
    math math-ph mtrl-th nlin nucl-ex nucl-th patt-sol physics plasm-ph q-alg q-bio
    q-fin quant-ph solv-int stat supr-con""".split()
)

_NEW_CORE = r"(?P<new>(?P<yymm>\d{4})\.(?P<num>\d{4,5}))"
_OLD_CORE = r"(?P<old>(?P<arch>[a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z]{2})?/(?P<oyymm>\d{4})\d{3})"
_VERSION = r"(?P<ver>v\d{1,3})?"

_ARXIV_ID_RE = re.compile(rf"^(?:{_NEW_CORE}|{_OLD_CORE}){_VERSION}$")
_ARXIV_ID_AFTER = re.compile(rf"(?:{_NEW_CORE}|{_OLD_CORE}){_VERSION}$")  # match(s, pos)

# In running text: an id after "arXiv:", inside an arXiv-like URL, or bare.
_ARXIV_IN_TEXT = re.compile(
    r"(?P<prefix>(?i:arxiv)\s?:\s?"
    r"|(?i:https?://)?(?i:(?:www\.|export\.)?arxiv\.org|(?:www\.)?alphaxiv\.org|ar5iv\.(?:labs\.arxiv\.)?org"
    r"|huggingface\.co|hf\.co)/(?i:abs|pdf|html|overview|papers|format|ps)/"
    r")?"
    r"(?(prefix)|(?<![\w./-]))"
    rf"(?:{_NEW_CORE}|{_OLD_CORE}){_VERSION}"
    r"(?![\w-]|\.\d)"
)

_DOI_CORE = re.compile(r"10\.\d{4,9}/[^\s\"'<>{}]+")
_DOI_IN_TEXT = re.compile(
    r"(?:(?i:doi)\s?:\s?|(?i:https?://)?(?i:(?:dx\.)?doi\.org)/)?"
    r"(?P<doi>10\.\d{4,9}/[^\s\"'<>{}\u2018\u2019\u201c\u201d]+)"
)
_TRAILING = ".,;:!?)]}>\u2019\u201d'\""
# Cheap pre-checks: the full patterns only run where these find something.
_MAYBE_ARXIV = re.compile(r"\d{4}\.\d{4}|/\d{7}")
_PDF_SUFFIX = re.compile(r"\.pdf$", re.I)
_VERSION_SUFFIX = re.compile(r"v\d+$")
_DOI_TAIL = re.compile(r"(?i)\.pdf$|/(?:full|abstract|pdf|epdf)$")
ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.I)  # arXiv's own DOIs
_YYMM = re.compile(r"(?:^|/)(\d{2})(\d{2})(?:\.\d{4,5}|\d{3})")
_REST_OK = re.compile(r"[/#?][^\s]*|\s*")


def _valid_yymm(yymm: str, old: bool) -> bool:
    month = int(yymm[2:])
    if not 1 <= month <= 12:
        return False
    year = int(yymm[:2])
    if old:
        # old scheme ran from 1991-08 to 2007-03
        return year >= 91 or year <= 7
    return year >= 7


def _check(match: re.Match[str]) -> str | None:
    if match.group("new"):
        yymm, num = match.group("yymm"), match.group("num")
        if not _valid_yymm(yymm, old=False):
            return None
        # 4-digit numbers until 1412, 5-digit from 1501 on
        if (len(num) == 5) != (yymm >= "1501"):
            return None
        core = match.group("new")
    else:
        if match.group("arch").lower() not in OLD_ARCHIVES:
            return None
        if not _valid_yymm(match.group("oyymm"), old=True):
            return None
        core = match.group("old")
    return core + (match.group("ver") or "")


def is_arxiv_id(text: str) -> bool:
    """True if ``text`` is exactly one well-formed arXiv id (version allowed)."""
    m = _ARXIV_ID_RE.match(text.strip())
    return bool(m and _check(m))


def normalize_arxiv_id(text: str) -> str | None:
    """The id in ``text`` ("arXiv:2403.08726v2", a URL, ...) as "2403.08726v2", else None.

    The text must be one identifier (possibly wrapped in a URL or a prefix),
    not a sentence that contains one.
    """
    s = text.strip().strip("<>\"'()[]").strip()
    m = _ARXIV_ID_RE.match(s)
    if m:  # the common case: a bare id
        return _check(m)
    if s[:6].lower() == "arxiv:":  # the next most common: "arXiv:2403.08726"
        m = _ARXIV_ID_AFTER.match(s, 6)
        if m:
            return _check(m)
    if not (_NEW_HIT_ANY.search(s) or _OLD_HIT_ANY.search(s)):  # = _MAYBE_ARXIV.search(s)
        return None
    s = _PDF_SUFFIX.sub("", s)
    m = _ARXIV_IN_TEXT.match(s)
    if not m:
        return None
    rest = s[m.end() :]
    if rest and not _REST_OK.fullmatch(rest):
        return None
    return _check(m)


# Longest text an id match can have before its core: "https://ar5iv.labs.arxiv.org/overview/".
_PREFIX_MAX = 48
# ... and before a DOI's "10.": "https://dx.doi.org/", "doi : ".
_DOI_PREFIX_MAX = 24

# Finding matches fast.  Every match of _ARXIV_IN_TEXT has a core ("YYMM.NNNN"
# or "archive/YYMMNNN") that holds a _MAYBE_ARXIV hit, and a match either
# starts at its core (bare: then nothing word-like comes before it) or has a
# prefix that ends exactly where the core starts: "arXiv:" and "arXiv: " end
# in ":" or ": ", URLs in "/".  A prefix holds no digits, so it never spans
# another core; a URL prefix is made of letters, digits, ".", ":" and "/" and
# starts with one of a few letters (whatever the case rules).  So instead of
# trying the whole pattern at every position of a text, the search jumps from
# core to core and tries the pattern only at that core and where a prefix
# ending there can start.  DOIs likewise: every match's DOI starts with "10.",
# and a "doi:" or doi.org prefix ends exactly there.
#
# The two halves of _MAYBE_ARXIV, each led by a literal character (which the
# regex engine scans for fast): the "." of "YYMM.NNNN" and the "/" of
# "/YYMMNNN".  ASCII text needs only [0-9]; other text keeps \d's meaning.
_NEW_HIT_ASCII = re.compile(r"\.(?<=[0-9]{4}\.)[0-9]{4}")
_NEW_HIT_ANY = re.compile(r"\.(?<=\d{4}\.)\d{4}")
_OLD_HIT_ASCII = re.compile(r"/[0-9]{7}")
_OLD_HIT_ANY = re.compile(r"/\d{7}")
_URL_PREFIX_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/")


class _Prefixes:
    """Matching one identifier pattern (an optional prefix, then a core) at
    a core: the pattern is tried where a prefix ending at the core can start."""

    def __init__(self, pattern: re.Pattern[str], label: str, url_first: str, longest: int):
        self.pattern = pattern
        # "arXiv :" and "arXiv:" are the longest and the shortest label forms
        self.label_lengths = (len(label) + 2, len(label) + 1)
        self.label_first = frozenset((label[0].lower(), label[0].upper()))
        self.url_first = frozenset(url_first)  # first letters of the URL prefixes
        self.longest = longest

    def match(self, text: str, core: int, lo: int) -> re.Match[str] | None:
        """The first match starting in ``lo..core`` whose core is at ``core``:
        one with a prefix ending there (tried from the leftmost place such a
        prefix can start), else a bare one."""
        pattern = self.pattern
        prev = text[core - 1] if core else ""
        if prev == ":" or (prev.isspace() and core > 1 and text[core - 2] == ":"):
            end = core if prev == ":" else core - 1  # just after the ":"
            first = self.label_first
            for n in self.label_lengths:
                q = end - n
                if q >= lo and text[q] in first:
                    m = pattern.match(text, q)
                    if m is not None:
                        return m
        elif prev == "/":  # a URL: letters, digits, ".", ":" and "/" back to its start
            q = core - 1
            limit = max(lo, core - self.longest)
            while q > limit and text[q - 1] in _URL_PREFIX_CHARS:
                q -= 1
            first = self.url_first
            while q < core - 1:
                if text[q] in first:
                    m = pattern.match(text, q)
                    if m is not None:
                        return m
                q += 1
        return pattern.match(text, core)


_ARXIV_AT_CORE = _Prefixes(_ARXIV_IN_TEXT, "arxiv", "AaHhWwEe", _PREFIX_MAX)
_DOI_AT_CORE = _Prefixes(_DOI_IN_TEXT, "doi", "DdHh", _DOI_PREFIX_MAX)


def _arxiv_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_ARXIV_IN_TEXT.finditer(text)``, found faster (see above).

    Cores come in text order; every position before ``tried`` that could
    start a match has been tried, so each position is tried at most once.
    """
    if text.isascii():
        new_hit, old_hit = _NEW_HIT_ASCII.search, _OLD_HIT_ASCII.search
    else:
        new_hit, old_hit = _NEW_HIT_ANY.search, _OLD_HIT_ANY.search
    none = len(text) + 1
    next_new = next_old = -1  # the next hit of each kind at or after ``at``
    pos = 0  # the next match starts here or later (the end of the last one)
    tried = 0
    at = 0
    while True:
        if next_new < at:
            hit = new_hit(text, at + 4)
            next_new = hit.start() - 4 if hit is not None else none
        if next_old < at:
            hit = old_hit(text, at)
            next_old = hit.start() if hit is not None else none
        core = next_new if next_new < next_old else next_old
        if core == none:
            return
        at = core + 1
        if text[core] == "/":  # old style: the archive name ("hep-th") comes first
            while (
                core > 0
                and text[core - 1].isascii()
                and (text[core - 1].isalpha() or text[core - 1] in ".-")
            ):
                core -= 1
        lo = max(pos, tried)
        if core < lo:
            continue
        m = _ARXIV_AT_CORE.match(text, core, lo)
        tried = core + 1
        if m is not None:
            yield m
            pos = m.end()
            at = max(at, pos)


def _doi_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DOI_IN_TEXT.finditer(text)``, tried only at each "10."
    and where a prefix ending there starts."""
    pos = 0
    tried = 0
    at = 0
    while True:
        core = text.find("10.", at)
        if core == -1:
            return
        at = core + 1
        lo = max(pos, tried)
        if core < lo:
            continue
        m = _DOI_AT_CORE.match(text, core, lo)
        tried = core + 1
        if m is not None:
            yield m
            pos = m.end()
            at = max(at, pos)


def arxiv_base_id(arxiv_id: str) -> str:
    """The id without its version: "2403.08726v2" -> "2403.08726"."""
    arxiv_id = arxiv_id.strip()
    if "v" not in arxiv_id[-5:]:
        return arxiv_id
    return _VERSION_SUFFIX.sub("", arxiv_id)


def arxiv_year_month(arxiv_id: str) -> tuple[int, int] | None:
    """(year, month) of first submission encoded in an id, if it is valid."""
    m = _YYMM.search(arxiv_id)
    if not m:
        return None
    yy, mm = int(m.group(1)), int(m.group(2))
    return (1900 + yy if yy >= 91 else 2000 + yy, mm)


def find_arxiv_ids(text: str) -> list[str]:
    """Every arXiv id in ``text`` in order of appearance, normalised (with version)."""
    found: list[str] = []
    for m in _arxiv_matches(text):
        ident = _check(m)
        if ident:
            found.append(ident)
    return found


def _trim_doi(doi: str) -> str:
    doi = unquote(doi) if "%2" in doi.upper() else doi
    doi = _DOI_TAIL.sub("", doi)
    return _trim_trailing(doi)


def _trim_trailing(text: str) -> str:
    """Drop trailing sentence punctuation, keeping a ")" or "]" that closes one
    opened inside (linear: bracket counts are kept, not recounted)."""
    opened = {")": text.count("("), "]": text.count("[")}
    closed = {")": text.count(")"), "]": text.count("]")}
    end = len(text)
    while end and text[end - 1] in _TRAILING:
        ch = text[end - 1]
        if ch in opened:
            if opened[ch] >= closed[ch]:
                break
            closed[ch] -= 1
        end -= 1
    return text[:end]


def is_doi(text: str) -> bool:
    """True if ``text`` is exactly one bare DOI ("10.1000/xyz")."""
    s = text.strip()
    return bool(_DOI_CORE.fullmatch(s)) and _trim_doi(s) == s


def normalize_doi(text: str) -> str | None:
    """The DOI in ``text`` (bare, "doi:", doi.org URL, quoted, trailing punctuation) or None."""
    s = text.strip().strip("<>\"'\u201c\u201d\u2018\u2019").strip().lstrip("([").strip()
    if "10." not in s:
        return None
    if "%2f" in s.lower():
        s = unquote(s)
    m = _DOI_IN_TEXT.match(s)
    if not m:
        return None
    doi = _trim_doi(m.group("doi"))
    return doi if _DOI_CORE.fullmatch(doi) else None


def doi_key(doi: str) -> str:
    """Case-folded DOI for matching (DOIs are case-insensitive)."""
    return doi.strip().lower()


def find_dois(text: str) -> list[str]:
    """Every DOI in ``text``, in order, trimmed of surrounding punctuation."""
    found: list[str] = []
    if "10." not in text:
        return found
    for m in _doi_matches(text):
        doi = _trim_doi(m.group("doi"))
        if _DOI_CORE.fullmatch(doi):
            found.append(doi)
    return found


@dataclass(frozen=True)
class Identifier:
    """One identifier found in text: ``kind`` is "arxiv" or "doi"; ``value`` normalised."""

    kind: str
    value: str
    start: int
    end: int


def find_identifiers(text: str) -> list[Identifier]:
    """arXiv ids and DOIs in ``text`` in order of appearance.

    A DOI that is arXiv's own ("10.48550/arXiv.2403.08726") counts as the
    arXiv id.  An arXiv-looking number inside a DOI is not reported twice.
    """
    out: list[Identifier] = []
    doi_spans: list[tuple[int, int]] = []
    for m in _doi_matches(text):
        doi = _trim_doi(m.group("doi"))
        if not _DOI_CORE.fullmatch(doi):
            continue
        doi_spans.append((m.start(), m.start("doi") + len(doi)))
        arx = ARXIV_DOI.fullmatch(doi)
        ident = normalize_arxiv_id(arx.group(1)) if arx else None
        if ident:
            out.append(Identifier("arxiv", ident, m.start(), m.start("doi") + len(doi)))
        else:
            out.append(Identifier("doi", doi, m.start(), m.start("doi") + len(doi)))
    span = 0  # both lists run in text order: one pointer keeps this linear
    for m in _arxiv_matches(text):
        while span < len(doi_spans) and doi_spans[span][1] <= m.start():
            span += 1
        if span < len(doi_spans) and doi_spans[span][0] <= m.start():
            continue
        ident = _check(m)
        if ident:
            out.append(Identifier("arxiv", ident, m.start(), m.end()))
    out.sort(key=lambda i: i.start)
    return out


_URL_RE = re.compile(r"https?://[^\s<>\"'\u201c\u201d]+")


def find_urls(text: str) -> list[str]:
    """http(s) URLs in ``text``, trailing sentence punctuation removed."""
    urls: list[str] = []
    if "://" not in text:
        return urls
    for m in _URL_RE.finditer(text):
        urls.append(_trim_trailing(m.group(0)))
    return urls
