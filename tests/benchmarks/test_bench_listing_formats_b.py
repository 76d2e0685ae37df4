"""Parsing speed of the arXiv, Scholar, BibTeX, RIS, id-list, reference-list and
generic parsers (run by `make bench`; prints MB/s, never fails on speed).

Each real listing is repeated to about 2 MB; ids are made unique per copy so
the parsers do their full work instead of collapsing repeats.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from readinglist.core.entry import ParseContext
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

LISTINGS = Path(__file__).resolve().parents[1] / "fixtures" / "listings"
TARGET = 2_000_000

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


def _grow(text: str) -> str:
    copies = []
    size = 0
    n = 0
    while size < TARGET:
        # a different 5-digit arXiv number and DOI suffix in every copy
        copy = re.sub(
            r"(\d{4})\.(\d{4,5})",
            lambda m, n=n: f"{m.group(1)}.{(int(m.group(2)) + n) % 100000:05d}",
            text,
        )
        copy = re.sub(r"(10\.\d{4,9}/)", rf"\g<1>{n}.", copy)
        copies.append(copy)
        size += len(copy)
        n += 1
    return "\n".join(copies)


CASES = [
    (arxiv_listing, "arxiv_list_1.txt"),
    (scholar, "google_scholar_1.txt"),
    (bibtex, "bibtex_1.txt"),
    (ids, "ids_arxiv_1.txt"),
    (references, "references_3.txt"),
    (generic, "google_scholar_1.txt"),
]


@pytest.mark.parametrize(("module", "name"), CASES, ids=[c[1] for c in CASES])
def test_parse_speed(module, name):
    text = normalize_text(_grow((LISTINGS / name).read_text(encoding="utf-8")))
    ctx = ParseContext()
    wall = time.perf_counter()
    cpu = time.process_time()
    result = module.parse(text, ctx)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    mb = len(text.encode("utf-8")) / 1e6
    print(
        f"\n{module.FORMAT:>10} on {name}: {mb:.2f} MB, {len(result.entries)} entries, "
        f"{mb / wall:.2f} MB/s wall, {mb / max(cpu, 1e-9):.2f} MB/s cpu"
    )


def test_ris_speed():
    text = "\n".join(RIS_RECORD.format(n=n) for n in range(TARGET // len(RIS_RECORD)))
    wall = time.perf_counter()
    result = ris.parse(text, ParseContext())
    wall = time.perf_counter() - wall
    mb = len(text) / 1e6
    print(f"\n       ris: {mb:.2f} MB, {len(result.entries)} entries, {mb / wall:.2f} MB/s wall")


def test_detect_and_parse_all_listings():
    texts = [p.read_text(encoding="utf-8") for p in sorted(LISTINGS.glob("*.txt"))]
    wall = time.perf_counter()
    for text in texts:
        parse_text(text, ParseContext())
    wall = time.perf_counter() - wall
    kb = sum(len(t) for t in texts) / 1e3
    print(f"\nall listings/ files ({kb:.0f} kB): detect + parse in {wall * 1000:.1f} ms")
