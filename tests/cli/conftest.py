"""CLI test fixtures: run ``readinglist.cli.main`` in-process on a temporary library."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from readinglist.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def library(tmp_path) -> Path:
    return tmp_path / "lib" / "library.sqlite"


@pytest.fixture
def rl(capsys, library):
    """``rl("list", "--json")`` runs the CLI on the test library and captures output."""

    def run(*args: str, lib: Path | None = library) -> Run:
        argv = list(args)
        if lib is not None and args and not args[0].startswith("-"):
            argv[1:1] = ["--library", str(lib)]
        code = main(argv)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def seeded(rl, seeds_dir):
    """The test library with every seed listing imported."""
    for path in sorted(seeds_dir.glob("*.txt")):
        result = rl("import-text", str(path), "--reference-date", "2026-01-25")
        assert result.code == 0, result.err
    return rl
