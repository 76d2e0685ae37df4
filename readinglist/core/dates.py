"""Partial dates as listings print them, resolved against a reference date.

Owns the reading of "Jan 20", "Sep 21, 2025", "21 Sep 2025", "Mar 2025",
"2025", "2025-03" and "2025-03-21" into an ISO string of the precision the
source gave ("YYYY-MM-DD", "YYYY-MM" or "YYYY") plus the year.  A date shown
without a year ("Jan 20") is the latest such date not after the reference date
(listings show the current year's dates without one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

# Month names as a regex alternation, longest first so "June" wins over "Jun".
MONTH_RE = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))

# The forms a listing prints, for embedding in parser regexes (no anchors, no
# capturing groups of its own, so callers can wrap it).
DATE_PATTERN = (
    rf"(?:(?:{MONTH_RE})\.? \d{{1,2}}(?:,? \d{{4}})?"  # Jan 20 / Sep 21, 2025
    rf"|\d{{1,2}} (?:{MONTH_RE})\.?(?: \d{{4}})?"  # 21 Sep 2025
    rf"|(?:{MONTH_RE})\.? \d{{4}}"  # Mar 2025
    r"|\d{4}-\d{2}(?:-\d{2})?"  # 2025-03-21
    r"|(?:19|20)\d{2})"  # 2025
)

_MD = re.compile(rf"(?P<mon>{MONTH_RE})\.? (?P<day>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?", re.I)
_DM = re.compile(rf"(?P<day>\d{{1,2}}) (?P<mon>{MONTH_RE})\.?(?: (?P<year>\d{{4}}))?", re.I)
_MY = re.compile(rf"(?P<mon>{MONTH_RE})\.?,? (?P<year>\d{{4}})", re.I)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})(?:-(?P<day>\d{2}))?")
_Y = re.compile(r"(?P<year>(?:1[89]|20|21)\d{2})")


@dataclass(frozen=True)
class PartialDate:
    """A date with the precision its source gave."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def latest_month_day(month: int, day: int, reference: date) -> date | None:
    """The latest ``month``/``day`` not after ``reference`` (None if no such day exists).

    Feb 29 goes back to the last leap year.
    """
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    for year in range(reference.year, reference.year - 9, -1):
        if _valid(year, month, day) and date(year, month, day) <= reference:
            return date(year, month, day)
    return None


def parse_date(text: str, reference: date | None = None) -> PartialDate | None:
    """Read one date written as a listing prints it; None if ``text`` is not a date.

    The whole of ``text`` (stripped) must be the date.  Without a year, the
    month/day is resolved against ``reference`` (default today).
    """
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    if not text or len(text) > 40:
        return None
    ref = reference or date.today()
    for pattern in (_MD, _DM):
        m = pattern.fullmatch(text)
        if m:
            month = MONTHS[m["mon"].lower()]
            day = int(m["day"])
            if m["year"]:
                year = int(m["year"])
                return PartialDate(year, month, day) if _valid(year, month, day) else None
            resolved = latest_month_day(month, day, ref)
            if resolved is None:
                return None
            return PartialDate(resolved.year, resolved.month, resolved.day)
    m = _MY.fullmatch(text)
    if m:
        return PartialDate(int(m["year"]), MONTHS[m["mon"].lower()])
    m = _ISO.fullmatch(text)
    if m:
        year, month = int(m["year"]), int(m["mon"])
        if not 1 <= month <= 12:
            return None
        if m["day"] is None:
            return PartialDate(year, month)
        day = int(m["day"])
        return PartialDate(year, month, day) if _valid(year, month, day) else None
    m = _Y.fullmatch(text)
    if m:
        return PartialDate(int(m["year"]))
    return None


def iso_and_year(text: str, reference: date | None = None) -> tuple[str | None, int | None]:
    """``(iso, year)`` for a printed date, or ``(None, None)`` if it is not one."""
    parsed = parse_date(text, reference)
    if parsed is None:
        return None, None
    return parsed.iso, parsed.year
