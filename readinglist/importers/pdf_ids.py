"""Identifiers and the year printed on a paper's first pages.

Owns: the arXiv margin stamp (``arXiv:2103.15348v2 [cs.CV] 21 Jun 2021``, often
rotated), arXiv ids in page text, DOIs (also when broken across a line), and
the publication year from copyright lines, journal citation lines,
"Published" dates and the arXiv stamp.  Reference lists are never used: the
caller hands in text from before the references heading only.  Pure
functions over strings; no PyMuPDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_NEW_ID = r"(\d{4}\.\d{4,5})(v\d+)?"
_OLD_ID = r"([a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?"
_CATEGORY = r"([a-z][a-z\-]*(?:\.[A-Za-z\-]+)?)"

ARXIV_STAMP_RE = re.compile(
    rf"arXiv:\s*(?:{_NEW_ID}|{_OLD_ID})\s*\[\s*{_CATEGORY}\s*\]\s*"
    rf"(\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d\d)?",
    re.IGNORECASE,
)
ARXIV_TEXT_RE = re.compile(
    rf"(?:arXiv:\s*|arxiv\.org/(?:abs|pdf)/)(?:{_NEW_ID}|{_OLD_ID})", re.IGNORECASE
)

# A DOI: 10.<registrant>/<suffix>; the suffix runs to whitespace.
_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>{}]+)", re.IGNORECASE)
_DOI_LABEL_RE = re.compile(r"(?:\bdoi\s*[:.]?\s*|doi\.org/\s*)$", re.IGNORECASE)


@dataclass
class ArxivStamp:
    arxiv_id: str  # without version
    version: str | None
    category: str | None
    year: int | None
    from_stamp: bool  # the full margin stamp (with category) was printed


def _valid_year(year: int, today: date | None = None) -> bool:
    today = today or date.today()
    return 1800 <= year <= today.year + 1


def _stamp(m: re.Match[str]) -> ArxivStamp:
    year = None
    if m.group(6):
        y = int(m.group(6)[-4:])
        year = y if _valid_year(y) else None
    return ArxivStamp(m.group(1) or m.group(3), m.group(2) or m.group(4), m.group(5), year, True)


def find_arxiv(texts: list[str], body: list[str] | None = None) -> ArxivStamp | None:
    """The paper's own arXiv id.

    ``texts`` are trusted places (the rotated margin stamp, the page's header
    and footer band): a stamp or a plain ``arXiv:`` id there counts.  ``body``
    is the rest of the first page (before any references), where only a full
    stamp with its date counts, never an id cited in passing."""
    for text in texts:
        m = ARXIV_STAMP_RE.search(text)
        if m:
            return _stamp(m)
    for text in body or ():
        for m in ARXIV_STAMP_RE.finditer(text):
            if m.group(6):
                return _stamp(m)
    for text in texts:
        m = ARXIV_TEXT_RE.search(text)
        if m:
            ident = m.group(1) or m.group(3)
            return ArxivStamp(ident, m.group(2) or m.group(4), None, None, False)
    return None


def arxiv_id_year(arxiv_id: str) -> int | None:
    """The year a new-style id was issued (``1504.06236`` -> 2015)."""
    m = re.match(r"(\d\d)(\d\d)\.", arxiv_id)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return 2000 + int(m.group(1))


def _clean_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:")
    # drop an unbalanced closing bracket that belonged to the sentence
    for open_, close in ("()", "[]"):
        while doi.endswith(close) and doi.count(close) > doi.count(open_):
            doi = doi[:-1].rstrip(".,;:")
    return doi


def find_dois_at(lines: list[str]) -> list[tuple[str, bool, int]]:
    """DOIs in ``lines`` in order, each with whether a label (``doi:``,
    ``doi.org/``) introduced it and the index of its line.  A DOI broken at
    the end of a line (``.../journal.`` + ``pone.0197919``) is joined with the
    next line."""
    found: list[tuple[str, bool, int]] = []
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        for m in _DOI_RE.finditer(line):
            doi = m.group(1)
            at_end = m.end() >= len(line.rstrip())
            if at_end and re.search(r"[./\-_]$", doi) and i + 1 < len(lines):
                nxt = lines[i + 1].strip().split(" ")[0] if lines[i + 1].strip() else ""
                if re.match(r"^[\w.\-/()]+$", nxt):
                    doi += nxt
            doi = _clean_doi(doi)
            if not re.search(r"/\S", doi):
                continue
            labelled = bool(_DOI_LABEL_RE.search(line[: m.start()]))
            key = doi.lower()
            if key in seen:
                k = seen[key]
                d, lab, idx = found[k]
                found[k] = (d, lab or labelled, idx)
                continue
            seen[key] = len(found)
            found.append((doi, labelled, i))
    return found


def find_dois(lines: list[str]) -> list[tuple[str, bool]]:
    """DOIs in ``lines`` with whether a label introduced each (see find_dois_at)."""
    return [(d, lab) for d, lab, _ in find_dois_at(lines)]


# DOI prefixes of data and software archives: a paper cites its data there
# (Zenodo, figshare, Dryad, PANGAEA, Software Heritage); such a DOI is the
# paper's own only when printed in the page header or footer.
_DATA_PREFIXES = ("10.5281/", "10.6084/", "10.5061/", "10.1594/", "10.17605/")


def pick_doi(
    candidates: list[tuple[str, bool]], margin: list[bool] | None = None
) -> tuple[str | None, float]:
    """The paper's DOI among first-page candidates, with a confidence.

    ``margin`` says for each candidate whether it is printed in the page's
    header/footer band, where journals print the article's own DOI."""
    if not candidates:
        return None, 0.0
    flags = margin if margin is not None and len(margin) == len(candidates) else \
        [False] * len(candidates)
    scored = []
    for (doi, labelled), in_margin in zip(candidates, flags, strict=True):
        if doi.lower().startswith(_DATA_PREFIXES) and not in_margin:
            continue
        score = (2 if labelled else 0) + (1 if in_margin else 0)
        scored.append((score, doi))
    if not scored:
        return None, 0.0
    best = max(score for score, _ in scored)
    doi = next(d for score, d in scored if score == best)
    conf = {3: 0.95, 2: 0.9, 1: 0.8}.get(best, 0.75 if len(scored) == 1 else 0.55)
    return doi, conf


# ---------------------------------------------------------------------------
# Years

_YEAR = r"((?:18|19|20)\d\d)"
_DRAFT_RE = re.compile(
    r"\b(draft|compiled|typeset|generated|printed|last (?:revised|modified|updated)|"
    r"version of|preprint submitted)\b",
    re.IGNORECASE,
)
_PUBLISHED_RE = re.compile(
    rf"\b(?:Published(?: online)?|Available online|Online publication date|Erschienen|"
    rf"(?:Advance Access )?Publication date|(?:this version )?posted|Publié le)\s*"
    rf"[:\-]?\s*(?:\d{{1,2}}\s+)?(?:{_MONTHS}\s+)?(?:\d{{1,2}},?\s+)?{_YEAR}\b",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(
    rf"(?:©|\(c\)|c⃝|ⓒ|\bCopyright\b\s*(?:©|\(c\)|c⃝|c\s*⃝)?)\s*(?:by\s+)?{_YEAR}\b",
    re.IGNORECASE,
)
# "54 a, 272-273 (1999)", "13(6): e0197919 (2018)", "Vol. 12, No. 3, pp. 1-10, 2004"
_CITATION_RES = (
    re.compile(rf"\b\d+\s*[a-zA-Z]?\s*[,:]\s*[eE]?\d+\s*(?:[-–]\s*\d+)?\s*\(\s*{_YEAR}\s*\)"),
    re.compile(rf"\b\d+\s*\(\s*{_YEAR}\s*\)\s*[,:]?\s*[eE]?\d+(?:\s*[-–]\s*\d+)?"),
    # Oxford: "Bioinformatics, 36(1), 2020, 1-8"
    re.compile(rf"\b\d+\s*\(\d+\)\s*,\s*{_YEAR}\s*,\s*[eE]?\d+"),
    # Springer: "Machine Learning (2020) 109:1-25"
    re.compile(rf"\(\s*{_YEAR}\s*\)\s*\d+\s*:\s*[eE]?\d+"),
    # MDPI / Elsevier: "Sensors 2020, 20, 1234", "Neural Networks 2019; 12: 3-9"
    re.compile(rf"\b[A-Z][A-Za-z.]+\s+{_YEAR}\s*[,;]\s*\d+\s*[,:(]\s*[eE]?\d+"),
    re.compile(r"\bVol(?:ume|\.)?\s*\d+.{0,40}?\b(?:19|20)\d\d\b", re.IGNORECASE),
)
# Venue notices: "Published as a conference paper at ICLR 2021", "Accepted at NeurIPS 2022"
_VENUE_RE = re.compile(
    rf"\b(?:published|accepted|presented|appear(?:s|ing)?)\b[\w\s]{{0,40}}?\b(?:at|in|to|for)\s+"
    rf"(?:the\s+)?[A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*\s*['’]?\s*{_YEAR}\b",
    re.IGNORECASE,
)
# Conference lines: "PLDI'09, June 15-20, 2009, Dublin, Ireland."
_CONFERENCE_RE = re.compile(
    rf"\b[A-Z][A-Za-z]+\s?['’`]\s?\d\d\s*,\s*{_MONTHS}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?,\s*{_YEAR}"
)


def find_year(lines: list[str], *, today: date | None = None) -> tuple[int | None, float]:
    """The publication year printed in ``lines`` (first-page text, header and
    footer included, references excluded) and a confidence.

    Only dates that say what they are count, in this order: a journal
    citation line, "Published", a copyright line, a conference line, a venue
    notice.  Draft/compile dates and
    "Received"/"Accepted" dates are not publication years; nothing printed
    gives ``None`` (a wrong year is worse than none)."""
    best: dict[str, int] = {}
    for line in lines:
        if _DRAFT_RE.search(line):
            continue
        for kind, rx in (("published", _PUBLISHED_RE), ("copyright", _COPYRIGHT_RE),
                         ("conference", _CONFERENCE_RE), ("venue", _VENUE_RE)):
            m = rx.search(line)
            if m and kind not in best:
                y = int(m.group(m.lastindex or 1))
                if _valid_year(y, today):
                    best[kind] = y
        if "citation" not in best:
            for rx in _CITATION_RES:
                m = rx.search(line)
                if m and not re.search(r"\b(received|accepted|revised|submitted)\b",
                                       line[: m.start()], re.IGNORECASE):
                    ys = re.findall(r"(?:18|19|20)\d\d", m.group(0))
                    y = int(ys[-1]) if ys else 0
                    if _valid_year(y, today):
                        best["citation"] = y
                        break
    # The journal citation line carries the bibliographic year (an article
    # published online in December appears in next year's volume).
    for kind, conf in (("citation", 0.95), ("published", 0.95), ("copyright", 0.9),
                       ("conference", 0.85), ("venue", 0.8)):
        if kind in best:
            return best[kind], conf
    return None, 0.0
