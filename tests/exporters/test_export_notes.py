"""Notes as Markdown files: front matter read back exactly, safe names, safe re-export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paperdata import make_paper

from readinglist.exporters import ExportError
from readinglist.exporters.notes import MANIFEST, export_notes

AWKWARD_TITLES = [
    "Locate: Steer, and Improve",
    'He said "yes": a study of quotes',
    "It's a 'single' quote",
    "# Not a heading, #hashtag",
    "- leading dash",
    "[bracketed] {braced} title | pipe",
    "Ünïcödé 中文标题 and emoji 🚀",
    "null",
    "2026-01-20",
    "yes",
    "---",
    "a\\b with backslash and $z\\gtrsim6$ math",
    "Trailing colon:",
    "%percent & ampersand * star ! bang @ at ` tick",
]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    head, _sep, _body = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[4:].partition("\n---\n")[2]


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_front_matter_reads_back_exactly(tmp_path, title):
    paper = make_paper(
        1,
        title=title,
        authors=["José Müller", "O'Brien, Pat", "- Dash"],
        tags=["to read", "#hash", "a: b"],
        doi="10.1000/xyz:123",
        url="https://example.org/a?b=c#d",
        status="read",
        starred=True,
        read_at="2026-02-01T10:00:00Z",
    )
    export_notes([paper], tmp_path)
    [note] = tmp_path.glob("*.md")
    meta = front_matter(note)
    assert meta == {
        "title": title,
        "authors": ["José Müller", "O'Brien, Pat", "- Dash"],
        "year": 2026,
        "date": "2026-01-20",
        "arxiv": "2601.07001",
        "doi": "10.1000/xyz:123",
        "url": "https://example.org/a?b=c#d",
        "topics": ["cs.CL"],
        "tags": ["to read", "#hash", "a: b"],
        "status": "read",
        "starred": True,
        "added": "2026-01-21T09:30:00Z",
        "read": "2026-02-01T10:00:00Z",
        "citekey": note.stem,
    }


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=80), note=st.text(max_size=200))
def test_any_title_and_note_survive(tmp_path_factory, title, note):
    out = tmp_path_factory.mktemp("notes")
    export_notes([make_paper(1, title=title, note=note)], out)
    [path] = out.glob("*.md")
    assert front_matter(path)["title"] == title
    assert path.read_bytes().decode("utf-8").endswith(note if note.endswith("\n") else note + "\n")


def test_body_has_heading_links_abstract_and_the_note_unchanged(tmp_path):
    note = "My **take**:\n\n---\n\n```python\nx = 1  \n```\n- [ ] follow up  \n"
    paper = make_paper(1, doi="10.1000/abc", url="https://example.org/p", note=note)
    export_notes([paper], tmp_path)
    text = body(tmp_path / "zhang2026locate.md")
    assert "\n# Locate, Steer, and Improve: A Practical Survey\n" in text
    assert "Hengyuan Zhang, Zhihao Zhang, Mingyang Wang" in text
    assert "(https://arxiv.org/abs/2601.07001)" in text
    assert "https://doi.org/10.1000/abc" in text
    assert "https://example.org/p" in text
    assert "## Abstract\n\nWe survey mechanistic interpretability." in text
    assert text.endswith("## Notes\n\n" + note)


def test_abstract_can_be_left_out(tmp_path):
    export_notes([make_paper(1)], tmp_path, include_abstract=False)
    assert "We survey" not in (tmp_path / "zhang2026locate.md").read_text(encoding="utf-8")


def test_file_names_are_citekeys_and_collisions_resolved(tmp_path):
    papers = [make_paper(2), make_paper(1), make_paper(3, title="Other Paper", year=2025)]
    export_notes(papers, tmp_path)
    names = sorted(p.name for p in tmp_path.glob("*.md"))
    assert names == ["zhang2025other.md", "zhang2026locate.md", "zhang2026locatea.md"]
    assert front_matter(tmp_path / "zhang2026locate.md")["citekey"] == "zhang2026locate"


HOSTILE = ["../../etc/passwd", "CON", "nul.txt", 'a/b\\c:d*e?f"g<h>i|j', "..", " . ", "x" * 400]


def test_nothing_is_written_outside_the_folder_and_names_are_portable(tmp_path):
    out = tmp_path / "vault"
    papers = [
        make_paper(i + 1, title=t, authors=[t], topics=[("cs.XX", t)], citekey=t)
        for i, t in enumerate(HOSTILE)
    ]
    export_notes(papers, out, wikilinks=True)
    outside = {p for p in tmp_path.rglob("*") if not p.is_relative_to(out)}
    assert outside == set()
    for path in out.rglob("*"):
        name = path.name
        assert not set('/\\:*?"<>|') & set(name)
        assert len(name.encode("utf-8")) <= 255
        assert not name.endswith((" ", "."))
        assert name.split(".")[0].strip().lower() not in {"con", "nul", "prn", "aux"}
    assert len(list(out.glob("*.md"))) == len(HOSTILE)


def test_reexport_updates_its_own_files_and_keeps_hand_edits(tmp_path):
    export_notes([make_paper(1), make_paper(2, title="Second Paper")], tmp_path)
    first = tmp_path / "zhang2026locate.md"
    second = tmp_path / "zhang2026second.md"
    second.write_text(second.read_text(encoding="utf-8") + "my own line\n", encoding="utf-8")

    result = export_notes(
        [make_paper(1, status="read"), make_paper(2, title="Second Paper", status="read")],
        tmp_path,
    )
    assert result.updated == ["zhang2026locate.md"]
    assert result.modified == ["zhang2026second.md"]
    assert front_matter(first)["status"] == "read"
    assert "my own line" in second.read_text(encoding="utf-8")
    assert front_matter(second)["status"] == "unread"

    again = export_notes([make_paper(1, status="read")], tmp_path)
    assert again.unchanged == ["zhang2026locate.md"] and not again.updated

    forced = export_notes(
        [make_paper(2, title="Second Paper", status="read")], tmp_path, force=True
    )
    assert forced.overwritten == ["zhang2026second.md"]
    assert "my own line" not in second.read_text(encoding="utf-8")
    assert front_matter(second)["status"] == "read"


def test_a_file_it_did_not_write_is_never_overwritten_without_force(tmp_path):
    mine = tmp_path / "zhang2026locate.md"
    mine.write_text("my hand-written note\n", encoding="utf-8")
    result = export_notes([make_paper(1)], tmp_path)
    assert result.conflicts == ["zhang2026locate.md"]
    assert mine.read_text(encoding="utf-8") == "my hand-written note\n"
    assert export_notes([make_paper(1)], tmp_path, force=True).overwritten == [mine.name]


def test_manifest_records_what_was_written(tmp_path):
    export_notes([make_paper(1)], tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    import hashlib

    digest = hashlib.sha256((tmp_path / "zhang2026locate.md").read_bytes()).hexdigest()
    assert manifest["files"]["zhang2026locate.md"]["sha256"] == digest
    assert manifest["files"]["zhang2026locate.md"]["paper_id"] == 1


def test_a_paper_keeps_its_file_when_its_title_is_corrected(tmp_path):
    export_notes([make_paper(1, title="Attention Is All You Ned")], tmp_path)
    export_notes([make_paper(1, title="Attention Is All You Need")], tmp_path)
    [path] = tmp_path.glob("*.md")
    assert front_matter(path)["title"] == "Attention Is All You Need"


def test_wikilinks_and_index_notes(tmp_path):
    papers = [make_paper(1), make_paper(2, title="Another One", authors=["Hengyuan Zhang"])]
    result = export_notes(papers, tmp_path, wikilinks=True)
    text = (tmp_path / "zhang2026locate.md").read_text(encoding="utf-8")
    assert "[[Hengyuan Zhang]]" in text and "[[Computation and Language]]" in text
    author = (tmp_path / "authors" / "Hengyuan Zhang.md").read_text(encoding="utf-8")
    assert "[[zhang2026locate|" in author and "[[zhang2026another|Another One]]" in author
    topic = (tmp_path / "topics" / "Computation and Language.md").read_text(encoding="utf-8")
    assert topic.count("- [[") == 2
    assert result.index_notes == 4  # 3 authors, 1 topic


def test_a_symlinked_index_folder_pointing_elsewhere_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "vault"
    out.mkdir()
    (out / "authors").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ExportError, match="outside"):
        export_notes([make_paper(1)], out, wikilinks=True)
    assert list(elsewhere.iterdir()) == []


def test_a_tampered_manifest_cannot_send_files_elsewhere(tmp_path):
    out = tmp_path / "vault"
    export_notes([make_paper(1)], out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"] = {"../../evil.md": {"sha256": "0" * 64, "paper_id": 1, "kind": "paper"}}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    export_notes([make_paper(1, status="read")], out)
    assert not (tmp_path / "evil.md").exists() and not (tmp_path.parent / "evil.md").exists()
    assert sorted(p.name for p in out.glob("*.md")) == ["zhang2026locate.md"]
