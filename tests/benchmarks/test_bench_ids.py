"""Parsing speed of the id-list and generic parsers on inputs the format
benchmark (test_bench_listing_formats_b.py) does not cover: an id list of
DOIs, URLs and prefixed ids (every line takes the general path), and reading
notes in which no line repeats (titles, author lines and abstracts all
different, so no per-line answer is reused).  Run by `make bench`; prints
MB/s, never fails on speed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from readinglist.importers.listing import generic, ids

sys.path.insert(0, str(Path(__file__).parent))

from parsebench import report  # noqa: E402

TARGET = 2_000_000

_WORDS = """attention sparse robust scalable efficient adaptive causal latent neural bayesian hybrid
fast deep graph language model learning retrieval diffusion transformer policy reward agent
vision speech memory reasoning planning alignment inference sampling training data""".split()
_FIRST = "Ada Alan Grace Edsger Barbara John Donald Frances Claude Leslie Radia Tim Niklaus".split()
_LAST = (
    "Lovelace Turing Hopper Dijkstra Liskov McCarthy Knuth Allen Shannon Lamport Perlman".split()
)


def _id_list(rng: random.Random) -> str:
    forms = [
        "10.{a}/PhysRev.{b}.{c}",
        "https://doi.org/10.{a}/j.cell.{b}.{c}",
        "doi:10.{a}/s41586-0{b}-{c}-x",
        "arXiv:2{m}.{n}",
        "https://arxiv.org/abs/2{m}.{n}v2",
        "hep-th/{y}{c3}",
    ]
    lines, size = [], 0
    while size < TARGET:
        line = rng.choice(forms).format(
            a=rng.randint(1000, 99999),
            b=rng.randint(10, 99999),
            c=rng.randint(1, 9999),
            c3=f"{rng.randint(1, 999):03d}",
            m=f"{rng.randint(301, 412):03d}",
            n=f"{rng.randint(0, 99999):05d}",
            y=f"{rng.choice([95, 96, 97, 98, 99, 0, 1, 2, 3]):02d}{rng.randint(1, 12):02d}",
        )
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def _notes(rng: random.Random) -> str:
    blocks, size = [], 0
    while size < TARGET:
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8))).title()
        authors = ", ".join(
            f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 6))
        )
        abstract = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(20, 60)))
        tail = rng.choice(["", f" arXiv:2{rng.randint(301, 412)}.{rng.randint(0, 99999):05d}."])
        block = f"{title}\n{authors}\n{abstract.capitalize()}.{tail}\n"
        blocks.append(block)
        size += len(block) + 1
    return "\n".join(blocks)


def test_id_list_of_dois_urls_and_prefixed_ids():
    report("ids (DOIs, URLs, prefixes)", ids, _id_list(random.Random(1)))


def test_generic_on_notes_without_repeated_lines():
    report("generic (no repeated line)", generic, _notes(random.Random(2)))
