"""The page commands: ``authors --json``, ``author NAME``, ``topic CODE``,
``tag-page T`` on the seed pastes."""

from __future__ import annotations

import pytest


@pytest.fixture
def two_pastes(rl, seeds_dir):
    for name in ("000_73145fa7ce40fc4f.txt", "002_048387b8d4aff427.txt"):
        run = rl(
            "import-text", str(seeds_dir / name), "--reference-date", "2026-01-25", "--tag", "seed"
        )
        assert run.code == 0, run.err
    return rl


def test_authors_json_has_counts_and_aliases(two_pastes):
    authors = two_pastes("authors", "--json").json()
    shwai = next(a for a in authors if a["name"] == "Shwai He")
    assert shwai["key"] == "shwai he"
    assert shwai["paper_count"] == 21 and shwai["read_count"] == 0
    assert shwai["aliases"] == []
    assert authors[0]["name"] == "Shwai He"  # most papers first


def test_author_json_is_the_page(two_pastes):
    run = two_pastes("author", "shwai  HE", "--json")
    assert run.code == 0, run.err
    page = run.json()
    assert page["name"] == "Shwai He" and page["paper_count"] == 21
    # dates like "Jan 20" are read against the reference date 2026-01-25
    assert page["first_year"] == 2021 and page["last_year"] in (2025, 2026)
    assert sum(y["total"] for y in page["years"]) == 21
    assert [y["year"] for y in page["years"]] == list(range(2021, page["last_year"] + 1))
    assert page["years"][0]["by_status"]["unread"] == page["years"][0]["total"]
    coauthors = {c["name"]: c["count"] for c in page["coauthors"]}
    assert coauthors["Liang Ding"] == 5 and coauthors["Daize Dong"] == 4
    assert {t["code"]: t["count"] for t in page["topics"]}["cs.CL"] == 6
    assert len(page["paper_ids"]) == 21


def test_author_profile_and_status(two_pastes):
    owner = two_pastes("author", "Hayden Kwok-Hay So", "--json").json()
    assert owner["paper_count"] == 14
    assert owner["profiles"][0]["h_index"] == 98
    first = owner["paper_ids"][0]
    assert two_pastes("set-status", str(first), "read").code == 0
    again = two_pastes("author", str(owner["id"]), "--json").json()
    assert again["read_count"] == 1 and again["name"] == "Hayden Kwok-Hay So"
    text = two_pastes("author", "hayden kwok hay so")
    assert text.code == 0
    assert "14 papers · 1 read" in text.out
    assert "h-index 98" in text.out and "Co-authors" in text.out


def test_topic_and_tag_pages(two_pastes):
    topic = two_pastes("topic", "CL", "--json").json()
    assert topic["code"] == "cs.CL" and topic["name"] == "Computation and Language"
    assert topic["paper_count"] == 14
    assert topic["top_authors"][0] == {
        "id": topic["top_authors"][0]["id"],
        "name": "Shwai He",
        "count": 6,
    }
    text = two_pastes("topic", "cs.CL")
    assert text.code == 0 and "Computation and Language (cs.CL)" in text.out
    tag = two_pastes("tag-page", "seed", "--json").json()
    assert tag["paper_count"] == 44
    assert {t["code"] for t in tag["topics"]} >= {"cs.CL", "cs.LG", "cs.CV"}


def test_unknown_author_or_topic_is_one_line(two_pastes):
    for args in (
        ("author", "Nobody At All"),
        ("topic", "xx.YY"),
        ("author", "99999"),
        ("tag-page", "nope"),
    ):
        run = two_pastes(*args)
        assert run.code == 2, (args, run.out, run.err)
        assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err


def test_page_commands_need_a_library(rl):
    run = rl("author", "Anyone")
    assert run.code == 2 and "No library" in run.err


def test_merge_split_and_rename_from_the_command_line(rl, tmp_path):
    listing = tmp_path / "ids.bib"
    listing.write_text(
        "@article{a, title={Steering vectors at scale}, author={Zhang, H. and Zhang, Zhihao},"
        " year={2025}}\n"
        "@article{b, title={Locate, steer and improve}, author={Zhang, Hengyuan and "
        "Zhang, Zhihao}, year={2026}, eprint={2601.00001}, archivePrefix={arXiv}, "
        "primaryClass={cs.CL}}\n", encoding="utf-8")
    assert rl("import-text", str(listing)).code == 0
    page = rl("author", "Hengyuan Zhang", "--json").json()
    assert [s["name"] for s in page["possible_aliases"]] == ["H. Zhang"]
    run = rl("merge-authors", "Hengyuan Zhang", "H. Zhang")
    assert run.code == 0, run.err
    assert "Merged H. Zhang into Hengyuan Zhang (2 papers)" in run.out
    merged = rl("author", "h zhang", "--json").json()
    assert merged["name"] == "Hengyuan Zhang" and merged["aliases"] == ["H. Zhang"]
    listed = next(a for a in rl("authors", "--json").json() if a["name"] == "Hengyuan Zhang")
    assert listed["paper_count"] == 2 and listed["aliases"] == ["H. Zhang"]
    first = merged["paper_ids"][-1]
    run = rl("split-author", "Hengyuan Zhang", str(first), "--to", "Hao Zhang")
    assert run.code == 0, run.err
    assert rl("author", "Hao Zhang", "--json").json()["paper_ids"] == [first]
    assert rl("merge-authors", "Hengyuan Zhang", "Hengyuan Zhang").code == 2
    run = rl("topic", "cs.CL", "--rename", "NLP")
    assert run.code == 0 and "NLP" in run.out
    assert rl("topic", "NLP", "--json").json()["renamed"] is True
