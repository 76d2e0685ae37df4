"""Read one PDF with PyMuPDF: metadata, full text, thumbnail (worker side).

This runs inside a worker process (``pdf_worker``), never in the GUI or the
importing process: PyMuPDF is native code and hostile files exist.  Every
outcome is a ``PdfExtraction``; failures set ``error`` to a plain-language
reason.  PyMuPDF is imported lazily here; it never runs embedded JavaScript
(nothing here enables it).  ``path``, ``sha256`` and ``size`` are filled in by
the caller.
"""

from __future__ import annotations

import re
import time
from typing import Any

from readinglist.core.entry import ParsedEntry, PdfExtraction
from readinglist.importers.pdf_authors import find_authors
from readinglist.importers.pdf_ids import (
    arxiv_id_year,
    find_arxiv,
    find_dois,
    find_dois_at,
    find_year,
    pick_doi,
)
from readinglist.importers.pdf_layout import (
    Page,
    find_abstract,
    find_title,
    page_from_dict,
)
from readinglist.importers.pdf_text import clean_spaces, fix_accents, recase_title

MAX_TEXT_PAGES = 200
MAX_TEXT_CHARS = 1_500_000
THUMB_WIDTH = 300
_TEXT_FLAGS = 64  # pymupdf.TEXT_MEDIABOX_CLIP: plain text, ligatures expanded, fastest

_REFERENCES_RE = re.compile(
    r"^\s*(?:\d+\.?\s*|[IVX]+\.\s*)?(references|bibliography|literatur(?:verzeichnis)?|"
    r"références|referencias|works cited|literature cited)\s*$",
    re.IGNORECASE,
)
_BAD_META_TITLE_RE = re.compile(
    r"(microsoft\s+word|\.docx?\b|\.pdf\b|\.tex\b|\.dvi\b|untitled|^title$|^paper$|"
    r"^document\d*$|^slide|^manuscript|^\W*$|^[\w\-]+\.\w{2,4}$|^\d[\d\s.\-_]*$)",
    re.IGNORECASE,
)


def _import_pymupdf() -> Any:
    import pymupdf  # noqa: PLC0415 - lazy on purpose: only worker processes load it

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def _fail(reason: str, **kw: Any) -> PdfExtraction:
    return PdfExtraction(path="", sha256="", size=0, error=reason, **kw)


def _open(pymupdf: Any, path: str) -> tuple[Any, str | None]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        return None, f"could not read the file ({exc.strerror or exc})"
    if not head:
        return None, "empty file"
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - any MuPDF failure is "damaged"
        if b"%PDF" not in head:
            return None, "not a PDF file"
        name = type(exc).__name__
        if "Empty" in name:
            return None, "empty file"
        return None, "damaged: the file could not be opened"
    return doc, None


def _metadata_title(meta: dict[str, Any]) -> str | None:
    t = clean_spaces(str(meta.get("title") or ""))
    if len(t) < 8 or len(t.split()) < 2 or _BAD_META_TITLE_RE.search(t):
        return None
    return recase_title(fix_accents(t))


def _similar(a: str, b: str) -> bool:
    def norm(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    wa, wb = norm(a), norm(b)
    if not wa or not wb:
        return False
    common = len(set(wa) & set(wb))
    return common / max(len(set(wa)), len(set(wb))) >= 0.7


def _printed_on(title: str, page_text: str) -> bool:
    """True when ``title``'s words appear, in order, in the page text."""
    def words(s: str) -> str:
        return " ".join(re.findall(r"\w+", s.lower()))

    wanted = words(title)
    return len(wanted) >= 10 and wanted in words(page_text.replace("-\n", ""))


def _has_javascript(doc: Any) -> bool:
    try:
        cat = doc.pdf_catalog()
        for key in ("Names/JavaScript", "OpenAction", "AA"):
            kind, value = doc.xref_get_key(cat, key)
            if kind == "null":
                continue
            if key == "Names/JavaScript":
                return True
            if "JavaScript" in value or "/JS" in value:
                return True
            m = re.match(r"(\d+) 0 R", value)
            if m and "JavaScript" in doc.xref_object(int(m.group(1)), compressed=True):
                return True
    except Exception:  # noqa: BLE001 - a broken catalog just means "unknown"
        return False
    return False


def _text_lines_before_references(text: str) -> tuple[list[str], bool]:
    lines = []
    for line in text.splitlines():
        if _REFERENCES_RE.match(line):
            return lines, True
        lines.append(line)
    return lines, False


def _thumbnail(pymupdf: Any, page: Any, warnings: list[str]) -> bytes | None:
    try:
        rect = page.rect
        if rect.width <= 0 or rect.height <= 0:
            return None
        zoom = min(THUMB_WIDTH / rect.width, 4.0)
        if rect.height * zoom > 4 * THUMB_WIDTH:  # absurd page shapes
            zoom = 4 * THUMB_WIDTH / rect.height
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return pix.tobytes("png")
    except MemoryError:
        warnings.append("no thumbnail: the first page is too large to draw")
    except Exception:  # noqa: BLE001
        warnings.append("no thumbnail: the first page could not be drawn")
    return None


def _full_text(
    doc: Any, n_pages: int, budget_s: float, warnings: list[str], known: dict[int, str]
) -> str:
    start = time.monotonic()
    parts: list[str] = []
    total = 0
    limit = min(n_pages, MAX_TEXT_PAGES)
    done = 0
    for i in range(limit):
        if time.monotonic() - start > budget_s:
            warnings.append(f"text indexed for the first {done} pages only (reading was slow)")
            break
        try:
            t = known[i] if i in known else doc.load_page(i).get_text("text", flags=_TEXT_FLAGS)
        except MemoryError:
            warnings.append(f"page {i + 1} ran out of memory; its text is missing")
            continue
        except Exception:  # noqa: BLE001
            continue
        done += 1
        if total + len(t) > MAX_TEXT_CHARS:
            parts.append(t[: MAX_TEXT_CHARS - total])
            warnings.append(f"text indexed up to page {i + 1} (size limit)")
            break
        parts.append(t)
        total += len(t)
    else:
        if n_pages > MAX_TEXT_PAGES:
            warnings.append(f"text indexed for the first {MAX_TEXT_PAGES} of {n_pages} pages")
    return "\n".join(parts)


def extract_document(
    path: str, *, password: str | None = None, text_budget_s: float = 10.0
) -> PdfExtraction:
    """Everything the library stores about one PDF; never raises."""
    pymupdf = _import_pymupdf()
    doc, err = _open(pymupdf, path)
    if err:
        return _fail(err)
    try:
        return _extract(pymupdf, doc, password, text_budget_s)
    except MemoryError:
        return _fail("ran out of memory")
    except Exception:  # noqa: BLE001 - MuPDF raises many kinds on broken files
        return _fail("damaged: the file could not be read")
    finally:
        try:
            doc.close()
        except Exception:  # noqa: BLE001
            pass
        try:
            pymupdf.TOOLS.store_shrink(100)
        except Exception:  # noqa: BLE001
            pass


def _extract(pymupdf: Any, doc: Any, password: str | None, text_budget_s: float) -> PdfExtraction:
    encrypted = bool(doc.needs_pass)
    if encrypted:
        if not password:
            return _fail("password protected", encrypted=True)
        if not doc.authenticate(password):
            return _fail("password protected (the password given is wrong)", encrypted=True)
    warnings: list[str] = []
    try:
        n_pages = doc.page_count
    except Exception:  # noqa: BLE001 - e.g. "Invalid number of pages"
        n_pages = _repair_page_count(doc)
        if n_pages > 0:
            warnings.append("the page count stored in the file was wrong (recounted)")
    if n_pages <= 0:
        return _fail("damaged: no pages could be read")
    first = None
    first_no = 0
    for i in range(min(n_pages, 3)):
        try:
            first = doc.load_page(i)
            first_no = i
            break
        except Exception:  # noqa: BLE001
            continue
    if first is None:
        return _fail("damaged: no pages could be read")

    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    rect = first.rect
    textpage = first.get_textpage(flags=flags)
    page = page_from_dict(first.get_text("dict", textpage=textpage), rect.width, rect.height)
    page1_text = first.get_text("text", textpage=textpage)
    del textpage
    known = {first_no: page1_text}
    second_text = ""
    if n_pages > first_no + 1:
        try:
            second_text = doc.load_page(first_no + 1).get_text("text", flags=_TEXT_FLAGS)
            known[first_no + 1] = second_text
        except Exception:  # noqa: BLE001
            second_text = ""
    if not page.lines and second_text.strip():
        # a blank or image-only cover: the paper starts on the next page
        try:
            nxt = doc.load_page(first_no + 1)
            page = page_from_dict(nxt.get_text("dict", flags=flags), nxt.rect.width,
                                  nxt.rect.height)
            page1_text, second_text = second_text, ""
        except Exception:  # noqa: BLE001
            pass
    try:
        entry, confidence = _metadata_from_pages(page, page1_text, second_text, doc, n_pages)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an odd page must not cost the file its text
        entry, confidence = ParsedEntry(entry_type="article"), {}
        warnings.append("the first page's layout could not be read; details need checking")
    meta_title = _metadata_title(doc.metadata or {})
    if meta_title and entry.title and _similar(entry.title, meta_title):
        confidence["title"] = max(confidence.get("title", 0.0), 0.95)
    elif meta_title and _printed_on(meta_title, page1_text) and (
        entry.title is None or confidence.get("title", 0.0) < 0.6
    ):
        # the file's own title property, confirmed by the text of the page
        entry.title = meta_title
        confidence["title"] = 0.75
    elif meta_title and entry.title is None:
        entry.title = meta_title
        confidence["title"] = 0.45  # not printed on the page: flagged for review
        warnings.append("title taken from the file's properties (none found on the page)")

    if _has_javascript(doc):
        warnings.append("contains embedded JavaScript (not run)")
    if not page1_text.strip() and not page.rotated_text:
        warnings.append("no text on the first page (a scan without text recognition?)")

    thumb = _thumbnail(pymupdf, first, warnings)
    full_text = _full_text(doc, n_pages, text_budget_s, warnings, known)
    if not entry.title:
        entry.flag("no title found in the PDF")
    if not entry.authors:
        entry.flag("no authors found in the PDF")
    entry.warnings.extend(warnings)
    return PdfExtraction(
        path="", sha256="", size=0, entry=entry, page_count=n_pages, full_text=full_text,
        thumbnail_png=thumb, confidence=confidence, warnings=warnings, encrypted=encrypted,
    )


def _repair_page_count(doc: Any, limit: int = 100_000) -> int:
    """Recount the leaves of the page tree (cycles and bogus /Count values
    ignored) and write the true counts back, so the pages can be loaded."""
    try:
        kind, value = doc.xref_get_key(doc.pdf_catalog(), "Pages")
        m = re.match(r"(\d+) 0 R", value) if kind == "xref" else None
        if not m:
            return 0
        visited: set[int] = set()

        def count(xref: int) -> int:
            if xref in visited or len(visited) > limit:
                return 0
            visited.add(xref)
            _, typ = doc.xref_get_key(xref, "Type")
            if typ == "/Page":
                return 1
            _, kids = doc.xref_get_key(xref, "Kids")
            total = sum(count(int(k)) for k in re.findall(r"(\d+) 0 R", kids))
            doc.xref_set_key(xref, "Count", str(total))
            return total

        if count(int(m.group(1))) <= 0:
            return 0
        return int(doc.page_count)
    except Exception:  # noqa: BLE001
        return 0


def _metadata_from_pages(
    page: Page, page1_text: str, second_text: str, doc: Any, n_pages: int
) -> tuple[ParsedEntry, dict[str, float]]:
    """The ParsedEntry fields readable from the first pages, with confidences."""
    entry = ParsedEntry(entry_type="article")
    conf: dict[str, float] = {}
    title = find_title(page)
    entry.title = title.title
    conf["title"] = title.confidence
    abstract, abs_conf, heading_y = find_abstract(page, after_y=title.bottom)
    authors, auth_conf = find_authors(page, title, heading_y)
    entry.authors = authors
    conf["authors"] = auth_conf
    entry.abstract = abstract
    conf["abstract"] = abs_conf

    p1_lines, p1_refs = _text_lines_before_references(page1_text)
    p2_lines: list[str] = []
    if second_text and not p1_refs:
        p2_lines, _ = _text_lines_before_references(second_text)

    band, body = _band_and_body(page)
    stamp = find_arxiv(page.rotated_text + band, body)
    if stamp:
        entry.arxiv_id = stamp.arxiv_id + (stamp.version or "")
        entry.url = f"https://arxiv.org/abs/{stamp.arxiv_id}"
        if stamp.category:
            entry.topics = [stamp.category]
        conf["arxiv_id"] = 0.98 if stamp.from_stamp else 0.8

    doi, doi_conf = _first_page_doi(page)
    if doi is None and p2_lines:
        # page 2: only a DOI printed as a notice of its own ("DOI: 10...",
        # "https://doi.org/10..." opening a line), never one cited in a sentence
        notices = [ln for ln in p2_lines
                   if re.match(r"\s*(?:doi\s*[:.]?\s*|https?://(?:dx\.)?doi\.org/)10\.", ln, re.I)]
        doi, doi_conf = pick_doi(find_dois(notices))
        doi_conf = min(doi_conf, 0.7)
    if doi is None and n_pages > 2:
        doi, doi_conf = _doi_from_last_page(doc, n_pages)
    if doi:
        entry.doi = doi
        conf["doi"] = doi_conf

    year, year_conf = find_year(p1_lines + page.rotated_text)
    if year is None and stamp is not None:
        year = stamp.year or arxiv_id_year(stamp.arxiv_id)
        year_conf = 0.9 if stamp.year else 0.7
    if year is not None:
        entry.year = year
        entry.date = str(year)
        conf["year"] = year_conf
    return entry, conf


def _band_and_body(page: Page) -> tuple[list[str], list[str]]:
    """First-page lines in the header/footer band, and the other lines up to
    a references heading."""
    band: list[str] = []
    body: list[str] = []
    for ln in page.lines:
        if _REFERENCES_RE.match(ln.text):
            break
        in_band = ln.y0 < 0.12 * page.height or ln.y1 > 0.88 * page.height
        (band if in_band else body).append(ln.text)
    return band, body


def _first_page_doi(page: Page) -> tuple[str | None, float]:
    """The DOI printed on the first page (before any reference list),
    preferring labelled ones and those in the header/footer band."""
    lines: list[str] = []
    bands: list[bool] = []
    for ln in page.lines:
        if _REFERENCES_RE.match(ln.text):
            break
        lines.append(ln.text)
        bands.append(ln.y0 < 0.12 * page.height or ln.y1 > 0.88 * page.height)
    lines += page.rotated_text
    bands += [True] * len(page.rotated_text)
    found = find_dois_at(lines)
    return pick_doi([(d, lab) for d, lab, _ in found], [bands[i] for _, _, i in found])


def _doi_from_last_page(doc: Any, n_pages: int) -> tuple[str | None, float]:
    """A DOI printed on the last page as a label line (some journals print it
    there), never one from a reference list."""
    try:
        text = doc.load_page(n_pages - 1).get_text("text")
    except Exception:  # noqa: BLE001
        return None, 0.0
    lines = text.splitlines()
    refs_like = sum(1 for ln in lines if re.match(r"^\s*(\[\d+\]|\d+\.\s+[A-Z])", ln))
    if refs_like >= 3 or any(_REFERENCES_RE.match(ln) for ln in lines):
        return None, 0.0
    labelled = [d for d, lab in find_dois(lines) if lab]
    if len(labelled) == 1:
        return labelled[0], 0.7
    return None, 0.0
