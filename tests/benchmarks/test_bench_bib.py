"""BibTeX and RIS parsing speed on pastes less repetitive than the shared
benchmark's (run by `make bench`; prints MB/s, never fails on speed).

The shared benchmark repeats one small listing, so every author name and date
recurs; here every record has its own authors, dates and DOIs (the name and
date caches of the RIS parser do not help), and the BibTeX has what real
exports carry besides flat values: @string macros, # concatenation, nested
braces, TeX accents, quoted values, comments between entries.

Figures measured on the shared 2-core machine under load (cpu MB/s, best of 3):
RIS with distinct records ~9.5 (6.5 before the rework of Nov 2026), messy
BibTeX ~4 (~2.1 before: TeX accents and nested braces cost the most).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from readinglist.importers.listing import bibtex, ris

sys.path.insert(0, str(Path(__file__).parent))

from parsebench import report  # noqa: E402

TARGET = 2_000_000
_FIRST = "Ada Grace Alan Barbara Donald Edsger Frances John Leslie Margaret Niklaus Radia".split()
_LAST = "Lovelace Hopper Turing Liskov Knuth Dijkstra Allen McCarthy Lamport Hamilton Wirth Perlman".split()
_WORDS = "sparse robust scalable learning neural causal latent models graphs attention data".split()


def _name(rng: random.Random, n: int) -> tuple[str, str]:
    return f"{rng.choice(_FIRST)} {chr(65 + n % 26)}.", f"{rng.choice(_LAST)}{n % 997}"


def _ris_text() -> str:
    rng = random.Random(7)
    records = []
    size = n = 0
    while size < TARGET:
        authors = "".join(
            "AU  - {1}, {0}\n".format(*_name(rng, n * 5 + k)) for k in range(rng.randint(1, 5))
        )
        title = " ".join(rng.choice(_WORDS) for _ in range(8)).capitalize()
        record = (
            f"TY  - {rng.choice(['JOUR', 'CONF', 'BOOK'])}\n{authors}TI  - {title}\n"
            f"T2  - Journal of {rng.choice(_WORDS).capitalize()} {n % 50}\n"
            f"PY  - {1990 + n % 35}/{1 + n % 12:02d}/{1 + n % 28:02d}/\n"
            f"DO  - 10.{1000 + n % 9000}/x.{n}\nUR  - https://doi.org/10.{1000 + n % 9000}/x.{n}\n"
            f"AB  - {' '.join(rng.choice(_WORDS) for _ in range(40))}\n"
            f"      {' '.join(rng.choice(_WORDS) for _ in range(20))}\nER  - \n\n"
        )
        records.append(record)
        size += len(record)
        n += 1
    return "".join(records)


def _bib_text() -> str:
    rng = random.Random(11)
    blocks = [
        '@string{neurips = "Advances in Neural Information Processing Systems"}',
        '@string{acl = "Annual Meeting of the Association for Computational Linguistics"}',
        '@preamble{ "\\newcommand{\\noopsort}[1]{}" }',
    ]
    size = n = 0
    while size < TARGET:
        authors = " and ".join(
            "{1}, {0}".format(*_name(rng, n * 5 + k)) for k in range(rng.randint(1, 6))
        )
        title = " ".join(rng.choice(_WORDS) for _ in range(7))
        venue = rng.choice(
            [
                'booktitle = "Proceedings of the " # acl',
                "booktitle = neurips",
                "journal = {J. of {AI}}",
            ]
        )
        block = (
            f'% entry {n}\n@inproceedings{{key{n},\n  title = {{{{M\\"{{u}}ller}}: {title}}},\n'
            f"  author = {{{authors} and M{{\\'e}}ndez, Jos{{\\'e}}}},\n  {venue},\n"
            f"  year = {1990 + n % 35}, month = {rng.choice(['jan', 'jul', '{Mar}'])},\n"
            f'  pages = "{n}--{n + 9}",\n  doi = {{10.{1000 + n % 9000}/b.{n}}},\n'
            f"  abstract = {{{' '.join(rng.choice(_WORDS) for _ in range(50))} 50\\% {{of}} it}},\n}}\n"
        )
        blocks.append(block)
        size += len(block)
        n += 1
    return "\n".join(blocks)


def test_ris_with_distinct_records():
    report("ris (distinct records)", ris, _ris_text())


def test_bibtex_with_macros_accents_and_comments():
    report("bibtex (macros, accents)", bibtex, _bib_text())
