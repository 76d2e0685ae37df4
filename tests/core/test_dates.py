"""Partial dates as listings print them, resolved against a reference date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readinglist.core.dates import DATE_PATTERN, iso_and_year, latest_month_day, parse_date

REF = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "iso", "year"),
    [
        ("Jan 20", "2026-01-20", 2026),
        ("Nov 22", "2026-11-22", 2026),  # the reference day itself
        ("Nov 23", "2025-11-23", 2025),  # one day later: last year's
        ("Dec 25", "2025-12-25", 2025),
        ("Sep 21, 2025", "2025-09-21", 2025),
        ("Sep 21 2025", "2025-09-21", 2025),
        ("September 21, 2025", "2025-09-21", 2025),
        ("Sept 21, 2025", "2025-09-21", 2025),
        ("21 Sep 2025", "2025-09-21", 2025),
        ("Mar 2025", "2025-03", 2025),
        ("March 2025", "2025-03", 2025),
        ("2025", "2025", 2025),
        ("2025-03", "2025-03", 2025),
        ("2025-03-21", "2025-03-21", 2025),
        ("  Jul  8,  2025 ", "2025-07-08", 2025),
        ("jan 5", "2026-01-05", 2026),
    ],
)
def test_printed_dates(text, iso, year):
    assert iso_and_year(text, REF) == (iso, year)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Foo 12",
        "Feb 30, 2024",
        "Jan 32",
        "2025-13",
        "2025-02-30",
        "yesterday",
        "Jan 20 Code",
        "12345",
        "Mar 25Code",
    ],  # fmt: skip
)
def test_not_dates(text):
    assert parse_date(text, REF) is None
    assert iso_and_year(text, REF) == (None, None)


def test_feb_29_without_a_year_goes_back_to_a_leap_year():
    assert parse_date("Feb 29", REF).iso == "2024-02-29"
    assert parse_date("Feb 29", date(2024, 2, 28)).iso == "2020-02-29"


def test_reference_defaults_to_today():
    today = date.today()
    assert parse_date(today.strftime("%b %d")).iso == today.isoformat()


def test_pattern_matches_what_parse_date_reads():
    rx = re.compile(DATE_PATTERN)
    for text in ("Jan 20", "Sep 21, 2025", "Mar 2025", "2025", "21 Sep 2025", "2025-03-21"):
        assert rx.fullmatch(text), text


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_year_less_date_is_the_latest_not_after_the_reference(reference):
    for probe in (date(2000, 1, 1), date(2000, 6, 15), date(2000, 12, 31)):
        got = latest_month_day(probe.month, probe.day, reference)
        assert got is not None and got <= reference
        assert (got.month, got.day) == (probe.month, probe.day)
        later = date(got.year + 1, probe.month, probe.day)
        assert later > reference


@given(st.text(max_size=40))
def test_never_raises(text):
    parse_date(text, REF)
