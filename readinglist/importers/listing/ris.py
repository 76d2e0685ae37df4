"""RIS (Research Information Systems) records, as exported by Zotero, EndNote,
Mendeley, publishers and databases.

Each record is "TAG  - value" lines from ``TY`` to ``ER``; continuation lines
without a tag extend the previous value.  Read: TY (type), AU/A1/A2 (authors,
"Last, First" -> "First Last"), TI/T1 (title), T2/JO/JF/JA/BT (venue), PY/Y1/DA
(date), DO (DOI), UR/L1 (URL), AB/N2 (abstract), SP/EP (pages), VL, PB, KW.
A record cut off before ``ER`` is kept with a warning.
"""

from __future__ import annotations

import re
from functools import lru_cache

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import normalize_doi
from readinglist.importers.listing._authorlist import join_broken_accents
from readinglist.importers.listing._textutil import fill_identifiers, gc_paused, squash

FORMAT = "ris"

# "TAG  - value" (one space before "-" is accepted too), on a line without trailing whitespace
_TAG = re.compile(r"([A-Z][A-Z0-9])  ?-(?: (.*)|)$")
_SNIFF_TY = re.compile(r"\nTY  ?- ")
_SNIFF_ER = re.compile(r"\nER  ?-")
_SNIFF_TAG = re.compile(r"\n[A-Z][A-Z0-9]  - ")
_DATE = re.compile(r"\s*(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?")
_ID_TAGS = ("UR", "L1", "DO", "M3", "N1")
_TYPES = {
    "JOUR": "article",
    "EJOUR": "article",
    "MGZN": "article",
    "NEWS": "article",
    "CONF": "inproceedings",
    "CPAPER": "inproceedings",
    "CHAP": "incollection",
    "BOOK": "book",
    "EBOOK": "book",
    "THES": "phdthesis",
    "RPRT": "techreport",
    "UNPB": "unpublished",
    "GEN": "misc",
    "ELEC": "online",
    "DATA": "dataset",
}


def sniff(text: str) -> float:
    head = text[:200000]
    if "  - " not in head and "TY - " not in head:  # no tag line at all
        return 0.0
    head = "\n" + head  # "\nTAG" finds line starts much faster than "(?m)^TAG"
    ty = len(_SNIFF_TY.findall(head))
    er = len(_SNIFF_ER.findall(head))
    tags = len(_SNIFF_TAG.findall(head))
    if not ty:
        return 0.3 if tags >= 5 else 0.0
    return min(1.0, 0.7 + 0.1 * min(ty, er + 1) + 0.01 * tags)


@lru_cache(maxsize=4096)  # the same people and years come back record after record
def _name(value: str) -> str:
    value = join_broken_accents(squash(value))
    parts = [p.strip() for p in value.split(",")]
    if len(parts) >= 2 and parts[1]:
        suffix = f", {parts[2]}" if len(parts) > 2 and parts[2] else ""
        return f"{parts[1]} {parts[0]}{suffix}"
    return value


@lru_cache(maxsize=1024)
def _date(value: str) -> tuple[str | None, int | None]:
    # RIS dates: "2019", "2019/05/03/", "2019/05//", "2019-05-03"
    m = _DATE.match(value)
    if not m:
        return None, None
    year = int(m.group(1))
    if m.group(2) and 1 <= int(m.group(2)) <= 12:
        if m.group(3) and 1 <= int(m.group(3)) <= 31:
            return f"{year:04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", year
        return f"{year:04d}-{int(m.group(2)):02d}", year
    return f"{year:04d}", year


def _record(fields: dict[str, list[str]], raw: str) -> ParsedEntry:
    """One record from its tag -> [values] map (values stripped, in source order)."""
    firsts: dict[str, str] = {}  # tag -> its first non-empty value, squashed
    for tag, values in fields.items():
        for value in values:
            if value:
                # stripped already: only runs of spaces or other whitespace need squash
                if "  " in value or not value.isprintable():
                    value = squash(value)
                firsts[tag] = value
                break
    first = firsts.get
    ty = first("TY")
    entry_type = _TYPES.get(ty.upper(), ty.lower()) if ty else None
    title = first("TI") or first("T1") or first("CT")
    if entry_type == "book" and not title:
        title = first("BT")
    authors = [_name(v) for tag in ("AU", "A1") for v in fields.get(tag, ()) if v]
    if not authors:
        authors = [_name(v) for v in fields.get("A2", ()) if v]
    date_text = first("DA") or first("PY") or first("Y1") or first("Y2")
    date, year = _date(date_text) if date_text else (None, None)
    py = first("PY") or first("Y1")
    if py and py != date_text:  # the publication year wins over another date's
        py_date = _date(py)
        if py_date[1] is not None and py_date[1] != year:
            date, year = py_date
    doi = first("DO")
    sp, ep = first("SP"), first("EP")
    entry = ParsedEntry(
        title=title,
        authors=authors,
        date=date,
        year=year,
        abstract=first("AB") or first("N2"),
        doi=normalize_doi(doi) if doi else None,
        url=first("UR") or first("L1") or first("L2"),
        venue=(
            first("T2")
            or first("JO")
            or first("JF")
            or first("JA")
            or first("J2")
            or first("BT")
            or first("T3")
        ),
        pages=f"{sp}\u2013{ep}" if sp and ep else sp,
        volume=first("VL"),
        publisher=first("PB"),
        entry_type=entry_type,
        raw=raw,
    )
    ids = [v for tag in _ID_TAGS if tag in fields for v in fields[tag]]
    if ids:
        fill_identifiers(entry, ids[0] if len(ids) == 1 else " ".join(ids))
    if not title:
        entry.flag("the RIS record has no title")
    return entry


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read every RIS record in ``text``."""
    result = ParseResult(format=FORMAT)
    entries = result.entries
    fields: dict[str, list[str]] = {}
    last: list[str] | None = None  # the values of the tag read last: continuations extend it
    start = 0  # index in ``lines`` of the record's TY line
    outside = 0
    in_record = False
    lines = text.split("\n")
    match = _TAG.match
    for i, line in enumerate(lines):
        m = match(line.rstrip())
        if m is None:
            if in_record:
                if last is not None:
                    more = line.strip()
                    if more:
                        value = last[-1]
                        last[-1] = f"{value} {more}" if value else more
            elif line and not line.isspace():
                outside += 1
            continue
        tag, value = m.groups()
        if tag == "TY":
            if in_record and fields:
                result.warnings.append("A RIS record had no end line (ER); it was kept as read.")
                entries.append(_record(fields, _raw(lines, start, i)))
            in_record, fields, last, start = True, {}, None, i
        elif not in_record:
            outside += 1  # a tag line is never blank
            continue
        if tag == "ER":
            entries.append(_record(fields, _raw(lines, start, i + 1)))
            in_record, fields, last = False, {}, None
            continue
        # the line has no trailing whitespace: only leading spaces are left to strip
        value = value.lstrip() if value else ""
        last = fields.get(tag)
        if last is None:
            last = fields[tag] = [value]
        else:
            last.append(value)
    if in_record and fields:
        result.warnings.append(
            "The last RIS record is cut off (no ER line): the paste may have ended mid-record."
        )
        entries.append(_record(fields, _raw(lines, start, len(lines))))
    if outside:
        result.warnings.append(f"{outside} line(s) outside any RIS record were ignored.")
    if not entries:
        result.warnings.append("No RIS records (TY ... ER) were found.")
    return result


def _raw(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip()
