"""The wider class of damaged PDFs (beyond the shared fixtures): cyclic page
trees, bogus page counts, decompression bombs.  The files are written here,
byte by byte, so the test shows exactly what is wrong with each."""

from __future__ import annotations

import zlib

import pytest

from readinglist.importers.pdf_pool import PdfWorkerPool


def build_pdf(objects: list[bytes], info: bytes | None = None) -> bytes:
    """A PDF with the given numbered objects (1 = catalog) and a valid xref;
    ``info`` is the body of a document information dictionary."""
    if info is not None:
        objects = [*objects, b"<< " + info + b" >>"]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    info_ref = b" /Info %d 0 R" % len(objects) if info is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info_ref, xref)
    return bytes(out)


def stream(dict_body: bytes, data: bytes) -> bytes:
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(count: int = 1, title: bytes = b"Counting Pages That Are Not There") -> bytes:
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"", b"BT /F1 24 Tf 72 700 Td (" + title + b") Tj ET"),
        FONT,
    ])


def bomb(side: int) -> bytes:
    """One page showing a side x side grey image that inflates from a few
    hundred kB to side^2 bytes."""
    co = zlib.compressobj(9)
    zeros = b"\0" * (1 << 20)
    left = side * side
    parts = []
    while left > 0:
        n = min(left, len(zeros))
        parts.append(co.compress(zeros[:n]))
        left -= n
    parts.append(co.flush())
    content = b"q 500 0 0 600 50 50 cm /Im1 Do Q BT /F1 24 Tf 72 740 Td (A Title Over a Bomb) Tj ET"
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
        stream(b"", content),
        stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8 /Filter /FlateDecode" % (side, side), b"".join(parts)),
        FONT,
    ])


@pytest.fixture(scope="module")
def pool():
    with PdfWorkerPool(1, memory_mb=512, timeout=30) as p:
        yield p


def test_sound_hand_written_pdf_reads(tmp_path, pool):
    path = tmp_path / "ok.pdf"
    path.write_bytes(one_page())
    ex = pool.extract(str(path))
    assert ex.error is None and ex.page_count == 1
    assert ex.entry.title == "Counting Pages That Are Not There"


def test_bogus_page_count_is_recounted(tmp_path, pool):
    path = tmp_path / "bogus.pdf"
    path.write_bytes(one_page(count=2_000_000_000))
    ex = pool.extract(str(path))
    assert ex.error is None
    assert ex.page_count == 1
    assert ex.entry.title == "Counting Pages That Are Not There"
    assert any("page count" in w for w in ex.warnings)


def test_cyclic_page_tree_is_damaged_not_a_hang(tmp_path, pool):
    path = tmp_path / "cyclic.pdf"
    path.write_bytes(build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]))
    ex = pool.extract(str(path))
    assert ex.error == "damaged: no pages could be read"


def test_broken_xref_is_repaired_or_rejected(tmp_path, pool):
    data = one_page().replace(b"startxref\n", b"startxref\n999999")
    path = tmp_path / "xref.pdf"
    path.write_bytes(data)
    ex = pool.extract(str(path))
    assert ex.error is None  # MuPDF rebuilds the xref from the objects
    assert ex.entry.title == "Counting Pages That Are Not There"


@pytest.mark.slow
def test_decompression_bomb_stays_within_memory(tmp_path, pool, pdf_fixtures):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb(12_000))  # ~144 MB of pixels from ~150 kB
    assert path.stat().st_size < 1_000_000
    ex = pool.extract(str(path))
    assert ex.error in (None, "ran out of memory")
    if ex.error is None:
        assert ex.entry.title == "A Title Over a Bomb"
    assert pool.stats.peak_worker_rss_kb < 512 * 1024
    after = pool.extract(str(pdf_fixtures / "layoutparser_lncs_excerpt.pdf"))
    assert after.error is None
