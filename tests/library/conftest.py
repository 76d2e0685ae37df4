"""Fixtures for Library tests: a fresh library per test."""

from __future__ import annotations

import pytest

from readinglist.library import Library


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "library.sqlite")
    yield library
    library.close()
