"""Parsing speed of every listing parser on realistic large pastes, and of the
whole detect + parse path on the seeds (run by `make bench`; prints MB/s,
never fails on speed; the target is over 5 MB/s per format and all four seeds
together well under 50 ms).

Each real listing is repeated to about 2 MB; in every copy the arXiv ids and
DOIs are renumbered and titles get varied words, so duplicate folding does not
collapse the copies and the parsers do their full work.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import (
    abstracts,
    alphaxiv,
    alphaxiv_compact,
    arxiv_listing,
    bibtex,
    generic,
    hf_daily,
    ids,
    references,
    ris,
    scholar,
)
from readinglist.importers.listing.detect import normalize_text, parse_text

sys.path.insert(0, str(Path(__file__).parent))

from parsebench import measure  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LISTINGS = FIXTURES / "listings"
SEEDS = FIXTURES / "seeds"
TARGET = 2_000_000
CTX = ParseContext(reference_date=date(2026, 11, 22))

RIS_RECORD = """TY  - JOUR
AU  - Aharonov, Y.
AU  - Bohm, D.
TI  - Significance of Electromagnetic Potentials in the Quantum Theory
JO  - Physical Review
PY  - 1959/08/15/
DO  - 10.1103/PhysRev.115.{n}
AB  - In this paper, we discuss some interesting properties of the electromagnetic potentials.
ER  -
"""

# Plain reading notes: what the generic fallback is for.
NOTES = """\
Attention Is All You Need
Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones

The dominant sequence transduction models are based on complex recurrent or
convolutional neural networks. We propose a new simple network architecture, arXiv:1706.03762.

Deep Residual Learning for Image Recognition
Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun
Deeper neural networks are more difficult to train. https://github.com/KaimingHe/deep-residual-networks

also see arXiv:2403.08726 when there is time

Title: Language Models are Few-Shot Learners
Authors: Tom B. Brown and Benjamin Mann
Date: 28 May 2020
Summary: We show that scaling up language models greatly improves
task-agnostic, few-shot performance.

Graph Attention Networks
Petar Veličković, Guillem Cucurull, Arantxa Casanova
We present graph attention networks, novel neural network architectures (doi:10.1000/gat.2018).
"""

_WORDS = "Sparse Robust Scalable Efficient Adaptive Causal Latent Neural Bayesian Hybrid Fast Deep".split()
_TITLE_WORD = re.compile(r"(?<= )(of|for|with|in|Is|Are) (?=[A-Z])")


def _vary(text: str, n: int) -> str:
    """Copy ``n`` of ``text``: new arXiv numbers and DOI suffixes, varied titles."""
    text = re.sub(
        r"(\d{4})\.(\d{4,5})",
        lambda m: f"{m.group(1)}.{(int(m.group(2)) + n) % 100000:05d}",
        text,
    )
    text = re.sub(r"(10\.\d{4,9}/)", rf"\g<1>{n}.", text)
    a, b, c = _WORDS[n % 12], _WORDS[n // 12 % 12], _WORDS[n // 144 % 12]
    return _TITLE_WORD.sub(lambda m: f"{m.group(1)} {a} {b} {c} ", text)


def _grow(text: str, target: int = TARGET) -> str:
    copies = []
    size = 0
    n = 0
    while size < target:
        copy = _vary(text, n)
        copies.append(copy)
        size += len(copy)
        n += 1
    return "\n".join(copies)


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _ris_text() -> str:
    return "\n".join(RIS_RECORD.format(n=n) for n in range(TARGET // len(RIS_RECORD)))


CASES = [
    (alphaxiv, lambda: _seed("000")),
    (alphaxiv_compact, lambda: _seed("002")),
    (hf_daily, lambda: _seed("003")),
    (abstracts, lambda: _seed("004")),
    (arxiv_listing, lambda: (LISTINGS / "arxiv_list_1.txt").read_text(encoding="utf-8")),
    (scholar, lambda: (LISTINGS / "google_scholar_1.txt").read_text(encoding="utf-8")),
    (bibtex, lambda: (LISTINGS / "bibtex_1.txt").read_text(encoding="utf-8")),
    (ris, None),
    (ids, lambda: (LISTINGS / "ids_arxiv_1.txt").read_text(encoding="utf-8")),
    (references, lambda: (LISTINGS / "references_3.txt").read_text(encoding="utf-8")),
    (generic, lambda: NOTES),
]
_FIGURES: dict[str, float] = {}


def _measure(module, text: str) -> tuple[float, float, int]:
    wall, cpu, result = measure(module, text)
    return wall, cpu, len(result.entries)


@pytest.mark.parametrize(("module", "source"), CASES, ids=[c[0].FORMAT for c in CASES])
def test_parse_speed(module, source):
    text = _ris_text() if source is None else normalize_text(_grow(source()))
    wall, cpu, count = _measure(module, text)
    _FIGURES[module.FORMAT] = cpu
    mb = len(text.encode("utf-8")) / 1e6
    print(
        f"\n{module.FORMAT:>16}: {mb:.2f} MB, {count} entries, "
        f"{wall:.2f} MB/s wall, {cpu:.2f} MB/s cpu"
    )


def test_generic_on_text_of_another_format():
    """The fallback also runs over pastes another parser could not read."""
    text = normalize_text(_grow((LISTINGS / "google_scholar_1.txt").read_text(encoding="utf-8")))
    wall, cpu, count = _measure(generic, text)
    print(f"\n generic on Scholar text: {count} entries, {wall:.2f} MB/s wall, {cpu:.2f} MB/s cpu")


def test_seeds_and_listings_through_detect():
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    listings = [p.read_text(encoding="utf-8") for p in sorted(LISTINGS.glob("*.txt"))]
    for name, texts in (("four seeds", seeds), ("listings/ files", listings)):
        for text in texts:  # warm: imports, compiled regexes
            parse_text(text, CTX)
        best = float("inf")
        for k in range(7):  # a different string each round: no cache hides the cost
            probes = [t + " " * (k + 1) for t in texts]
            start = time.perf_counter()
            for text in probes:
                parse_text(text, CTX)
            best = min(best, time.perf_counter() - start)
        kb = sum(len(t.encode("utf-8")) for t in texts) / 1e3
        print(f"\n{name} ({kb:.0f} kB): detect + parse in {best * 1000:.1f} ms (best of 7)")
    if _FIGURES:
        slowest = min(_FIGURES, key=_FIGURES.get)
        print(f"slowest parser: {slowest} at {_FIGURES[slowest]:.2f} MB/s cpu (target: over 5)")
