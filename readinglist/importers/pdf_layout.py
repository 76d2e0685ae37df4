"""Title, authors and abstract from the layout of a paper's first page.

Input is plain data (``Page`` of ``Line``s of ``Span``s with font size, bold,
superscript and position), built from PyMuPDF's ``get_text("dict")`` by
``page_from_dict``; no PyMuPDF import here, so the rules are testable on their
own.  The rules follow how papers are typeset: the title is the largest
(or, on pages without a distinctive title font, the first) title-like block
near the top, set apart from running headers, journal banners, arXiv stamps
and page numbers; the authors are the lines under it up to the affiliations,
with affiliation markers recognised as superscript (smaller, raised) spans;
the abstract follows an Abstract/Summary/Zusammenfassung/Résumé heading, or
is the first paragraph block when there is none.  Authors: ``pdf_authors``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from readinglist.importers.pdf_text import (
    clean_spaces,
    dehyphenate_join,
    fix_accents,
    fix_ligatures,
    recase_title,
)

MARKER_CHARS = "∗*†‡§¶♦♣♠♥☯#$+✉⋆★☆•◦⊥‖⁎※∥⊗⊕"
_MARKER_ONLY_RE = re.compile(rf"^[\s\d,.;{re.escape(MARKER_CHARS)}a-z]*$")


@dataclass
class Span:
    text: str
    size: float
    bold: bool = False
    sup: bool = False  # set in superscript (raised and/or clearly smaller)
    font: str = ""
    x0: float | None = None
    x1: float | None = None


@dataclass
class Line:
    spans: list[Span]
    x0: float
    y0: float
    x1: float
    y1: float
    block: int = 0

    @cached_property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @cached_property
    def main_text(self) -> str:
        return "".join(s.text for s in self.spans if not s.sup)

    @cached_property
    def size(self) -> float:
        counts: Counter[float] = Counter()
        for s in self.spans:
            if not s.sup and s.text.strip():
                counts[round(s.size * 2) / 2] += len(s.text.strip())
        if not counts:
            return max((s.size for s in self.spans), default=0.0)
        return counts.most_common(1)[0][0]

    @cached_property
    def bold(self) -> bool:
        chars = [(len(s.text.strip()), s.bold) for s in self.spans if not s.sup]
        total = sum(n for n, _ in chars)
        return total > 0 and sum(n for n, b in chars if b) / total >= 0.6


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)  # horizontal lines, stream order
    rotated_text: list[str] = field(default_factory=list)  # vertical lines (margin stamps)

    @cached_property
    def body_size(self) -> float:
        counts: Counter[float] = Counter()
        for ln in self.lines:
            for s in ln.spans:
                if not s.sup and s.text.strip():
                    counts[round(s.size * 2) / 2] += len(s.text.strip())
        return counts.most_common(1)[0][0] if counts else 10.0


def page_from_dict(d: dict[str, Any], width: float, height: float) -> Page:
    """Build a ``Page`` from PyMuPDF ``page.get_text("dict")`` output."""
    page = Page(width, height)
    for block in d.get("blocks", ()):
        if block.get("type", 0) != 0:
            continue
        for ln in block.get("lines", ()):
            raw = [s for s in ln.get("spans", ()) if s.get("text")]
            if not raw or not "".join(s["text"] for s in raw).strip():
                continue
            dx, dy = ln.get("dir", (1.0, 0.0))
            if abs(dy) > 0.2 or dx < 0:
                page.rotated_text.append("".join(s["text"] for s in raw))
                continue
            sizes = [s["size"] for s in raw if s["text"].strip()]
            big = max(sizes) if sizes else 0.0
            spans = []
            for s in raw:
                size = float(s.get("size", 0.0))
                flags = int(s.get("flags", 0))
                small = size < 0.8 * big
                sup = bool(flags & 1) or (small and _MARKER_ONLY_RE.match(s["text"]) is not None)
                font = str(s.get("font", ""))
                sx0, _, sx1, _ = s.get("bbox", (None, 0, None, 0))
                spans.append(Span(s["text"], size, bool(flags & 16) or "bold" in font.lower(),
                                  sup, font, sx0, sx1))
            x0, y0, x1, y1 = ln["bbox"]
            page.lines.append(Line(spans, x0, y0, x1, y1, int(block.get("number", 0))))
    return page


# ---------------------------------------------------------------------------
# Noise: what is printed near a title but is not one

_NOISE_ANYWHERE = re.compile(
    r"(arXiv:\s*\d|arXiv:\s*[a-z\-]+/\d|https?://|www\.|@|©|\bdoi\s*[:.]|\bdoi\.org\b|\bISSN\b|"
    r"\bISBN\b|journal homepage|contents lists available|all rights reserved|"
    r"creative commons|licen[cs]e|\bpp\.\s*\d|\bvol\.\s*\d|\bno\.\s*\d)",
    re.IGNORECASE,
)
_NOISE_START = re.compile(
    r"^\s*(preprint|draft|submitted|accepted|published|received|to appear|in proceedings|"
    r"proceedings of|journal of|transactions on|volume\b|vol\b|page\s+\d|manuscript|"
    r"under review|workshop track|conference paper|technical report|this is a preprint|"
    r"citation:|editor:|copyright|cite this|available online|research article|"
    r"original (?:research )?article|review article|open access|article in press|"
    r"table of contents|contents\b)",
    re.IGNORECASE,
)
_LABELS = {
    "article", "research", "review", "letter", "letters", "notes", "note", "abstract",
    "editorial", "commentary", "perspective", "report", "communication", "paper",
    "short paper", "full paper", "brief report", "original paper", "research paper",
    "research letter", "contents", "index", "preface", "chapter", "appendix",
}
_HEADING_WORDS = (
    r"abstract|a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|summary|zusammenfassung|kurzfassung|"
    r"r[ée]sum[ée]|resumen|resumo|riassunto|sommario|samenvatting|streszczenie|"
    r"sammanfattning|abstrakt|аннотация|摘要"
)
_ABSTRACT_HEADING_RE = re.compile(
    rf"^\s*(?:{_HEADING_WORDS})\s*(?:[.:—–\-]+\s*|\s+(?=[A-ZÄÖÜ])|$)", re.IGNORECASE
)
_STOP_RE = re.compile(
    r"^\s*(?:(?:\d+\.?|[IVX]+\.?)\s*)?(?:key\s?words|index terms|schl[üu]sselw[öo]rter|"
    r"mots[- ]cl[ée]s|palabras clave|ccs concepts|categories and subject|general terms|"
    r"introduction|einleitung|introducci[óo]n|contents|table of contents|acm reference|"
    r"background|motivation|related work)\b",
    re.IGNORECASE,
)
_AFFILIATION_RE = re.compile(
    r"(?:\b(?:universit\w*|institut\w*|department\w*|dept|laborator\w*|labs?|school|"
    r"college|facult(?:y|é|e)|cent(?:er|re)s?|corporation|corp|inc|ltd|gmbh|hospital|"
    r"academy|akademie|hochschule|polytechnic\w*|research|foundation|ministry|council|"
    r"observatory|division|national|street|avenue|road|google|microsoft|facebook|ibm|"
    r"amazon|nvidia|e-?mail)\b|\buniv\.)",
    re.IGNORECASE,
)
def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _is_noise(text: str) -> bool:
    t = clean_spaces(text)
    if not t or _letters(t) < 2:
        return True
    if _NOISE_ANYWHERE.search(t) or _NOISE_START.search(t):
        return True
    if t.lower().strip(" .:") in _LABELS:
        return True
    if re.fullmatch(r"[\d\s\-–/|.,:;()]+|page\s*\d+|\d+\s+of\s+\d+", t, re.IGNORECASE):
        return True
    return False


def _is_toc_block(lines: list[Line]) -> bool:
    text = " ".join(ln.text for ln in lines)
    if text.count("....") >= 2 or text.count(". . .") >= 2:
        return True
    numbered = sum(1 for ln in lines if re.search(r"\s\d{1,4}\s*$", ln.text))
    return len(lines) >= 4 and numbered / len(lines) >= 0.4


# ---------------------------------------------------------------------------
# Title


@dataclass
class _Group:
    lines: list[Line]
    size: float
    bold: bool

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def y0(self) -> float:
        return min(ln.y0 for ln in self.lines)

    @property
    def y1(self) -> float:
        return max(ln.y1 for ln in self.lines)

    @property
    def max_gap(self) -> float:
        rows = sorted(self.lines, key=lambda ln: ln.y0)
        return max((b.y0 - a.y1 for a, b in zip(rows, rows[1:], strict=False)), default=0.0)

    @property
    def text(self) -> str:
        parts = []
        for ln in sorted(self.lines, key=lambda ln: (round(ln.y0), ln.x0)):
            t = clean_spaces(ln.main_text)
            if not t:
                continue
            if parts and parts[-1].endswith("-"):
                parts[-1] += t
            else:
                parts.append(t)
        return " ".join(parts)


@dataclass
class TitleResult:
    title: str | None
    confidence: float
    bottom: float = 0.0  # y below which authors are looked for
    x0: float = 0.0
    x1: float = 0.0


def _overlaps(a0: float, a1: float, b0: float, b1: float, slack: float = 0.0) -> bool:
    return a0 - slack < b1 and b0 - slack < a1


def _title_groups(page: Page) -> list[_Group]:
    toc_blocks = set()
    by_block: dict[int, list[Line]] = {}
    for ln in page.lines:
        by_block.setdefault(ln.block, []).append(ln)
    for num, lines in by_block.items():
        if _is_toc_block(lines):
            toc_blocks.add(num)
    body = page.body_size
    cands = []
    for ln in page.lines:
        if ln.block in toc_blocks or ln.y0 > 0.7 * page.height:
            continue
        if ln.y1 < 0.05 * page.height and ln.size <= body * 1.15:
            continue  # running header strip
        if _is_noise(ln.main_text):
            continue
        cands.append(ln)
    cands.sort(key=lambda ln: (round(ln.y0), ln.x0))
    groups: list[_Group] = []
    for ln in cands:
        size = ln.size
        target = None
        for g in reversed(groups[-4:]):
            tol = max(0.6, 0.07 * g.size)
            if abs(g.size - size) > tol or g.bold != ln.bold:
                continue
            gap = ln.y0 - g.y1
            if gap > 0.6 * size or gap < -0.8 * size and ln.y0 > g.y0 + 0.5 * size:
                continue
            if len(g.lines) >= 2 and gap > max(2 * g.max_gap, 0.3 * size):
                continue  # line spacing inside a title is regular
            if not _overlaps(ln.x0, ln.x1, g.x0, g.x1, slack=0.05 * page.width):
                continue
            target = g
            break
        if target is not None:
            target.lines.append(ln)
        else:
            groups.append(_Group([ln], size, ln.bold))
    return groups


def _title_like(g: _Group) -> bool:
    text = g.text
    words = [w for w in text.split() if _letters(w)]
    nonspace = [c for c in text if not c.isspace()]
    if not nonspace or _letters(text) / len(nonspace) < 0.6:
        return False
    if len(text) > 350 or len(g.lines) > 5:
        return False
    if len(words) < 2 and _letters(text) < 6:
        return False
    return not _is_noise(text)


def find_title(page: Page) -> TitleResult:
    """The printed title of a first page, or None with confidence 0."""
    groups = [g for g in _title_groups(page) if _title_like(g)]
    if not groups:
        return TitleResult(None, 0.0)
    body = page.body_size
    max_size = max(g.size for g in groups)
    if max_size >= 1.12 * body:
        pool = [g for g in groups if g.size >= max_size - 0.6]
        single = [g for g in pool if len(g.text.split()) >= 2] or pool
        chosen = min(single, key=lambda g: g.y0)
        ratio = chosen.size / body
        conf = 0.9 if ratio >= 1.3 else 0.8
    else:
        # No title font: the first short, unpunctuated block set apart from
        # the running text (OCR scans, plain word-processor pages).
        pool = [g for g in groups if g.size >= 0.9 * max_size and len(g.text.split()) >= 2
                and len(g.lines) <= 3 and not g.text.rstrip().endswith(".")]
        if not pool:
            return TitleResult(None, 0.0)
        chosen = min(pool, key=lambda g: g.y0)
        conf = 0.55 if chosen.bold else 0.45
    title = _clean_title(chosen.text)
    if not title:
        return TitleResult(None, 0.0)
    return TitleResult(title, conf, chosen.y1, chosen.x0, chosen.x1)


def _clean_title(text: str) -> str | None:
    t = fix_accents(fix_ligatures(clean_spaces(text)))
    t = re.sub(rf"[\s{re.escape(MARKER_CHARS)}'’\"”]+$", "", t)
    t = re.sub(r"\s+([,:;.?!])", r"\1", t)
    t = t.strip(" .,;")
    if _letters(t) < 2:
        return None
    return recase_title(t)


# ---------------------------------------------------------------------------
# Abstract


def _block_lines(page: Page) -> list[list[Line]]:
    blocks: dict[int, list[Line]] = {}
    order: list[int] = []
    for ln in page.lines:
        if ln.block not in blocks:
            blocks[ln.block] = []
            order.append(ln.block)
        blocks[ln.block].append(ln)
    return [blocks[b] for b in order]


def _paragraph_text(lines: list[Line]) -> str:
    texts = []
    for ln in lines:
        parts = []
        for s in ln.spans:
            if s.sup and len(s.text.strip()) <= 3 and _MARKER_ONLY_RE.match(s.text):
                continue
            parts.append(s.text)
        texts.append(clean_spaces("".join(parts)))
    return dehyphenate_join(texts)


def _finish_abstract(text: str, limit: int = 5000) -> str | None:
    t = fix_accents(fix_ligatures(clean_spaces(text)), ring=False)
    t = re.sub(r"\s+([,.;:])", r"\1", t)
    if len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0] + "…"
    return t if _letters(t) >= 40 else None


def _is_heading(ln: Line, text: str, end: int) -> bool:
    """Whether the matched heading word really is a heading: alone on its
    line, followed by punctuation, in capitals, or set in its own style
    ("Abstract Syntax Notation" is a phrase, "ABSTRACT We ..." a heading)."""
    word = text[:end].strip()
    if not text[end:].strip() or re.search(r"[.:—–\-]$", word):
        return True
    if word.isupper():
        return True
    first = next((s for s in ln.spans if s.text.strip()), None)
    if first is None or first.text.strip() != word:
        return False
    rest = next((s for s in ln.spans[ln.spans.index(first) + 1:] if s.text.strip()), None)
    return rest is not None and (first.bold != rest.bold or first.font != rest.font
                                 or abs(first.size - rest.size) > 0.5)


def find_abstract(page: Page, after_y: float = 0.0) -> tuple[str | None, float, float | None]:
    """(abstract, confidence, y of the heading or None)."""
    blocks = _block_lines(page)
    for bi, lines in enumerate(blocks):
        for li, ln in enumerate(lines):
            text = clean_spaces(ln.text)
            m = _ABSTRACT_HEADING_RE.match(text)
            if not m or not _is_heading(ln, text, m.end()):
                continue
            first = text[m.end():]
            rest = lines[li + 1:]
            parts = [first] if first else []
            if rest:
                parts.append(_paragraph_text(rest))
            ref = rest[0] if rest else None
            for nxt in blocks[bi + 1: bi + 6]:
                ntext = clean_spaces(" ".join(x.text for x in nxt))
                if _STOP_RE.match(ntext) or _ABSTRACT_HEADING_RE.match(ntext):
                    break
                if _is_toc_block(nxt) or len(ntext) < 3:
                    break
                filled = sum(len(p) for p in parts)
                if ref is not None and filled > 0:
                    if abs(nxt[0].size - ref.size) > 0.8:
                        break
                    if filled > 200 and nxt[0].bold and not ref.bold:
                        break
                    if nxt[0].y0 < ref.y0 and filled > 400:
                        break
                parts.append(_paragraph_text(nxt))
                ref = ref or nxt[0]
                if sum(len(p) for p in parts) > 3000:
                    break
            abstract = _finish_abstract(" ".join(p for p in parts if p))
            if abstract:
                return abstract, 0.9, ln.y0
    # No heading: the first paragraph block below the title/authors.
    for lines in blocks:
        if lines[0].y0 < after_y or len(lines) < 3 or _is_toc_block(lines):
            continue
        text = _paragraph_text(lines)
        if len(text) < 200 or "@" in text[:200] or _AFFILIATION_RE.search(text[:80]):
            continue
        if _STOP_RE.match(text) or _NOISE_START.match(text) or re.search(
            r"permission to make|©|copyright", text[:200], re.IGNORECASE
        ):
            continue
        abstract = _finish_abstract(text)
        if abstract:
            return abstract, 0.5, None
    return None, 0.0, None
