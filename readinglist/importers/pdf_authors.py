"""Author names from the lines under a paper's title.

Owns the author rules: the block under the title up to the affiliations,
abstract heading or running text; affiliation markers (digits, letters,
∗†‡§¶♦♣) told apart from names by being set as superscripts (raised or
clearly smaller spans), so a letter glued to a name ("Roisina") is still a
marker; separators (commas, "and", "·", wide gaps between names set side by
side, rows of an author grid); "Member, IEEE" and emails dropped; spaced
accents joined and ALL-CAPS names recased.  Plain data in (``pdf_layout``
pages); no PyMuPDF.
"""

from __future__ import annotations

import re

from readinglist.importers.pdf_layout import (
    _ABSTRACT_HEADING_RE,
    _AFFILIATION_RE,
    _STOP_RE,
    MARKER_CHARS,
    Line,
    Page,
    Span,
    TitleResult,
    _is_noise,
    _overlaps,
)
from readinglist.importers.pdf_text import clean_spaces, fix_accents, fix_ligatures, recase_name

_SMALL_NAME_WORDS = {"van", "von", "der", "den", "de", "du", "da", "di", "del", "della",
                     "dos", "das", "le", "la", "ter", "ten", "bin", "binti", "al", "y", "e"}
_NOT_NAME_WORDS = {"and", "the", "of", "for", "in", "on", "with", "abstract", "keywords",
                   "introduction", "department", "university", "institute", "corresponding",
                   "author", "authors", "equal", "contribution", "contributed", "preprint",
                   "school", "research", "notes", "address", "email"}

_SEP = "\x00"
_IEEE_RE = re.compile(
    r",?\s*(?:Student\s+|Senior\s+|Life\s+)?(?:Member|Fellow)\s*,?\s*(?:IEEE|ACM)\b", re.IGNORECASE
)
_EMAIL_RE = re.compile(r"\S+@\S+|\{[^}]*\}\s*@\S*")
_SPLIT_RE = re.compile(r"\x00|,|;|&|·|•|\band\b|\bund\b|\bet\b(?!\s+al)", re.IGNORECASE)


def _line_segments(line: Line) -> str:
    """The line's text with every affiliation marker, and every wide gap
    between spans (names set side by side), turned into a separator."""
    out = []
    prev: Span | None = None
    for s in line.spans:
        t = s.text
        if (prev is not None and prev.x1 is not None and s.x0 is not None
                and s.x0 - prev.x1 > 1.5 * max(s.size, 1.0)):
            out.append(_SEP)
        if s.sup or (t.strip() and all(c in MARKER_CHARS or c.isspace() for c in t)):
            out.append(_SEP)
        else:
            out.append(re.sub(r"\s{3,}", _SEP, t))
        if t.strip():
            prev = s
    return "".join(out)


def _is_affiliation_line(line: Line) -> bool:
    first = next((s for s in line.spans if s.text.strip()), None)
    text = line.text
    if first is not None and (first.sup or first.text.strip()[:1] in MARKER_CHARS) and \
            len(clean_spaces(line.main_text)) > 3 and _AFFILIATION_RE.search(text):
        return True
    if _AFFILIATION_RE.search(_EMAIL_RE.sub(" ", line.main_text)):
        return True
    if "@" in text or re.search(r"\{[^}]*,[^}]*\}", text):
        # an email line, unless names stand beside the addresses (JMLR style)
        return not _names_in(line)
    return False


def _names_in(line: Line) -> list[str]:
    """The names on one line if every fragment of it (emails aside) is a name."""
    seg = _EMAIL_RE.sub(_SEP, _line_segments(line))
    parts = [p for p in _SPLIT_RE.split(seg) if p.strip(" .,;")]
    names = [clean_name(p) for p in parts]
    return [n for n in names if n] if parts and all(names) else []


def clean_name(raw: str) -> str | None:
    """One author name from a separated fragment, or None if it is not one."""
    t = _EMAIL_RE.sub(" ", raw)
    t = re.sub(r"\([^)]*\)", " ", t)
    t = re.sub(rf"[\d{re.escape(MARKER_CHARS)}\"“”‘„]", " ", t)
    t = fix_accents(fix_ligatures(clean_spaces(t)))
    t = re.sub(r"^(?:and|und|et|by)\s+", "", t, flags=re.IGNORECASE)
    t = t.strip(" '’`´.,;:()[]")
    if t.endswith(" Jr") or t.endswith(" Sr"):
        t += "."
    words = t.split()
    if not 2 <= len(words) <= 6 or len(t) > 60:
        return None
    for w in words:
        core = w.strip(".")
        if not core:
            return None
        if core.lower() in _NOT_NAME_WORDS:
            return None
        if not (core[0].isupper() or core.lower() in _SMALL_NAME_WORDS
                or re.match(r"^[a-z]['’][A-Z]", core)):  # d'Alembert, l'Hôpital
            return None
        if any(not (c.isalpha() or c in "-'’.") for c in core):
            return None
    if _AFFILIATION_RE.search(t):
        return None
    return recase_name(t)


def _first_fragment_words(text: str) -> int:
    frag = _SPLIT_RE.split(text, maxsplit=1)[0]
    return len(frag.split())


def find_authors(page: Page, title: TitleResult, stop_y: float | None) -> tuple[list[str], float]:
    """Author names under the title, in order, and a confidence."""
    if title.title is None:
        return [], 0.0
    limit = stop_y if stop_y is not None else title.bottom + 0.35 * page.height
    width = max(title.x1 - title.x0, 0.3 * page.width)
    mid = (title.x0 + title.x1) / 2
    lo, hi = mid - 0.6 * width, mid + 0.6 * width
    region = [
        ln for ln in page.lines
        if ln.y0 >= title.bottom - 1 and ln.y0 < limit and _overlaps(ln.x0, ln.x1, lo, hi)
    ]
    region.sort(key=lambda ln: (round(ln.y0), ln.x0))
    chosen: list[Line] = []
    skipped = 0
    for ln in region:
        text = clean_spaces(ln.text)
        if not text or _ABSTRACT_HEADING_RE.match(text) or _STOP_RE.match(text):
            break
        if chosen:
            last = chosen[-1]
            same_row = abs(ln.y0 - last.y0) < 0.5 * last.size
            if ln.size < 0.8 * chosen[0].size or (not same_row and ln.y0 - last.y1 > 2.5 * ln.size):
                break
            if _is_affiliation_line(ln):
                break
            chosen.append(ln)
            continue
        if _is_affiliation_line(ln):
            break  # affiliations come after the names
        if _is_noise(_EMAIL_RE.sub(" ", ln.main_text)) or len(text) > 250:
            skipped += 1
            if skipped > 3:
                break
            continue
        names = [n for n in (clean_name(p) for p in _SPLIT_RE.split(_line_segments(ln))) if n]
        if names:
            chosen.append(ln)
        else:
            skipped += 1
            if skipped > 3:
                break
    if not chosen:
        return [], 0.0
    # Author grids (acmart, some journals): further rows of names, set in the
    # same font as the first names, below the affiliations of the first row.
    first = chosen[0]
    below = chosen[-1].y0 + 0.5 * first.size
    for ln in region:
        if ln.y0 <= below or ln in chosen:
            continue
        text = clean_spaces(ln.text)
        if _ABSTRACT_HEADING_RE.match(text) or _STOP_RE.match(text):
            break
        if abs(ln.size - first.size) > 0.3 or ln.bold != first.bold or _is_affiliation_line(ln):
            continue
        if _names_in(ln):
            chosen.append(ln)
    # Join the lines: a new pymupdf line on the same row is a new name; a new
    # row continues the last name only when the row starts with a single word
    # and the previous row did not end at a separator ("... Germain" / "Lee4, ...").
    buf = ""
    prev: Line | None = None
    for ln in chosen:
        seg = _line_segments(ln)
        if prev is not None:
            same_row = abs(ln.y0 - prev.y0) < 0.5 * prev.size
            ended = re.search(r"(\x00|,|;|\band)\s*$", buf, re.IGNORECASE) is not None
            if same_row or ended or _first_fragment_words(seg) != 1:
                buf += _SEP
            else:
                buf += " "
        buf += seg
        prev = ln
    buf = _IEEE_RE.sub(_SEP, buf)
    names = []
    for part in _SPLIT_RE.split(buf):
        name = clean_name(part)
        if name and name not in names:
            names.append(name)
    conf = 0.85 if names else 0.0
    if names and title.confidence < 0.6:
        conf = 0.6
    return names, conf
