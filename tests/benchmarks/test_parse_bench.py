"""Parsing speed of the seed-format parsers: MB/s per seed (the format's own
parser and the whole detect + parse path), and all seeds together.  Prints
figures; never fails on speed (the target is over 5 MB/s, all seeds together
well under 50 ms)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import abstracts, alphaxiv, alphaxiv_compact, detect, hf_daily

REF = ParseContext(reference_date=date(2026, 11, 22))
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
MODULES = {"000": alphaxiv, "002": alphaxiv_compact, "003": hf_daily, "004": abstracts}


def _best(fn, repeat: int = 7) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_seed_parsing_speed():
    texts = {}
    for prefix, module in MODULES.items():
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        text = path.read_text(encoding="utf-8")
        texts[prefix] = text
        size = len(text.encode("utf-8")) / 1e6
        own = _best(lambda t=text, m=module: m.parse(t, REF))
        full = _best(lambda t=text: detect.parse_text(t, REF))
        print(
            f"\n{path.name} ({module.FORMAT}, {size * 1000:.0f} kB): "
            f"parser {size / own:.1f} MB/s ({own * 1000:.2f} ms), "
            f"detect+parse {size / full:.1f} MB/s ({full * 1000:.2f} ms)"
        )
    total = sum(len(t.encode("utf-8")) for t in texts.values()) / 1e6
    together = _best(lambda: [detect.parse_text(t, REF) for t in texts.values()])
    print(
        f"all four seeds via detect.parse_text: {together * 1000:.2f} ms "
        f"({total / together:.1f} MB/s)"
    )
    big = "\n".join(texts.values()) * 20
    big_mb = len(big.encode("utf-8")) / 1e6
    for module in MODULES.values():
        elapsed = _best(lambda m=module: m.parse(big, REF), repeat=2)
        print(f"{module.FORMAT} on a {big_mb:.1f} MB mixed paste: {big_mb / elapsed:.1f} MB/s")


def test_sniffer_cost_on_the_seeds():
    """Detection runs every sniffer on every paste: print what each one costs."""
    texts = [detect.normalize_text(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")]
    costs = {}
    for module in detect.parsers():
        cost = 0.0
        for text in texts:
            best = float("inf")
            for k in range(5):  # a different string each round: no sniffer's cache hides its cost
                probe = text + " " * (k + 1)
                start = time.perf_counter()
                module.sniff(probe)
                best = min(best, time.perf_counter() - start)
            cost += best
        costs[module.FORMAT] = cost
    total = sum(costs.values())
    print(f"\nall sniffers on the four seeds: {total * 1000:.2f} ms")
    for fmt, cost in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {fmt:18s} {cost * 1000:6.2f} ms")
