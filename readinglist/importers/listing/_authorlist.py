"""Splitting printed author lists into display names (shared by the listing parsers).

Handles "A, B, and C", "A and B", "A & B", "A; B", BibTeX "Last, First and
Last, First", APA "Last, F., Last, F., & Last, F.", names run together where a
page separated them only by CSS ("Hongyan DingHongge XuCan Shi"), initials
("J Zinn-Justin", "PAM Dirac"), "…" ellipses and "et al." (both set
``truncated``, neither becomes a name), "(84 additional authors not shown)"
(``extra``), and affiliations in parentheses (dropped from the names).
Names keep their accents and hyphens; one PDF copy artefact is repaired: a
lone non-ASCII capital split from the rest of its word ("Ł ukasz" ->
"Łukasz", see ``join_broken_accents``).  ``same_person`` tells whether a full
name ("Jane Q. Researcher") and a printed form ("JQ Researcher") can be the
same person (a profile's owner in the rows of their own profile).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_ET_AL = re.compile(r"(?:,?\s*(?:et\.?\s*al\.?|and\s+others|and\s+al\.?)\s*)$", re.I)
_ADDITIONAL = re.compile(
    r"\(?\s*(\d+)\s+(?:additional|more|other)\s+authors?(?:\s+not\s+shown)?\s*\)?", re.I
)
_ELLIPSIS = re.compile(r"\u2026|\.\.\.")
_SPACES = re.compile(r"\s+")
# Lower-case letter followed by an upper-case one inside a word: a run-together boundary.
_GLUE = re.compile(r"(?<=[a-z\u00df-\u00ff\u0101-\u017f])(?=[A-Z\u00c0-\u00de\u0100-\u017e])")
_NAME_PREFIXES = (
    "Mc",
    "Mac",
    "De",
    "Di",
    "Da",
    "Du",
    "Le",
    "La",
    "Van",
    "Von",
    "Fitz",
    "Dal",
    "Del",
    "Della",
    "Lo",
    "Al",
    "El",
)
# A lone capital that is not ASCII, a space, then a lower-case run: "Ł ukasz", "Ö zgür".
_BROKEN_ACCENT = re.compile(r"(?<![^\s,;(\[])([^\x00-\x7f]) ([^\W\d_]+)")
_BY_PREFIX = re.compile(r"^(?:by|authors?\s*:)\s+", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_PROSE_MARK = re.compile(r"[.!?]\s+[a-z]|:\s|\?$|[\[\]{}=<>|$\\]")
_INITIALS_WORD = re.compile(r"(?:\w\.?-?){1,3}\.?")
_SEPARATED = re.compile(r"[,;&]|\sand\s")
_INITIALS_ONLY = re.compile(r"^(?:[A-Z\u00c0-\u017f][a-z]?\.?[\s-]*){1,4}$")


@dataclass
class AuthorList:
    """Names as printed, whether the list was cut ("et al.", "…"), and the
    number of further authors the source states."""

    names: list[str] = field(default_factory=list)
    truncated: bool = False
    extra: int = 0

    @property
    def count(self) -> int | None:
        """Total the source states (shown + additional), when it states more."""
        return len(self.names) + self.extra if self.extra else None


def join_broken_accents(text: str) -> str:
    """Join a capital a PDF copy split from its word: "Ł ukasz Kaiser" -> "Łukasz Kaiser".

    Only a lone non-ASCII capital followed by a space and a lower-case word
    (not a name particle or a list word: "É van Dyck", "Ł and J" stay) is joined; ASCII initials
    ("J Zinn-Justin", "A B Smith") are never touched.
    """
    if text.isascii():
        return text

    def join(m: re.Match[str]) -> str:
        cap, word = m.group(1), m.group(2)
        if cap.isupper() and word.islower() and word not in _NOT_JOINED:
            return cap + word
        return m.group(0)

    return _BROKEN_ACCENT.sub(join, text)


def strip_parenthesised(text: str) -> str:
    """Drop balanced (...) groups (affiliations), in one linear pass."""
    if "(" not in text:
        return text
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def clean_name(name: str) -> str:
    """Collapse whitespace and trim stray punctuation around one name."""
    name = " ".join(name.split()).strip(" ,;*\u2020\u2021\u00a7")
    return name.rstrip("0123456789,*\u2020\u2021\u00a7 ")


def split_glued(text: str) -> list[str]:
    """Split names a page ran together: "Hongyan DingHongge Xu" -> two names.

    A lower-to-upper case change inside a word is a boundary unless what
    precedes it is a surname prefix ("McAuley", "DeWitt").
    """
    parts: list[str] = []
    start = 0
    for m in _GLUE.finditer(text):
        pos = m.start()
        word_start = max(text.rfind(" ", 0, pos), text.rfind("-", 0, pos)) + 1
        if text[word_start:pos] in _NAME_PREFIXES:
            continue
        if word_start <= start:  # a single glued word is not two names
            continue
        parts.append(text[start:pos])
        start = pos
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def looks_glued(text: str) -> bool:
    """True when ``text`` has no separators but word-internal case changes."""
    if _SEPARATED.search(text):
        return False
    return any(
        text[max(text.rfind(" ", 0, m.start()), 0) : m.start()].strip() not in _NAME_PREFIXES
        for m in _GLUE.finditer(text)
    )


def _apa_pairs(parts: list[str]) -> list[str] | None:
    """ "Vaswani, A., Shazeer, N." split on commas gives surname/initials pairs."""
    if len(parts) < 2 or len(parts) % 2 or len(parts[1]) > 12:
        return None
    if not all(_INITIALS_ONLY.match(parts[i + 1]) for i in range(0, len(parts), 2)):
        return None
    if any(_INITIALS_ONLY.match(parts[i]) for i in range(0, len(parts), 2)):
        return None
    if not any("." in parts[i + 1] for i in range(0, len(parts), 2)):
        return None  # "D Deutsch, A B" is two Scholar names, not one APA name
    return [f"{_dotted(parts[i + 1])} {parts[i]}" for i in range(0, len(parts), 2)]


def _dotted(initials: str) -> str:
    """ "A" -> "A.", "W.C" -> "W.C.": initials printed before a surname."""
    initials = initials.strip()
    return initials if initials.endswith(".") else initials + "."


def split_on_separators(text: str) -> list[str]:
    """Split at commas, semicolons, "&" and the word "and" (fast str operations)."""
    if " and " in text or " And " in text or " AND " in text:
        text = text.replace(" and ", ",").replace(" And ", ",").replace(" AND ", ",")
    if "&" in text or ";" in text:
        text = text.replace("&", ",").replace(";", ",")
    return text.split(",")


def split_authors(text: str) -> AuthorList:
    """Split one printed author list (see the module docstring for forms)."""
    result = AuthorList()
    text = " ".join((text or "").split())
    if not text:
        return result
    m = _ADDITIONAL.search(text) if "author" in text else None
    if m:
        result.extra = int(m.group(1))
        result.truncated = True
        text = (text[: m.start()] + text[m.end() :]).strip()
    text = strip_parenthesised(text).strip()
    if "\u2026" in text or "..." in text:
        result.truncated = True
        text = _ELLIPSIS.sub(",", text)
    m = _ET_AL.search(text, max(0, len(text) - 40))
    if m:
        result.truncated = True
        text = text[: m.start()]
    text = _BY_PREFIX.sub("", text).strip(" ,;")
    if not text:
        return result
    text = join_broken_accents(text)
    if looks_glued(text):
        names = split_glued(text)
    else:
        parts = [p.strip() for p in split_on_separators(text)]
        parts = [p for p in parts if p]
        names = _apa_pairs(parts) or parts
    result.names = [n for n in (clean_name(n) for n in names) if n and not _ET_AL.fullmatch(n)]
    return result


def split_bibtex_authors(text: str) -> AuthorList:
    """BibTeX author field: names separated by " and "; "Last, First" -> "First Last".

    "others" ends a truncated list; "Last, Jr, First" keeps the suffix.
    """
    result = AuthorList()
    text = _SPACES.sub(" ", text or "").strip()
    if not text:
        return result
    for raw in _AND.split(text):
        raw = raw.strip(" ,")
        if not raw:
            continue
        if raw.lower() in ("others", "et al.", "et al"):
            result.truncated = True
            continue
        pieces = [p.strip() for p in raw.split(",")]
        if len(pieces) == 2 and pieces[1]:
            name = f"{pieces[1]} {pieces[0]}"
        elif len(pieces) >= 3:
            name = f"{pieces[2]} {pieces[0]}, {pieces[1]}"
        else:
            name = pieces[0]
        name = clean_name(join_broken_accents(name))
        if name:
            result.names.append(name)
    return result


def looks_like_author_list(text: str) -> float:
    """0..1: how much ``text`` (one line) looks like a list of person names.

    Used to tell an author line from a title or an abstract sentence: names
    are short capitalised tokens, separated by commas or "and", with few
    function words and no sentence punctuation.  Parsers ask about the same
    line several times, so answers for lines of ordinary length are cached.
    """
    return _author_list_score(text) if len(text) <= 2000 else _score_author_list(text)


@lru_cache(maxsize=4096)
def _author_list_score(text: str) -> float:
    return _score_author_list(text)


def _score_author_list(text: str) -> float:
    text = " ".join(text.split())
    if not text or len(text) > 20000:
        return 0.0
    body = strip_parenthesised(_ADDITIONAL.sub("", text) if "author" in text else text)
    if "\u2026" in body or "..." in body:
        body = _ELLIPSIS.sub(",", body)
    m = _ET_AL.search(body, max(0, len(body) - 40))
    body = (body[: m.start()] if m else body).strip(" ,")
    if not body:
        return 0.5 if _ET_AL.search(text) or _ELLIPSIS.search(text) else 0.0
    if _PROSE_MARK.search(body):
        return 0.05
    body = join_broken_accents(body)
    parts = [p for p in split_on_separators(body) if p.strip()]
    if len(parts) == 1 and looks_glued(body):
        parts = split_glued(body)
    if not parts:  # only separators (";", ",")
        return 0.0
    good = 0
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5:
            continue
        caps = sum(1 for w in words if w[:1].isupper() or w[:1] in "'\u2019")
        small = sum(1 for w in words if w.lower() in _NAME_PARTICLES)
        if (
            caps + small == len(words)
            and caps >= 1
            and not any(w.lower() in _FUNCTION_WORDS for w in words)
        ):
            good += 1
    score = good / len(parts)
    if len(parts) == 1:
        score *= 0.6  # a lone capitalised phrase may well be a short title
        full_words = [w for w in parts[0].split() if not _INITIALS_WORD.fullmatch(w)]
        if len(full_words) > 3:
            score *= 0.5  # "Neural Ordinary Differential Equations" is not one name
    return score


_NAME_PARTICLES = frozenset(
    "van von der den de del della di da du le la dos das bin ibn al el y e ter ten zu".split()
)
_NOT_JOINED = _NAME_PARTICLES | {"and", "et", "al", "und"}
_FUNCTION_WORDS = frozenset(
    """the of for with in on to from via using towards toward is are by into at as we our
    this that these its their be can not learning model models network networks""".split()
)


def _name_words(name: str) -> list[str]:
    """Words of a name ("J.Q." is two), case folded and accents off."""
    return [_fold(w) for w in re.split(r"[\s.]+", name.casefold()) if w]


def _hyphen_parts(word: str) -> list[str]:
    return [p for p in re.split(r"[-\u2010\u2011]", word) if p]


def _fold(text: str) -> str:
    """Accents off, for comparing ("Müller" ~ "Muller", "Łukasz" ~ "Lukasz")."""
    text = unicodedata.normalize("NFKD", text.replace("\u0142", "l").replace("\u0141", "L"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def same_person(full_name: str, printed_name: str) -> bool:
    """Can ``printed_name`` (as a listing prints it) be the person ``full_name``?

    Scholar rows print "JQ Researcher" or "J Researcher" for "Jane Q.
    Researcher"; other pages print "Jane Researcher" or "J. Q. Researcher".
    The surnames must agree (case and accents aside; a hyphenated surname in
    full); each printed given name or initial must fit one of the full name's
    given names, in order ("JQ" and "J-P" are one initial per given name).  A
    printed form may leave given names out but never adds one.
    """
    full = _name_words(join_broken_accents(" ".join((full_name or "").split())))
    printed = [
        w
        for w in re.split(r"[\s.]+", join_broken_accents(" ".join((printed_name or "").split())))
        if w
    ]
    if not full or not printed:
        return False
    if _hyphen_parts(full[-1]) != _hyphen_parts(_fold(printed[-1].casefold())):
        return False  # surnames differ ("Smith-Jones" is not "Jones")
    given = [p for g in full[:-1] if g not in _NAME_PARTICLES for p in _hyphen_parts(g)]
    wanted: list[tuple[str, bool]] = []  # (folded text, is an initial)
    for word in printed[:-1]:
        if word.casefold() in _NAME_PARTICLES:
            continue
        pieces = [p for p in re.split(r"[-\u2010\u2011]", word) if p]
        if word.isupper() and len(word) <= 4 and len(pieces) == 1:  # "JQ", "J", "PAM"
            wanted += [(_fold(ch.casefold()), True) for ch in word]
        elif len(pieces) > 1 and all(p.isupper() and len(p) == 1 for p in pieces):  # "J-P"
            wanted += [(_fold(p.casefold()), True) for p in pieces]
        else:
            wanted += [(_fold(p.casefold()), False) for p in pieces]
    k = 0
    for text, initial in wanted:
        while k < len(given):
            word = given[k]
            k += 1
            if word == text or (initial and word[:1] == text):
                break
        else:
            return False
    return True
