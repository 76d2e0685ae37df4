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

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import normalize_doi
from readinglist.importers.listing._authorlist import join_broken_accents
from readinglist.importers.listing._textutil import fill_identifiers, gc_paused, squash

FORMAT = "ris"

_TAG = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|)$")
_SNIFF_TY = re.compile(r"\nTY  ?- ")
_SNIFF_ER = re.compile(r"\nER  ?-")
_SNIFF_TAG = re.compile(r"\n[A-Z][A-Z0-9]  - ")
_DATE = re.compile(r"\s*(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?")
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


def _name(value: str) -> str:
    value = join_broken_accents(squash(value))
    parts = [p.strip() for p in value.split(",")]
    if len(parts) >= 2 and parts[1]:
        suffix = f", {parts[2]}" if len(parts) > 2 and parts[2] else ""
        return f"{parts[1]} {parts[0]}{suffix}"
    return value


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


def _record(fields: list[tuple[str, str]], raw: str) -> ParsedEntry:
    entry = ParsedEntry(raw=raw)
    get: dict[str, list[str]] = {}
    for tag, value in fields:
        get.setdefault(tag, []).append(value.strip())

    def first(*tags: str) -> str | None:
        for tag in tags:
            values = get.get(tag)
            if values:
                for value in values:
                    if value:  # stripped when stored
                        return squash(value)
        return None

    ty = first("TY")
    entry.entry_type = _TYPES.get((ty or "").upper(), (ty or "").lower() or None)
    entry.title = first("TI", "T1", "CT")
    if entry.entry_type == "book" and not entry.title:
        entry.title = first("BT")
    for tag in ("AU", "A1"):
        entry.authors.extend(_name(v) for v in get.get(tag, []) if v.strip())
    if not entry.authors:
        entry.authors = [_name(v) for v in get.get("A2", []) if v.strip()]
    entry.venue = first("T2", "JO", "JF", "JA", "J2", "BT", "T3")
    date = first("DA", "PY", "Y1", "Y2")
    py = first("PY", "Y1")
    entry.date, entry.year = _date(date or "")
    if py and entry.date:
        py_date = _date(py)
        if py_date[1] != entry.year:
            entry.date, entry.year = py_date
    doi = first("DO")
    entry.doi = normalize_doi(doi) if doi else None
    entry.url = first("UR", "L1", "L2")
    entry.abstract = first("AB", "N2")
    sp, ep = first("SP"), first("EP")
    entry.pages = f"{sp}\u2013{ep}" if sp and ep else sp
    entry.volume = first("VL")
    entry.publisher = first("PB")
    fill_identifiers(
        entry, " ".join(v for t in ("UR", "L1", "DO", "M3", "N1") for v in get.get(t, []))
    )
    if not entry.title:
        entry.flag("the RIS record has no title")
    return entry


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read every RIS record in ``text``."""
    result = ParseResult(format=FORMAT)
    fields: list[tuple[str, str]] = []
    raw_lines: list[str] = []
    outside = 0
    in_record = False
    for line in text.split("\n"):
        m = _TAG.match(line.rstrip())
        tag, value = m.groups() if m else (None, None)
        if tag == "TY":
            if in_record and fields:
                result.warnings.append("A RIS record had no end line (ER); it was kept as read.")
                result.entries.append(_record(fields, "\n".join(raw_lines).strip()))
            in_record, fields, raw_lines = True, [], []
        if not in_record:
            if line.strip():
                outside += 1
            continue
        raw_lines.append(line)
        if m:
            if tag == "ER":
                result.entries.append(_record(fields, "\n".join(raw_lines).strip()))
                in_record, fields, raw_lines = False, [], []
                continue
            fields.append((tag, value or ""))
        elif line.strip() and fields:
            tag, value = fields[-1]
            fields[-1] = (tag, value + " " + line.strip())
    if in_record and fields:
        result.warnings.append(
            "The last RIS record is cut off (no ER line): the paste may have ended mid-record."
        )
        result.entries.append(_record(fields, "\n".join(raw_lines).strip()))
    if outside:
        result.warnings.append(f"{outside} line(s) outside any RIS record were ignored.")
    if not result.entries:
        result.warnings.append("No RIS records (TY ... ER) were found.")
    return result
