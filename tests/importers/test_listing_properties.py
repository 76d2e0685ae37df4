"""Property tests for the seed-format parsers (alphaXiv profile and compact,
Hugging Face papers, abstract-only listings).

On any text they never raise, and they never lose a non-empty line silently:
every such line ends up in some entry's ``raw`` block, is recognised page
chrome (or the profile's name), or is quoted or counted in a warning.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import abstracts, alphaxiv, alphaxiv_compact, detect, hf_daily
from readinglist.importers.listing._alphaxiv_grammar import lines_of, quote

PARSERS = [alphaxiv, alphaxiv_compact, hf_daily, abstracts]
REF = ParseContext(reference_date=date(2026, 11, 22))
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("00[0234]_*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                lines.append(line if len(line) < 400 else line[:400])
    return lines


SEED_LINES = _seed_lines()
SHAPES = [
    "CLJan 20Code", "68.6CLMar 25Code", "LGFeb 24, 2023", "ZZMar 3", "astro-ph.COMar 3, 2024",
    "  \u2022 6 authors", "\u00b7", "Jul 8, 2025 3", "Jan 5", "Abstract:", "Abstract: Short.",
    "CV", "h-index98", "14papers", "14 Papers", "Daily Papers", "Subscribe", "new",
    "Shwai He, Liang Ding et al.", "A Title: With Glued AuthorsJane Doe, John Roe et al.",
    "Yizhao Gao, Zhichen Zeng et al. \u00b7 microsoft-research", "et al.", "", "", "",
]  # fmt: skip

line_strategy = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(SHAPES),
    st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=["Cs"]), max_size=80),
)
paste_strategy = st.lists(line_strategy, max_size=40).map("\n".join)


def _check_no_line_lost(module, text: str) -> None:
    result = module.parse(text, REF)
    if not result.entries:  # nothing read: a warning says so for the whole paste
        assert not text.strip() or result.warnings
        return
    raws = "\n".join(e.raw for e in result.entries)
    warnings = " ".join(result.warnings)
    name = (result.profile or {}).get("name")
    counted = sum(int(n) for n in re.findall(r"Skipped (\d+) lines?", warnings))
    lost = []
    for line in lines_of(text):
        s = line.strip()
        if not s or s in raws or module.page_chrome(s) or s == name:
            continue
        if quote(s)[1:-1].rstrip("\u2026") in warnings:
            continue
        lost.append(s)
    assert len(lost) <= counted, (lost, result.warnings)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=st.text(max_size=600))
def test_never_raises_on_arbitrary_text(module, text):
    result = module.parse(text, REF)
    assert isinstance(result.warnings, list)
    module.sniff(text)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=paste_strategy)
@settings(max_examples=150)
def test_never_loses_a_line_of_a_mixed_paste(module, text):
    _check_no_line_lost(module, text)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=st.text(max_size=400))
def test_never_loses_a_line_of_random_text(module, text):
    _check_no_line_lost(module, text)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=paste_strategy)
def test_sniff_is_a_probability(module, text):
    assert 0.0 <= module.sniff(text) <= 1.0


@given(text=paste_strategy)
def test_detect_and_parse_text_never_raise(text):
    detect.detect(text)
    detect.parse_text(text, REF)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
def test_seeds_lose_no_line(module):
    for path in sorted(SEEDS.glob("00[0234]_*.txt")):
        _check_no_line_lost(module, path.read_text(encoding="utf-8"))
