"""PDF import throughput and worker memory (prints figures; never fails on speed).

Run with ``make bench``.  Figures: files/s on the eight fixture papers with
two workers (cold: including worker start-up; warm: workers already running),
the same through ``import_pdfs`` into a real library (copy, FTS index,
thumbnail, matching), and the peak RSS of the worker processes, also on the
619-page hostile file.
"""

from __future__ import annotations

import os
import time

from readinglist.importers.pdf import import_pdfs
from readinglist.importers.pdf_pool import PdfWorkerPool


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:6.1f} files/s ({seconds * 1000 / n:5.0f} ms/file)"


def test_pdf_extraction_throughput(pdf_fixtures, hostile_fixtures, tmp_path):
    files = sorted(str(p) for p in pdf_fixtures.glob("*.pdf"))
    jobs = [(f, None) for f in files]
    with PdfWorkerPool(2) as pool:
        t0 = time.perf_counter()
        cold = list(pool.imap_unordered(jobs))
        t_cold = time.perf_counter() - t0
        rounds = 3
        cpu0 = pool.stats.worker_cpu_s
        t0 = time.perf_counter()
        for _ in range(rounds):
            warm = list(pool.imap_unordered(jobs))
        t_warm = (time.perf_counter() - t0) / rounds
        cpu_per_file = (pool.stats.worker_cpu_s - cpu0) / (rounds * len(files))
        rss_papers = pool.stats.peak_worker_rss_kb
        t0 = time.perf_counter()
        huge = pool.extract(str(hostile_fixtures / "huge_619_pages.pdf"))
        t_huge = time.perf_counter() - t0
        rss_all = pool.stats.peak_worker_rss_kb
    assert all(ex.error is None for _, ex in cold + warm)

    from readinglist.library import Library

    with Library.open(tmp_path / "bench.sqlite") as lib:
        store_s = []
        add_pdf = lib.add_pdf

        def timed_add_pdf(extraction, *, batch_id):
            t = time.perf_counter()
            try:
                return add_pdf(extraction, batch_id=batch_id)
            finally:
                store_s.append(time.perf_counter() - t)

        lib.add_pdf = timed_add_pdf
        t0 = time.perf_counter()
        steps = list(import_pdfs(lib, files, workers=2))
        t_import = time.perf_counter() - t0
    assert len(steps) == len(files)

    print()
    print(f"PDF extraction, {len(files)} fixture papers, 2 workers")
    print(f"  cold (incl. worker start):  {_rate(len(files), t_cold)}")
    print(f"  warm workers:               {_rate(len(files), t_warm)}")
    print(f"  worker CPU per file:        {cpu_per_file * 1000:5.0f} ms -> "
          f"{2 / cpu_per_file:.1f} files/s on 2 free cores")
    print(f"  import_pdfs into a library: {_rate(len(files), t_import)}")
    print(f"  Library.add_pdf (copy, index, thumbnail, match): "
          f"{sum(store_s) * 1000 / len(store_s):.0f} ms/file in the calling thread")
    print(f"  619-page file:              {t_huge * 1000:.0f} ms, "
          f"{len(huge.full_text):,} chars indexed")
    print(f"  peak worker RSS: papers {rss_papers / 1024:.0f} MB, "
          f"incl. 619-page file {rss_all / 1024:.0f} MB (limit 500 MB)")
    print(f"  machine load average while measuring: {os.getloadavg()[0]:.1f} (2 cores)")
    print("  reference: calibre ~195 ms/PDF, pdftitle ~260 ms/PDF")
