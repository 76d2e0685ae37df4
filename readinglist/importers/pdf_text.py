"""Text repair for what PDF extraction hands back: accents, ligatures, case.

TeX and many other typesetters draw accents as separate glyphs, so text comes
out as ``Andr´e`` or ``Franc¸ois``; small caps and all-caps title pages come out
as ``IMPROVING DETECTION OF ...``.  These pure functions turn such strings into
what a person would type.  No PyMuPDF here (the layout code and tests use it).
"""

from __future__ import annotations

import re
import unicodedata

# Spacing accent glyph -> combining mark.  Accents drawn before the letter.
_PREFIX_ACCENTS = {
    "\u00b4": "\u0301",  # ´ acute
    "\u02ca": "\u0301",
    "`": "\u0300",  # grave
    "\u02cb": "\u0300",
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u02c6": "\u0302",  # ˆ circumflex
    "^": "\u0302",
    "\u02dc": "\u0303",  # ˜ tilde
    "~": "\u0303",
    "\u02c7": "\u030c",  # ˇ caron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02dd": "\u030b",  # ˝ double acute
    "\u00af": "\u0304",  # ¯ macron
    "\u02da": "\u030a",  # ˚ ring
    "\u02d9": "\u0307",  # ˙ dot above
}
# Accents drawn after the letter they belong to.
_SUFFIX_ACCENTS = {"\u00b8": "\u0327", "\u02db": "\u0328"}  # ¸ cedilla, ˛ ogonek

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

# Characters that typeset accents on their own; the ASCII look-alikes (` ^ ~)
# are only treated as accents between letters, where they cannot be meant.
_STRONG_PREFIX = "".join(k for k in _PREFIX_ACCENTS if k not in "`^~\u02da")
_PREFIX_RE = re.compile(rf"([{re.escape(_STRONG_PREFIX)}])\s?([A-Za-z\u0131])")
_WEAK_PREFIX_RE = re.compile(r"(?<=[A-Za-z])([`^~\u02da])([A-Za-z\u0131])(?=[a-z])")
_SUFFIX_RE = re.compile(rf"([A-Za-z])\s?([{''.join(_SUFFIX_ACCENTS)}])")
_SPACED_COMBINING_RE = re.compile(r"([A-Za-z])\s([\u0300-\u036f])")


def fix_ligatures(text: str) -> str:
    """Replace typographic ligature characters by their letters."""
    if not any(ch in text for ch in _LIGATURES):
        return text
    return "".join(_LIGATURES.get(ch, ch) for ch in text)


def _combine(base: str, mark: str) -> str:
    if base == "\u0131":  # dotless i under an accent: í, ì, î, ï
        base = "i"
    return unicodedata.normalize("NFC", base + mark)


def fix_accents(text: str, *, ring: bool = True) -> str:
    """Join spacing accents with their letters: ``Andr´e`` -> ``André``,
    ``Franc¸ois`` -> ``François``; leave everything else alone.

    ``ring=False`` keeps ``˚`` as is (body text uses it as a degree sign)."""
    if not text:
        return text
    text = _PREFIX_RE.sub(lambda m: _combine(m.group(2), _PREFIX_ACCENTS[m.group(1)]), text)
    if ring:
        text = _WEAK_PREFIX_RE.sub(
            lambda m: _combine(m.group(2), _PREFIX_ACCENTS[m.group(1)]), text
        )
        text = re.sub(
            r"\u02da\s?([AaUu])", lambda m: _combine(m.group(1), "\u030a"), text
        )
    text = _SUFFIX_RE.sub(lambda m: _combine(m.group(1), _SUFFIX_ACCENTS[m.group(2)]), text)
    text = _SPACED_COMBINING_RE.sub(lambda m: m.group(1) + m.group(2), text)
    return unicodedata.normalize("NFC", text)


def clean_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def is_all_caps(text: str) -> bool:
    """True when the letters of ``text`` are (nearly) all capitals."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9


_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "into", "onto", "over", "via", "vs", "vs.", "as", "per", "upon", "than",
    # common title words of other languages
    "de", "des", "du", "la", "le", "les", "et", "un", "une", "der", "die", "das", "und",
    "von", "mit", "im", "zur", "zum", "für", "del", "el", "los", "las", "y", "en", "di",
}
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "dos",
                   "das", "le", "la", "ter", "ten", "bin", "al", "y"}


def _cap_word(word: str) -> str:
    """Capitalise one word, keeping hyphen and apostrophe parts: o'neil -> O'Neil."""
    parts = re.split(r"([-'’])", word.lower())
    out = []
    for part in parts:
        if part and part[0].isalpha():
            if part.startswith("mc") and len(part) > 3:
                part = "Mc" + part[2].upper() + part[3:]
            else:
                part = part[0].upper() + part[1:]
        out.append(part)
    return "".join(out)


def recase_title(text: str) -> str:
    """An ALL-CAPS title in title case (small words lower-case, words with
    digits kept as printed); other titles are returned unchanged."""
    if not is_all_caps(text):
        return text
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if any(c.isdigit() for c in word):
            out.append(word)
        elif i > 0 and low in _SMALL_WORDS and not out[-1].endswith(":"):
            out.append(low)
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def recase_name(name: str) -> str:
    """``AMIR SHEIKHAHMADI`` -> ``Amir Sheikhahmadi``; mixed-case names unchanged."""
    if not is_all_caps(name):
        return name
    words = name.split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and i < len(words) - 1 and low in _NAME_PARTICLES:
            out.append(low)
        elif re.fullmatch(r"[A-Z]\.?(-[A-Z]\.?)?", word):  # initials stay
            out.append(word)
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def dehyphenate_join(lines: list[str]) -> str:
    """Join wrapped lines of running text, undoing end-of-line hyphenation
    (``com-`` + ``pile`` -> ``compile``) but keeping real hyphens before capitals
    and digits."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif re.search(r"[a-zäöüßéèà]-$", out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out
