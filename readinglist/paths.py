"""Where things live on disk: the default library, logs, settings.

``READINGLIST_HOME`` overrides every location (tests, portable installs);
otherwise the platform's data directory from appdirs is used.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

from readinglist import APP_ID

LIBRARY_FILENAME = "library.sqlite"


def data_dir() -> Path:
    """The folder holding the default library, its files and logs."""
    home = os.environ.get("READINGLIST_HOME")
    if home:
        return Path(home).expanduser()
    return Path(appdirs.user_data_dir(APP_ID, appauthor=False))


def default_library_path() -> Path:
    """The library file used when no ``--library`` is given."""
    return data_dir() / LIBRARY_FILENAME


def log_dir() -> Path:
    return data_dir() / "logs"


def resolve_library_path(path: str | os.PathLike[str] | None) -> Path:
    """A library path from the command line: a file, or a folder that holds one."""
    if path is None:
        return default_library_path()
    p = Path(path).expanduser()
    if p.is_dir() or (not p.suffix and not p.exists()):
        return p / LIBRARY_FILENAME
    return p
