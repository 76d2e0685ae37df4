"""The generic fallback: paper-like blocks and loose ids, honest warnings."""

from __future__ import annotations

from datetime import date

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import generic
from readinglist.importers.listing.detect import detect, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))

NOTES = """\
My reading notes

Attention Is All You Need
Ashish Vaswani, Noam Shazeer, Niki Parmar

The dominant sequence transduction models are based on complex recurrent or
convolutional neural networks. We propose a new simple network architecture.

Deep Residual Learning for Image Recognition
Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun
Deeper neural networks are more difficult to train. https://github.com/KaimingHe/deep-residual-networks

also see arXiv:2403.08726 when there is time

Title: Language Models are Few-Shot Learners
Authors: Tom B. Brown and Benjamin Mann
Date: 28 May 2020
Summary: We show that scaling up language models greatly improves
task-agnostic, few-shot performance.
"""


def test_generic_is_the_fallback():
    assert detect(NOTES) == "generic"
    assert generic.sniff("anything") < 0.1


def test_paper_like_blocks():
    result = parse_text(NOTES, CTX)
    assert result.format == "generic"
    titles = [e.title for e in result.entries]
    assert titles[:3] == [
        "Attention Is All You Need",
        "Deep Residual Learning for Image Recognition",
        "Language Models are Few-Shot Learners",
    ]
    a, b, c = result.entries[:3]
    assert a.authors == ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]
    assert a.abstract.startswith("The dominant sequence transduction models")
    assert b.has_code and b.code_url == "https://github.com/KaimingHe/deep-residual-networks"
    assert c.authors == ["Tom B. Brown", "Benjamin Mann"]
    assert c.date == "2020-05-28" and c.year == 2020
    assert c.abstract.endswith("few-shot performance.")


def test_loose_ids_become_untitled_entries_and_the_rest_is_reported():
    result = parse_text(NOTES, CTX)
    loose = [e for e in result.entries if e.arxiv_id == "2403.08726"]
    assert len(loose) == 1 and loose[0].title is None and loose[0].needs_review
    assert any("not recognised" in w for w in result.warnings)
    assert any("'My reading notes'" in w for w in result.warnings)


def test_nothing_readable_says_so():
    result = parse_text("just some words\nand more words here\n", CTX)
    assert result.entries == []
    assert any("no" in w.lower() for w in result.warnings)


def test_no_blank_lines_and_crlf():
    text = (
        "Graph Attention Networks\r\n"
        "Petar Veličković, Guillem Cucurull, Arantxa Casanova\r\n"
        "We present graph attention networks, novel neural network architectures.\r\n"
        "Neural Ordinary Differential Equations\r\n"
        "Ricky T. Q. Chen, Yulia Rubanova, Jesse Bettencourt, David Duvenaud\r\n"
        "We introduce a new family of deep neural network models.\r\n"
    )
    result = parse_text(text, CTX)
    assert [e.title for e in result.entries] == [
        "Graph Attention Networks",
        "Neural Ordinary Differential Equations",
    ]
    assert result.entries[0].authors[0] == "Petar Veličković"
    assert result.entries[1].authors[-1] == "David Duvenaud"


def test_run_together_author_names():
    text = (
        "Scaling Laws for Sparse Models\nHongyan DingHongge XuCan Shi\nWe study sparse scaling.\n"
    )
    (entry,) = parse_text(text, CTX).entries
    assert entry.authors == ["Hongyan Ding", "Hongge Xu", "Can Shi"]
