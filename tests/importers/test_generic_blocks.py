"""The generic fallback on longer notes: the same author line under several
titles, lines with surrounding blanks and spaces, labelled and plain blocks
side by side, and loose lines with and without identifiers."""

from __future__ import annotations

from datetime import date

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import generic

CTX = ParseContext(reference_date=date(2026, 11, 22))

SAME_GROUP = """\
Sparse Attention for Long Documents
Ada Lovelace, Charles Babbage
We make attention sparse.

Dense Retrieval at Scale
Ada Lovelace, Charles Babbage
We retrieve densely (see arXiv:2403.08726).

   Robust Parsing of Notes   \t
  Ada Lovelace, Charles Babbage
"""


def test_the_same_author_line_under_several_titles():
    result = generic.parse(SAME_GROUP, CTX)
    titles = [e.title for e in result.entries]
    assert titles == [
        "Sparse Attention for Long Documents",
        "Dense Retrieval at Scale",
        "Robust Parsing of Notes",
    ]
    for entry in result.entries:
        assert entry.authors == ["Ada Lovelace", "Charles Babbage"]
    assert result.entries[1].arxiv_id == "2403.08726"
    # each entry owns its list: editing one paper's authors leaves the others alone
    result.entries[0].authors.append("Alan Turing")
    assert result.entries[1].authors == ["Ada Lovelace", "Charles Babbage"]
    assert result.entries[2].authors == ["Ada Lovelace", "Charles Babbage"]


MIXED = """\
Title: Language Models are Few-Shot Learners
Authors: Tom B. Brown and Benjamin Mann
Date: 28 May 2020
Subjects: cs.CL, cs.LG
Summary: We show that scaling up language models greatly improves
task-agnostic, few-shot performance.

Graph Attention Networks
Petar Veličković, Guillem Cucurull, Arantxa Casanova
We present graph attention networks (doi:10.1000/gat.2018).

a note to self without any number
and one with 10.1145/3357384.3357895 in it
"""


def test_labelled_and_plain_blocks_and_loose_lines():
    result = generic.parse(MIXED, CTX)
    labelled, plain, loose = result.entries
    assert labelled.title == "Language Models are Few-Shot Learners"
    assert labelled.authors == ["Tom B. Brown", "Benjamin Mann"]
    assert labelled.date == "2020-05-28" and labelled.topics == ["cs.CL", "cs.LG"]
    assert labelled.abstract.endswith("few-shot performance.")
    assert plain.title == "Graph Attention Networks" and plain.doi == "10.1000/gat.2018"
    assert plain.abstract.startswith("We present graph attention networks")
    assert plain.date is None and plain.venue is None
    assert loose.doi == "10.1145/3357384.3357895" and loose.title is None and loose.needs_review
    left_out = [w for w in result.warnings if "left out" in w]
    assert left_out and "'a note to self without any number'" in left_out[0]
