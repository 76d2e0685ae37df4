"""`readinglist import-text` of a 10,000-entry paste into the 100,000-paper
library, as a user runs it: a fresh process that reads the file, detects the
format, parses, matches and writes (issue 3: under 5 s including matching).

Two pastes of the same 11,000 synthetic papers (10,000 new, 1,000 already in
the library): BibTeX with full author lists and abstracts (a reference
manager's export) and an arXiv listing (titles, authors, subjects; no
abstracts).  Timed as an import after the day's first change (today's
backup exists), and once as the day's first change, when the backup of the
library is copied in the background alongside the import.  Prints figures,
never fails on speed; a CPU calibration loop is printed since these machines
are shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import synth  # noqa: E402

from readinglist.core.entry import ParsedEntry  # noqa: E402

N = 100_000
CODES = {"cs.CL": "Computation and Language", "cs.LG": "Machine Learning"}


def _bibtex(entries: list[ParsedEntry]) -> str:
    out = []
    for i, e in enumerate(entries):
        authors = " and ".join(f"{a.split(' ', 1)[-1]}, {a.split(' ', 1)[0]}" for a in e.authors)
        fields = [f"  title = {{{e.title}}}", f"  author = {{{authors}}}", f"  year = {{{e.year}}}",
                  f"  abstract = {{{e.abstract}}}"]
        if e.arxiv_id:
            fields += [f"  eprint = {{{e.arxiv_id}}}", "  archivePrefix = {arXiv}"]
        out.append(f"@article{{key{i},\n" + ",\n".join(fields) + "\n}\n")
    return "\n".join(out)


def _arxiv_listing(entries: list[ParsedEntry]) -> str:
    listed = [e for e in entries if e.arxiv_id]  # an arXiv listing has ids only
    out = ["Authors and titles for recent submissions", f"[ total of {len(listed)} entries ]"]
    for n, e in enumerate(listed, 1):
        subjects = "; ".join(f"{CODES.get(t, t)} ({t})" for t in e.topics)
        out += [f"[{n}]  arXiv:{e.arxiv_id} [pdf, other]", e.title, ", ".join(e.authors),
                "Comments: 12 pages", f"Subjects: {subjects}"]
    return "\n".join(out) + "\n"


def _run(library: Path, paste: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "readinglist", "--library", str(library), "import-text",
         str(paste), "--json"], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, json.loads(done.stdout)


def test_import_text_of_a_big_paste(tmp_path):
    path, _ = synth.cached_library(N)
    entries = synth.entries(10_000, seed=999, id_offset=N) + synth.entries(1_000, seed=1)
    t = time.perf_counter()
    sum(i * i for i in range(2_000_000))
    print(f"\nimport-text into {N:,} papers (CPU calibration loop "
          f"{(time.perf_counter() - t) * 1000:.0f} ms, lower is an idler machine)")
    runs = (("BibTeX", _bibtex, True), ("arXiv listing", _arxiv_listing, True),
            ("BibTeX", _bibtex, False))
    for n, (name, render, backed_up) in enumerate(runs):
        paste = tmp_path / f"paste-{name.split()[0].lower()}.txt"
        if not paste.exists():
            paste.write_text(render(entries), encoding="utf-8")
        copy = synth.fresh_copy(path, tmp_path / f"run{n}")
        if backed_up:  # not the day's first change: no backup to make
            folder = copy.parent / "backups"
            folder.mkdir()
            (folder / f"daily-{datetime.now(UTC):%Y%m%d}-000000.sqlite").write_bytes(b"")
        elapsed, report = _run(copy, paste)
        size = paste.stat().st_size / 1e6
        when = "" if backed_up else ", day's first change (+ backup)"
        print(f"  {name + when:<43} {size:5.1f} MB: {elapsed:5.2f} s (target 5 s)  added "
              f"{len(report['added']):,}, merged {len(report['merged']):,}, "
              f"skipped {report['skipped']:,}")
