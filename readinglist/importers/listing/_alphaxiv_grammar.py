"""What a printed author list looks like, and paste helpers for the seed-format parsers.

Owns the name grammar used to tell an author line from a title or abstract,
and to split a compact listing's glued "TitleAuthor A, Author B et al." line
by the shape of the author list (capitalised name tokens separated by ", ",
ending in "et al." or the end of the line), never by known names.  Also holds
the small helpers the alphaXiv, Hugging Face and abstract-only parsers share:
line splitting, quoting skipped lines in a warning, and folding duplicate
entries of one paste (a listing pasted twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from readinglist.core.entry import ParsedEntry
from readinglist.importers.listing._authorlist import join_broken_accents
from readinglist.importers.listing.detect import normalize_text

_PARTICLES = frozenset(
    "van von der den de del della dei di da du dos das le la lo bin ibn al el y e ter ten zu af av".split()
)
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# Surname prefixes that may be followed by a capital inside one word (McAuley, LeCun).
_CAMEL_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Von", "Fitz")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}(?:-[A-Z]\.)?|[A-Z]\.-[A-Z]\.")
_ET_AL = re.compile(r"(?:,\s*|\s+)?(?:et\.?\s*al\.?|and others)\s*$", re.I)
_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s*;\s*")
_ORG_SEP = " \u00b7 "
_APOSTROPHE = re.compile("['\u2019]")
# A capital letter glued to a non-space character that is not a hyphen or an
# apostrophe: where a compact listing's author list may start.
_UPPER = "".join(
    sorted(c for r in ((0, 0x250), (0x370, 0x530), (0x1E00, 0x2000)) for c in map(chr, range(*r))
           if c.isupper())
)  # fmt: skip
_GLUED_CAPITAL = re.compile("(?<=[^\\s\\-'\u2019])[" + re.escape(_UPPER) + "]")
_NON_WORD = re.compile(r"[\W_]+")
MAX_AUTHOR_LINE = 6000
OPEN_QUOTE, CLOSE_QUOTE, ELLIPSIS = "\u201c", "\u201d", "\u2026"


def _cased_word(part: str) -> bool:
    """ "Zhang", "Ł", "Ming" (capital then lower-case letters), or a surname with a
    known prefix and an inner capital ("McAuley"), or an uncased script (CJK)."""
    if not part or not part.isalpha():
        return False
    if part[0].isupper():
        rest = part[1:]
        if not rest or rest.islower():
            return True
        for prefix in _CAMEL_PREFIXES:
            tail = part[len(prefix) :]
            if (
                part.startswith(prefix)
                and len(tail) > 1
                and tail[0].isupper()
                and tail[1:].islower()
            ):
                return True
        return False
    return not any(ch.isupper() or ch.islower() for ch in part)


def name_token_ok(token: str, position: int, count: int) -> bool:
    """Is ``token`` a plausible word of a person's name at ``position`` of ``count``?"""
    if _INITIALS.fullmatch(token):
        return True
    if 0 < position < count - 1 and token.lower() in _PARTICLES:
        return True
    if position == count - 1 and position >= 2 and token in _SUFFIXES:
        return True
    for part in token.split("-"):
        if _cased_word(part):
            continue
        pieces = _APOSTROPHE.split(part)
        if len(pieces) == 2 and len(pieces[0]) <= 2 and pieces[0].isalpha():
            if not _cased_word(pieces[1]):  # O'Brien, d'Alembert
                return False
        elif len(pieces) != 1 or not _cased_word(part):
            return False
    return True


def is_name(text: str, min_tokens: int = 1) -> bool:
    """Does ``text`` look like one person's name as a listing prints it?"""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= 6:
        return False
    if len(tokens) == 1 and (len(text) < 2 or _INITIALS.fullmatch(text)):
        return False
    return all(name_token_ok(tok, i, len(tokens)) for i, tok in enumerate(tokens))


@dataclass
class AuthorLine:
    """An author list as printed: names, "et al.", and a trailing "· organization"."""

    names: list[str] = field(default_factory=list)
    truncated: bool = False
    organization: str | None = None


def split_organization(text: str) -> tuple[str, str | None]:
    """ "A, B et al. · microsoft-research" → ("A, B et al.", "microsoft-research")."""
    head, sep, tail = text.rpartition(_ORG_SEP)
    if not sep:
        head, sep, tail = text.rpartition("\u00b7")
    tail = tail.strip()
    if sep and head.strip() and tail and len(tail) <= 120 and "," not in tail:
        return head.rstrip(), tail
    return text, None


def _name_item(item: str, min_tokens: int) -> str | None:
    """``item`` if it reads as a name, else its repaired form if a PDF copy
    split an accented capital from its word ("Ł ukasz Kaiser"), else None."""
    if not item:
        return None
    if is_name(item, min_tokens):
        return item
    if not item.isascii():
        fixed = join_broken_accents(item)
        if fixed != item and is_name(fixed, min_tokens):
            return fixed
    return None


def parse_author_line(text: str, first_min_tokens: int = 1) -> AuthorLine | None:
    """Read ``text`` as an author list; None if it does not look like one.

    Every comma-separated item must be a name; the first needs at least
    ``first_min_tokens`` words (2 when splitting a glued title line, so that a
    title's last word is not taken for a mononym).
    """
    text = text.strip()
    if not text or len(text) > MAX_AUTHOR_LINE:
        return None
    # quick reject (most lines tried are titles or abstracts): the first word
    # must be a name word and the first item short
    comma = text.find(",")
    first_item = comma if comma != -1 else len(text)
    if first_item > (80 if comma != -1 else 200):
        return None
    if not name_token_ok(text.split(" ", 1)[0].rstrip(","), 0, 2):
        return None
    body, org = split_organization(text)
    truncated = False
    m = _ET_AL.search(body, max(0, len(body) - 24))
    if m:
        truncated = True
        body = body[: m.start()]
    body = body.strip()
    if not body:
        return None
    items: list[str] = []
    pos = 0
    for sep in _SEPARATORS.finditer(body):  # check item by item: prose fails fast
        item = _name_item(body[pos : sep.start()], first_min_tokens if not items else 1)
        if item is None:
            return None
        items.append(item)
        pos = sep.end()
    last = _name_item(body[pos:], first_min_tokens if not items else 1)
    if last is None:
        return None
    items.append(last)
    if len(items) == 1 and not truncated and not is_name(items[0], 2):
        return None
    return AuthorLine(names=items, truncated=truncated, organization=org)


def split_glued(line: str) -> tuple[str, AuthorLine] | None:
    """Split "TitleAuthor A, Author B et al." into the title and its author list.

    The boundary is a capital letter glued to what precedes it (a lower-case
    letter, digit, closing bracket or punctuation, or the last capital of an
    acronym) where everything after it reads as an author list.  The earliest
    such boundary wins, so "…ExpertsRun-Ze Fan" keeps "Run-Ze" whole.
    """
    if len(line) > 20000:
        return None
    pos = max(1, len(line) - MAX_AUTHOR_LINE)
    while True:
        m = _GLUED_CAPITAL.search(line, pos)
        if m is None:
            return None
        i = m.start()
        pos = i + 1
        prev = line[i - 1]
        if prev.isupper() and not (i + 1 < len(line) and line[i + 1].islower()):
            continue
        # quick reject: the first word after the boundary must be a name word
        end = line.find(" ", i, i + 41)
        if end == -1 and len(line) - i > 40:
            nxt = line.find(" ", i)  # no name word is that long: skip the whole word
            if nxt == -1:
                return None
            pos = nxt + 1
            continue
        head = line[:i].rstrip()
        if len(head) < 2:
            continue
        first = line[i : end if end != -1 else len(line)].rstrip(",")
        if not name_token_ok(first, 0, 2):
            continue
        authors = parse_author_line(line[i:], first_min_tokens=2)
        if authors is not None:
            return head, authors


# ---------------------------------------------------------------------------
# paste helpers


def lines_of(text: str) -> list[str]:
    """The paste as lines (any line ending, odd spaces made plain), right-stripped."""
    text = normalize_text(text)
    return [line.rstrip() for line in text.split("\n")]


def quote(text: str, width: int = 60) -> str:
    """A short quotation of ``text`` for a warning."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[: width - 1] + ELLIPSIS
    return f"{OPEN_QUOTE}{text}{CLOSE_QUOTE}"


def skipped_warning(
    lines: list[str], where: str = "that did not belong to any paper"
) -> str | None:
    """ "Skipped 3 lines …: “a”, “b”, “c”" (quotes the first few, counts all)."""
    if not lines:
        return None
    shown = ", ".join(quote(line) for line in lines[:3])
    more = f" and {len(lines) - 3} more" if len(lines) > 3 else ""
    noun = "line" if len(lines) == 1 else "lines"
    return f"Skipped {len(lines)} {noun} {where}: {shown}{more}."


def simple_key(text: str | None) -> str:
    """Case- and punctuation-blind key for spotting a paper twice in one paste."""
    return _NON_WORD.sub("", (text or "").casefold())


def fold_duplicates(
    entries: Iterable[ParsedEntry], key: Callable[[ParsedEntry], str]
) -> tuple[list[ParsedEntry], str | None]:
    """Keep each paper once (first occurrence); a warning names the repeats.

    A repeat whose text differs from the first copy has its block added to the
    kept entry's ``raw`` so no pasted line is lost.
    """
    kept: dict[str, ParsedEntry] = {}
    out: list[ParsedEntry] = []
    repeats: list[ParsedEntry] = []
    for entry in entries:
        k = key(entry)
        if not k:
            out.append(entry)
            continue
        first = kept.get(k)
        if first is None:
            kept[k] = entry
            out.append(entry)
            continue
        repeats.append(entry)
        if entry.raw and entry.raw not in first.raw:
            first.raw = f"{first.raw}\n\n{entry.raw}"
    if not repeats:
        return out, None
    names = ", ".join(quote(e.display_title, 50) for e in repeats[:3])
    more = f" and {len(repeats) - 3} more" if len(repeats) > 3 else ""
    noun = "entry appears" if len(repeats) == 1 else "entries appear"
    return out, (
        f"{len(repeats)} {noun} more than once in the paste and {'was' if len(repeats) == 1 else 'were'}"
        f" kept once: {names}{more}."
    )
