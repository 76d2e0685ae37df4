"""Stable citation keys: first author's family name + year + first title word.

``zhang2026locate`` for "Locate, Steer, and Improve..." by Hengyuan Zhang
(2026).  Keys are ASCII letters and digits only, so they are also safe file
names everywhere.  When papers share a key, the one with the lowest paper id
keeps it and the others get ``a``, ``b``, ``c``... in id order: adding a new
paper (which gets a higher id) never changes an existing key.

``PaperDetail.citekey`` filled by the Library (computed over the whole
library) wins; otherwise keys are computed over the exported set.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from readinglist.exporters.names import ascii_fold, split_name
from readinglist.library.types import PaperDetail

_STOP = frozenset(
    """a an the of for and or in on at to with by from via using towards toward is are
    be do does how what when where which why who can your our we its into onto over under
    about after before between through beyond not no new""".split()
)
_TEX_CMD = re.compile(r"\\[A-Za-z]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_PART = 24


def title_word(title: str | None) -> str:
    """The first significant word of a title, ASCII-folded ("" if none)."""
    if not title:
        return ""
    text = _TEX_CMD.sub(" ", title)
    fallback = ""
    for raw in _WORD.findall(text):
        word = ascii_fold(raw)
        if not word:
            continue
        if word in _STOP or word.isdigit():
            fallback = fallback or word
            continue
        return word[:MAX_PART]
    return fallback[:MAX_PART]


@lru_cache(maxsize=65536)
def family_part(name: str) -> str:
    """The family-name part of a key ("Ludwig van Beethoven" → "beethoven")."""
    family_words = split_name(name)[0].split()
    while len(family_words) > 1 and family_words[0].islower():  # "van Beethoven"
        family_words.pop(0)
    return ascii_fold("".join(family_words))[:MAX_PART]


def base_key(first_author: str | None, year: int | None, title: str | None) -> str:
    """The key before collisions are resolved ("" when nothing is known)."""
    family = family_part(first_author or "")
    word = title_word(title)
    if not (family or year or word):
        return ""
    return f"{family or 'anon'}{year or ''}{word}"


def paper_base_key(paper: PaperDetail) -> str:
    first = paper.authors[0].name if paper.authors else None
    year = paper.year
    if not year and paper.date and paper.date[:4].isdigit():
        year = int(paper.date[:4])
    # an entry with no title (an abstract-only listing) borrows a word of its abstract
    words = paper.title or (paper.abstract or "")[:300]
    return base_key(first, year, words) or f"paper{paper.id}"


def suffix(n: int) -> str:
    """0 → "", 1 → "a", 26 → "z", 27 → "aa"..."""
    out = ""
    while n > 0:
        n -= 1
        out = chr(ord("a") + n % 26) + out
        n //= 26
    return out


def assign(bases: Iterable[tuple[int, str]], taken: Iterable[str] = ()) -> dict[int, str]:
    """Unique keys for ``(paper_id, base_key)`` pairs, deterministic by id."""
    groups: dict[str, list[int]] = defaultdict(list)
    for pid, base in bases:
        groups[base].append(pid)
    used = set(taken)
    out: dict[int, str] = {}
    for base in sorted(groups):
        n = 0
        for pid in sorted(groups[base]):
            key = f"{base}{suffix(n)}"
            while key in used:
                n += 1
                key = f"{base}{suffix(n)}"
            used.add(key)
            out[pid] = key
            n += 1
    return out


def citekeys(papers: Sequence[PaperDetail]) -> dict[int, str]:
    """Paper id → unique citation key for an export.

    Keys the Library supplies are kept (made safe, and made unique if two
    ever clash); the rest are computed from author, year and title.
    """
    out: dict[int, str] = {}
    seen: set[str] = set()
    missing: list[tuple[int, str]] = []
    for paper in sorted(papers, key=lambda p: p.id):
        given = re.sub(r"[^A-Za-z0-9_\-:./+]", "", paper.citekey or "")
        if given and given not in seen:
            out[paper.id] = given
            seen.add(given)
        else:
            missing.append((paper.id, given or paper_base_key(paper)))
    out.update(assign(missing, taken=seen))
    return out
