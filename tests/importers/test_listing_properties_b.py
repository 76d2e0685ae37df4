"""Property tests for the arXiv, Scholar, BibTeX, RIS, id-list, reference-list
and generic parsers: they never raise on arbitrary text, and never lose a
non-empty line silently (every line is in some entry's ``raw``, is page
chrome the parser recognises, or is counted in a warning)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readinglist.core.entry import ParseContext, ParseResult
from readinglist.importers.listing import (
    arxiv_listing,
    bibtex,
    generic,
    ids,
    references,
    ris,
    scholar,
)
from readinglist.importers.listing.detect import normalize_text, parse_text

PARSERS = [arxiv_listing, scholar, bibtex, ris, ids, references, generic]
CTX = ParseContext()
LISTINGS = Path(__file__).resolve().parents[1] / "fixtures" / "listings"
REAL_LINES = sorted(
    {
        line
        for path in LISTINGS.glob("*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    }
)
_COUNTED = re.compile(r"(\d+) line\(s\)")


def _unaccounted(module, text: str, result: ParseResult) -> list[str]:
    in_raw: set[str] = set()
    for entry in result.entries:
        in_raw.update(line.strip() for line in entry.raw.split("\n"))
    chrome = getattr(module, "is_chrome", lambda line: False)
    missing = []
    for line in text.split("\n"):
        s = line.strip()
        if s and s not in in_raw and not chrome(line):
            missing.append(s)
    return missing


def _check_accounting(module, text: str) -> None:
    text = normalize_text(text)
    result = module.parse(text, CTX)
    assert isinstance(result, ParseResult)
    assert result.format == module.FORMAT
    missing = _unaccounted(module, text, result)
    if not missing:
        return
    counted = sum(int(n) for w in result.warnings for n in _COUNTED.findall(w))
    quoted = [m for m in missing if any(m[:40] in w for w in result.warnings)]
    assert len(missing) - len(quoted) <= counted, (module.FORMAT, missing[:5], result.warnings)


# Text with the characters these formats care about, so parsers get past their first checks.
_alphabet = st.sampled_from(
    list("abcXYZ019 .,;:-()[]{}@=\"'#%/\n\t\u2026\u00e9\u0141")
    + [
        "arXiv:",
        "2403.08726",
        "10.1000/x",
        " - ",
        "Cited by 3",
        "[PDF] ",
        "TY  - ",
        "ER  - ",
        "@article{k,",
        "title={",
        "}",
        "[1] ",
        "Subjects: (cs.CL)",
        " and ",
        "et al.",
        "Abstract: ",
        "\n\n",
    ]
)
messy = st.lists(_alphabet, max_size=80).map("".join)
real_mix = st.lists(st.sampled_from(REAL_LINES), max_size=40).map("\n".join)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=st.text(max_size=400))
def test_arbitrary_unicode_never_raises_nor_loses_lines(module, text):
    _check_accounting(module, text)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=messy)
def test_format_like_noise_never_raises_nor_loses_lines(module, text):
    _check_accounting(module, text)


@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
@given(text=real_mix)
def test_rearranged_real_lines_never_raise_nor_lose_lines(module, text):
    _check_accounting(module, text)


@given(text=st.one_of(st.text(max_size=300), messy, real_mix))
def test_detection_and_parsing_never_raise(text):
    result = parse_text(text, CTX)
    assert isinstance(result.entries, list)
    for entry in result.entries:
        assert entry.raw.strip()
        assert entry.year is None or 1000 <= entry.year <= 2999


@pytest.mark.slow
@pytest.mark.parametrize("module", PARSERS, ids=lambda m: m.FORMAT)
def test_one_megabyte_adversarial_line(module):
    # long runs of near-matches: catastrophic backtracking would hang here
    pieces = [
        "A" * 250_000,
        "[1] " + "Smith, J., " * 20_000,
        "10.1000/" + "(" * 50_000,
        "arXiv:" + "2403." * 40_000,
        " - " * 50_000,
        "\u2026, " * 50_000,
    ]
    line = "".join(pieces)
    assert len(line) > 1_000_000
    result = module.parse(line, CTX)
    assert isinstance(result, ParseResult)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_characters_give_no_papers_and_say_so(seed):
    import random
    import string

    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + string.punctuation + "      \n"
    text = "".join(rng.choices(alphabet, k=300_000))
    result = parse_text(text, CTX)
    assert result.entries == []
    assert result.warnings  # the user is told why nothing was imported
    garbage = bytes(rng.getrandbits(8) for _ in range(100_000)).decode("latin-1")
    assert parse_text(garbage, CTX).entries == []
