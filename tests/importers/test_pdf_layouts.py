"""End to end through MuPDF on hand-typeset first pages of other layouts
(IEEE-like journal, ACM-like author grid, a bioRxiv-like preprint), so the
rules are exercised on real PDF text, superscripts and all."""

from __future__ import annotations

import pytest
from test_pdf_damage import build_pdf, stream

from readinglist.importers.pdf_pool import PdfWorkerPool


def _esc(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def text_at(x: float, y: float, size: float, parts: list[tuple[str, str]], font: str = "F1") -> bytes:
    """One line at (x, y): parts are (text, kind), kind "" or "sup"."""
    out = [b"BT /%s %g Tf %g %g Td" % (font.encode(), size, x, y)]
    for text, kind in parts:
        if kind == "sup":
            out.append(b"/F1 %g Tf %g Ts (%s) Tj 0 Ts /%s %g Tf" % (
                size * 0.65, size * 0.4, _esc(text), font.encode(), size))
        else:
            out.append(b"(%s) Tj" % _esc(text))
    out.append(b"ET")
    return b" ".join(out)


def page_pdf(lines: list[bytes], info_title: str | None = None) -> bytes:
    info = b"/Title (%s)" % _esc(info_title) if info_title else None
    content = b"\n".join(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    return build_pdf(objects, info)


BODY = [text_at(72, 400 - 12 * i, 10, [("Body text of the paper goes on here in ordinary "
                                          "sentences that fill the column.", "")])
        for i in range(25)]


@pytest.fixture(scope="module")
def pool():
    with PdfWorkerPool(1) as p:
        yield p


def test_ieee_like_journal_page(tmp_path, pool):
    path = tmp_path / "ieee.pdf"
    path.write_bytes(page_pdf([
        text_at(72, 760, 8, [("IEEE TRANSACTIONS ON THINGS, VOL. 12, NO. 3, MARCH 2019", "")]),
        text_at(72, 700, 22, [("Robust Control of Interesting Things", "")], "F2"),
        text_at(72, 670, 11, [("John Smith", ""), ("1", "sup"), (", Member, IEEE, Jane Doe", ""),
                              ("2,*", "sup"), (", and Ren", ""), ("\xe9", ""), (" Fran", ""),
                              ("\xe7", ""), ("ois", ""), ("1", "sup")]),
        text_at(72, 650, 9, [("1", "sup"), ("Department of Things, University of Somewhere", "")]),
        text_at(72, 638, 9, [("2", "sup"), ("Institute of Stuff, Elsewhere", "")]),
        text_at(72, 610, 10, [("Abstract", "")], "F2"),
        *[text_at(72, 596 - 12 * i, 10, [("We control interesting things robustly and show "
                                            "that it works on many examples.", "")])
          for i in range(4)],
        text_at(72, 530, 10, [("Index Terms", "")], "F2"),
        *BODY,
        text_at(72, 40, 8, [("Digital Object Identifier 10.1109/TT.2019.1234567", "")]),
    ]))
    ex = pool.extract(str(path))
    assert ex.error is None
    e = ex.entry
    assert e.title == "Robust Control of Interesting Things"
    assert e.authors == ["John Smith", "Jane Doe", "René François"]
    assert e.year == 2019
    assert e.doi == "10.1109/TT.2019.1234567"
    assert e.abstract.startswith("We control interesting things")


def test_acm_like_author_grid(tmp_path, pool):
    path = tmp_path / "acm.pdf"
    path.write_bytes(page_pdf([
        text_at(72, 720, 17, [("Reading Papers at Scale: A Field Study", "")], "F2"),
        text_at(90, 690, 11, [("Ada Lovelace", "")]),
        text_at(330, 690, 11, [("Alan Turing", "")]),
        text_at(90, 677, 9, [("University of London", "")]),
        text_at(330, 677, 9, [("University of Manchester", "")]),
        text_at(90, 666, 9, [("ada@example.org", "")]),
        text_at(330, 666, 9, [("alan@example.org", "")]),
        text_at(90, 645, 11, [("Grace Hopper", "")]),
        text_at(330, 645, 11, [("Edsger Dijkstra", "")]),
        text_at(90, 632, 9, [("Naval Research Laboratory", "")]),
        text_at(330, 632, 9, [("University of Texas", "")]),
        text_at(72, 600, 10, [("ABSTRACT", "")], "F2"),
        *[text_at(72, 586 - 12 * i, 10, [("We read many papers and report what we found "
                                            "when reading them all at once.", "")])
          for i in range(4)],
        text_at(72, 520, 8, [("KEYWORDS", "")], "F2"),
        text_at(72, 90, 7, [("PLDI '21, June 20-25, 2021, Virtual, Canada", "")]),
        text_at(72, 80, 7, [("https://doi.org/10.1145/3453483.3454000", "")]),
        *BODY,
    ]))
    ex = pool.extract(str(path))
    e = ex.entry
    assert e.title == "Reading Papers at Scale: A Field Study"
    assert e.authors == ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"]
    assert e.year == 2021
    assert e.doi == "10.1145/3453483.3454000"
    assert e.abstract.startswith("We read many papers")


def test_preprint_with_draft_date_has_no_year_and_metadata_title_is_not_used(tmp_path, pool):
    path = tmp_path / "draft.pdf"
    path.write_bytes(page_pdf([
        text_at(72, 760, 8, [("Draft version March 3, 2023", "")]),
        text_at(72, 720, 8, [("Preprint typeset using LaTeX style", "")]),
        text_at(72, 690, 16, [("THE SHAPE OF THINGS IN THE OUTER DISK", "")], "F2"),
        text_at(72, 665, 10, [("MARIA GARC", ""), ("\xcd", ""), ("A", ""), ("1", "sup"),
                              (" AND PETER O'NEIL", ""), ("2", "sup")]),
        text_at(72, 645, 8, [("1", "sup"), ("Observatory of Somewhere", "")]),
        *BODY,
    ]))
    ex = pool.extract(str(path))
    e = ex.entry
    assert e.title == "The Shape of Things in the Outer Disk"
    assert e.authors == ["Maria García", "Peter O'Neil"]
    assert e.year is None


def test_word_processor_metadata_title_is_never_used(tmp_path, pool):
    path = tmp_path / "word.pdf"
    path.write_bytes(page_pdf(BODY, info_title="Microsoft Word - final_v2.doc"))
    ex = pool.extract(str(path))
    assert ex.entry.title is None
    assert ex.entry.needs_review


def test_metadata_title_is_a_flagged_fallback_when_the_page_has_no_text(tmp_path, pool):
    path = tmp_path / "scan.pdf"
    path.write_bytes(page_pdf([b"0 0 m 10 10 l S"], info_title="A Study of Things in Places"))
    ex = pool.extract(str(path))
    assert ex.entry.title == "A Study of Things in Places"
    assert ex.confidence["title"] < 0.5  # the library flags it for review
    assert any("properties" in w for w in ex.warnings)
