"""Reading one bibliographic reference (a single line of text) into a ParsedEntry.

Styles are told apart by shape, not by source: quoted title (IEEE, MLA),
"Authors. Year. Title. In Venue." (ACM), "Authors (Year). Title. Venue"
(APA, Harvard), "Authors: Title. Venue (Year)" (Springer LNCS), and plain
sentence order "Authors. Title. Venue; Year" (Vancouver, Nature).  Sentence
boundaries skip initials ("J. McAuley") and common abbreviations
("Proc.", "Vol.", "pp.").  Used by references.py and the generic fallback.
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParsedEntry
from readinglist.core.identifiers import find_urls
from readinglist.importers.listing._authorlist import looks_like_author_list, split_authors
from readinglist.importers.listing._textutil import fill_identifiers, squash

_ABBREV = frozenset(
    """al proc vol vols no nos pp p ed eds edn inc ltd co corp conf int intl j jr sr st dept univ
    trans res rev lett phys eng sci comput assoc natl acad symp workshop adv ann appl math mach
    learn syst technol inf process mag soc am chem biol med e.g i.e vs cf etc fig et""".split()
)
_QUOTED = re.compile(r"[\"\u201c\u201e](?P<t>[^\"\u201c\u201d\u201e]{4,}?)[,.]?[\"\u201d]")
_ACM = re.compile(r"^(?P<a>.+?)\.\s+(?P<y>(?:1[6-9]|20)\d\d[a-z]?)\.\s+(?P<rest>.+)$")
_APA = re.compile(
    r"^(?P<a>.+?)\s*\((?P<y>(?:1[6-9]|20)\d\d[a-z]?|n\.\s?d\.)(?:,[^)]*)?\)[.,:]?\s+(?P<rest>.+)$"
)
_SPRINGER = re.compile(r"^(?P<a>[^:]{3,400}?):\s+(?P<rest>.+)$")
# The look-behinds sit after the first characters (same matches): a pattern
# that starts with a look-behind is tried at every position of the text.
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?<![\d/.]....)(?![\d/])")
# Pages ("1441–1450"); a "pp." before them only moves where a match starts,
# and only the group is used, so it is left out of the pattern.
_PAGES = re.compile(r"(\d(?<![\d.].)\d{0,5}\s*[\u2013\u2014-]{1,2}\s*\d{1,6})(?![\d.])")
_VOL = re.compile(r"\b[Vv]ol(?:ume)?\.?\s*(\d+)")
_ID_TEXT = re.compile(
    r"(?i)\b(?:doi|arxiv)\s*:\s*\S+|\b10\.\d{4,9}/\S+|\b(?:URL|Available( at| from)?:?|Retrieved from)\s*$"
)
_PREPRINT = re.compile(r"(?i)\barXiv preprint\s*(?:arXiv)?\s*")
_NUMERIC_TAIL = re.compile(r"[\s\d,.:;()\u2013\u2014-]+$")
_VANCOUVER_NAME = re.compile(r"^[\w'\u2019-]+(?: [\w'\u2019-]+){0,3} [A-Z]{1,3}$")
_NATURE = re.compile(
    r"^(?P<a>[^&]{1,600}?(?:&|\band\b)\s+[^,&]{1,60},\s+(?:[A-Z][a-z]?\.\s?-?){1,4})\s+(?P<rest>\S.+)$"
)
_IN = re.compile(r"^(?:In:?|in)\s+")
_HAS_DASH = re.compile("[\u2013\u2014-]")
_IN_PREFIX = re.compile(r"^(?:in\s+)", re.I)
_VOL_NO_PP = re.compile(r",\s*(?:vol|no|pp|p)\.")
_SENTENCE_END = re.compile(r"[.?!]\s+")
_INITIALS_TOKEN = re.compile(r"(?:[A-Z]\.?-?)+")
_SPACES = re.compile(r"\s+")
_VOL_TAIL = re.compile(r",?\s*[Vv]ol(?:ume)?\.?\s*\d+.*$")
_PAGES_TAIL = re.compile(r",?\s*(?:pp?\.|pages)\s*\d.*$")
_ONLY_NUMBERS = re.compile(r"[\d\s\u2013\u2014(),:;-]+")
_DIGIT = re.compile(r"\d")
_NO_WORD = re.compile(r"[\W\d]*")
_ARXIV_WORD = re.compile(r"(?i)\barxiv\b")
_VANCOUVER_END = re.compile(r"\b([A-Z]{1,3}|et al)\.\s+")
_ET_AL_END = re.compile(r",?\s*et al$")
_FOUR_DIGITS = re.compile(r"\d{4}")


def split_sentences(text: str) -> list[str]:
    """Split at ". ", "? ", "! " that end a sentence (not an initial or abbreviation)."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        if text[end] == ".":
            token = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
            if token and text[end - 1].isspace():
                token = ""  # " ." : no word right before the full stop
            bare = token.split(".")[-1].lstrip("(").lower()
            if len(bare) <= 1 or bare in _ABBREV or _INITIALS_TOKEN.fullmatch(token):
                continue
        parts.append(text[start : end + (1 if text[end] in "?!" else 0)].strip())
        start = m.end()
    tail = text[start:].strip().rstrip(".")
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


def _authors(entry: ParsedEntry, text: str) -> None:
    names = split_authors(text.strip(" ,.;:"))
    entry.authors = names.names
    entry.authors_truncated = names.truncated
    entry.author_count = names.count


def _venue(entry: ParsedEntry, rest: list[str]) -> None:
    """Venue from the sentences after the title; pages and volume where printed."""
    text = " ".join(rest)
    pages = _PAGES.findall(text) if _HAS_DASH.search(text) else []
    if pages:
        entry.pages = _SPACES.sub("", pages[-1]).replace("--", "\u2013")
    vol = _VOL.search(text)
    if vol:
        entry.volume = vol.group(1)
    if not rest:
        return
    venue = _IN.sub("", rest[0]).strip()
    eds = venue.find("(Ed")
    if eds > 0:  # "Venue, J. Editor, K. Editor (Eds.)": the venue is before the editors
        venue = venue[:eds].split(",")[0]
    venue = _VOL_TAIL.sub("", venue)
    venue = _PAGES_TAIL.sub("", venue)
    cut = _NUMERIC_TAIL.sub("", venue)
    if cut.count("(") <= cut.count(")"):  # never cut inside "(CIKM ’19)"
        venue = cut
    venue = venue.strip(" ,.;:")
    if venue and not _ONLY_NUMBERS.fullmatch(venue):
        entry.venue = venue
    if len(rest) > 1 and not entry.publisher:
        pub = rest[1].strip(" ,.")
        if pub and not _YEAR.fullmatch(pub) and not _DIGIT.search(pub) and len(pub) < 80:
            entry.publisher = pub


def parse_reference(text: str) -> ParsedEntry:
    """Read one reference (already joined onto one line)."""
    entry = ParsedEntry(raw=text, entry_type="reference")
    fill_identifiers(entry, text)
    # drop ids and URLs from the text before reading its parts
    body = text
    for url in find_urls(body):
        body = body.replace(url, " ")
    lower = body.lower()
    if (
        "doi" in lower
        or "arxiv" in lower
        or "10." in body
        or "url" in lower
        or "availab" in lower
        or "retrieved" in lower
    ):
        body = _ID_TEXT.sub(" ", body)
    if "preprint" in lower:
        body = _PREPRINT.sub("arXiv preprint ", body)
    body = squash(body).strip(" .,")
    years = _YEAR.findall(body)

    quoted = _QUOTED.search(body)
    acm = _ACM.match(body)
    apa = _APA.match(body)
    if quoted and looks_like_author_list(body[: quoted.start()].strip(" ,.:")) >= 0.5:
        _authors(entry, body[: quoted.start()])
        entry.title = quoted.group("t").strip(" ,.")
        after = body[quoted.end() :].strip(" ,.")
        _venue(entry, [after] if after else [])
        if entry.venue:
            entry.venue = _IN_PREFIX.sub("", entry.venue)
            entry.venue = _VOL_NO_PP.split(entry.venue)[0].strip(" ,")
    elif apa and looks_like_author_list(apa.group("a")) >= 0.5:
        _authors(entry, apa.group("a"))
        _year(entry, apa.group("y"))
        _title_and_venue(entry, apa.group("rest"))
    elif acm and looks_like_author_list(acm.group("a")) >= 0.5:
        _authors(entry, acm.group("a"))
        _year(entry, acm.group("y"))
        _title_and_venue(entry, acm.group("rest"))
    elif (van := _vancouver(body)) is not None:
        _authors(entry, van[0])
        _title_and_venue(entry, van[1])
    else:
        spr = _SPRINGER.match(body)
        if (
            spr
            and looks_like_author_list(spr.group("a")) >= 0.6
            and len(split_sentences(spr.group("a"))) == 1
        ):
            _authors(entry, spr.group("a"))
            _title_and_venue(entry, spr.group("rest"))
        elif (nat := _NATURE.match(body)) and looks_like_author_list(nat.group("a")) >= 0.5:
            _authors(entry, nat.group("a"))
            _title_and_venue(entry, nat.group("rest"))
        else:
            sentences = split_sentences(body)
            if len(sentences) >= 2 and looks_like_author_list(sentences[0]) >= 0.5:
                _authors(entry, sentences[0])
                sentences = sentences[1:]
            if sentences:
                first = sentences[0]
                if not _YEAR.fullmatch(first.strip(" ()")):
                    entry.title = first.strip(" ,")
                    _venue(entry, sentences[1:])
    if not entry.year and years:
        _year(entry, years[-1])
    if entry.title:
        entry.title = entry.title.strip(" ,.;:")
        if _NO_WORD.fullmatch(entry.title):
            entry.title = None
    if entry.venue and entry.arxiv_id and _ARXIV_WORD.search(entry.venue):
        entry.entry_type = "preprint"
    return entry


def _vancouver(body: str) -> tuple[str, str] | None:
    """ "Devlin J, Chang MW, Lee K. Title..." -> (authors, rest), when that shape fits."""
    for m in _VANCOUVER_END.finditer(body[:2000]):
        head = body[: m.end(1)]
        names = [n.strip() for n in _ET_AL_END.sub("", head).split(",")]
        if names and all(_VANCOUVER_NAME.match(n) for n in names):
            return head, body[m.end() :]
        if not all(_VANCOUVER_NAME.match(n) for n in names[:-1]):
            return None
    return None


def _year(entry: ParsedEntry, text: str) -> None:
    m = _FOUR_DIGITS.match(text)
    if m:
        entry.year = int(m.group(0))
        entry.date = m.group(0)


def _title_and_venue(entry: ParsedEntry, rest: str) -> None:
    sentences = split_sentences(rest)
    if not sentences:
        return
    entry.title = sentences[0].strip(" ,")
    _venue(entry, sentences[1:])
