"""Where things live on disk: the default library, logs, settings.

``READINGLIST_HOME`` overrides every location (tests, portable installs);
otherwise the platform's data directory from appdirs is used.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import appdirs

from readinglist import APP_ID

LIBRARY_FILENAME = "library.sqlite"


class DataDirError(Exception):
    """The data folder cannot be created or written; ``str(err)`` is one plain sentence."""


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


def ensure_data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Create the data folder (default: :func:`data_dir`) if needed and check it is writable.

    Called on first start, before the default library is created.  Raises
    :class:`DataDirError` with a message fit to show the user when the folder
    cannot be created or written (read-only home, a file in the way, ...).
    """
    folder = Path(path).expanduser() if path is not None else data_dir()
    hint = "set READINGLIST_HOME to a writable folder or pass --library PATH"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        reason = err.strerror or err.__class__.__name__
        raise DataDirError(f"Cannot create the data folder {folder} ({reason}); {hint}.") from err
    if not folder.is_dir():
        raise DataDirError(f"The data folder {folder} is not a folder; {hint}.")
    try:  # a real write: os.access is wrong for root, ACLs and read-only mounts
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        reason = err.strerror or err.__class__.__name__
        raise DataDirError(f"The data folder {folder} is not writable ({reason}); {hint}.") from err
    return folder


def resources_dir() -> Path | None:
    """The folder holding ``icons/`` (app icon as SVG and PNG sizes), or None.

    Looks, in order, inside a PyInstaller bundle, inside the installed package
    (``readinglist/resources``), then in a source checkout (``resources/``).
    """
    here = Path(__file__).resolve().parent
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    return None
