"""A realistic synthetic library for benchmarks, built through the Library API.

``entries(n, seed)`` makes ParsedEntry objects like real pastes give:
titles from a research vocabulary, 3-15 authors drawn from ~60,000 names
(some accented, some hyphenated), ~1,200-character abstracts, 1-3 arXiv
topics, arXiv ids for most, dates over ten years.  ``cached_library()``
builds a 100,000-paper library once (imports of 10,000, some tags, notes and
statuses) and keeps it under ``bench-data/`` keyed by ``SYNTH_VERSION``, so
reruns start at once; ``fresh_copy`` gives a throwaway copy to write into.

Other benchmarks reuse it: ``from synth import cached_library, fresh_copy``.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from itertools import accumulate
from pathlib import Path

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.library import Library
from readinglist.store.schema import SCHEMA_VERSION

SYNTH_VERSION = 2
REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "bench-data"

_SYL = ("an ba chen da el fa go han im jo ka li ma no ou pe qi ra si ta ul va wei xi ya zo "
        "ber cor dan fer gil hol kir lor mar nor par ros sam tor val win yan zhu").split()
_ACCENTED = ["José", "Noreña", "Müller", "Øster", "Łukasz", "Dvořák", "Ångström", "Çelik"]
_WORDS = ("learning neural network model models language large graph quantum efficient robust "
          "adaptive sparse attention transformer diffusion reinforcement policy optimization "
          "bayesian inference causal representation contrastive self-supervised multimodal "
          "vision speech retrieval generation benchmark dataset evaluation scaling laws "
          "alignment reasoning planning agents memory compression quantization pruning "
          "distillation federated privacy secure fairness interpretability mechanistic "
          "galaxies cosmology dark matter spectra stellar black holes gravitational waves "
          "lattice topological superconductivity spin dynamics chaos turbulence fluid "
          "protein folding genomics cells markets volatility portfolio stochastic control "
          "theory bounds algorithms complexity approximation convex nonconvex gradient descent "
          "estimation sampling kernels manifolds embeddings tokens context windows long short "
          "hierarchical recurrent convolutional graph-based physics-informed zero-shot few-shot").split()
_TOPICS = ("cs.CL cs.LG cs.CV cs.AI cs.RO cs.IR cs.CR stat.ML math.OC astro-ph.CO astro-ph.GA "
           "hep-th quant-ph cond-mat.str-el q-bio.NC q-fin.ST eess.SP physics.flu-dyn").split()
_TAGS = ["to-read", "survey", "reproduce", "teaching", "thesis", "group-meeting"]
_STATUSES = ["unread"] * 6 + ["queued", "reading", "read", "read", "dropped"]


def _name(rng: random.Random) -> str:
    first = "".join(rng.choice(_SYL) for _ in range(rng.randint(1, 2))).capitalize()
    last = "".join(rng.choice(_SYL) for _ in range(rng.randint(1, 3))).capitalize()
    if rng.random() < 0.03:
        last = rng.choice(_ACCENTED)
    if rng.random() < 0.05:
        last += "-" + "".join(rng.choice(_SYL) for _ in range(2)).capitalize()
    return f"{first} {last}"


def author_pool(seed: int = 7, size: int = 60_000) -> list[str]:
    rng = random.Random(seed)
    seen: dict[str, None] = {}
    while len(seen) < size:
        seen.setdefault(_name(rng), None)
    return list(seen)


def vocabulary(seed: int = 11, size: int = 30_000) -> list[str]:
    """The research words first, then pseudo-words (rarer as the list goes on)."""
    rng = random.Random(seed)
    words = dict.fromkeys(_WORDS)
    while len(words) < size:
        w = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4)))
        words.setdefault(w + rng.choice(["", "ic", "ing", "ation", "ity", "al", "s"]), None)
    return list(words)


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 10) for rank in range(n)]


def entries(n: int, seed: int = 1, pool: list[str] | None = None,
            id_offset: int = 0) -> list[ParsedEntry]:
    """``n`` entries; word frequencies follow Zipf's law over ``vocabulary()``."""
    rng = random.Random(seed)
    pool = pool or author_pool()
    vocab = vocabulary()
    cum = list(accumulate(_zipf_weights(len(vocab))))
    out = []
    for i in range(n):
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(5, 12))
        title = " ".join(words).capitalize()
        if rng.random() < 0.4:
            title = f"{rng.choice(vocab[:3000]).capitalize()}{rng.randint(1, 999)}: {title}"
        authors = rng.sample(pool, rng.randint(3, 15))
        body = rng.choices(vocab, cum_weights=cum, k=190)
        sentences = [" ".join(body[j : j + 19]).capitalize() + "." for j in range(0, 190, 19)]
        abstract = " ".join(sentences)
        year = rng.randint(2015, 2025)
        num = id_offset + i
        out.append(ParsedEntry(
            title=title, authors=authors, authors_truncated=rng.random() < 0.1,
            date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", year=year,
            topics=rng.sample(_TOPICS, rng.randint(1, 3)), abstract=abstract[:1300],
            arxiv_id=f"{year % 100:02d}{rng.randint(1, 12):02d}.{num % 100000:05d}"
            if rng.random() < 0.7 else None,
            has_code=rng.random() < 0.3, raw=f"{title}\n{', '.join(authors)}"))
    return out


def build(path: Path, n: int = 100_000, chunk: int = 10_000) -> dict[str, float]:
    """Build a library of ``n`` papers at ``path``; returns timings."""
    pool = author_pool()
    t0 = time.perf_counter()
    gen = 0.0
    with Library.open(path) as lib:
        lib.auto_backup = False  # a benchmark library needs no daily backup
        for start in range(0, n, chunk):
            g = time.perf_counter()
            batch = entries(min(chunk, n - start), seed=start + 1, pool=pool, id_offset=start)
            gen += time.perf_counter() - g
            rep = lib.import_parsed(ParseResult("synthetic", batch), raw_text="(synthetic)")
            rng = random.Random(start)
            ids = rep.added
            for tag in _TAGS:
                lib.add_tags(rng.sample(ids, len(ids) // 40), [tag])
            for status in ("queued", "reading", "read", "dropped"):
                lib.set_status(rng.sample(ids, len(ids) // 12), status)
            lib.set_starred(rng.sample(ids, len(ids) // 50), True)
            for pid in rng.sample(ids, len(ids) // 100):
                lib.set_note(pid, "Reading notes: " + " ".join(rng.choices(_WORDS, k=60)))
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.conn.execute("ANALYZE")
    total = time.perf_counter() - t0
    return {"build_s": total, "generate_s": gen, "papers": n}


def cached_library(n: int = 100_000) -> tuple[Path, dict[str, float]]:
    """The cached benchmark library (built now if missing) and its build figures."""
    folder = BENCH_DIR / f"synth-v{SYNTH_VERSION}-schema{SCHEMA_VERSION}-{n}"
    path = folder / "library.sqlite"
    meta = folder / "build.json"
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    older = sorted(BENCH_DIR.glob(f"synth-v{SYNTH_VERSION}-schema*-{n}/build.json"))
    if older:  # same synthetic data at an older schema: upgrade a copy (much faster)
        folder.mkdir(parents=True)
        shutil.copy(older[-1].parent / "library.sqlite", path)
        t = time.perf_counter()
        lib = Library.open(path)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.conn.execute("ANALYZE")
        lib.close()
        shutil.rmtree(folder / "backups", ignore_errors=True)
        figures = json.loads(older[-1].read_text())
        figures["upgraded_from"] = older[-1].parent.name
        figures["upgrade_s"] = time.perf_counter() - t
        meta.write_text(json.dumps(figures))
        return path, figures
    folder.mkdir(parents=True)
    figures = build(path, n)
    meta.write_text(json.dumps(figures))
    return path, figures


def fresh_copy(src: Path, dest_dir: Path) -> Path:
    """A throwaway copy of a built library to write into."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "library.sqlite"
    shutil.copy(src, dest)
    return dest
