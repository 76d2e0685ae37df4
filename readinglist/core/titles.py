"""Title normalisation and fingerprints, used to match papers across sources.

``title_key`` is the exact-match fingerprint: NFKD, accents stripped,
case-folded, TeX markup and punctuation dropped, whitespace collapsed.
``abstract_key`` does the same for the start of an abstract (entries without
a title still match later imports by their abstract).  ``block_keys`` gives
the cheap blocking keys used before fuzzy comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from readinglist.core.names import strip_accents

_TEX_CMD = re.compile(r"\\[a-zA-Z]+\*?")
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)")
_NON_WORD = re.compile(r"[^\w]+")
_WS = re.compile(r"\s+")
ABSTRACT_KEY_CHARS = 200
_STOP = frozenset(
    "a an the of for and or in on at to with by from via using towards toward is are".split()
)


def clean_title(title: str | None) -> str | None:
    """A title as stored: whitespace collapsed, trailing full stop dropped; None if empty."""
    if title is None:
        return None
    t = _WS.sub(" ", unicodedata.normalize("NFC", title)).strip()
    if t.endswith(".") and not t.endswith(".."):
        t = t[:-1].rstrip()
    return t or None


def fingerprint(text: str | None) -> str:
    """NFKD, accents stripped, case-folded, punctuation and TeX commands dropped."""
    if not text:
        return ""
    t = _TEX_CMD.sub(" ", text) if "\\" in text else text
    if "'" in t or "\u2019" in t:
        t = _APOSTROPHE.sub("", t)
    t = strip_accents(t).casefold()
    return " ".join(_NON_WORD.sub(" ", t).replace("_", " ").split())


@lru_cache(maxsize=32768)
def title_key(title: str | None) -> str:
    """The exact-match key of a title ("" when there is none)."""
    return fingerprint(title)


def abstract_key(abstract: str | None) -> str:
    """The key of an abstract: the fingerprint of its first ~200 characters."""
    if not abstract:
        return ""
    fp = fingerprint(abstract[: ABSTRACT_KEY_CHARS + 100])
    if len(fp) < 40:  # too short to identify a paper
        return ""
    return fp[:ABSTRACT_KEY_CHARS]


def block_keys(key: str) -> tuple[str, ...]:
    """Blocking keys for fuzzy matching: the first two and the last two content
    words.  Two titles that differ by a typo or a word usually share one."""
    if not key:
        return ()
    # only the ends of the title matter: split just them (titles are long)
    head = [w for w in key.split(None, 5)[:5] if w not in _STOP]
    tail = [w for w in key.rsplit(None, 5)[-5:] if w not in _STOP]
    if len(head) < 2 or len(tail) < 2:
        words = [w for w in key.split() if w not in _STOP]
        if len(words) < 2:
            return (key,)
        head, tail = words, words
    return (f"^{head[0]} {head[1]}", f"${tail[-2]} {tail[-1]}")


def first_word(title: str | None) -> str:
    """The first content word of a title, for citation keys ("locate")."""
    for w in fingerprint(title).split():
        if w not in _STOP and w.isalpha():
            return w
    return ""
