"""The frozen app's entry script: one binary for the GUI, the CLI and the PDF workers."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def launcher():
    spec = importlib.util.spec_from_file_location(
        "readinglist_launcher", REPO / "packaging" / "launcher.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_arguments_reach_the_readinglist_command(launcher, monkeypatch):
    seen = {}

    def fake_cli(argv=None):
        seen["argv"] = list(sys.argv)
        return 0

    monkeypatch.setattr("readinglist.cli.main", fake_cli)
    monkeypatch.setattr(sys, "argv", ["readinglist", "list", "--json"])
    assert launcher.main() == 0
    assert seen["argv"][1:] == ["list", "--json"]


def test_pdf_worker_flag_runs_the_pdf_worker(launcher, monkeypatch):
    pytest.importorskip("readinglist.importers.pdf_worker")
    seen = {}
    monkeypatch.setattr(
        "readinglist.importers.pdf_worker.main", lambda argv: seen.setdefault("argv", argv) and 0
    )
    monkeypatch.setattr(sys, "argv", ["readinglist", "--pdf-worker", "--memory-mb", "512"])
    launcher.main()
    assert seen["argv"] == ["--memory-mb", "512"]


def test_missing_streams_of_a_windowed_app_never_break_printing(launcher, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "argv", ["readinglist"])
    launcher._ensure_streams()
    print("hello")  # must not raise
    sys.stderr.write("still fine\n")


def test_real_streams_are_left_alone(launcher, monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    launcher._ensure_streams()
    assert sys.stdout is out and sys.stderr is err


def test_spec_is_valid_python():
    source = (REPO / "packaging" / "readinglist.spec").read_text(encoding="utf-8")
    compile(source, "readinglist.spec", "exec")
