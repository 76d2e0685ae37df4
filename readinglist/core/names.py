"""Author names: the display form, the matching key and the short table form.

* ``display_name`` tidies a name as a person would write it: whitespace
  collapsed, "Last, First" turned round, accents and hyphens kept.
* ``name_key`` is what two spellings of one person share: NFKD with accents
  stripped, case-folded, hyphens / dots / whitespace collapsed to one space
  ("Jean-Pierre Dupré" and "jean pierre dupre" give the same key).
* ``short_authors`` is the table form: "A, B, C et al.".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_KEY_SEP = re.compile(r"[\s\-\u2010-\u2015.\u00b7,;_'\u2019`\"]+")
# letters that NFKD does not decompose but people write without the mark
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "þ": "th",
    }
)


def display_name(name: str) -> str:
    """A clean display form: whitespace collapsed, "Last, First" → "First Last"."""
    name = " ".join(unicodedata.normalize("NFC", name or "").split()).strip(" ,;")
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        # "Smith, John" but not "John Smith, Jr." style suffixes
        if first and last and first.rstrip(".").lower() not in {"jr", "sr", "ii", "iii", "iv"}:
            name = f"{first} {last}"
    return name


def strip_accents(text: str) -> str:
    """Drop combining marks after NFKD (é → e) and fold a few special letters."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """The matching key of a name (see the module docstring); "" for no name."""
    return display_key(display_name(name))


def display_key(display: str) -> str:
    """``name_key`` of a name already in ``display_name`` form."""
    key = strip_accents(display.casefold()).casefold()
    return _KEY_SEP.sub(" ", key).strip()


def last_name_key(name: str) -> str:
    """The key of the family name (last word), for loose first-author checks."""
    parts = name_key(name).split()
    return parts[-1] if parts else ""


def names_compatible(a: str, b: str) -> bool:
    """Two spellings that may be one person: same key, or same family name and
    compatible initials ("J. Smith" ~ "John Smith")."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return True
    if ka == kb:
        return True
    pa, pb = ka.split(), kb.split()
    if pa[-1] != pb[-1]:
        # "Zhang Wei" vs "Wei Zhang": same words in another order
        return sorted(pa) == sorted(pb)
    fa, fb = pa[:-1], pb[:-1]
    if not fa or not fb:
        return True
    return fa[0][0] == fb[0][0]


def short_authors(names: Sequence[str], truncated: bool = False, shown: int = 3) -> str:
    """"A, B, C et al." for a table cell; "" for no authors."""
    names = [n for n in names if n]
    if not names:
        return "et al." if truncated else ""
    head = ", ".join(names[:shown])
    if truncated or len(names) > shown:
        return f"{head} et al."
    return head
