"""Benchmark: exporting notes for 10,000 papers (target: under 5 s).

Records are built in memory (the exporters never touch the database), with
realistic sizes: 3-15 authors, ~1,200-character abstracts, 1-3 topics, tags
on some papers and Markdown notes on a third.  Prints figures; never fails
on speed.
"""

from __future__ import annotations

import os
import random
import time

from readinglist.exporters import render
from readinglist.exporters.notes import export_notes
from readinglist.library.types import AuthorRef, PaperDetail, TagInfo

N = 10_000
WORDS = (
    "sparse attention language model efficient training inference quantization robust "
    "learning graph neural network diffusion vision transformer benchmark retrieval "
    "alignment reasoning agents memory compression distillation adapters evaluation "
    "multimodal speech translation pruning mixture experts scaling laws dataset"
).split()
FIRST = "Wei Ming Anna José Łukasz Chen Priya Olga Kenji Amara Lars Fatima Diego Yuki".split()
LAST = "Zhang Müller Kaiser Smith Dupré Nakamura Okafor Ivanova García Li Wang Kim Rossi".split()
TOPICS = [
    ("cs.CL", "Computation and Language"),
    ("cs.LG", "Machine Learning"),
    ("cs.CV", "Computer Vision and Pattern Recognition"),
    ("cs.AI", "Artificial Intelligence"),
]


def build(n: int, seed: int = 7) -> list[PaperDetail]:
    rng = random.Random(seed)
    papers = []
    for pid in range(1, n + 1):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()
        if pid % 7 == 0:
            title += ': a 100% "robust" study of $O(n^2)$ costs & #tags'
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(3, 15))]
        abstract = " ".join(rng.choice(WORDS) for _ in range(170))[:1200]
        year = rng.randint(2015, 2026)
        papers.append(
            PaperDetail(
                id=pid,
                title=title,
                display_title=title,
                authors=[AuthorRef(i, a, a.lower()) for i, a in enumerate(names)],
                authors_truncated=pid % 5 == 0,
                author_count=None,
                date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                year=year,
                abstract=abstract,
                arxiv_id=f"{year % 100:02d}{rng.randint(1, 12):02d}.{pid:05d}",
                doi=f"10.1000/bench.{pid}" if pid % 3 == 0 else None,
                url=None,
                venue=None,
                organization=None,
                has_code=False,
                code_url=None,
                topics=rng.sample(TOPICS, rng.randint(1, 3)),
                tags=[TagInfo("to read")] if pid % 4 == 0 else [],
                status=rng.choice(["unread", "queued", "reading", "read", "dropped"]),
                priority=0,
                starred=pid % 11 == 0,
                added_at="2026-01-21T09:30:00Z",
                updated_at="2026-01-21T09:30:00Z",
                read_at=None,
                note=("## Thoughts\n\n- " + " ".join(rng.choice(WORDS) for _ in range(60)) + "\n")
                if pid % 3 == 0
                else "",
                note_updated_at=None,
                pdf_path=None,
                thumbnail_path=None,
                page_count=None,
                needs_review=False,
                review_reasons=[],
                trashed_at=None,
            )
        )
    return papers


def _timed(label: str, fn):
    """Run ``fn``; print wall-clock and CPU seconds (CPU time is what a busy
    shared machine distorts least)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"  {label:<44} {elapsed:7.2f} s wall {used:7.2f} s cpu")
    return result, elapsed


def test_export_10k_notes(tmp_path):
    papers = build(N)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\nexport benchmark: {N:,} papers (target: notes export under 5 s); load average {load:.1f}"
    )
    out = tmp_path / "vault"
    result, first = _timed("export-notes, empty folder", lambda: export_notes(papers, out))
    assert len(result.written) == N
    result, _ = _timed("export-notes again, nothing changed", lambda: export_notes(papers, out))
    assert len(result.unchanged) == N
    for p in papers[::10]:
        p.starred = not p.starred
    result, _ = _timed("export-notes again, 10% changed", lambda: export_notes(papers, out))
    assert len(result.updated) == N // 10
    _timed(
        "export-notes --wikilinks (+ index notes)",
        lambda: export_notes(papers, tmp_path / "wiki", wikilinks=True),
    )
    for fmt in ("bibtex", "ris", "csljson", "markdown"):
        _timed(f"export --format {fmt} (render)", lambda fmt=fmt: render(fmt, papers))
    print(
        f"  notes export: {N / first:,.0f} papers/s ({'under' if first < 5 else 'OVER'} the 5 s target)"
    )


def test_export_10k_notes_from_the_synthetic_library(tmp_path):
    """End to end as the CLI does it: query, fetch details in chunks, export."""
    from synth import cached_library

    from readinglist.library import Library
    from readinglist.library.types import PaperQuery

    path, _figures = cached_library()
    print("\nexport from the 100,000-paper synthetic library:")
    with Library.open(path, create=False) as lib:
        ids, _ = _timed("query ids (all papers)", lambda: lib.query_ids(PaperQuery()))
        ids = ids[:N]
        papers, _ = _timed(
            f"details for {len(ids):,} papers (chunks of 500)",
            lambda: [d for s in range(0, len(ids), 500) for d in lib.details(ids[s : s + 500])],
        )
    result, elapsed = _timed("export-notes", lambda: export_notes(papers, tmp_path / "vault"))
    assert len(result.written) == len(ids)
    _timed("export --format bibtex (render)", lambda: render("bibtex", papers))
