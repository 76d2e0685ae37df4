"""Author names split for bibliographies: (family, given), and ASCII folding.

Library names are display forms ("Hengyuan Zhang", "Jean-Pierre Dupré",
"Ludwig van Beethoven", "Zhang, H."); BibTeX, RIS and CSL-JSON want the
family name apart.  Lower-case particles (van, de, von...) stay with the
family name, suffixes (Jr., III) are dropped from the split's given part and
kept on the family side as BibTeX expects "von Last, Jr, First".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from readinglist.core.names import strip_accents

_WS = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_PARTICLES = frozenset(
    "van von der den de del della di da das dos du la le ten ter zu af av bin ibn al el".split()
)
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv v".split())


@lru_cache(maxsize=65536)  # a library repeats its authors on many papers
def split_name(name: str) -> tuple[str, str, str]:
    """(family, given, suffix) of a display name; family is "" only for "".

    A single word (a mononym or an organisation) is all family name.
    """
    name = _WS.sub(" ", unicodedata.normalize("NFC", name or "")).strip(" ,;")
    if not name:
        return "", "", ""
    if "," in name:
        parts = [p.strip() for p in name.split(",")]
        if len(parts) == 2 and parts[1].lower() not in _SUFFIXES:
            return parts[0], parts[1], ""
        if len(parts) == 2:  # "John Smith, Jr."
            family, given, _ = split_name(parts[0])
            return family, given, parts[1]
        return parts[0], parts[-1], ", ".join(parts[1:-1])  # "Smith, Jr., John"
    words = name.split(" ")
    suffix = ""
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return words[0], "", suffix
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start]), suffix


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only ("Müller-Łukasz" → "mullerlukasz")."""
    folded = strip_accents(text or "").lower().encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", folded)
