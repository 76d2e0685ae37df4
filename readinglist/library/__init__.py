"""The one service API that the GUI and the CLI call; it never hands out SQL."""

from readinglist.library.errors import (
    LibraryError,
    LibraryLocked,
    LibraryNotFound,
    LibraryTooNew,
    UnknownPaper,
)
from readinglist.library.library import Library
from readinglist.library.types import STATUSES, PaperQuery

__all__ = [
    "STATUSES",
    "Library",
    "LibraryError",
    "LibraryLocked",
    "LibraryNotFound",
    "LibraryTooNew",
    "PaperQuery",
    "UnknownPaper",
]
