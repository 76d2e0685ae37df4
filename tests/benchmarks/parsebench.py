"""Timing one parse for the parser benchmarks: MB/s of wall and CPU time."""

from __future__ import annotations

import time
from datetime import date
from types import ModuleType

from readinglist.core.entry import ParseContext, ParseResult

CTX = ParseContext(reference_date=date(2026, 11, 22))


def measure(module: ModuleType, text: str) -> tuple[float, float, ParseResult]:
    """(MB/s wall, MB/s CPU, result) of ``module.parse(text)``."""
    wall = time.perf_counter()
    cpu = time.process_time()
    result = module.parse(text, CTX)
    cpu = time.process_time() - cpu
    wall = time.perf_counter() - wall
    mb = len(text.encode("utf-8")) / 1e6
    return mb / max(wall, 1e-9), mb / max(cpu, 1e-9), result


def report(label: str, module: ModuleType, text: str) -> None:
    wall, cpu, result = measure(module, text)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"\n{label:>28}: {mb:.2f} MB, {len(result.entries)} entries, "
          f"{len(result.warnings)} warnings, {wall:.2f} MB/s wall, {cpu:.2f} MB/s cpu")
