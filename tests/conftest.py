"""Root test configuration, in the qutebrowser spirit.

Qt runs offscreen (set before anything imports Qt), Qt warnings fail tests
(``qt_log_level_fail`` in pyproject), markers are strict, and Hypothesis has
profiles: ``dev`` (default, quick), ``ci`` (more examples, no deadline).
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("READINGLIST_HOME", None)

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test ever touches the user's real library or settings."""
    home = tmp_path_factory.mktemp("rl-home")
    monkeypatch.setenv("READINGLIST_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture
def seeds_dir() -> Path:
    """Copies of ../shared/seeds (real pastes), kept in the repo."""
    return FIXTURES / "seeds"


@pytest.fixture
def listings_dir() -> Path:
    """Copies of ../shared/listings (real pastes with a README of true values)."""
    return FIXTURES / "listings"


@pytest.fixture
def pdf_fixtures(shared_dir) -> Path:
    return shared_dir / "fixtures" / "pdfs"


@pytest.fixture
def hostile_fixtures(shared_dir) -> Path:
    return shared_dir / "fixtures" / "hostile"
