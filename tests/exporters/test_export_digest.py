"""The single Markdown digest: a shareable reading list grouped by topic or author."""

from __future__ import annotations

from paperdata import make_paper

from readinglist.exporters import export_file
from readinglist.exporters.digest import render_digest


def _papers():
    return [
        make_paper(1, title="Parsing Things", topics=[("cs.CL", "Computation and Language")]),
        make_paper(
            2,
            title="Seeing Things",
            authors=["Ada Lovelace"],
            topics=[("cs.CV", "Computer Vision and Pattern Recognition")],
            note="Great *figures*.\nSecond line.",
            status="read",
        ),
        make_paper(3, title="Unfiled", authors=[], topics=[], arxiv_id=None),
    ]


def test_grouped_by_topic_with_every_paper_once(tmp_path):
    out = tmp_path / "list.md"
    result = export_file("markdown", _papers(), out)
    text = out.read_text(encoding="utf-8")
    assert result.count == 3
    assert text.startswith("# Reading list\n")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Computation and Language (cs.CL)",
        "## Computer Vision and Pattern Recognition (cs.CV)",
        "## Other",
    ]
    for title in ("Parsing Things", "Seeing Things", "Unfiled"):
        assert text.count(title) == 1
    assert "(<https://arxiv.org/abs/2601.07001>)" in text
    assert "  > Great *figures*.\n  > Second line." in text


def test_grouped_by_first_author():
    text = render_digest(_papers(), group_by="author")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Ada Lovelace", "## Hengyuan Zhang", "## Other"]
    assert "grouped by author" in text


def test_notes_can_be_left_out():
    assert "Great" not in render_digest(_papers(), include_notes=False)
