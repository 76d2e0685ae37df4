"""What the commands share: opening the library, reading input, ids, filters.

The library layer is imported here (not in ``readinglist.cli``) so that
``--help`` and ``parse`` start without loading the database code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.cli.output import CliError
from readinglist.cli.parser import STATUS_WORDS

if TYPE_CHECKING:
    from readinglist.library import Library
    from readinglist.library.types import PaperDetail, PaperQuery

DETAIL_CHUNK = 500


def library_path(args: Any) -> Path:
    from readinglist.paths import resolve_library_path

    return resolve_library_path(getattr(args, "library", None))


def open_library(args: Any, *, create: bool = False) -> Library:
    """Open the library named by ``--library`` (or the default one).

    Commands that only read or edit need an existing library; importing
    creates one.
    """
    from readinglist.library import Library

    path = library_path(args)
    if not create and not path.exists():
        raise CliError(
            f"No library at {path}: import something first "
            "(readinglist import-text / import-pdf), or pass --library PATH."
        )
    if path.exists() and path.is_dir():
        raise CliError(f"{path} is a folder, not a library file.")
    if create and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(
                f"Cannot create the library folder {path.parent}: {exc.strerror}."
            ) from exc
    return Library.open(path, create=create)


def read_text_input(name: str) -> tuple[str, str | None]:
    """(text, source name) from a file, or standard input for "-"."""
    if name == "-":
        if sys.stdin is None:
            raise CliError("No input: give a FILE, or pipe text to standard input.")
        if sys.stdin.isatty():
            sys.stderr.write("Paste the listing, then press Ctrl-D (Ctrl-Z Enter on Windows).\n")
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
        if data is None:
            return sys.stdin.read(), None
        return decode_text(data, "standard input"), None
    path = Path(name).expanduser()
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CliError(f"No such file: {name}") from exc
    except IsADirectoryError as exc:
        raise CliError(f"{name} is a folder, not a text file.") from exc
    except PermissionError as exc:
        raise CliError(f"Cannot read {name}: permission denied.") from exc
    except OSError as exc:
        raise CliError(f"Cannot read {name}: {exc.strerror or exc}.") from exc
    return decode_text(data, name), path.name


def decode_text(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1
    / cp1252.  Binary files (a PDF, an image) are refused."""
    if data.startswith(b"%PDF"):
        raise CliError(f"{name} is a PDF: use readinglist import-pdf for PDFs.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CliError(f"{name} is not readable text (bad UTF-16).") from exc
    if b"\x00" in data[:65536]:
        raise CliError(f"{name} looks like a binary file, not pasted text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_id(text: str) -> int:
    value = text.strip().lstrip("#")
    if not value.isdigit() or int(value) <= 0:
        raise CliError(f"{text!r} is not a paper id (ids are whole numbers, see readinglist list).")
    return int(value)


def parse_ids(texts: Iterable[str]) -> list[int]:
    return list(dict.fromkeys(parse_id(t) for t in texts))


def check_status(word: str | None) -> str | None:
    if word is None:
        return None
    status = word.strip().lower()
    if status not in STATUS_WORDS:
        raise CliError(f"Unknown status {word!r}: use one of {', '.join(STATUS_WORDS)}.")
    return status


def require_papers(lib: Library, ids: Sequence[int]) -> None:
    """Refuse unknown ids before changing anything (all or nothing)."""
    found = {row.id for row in lib.rows(list(ids))}
    missing = [i for i in ids if i not in found]
    if missing:
        listed = ", ".join(str(i) for i in missing[:5]) + (" ..." if len(missing) > 5 else "")
        noun = "paper" if len(missing) == 1 else "papers"
        raise CliError(f"No {noun} with id {listed} in the library.")


def query_from_args(args: Any) -> PaperQuery:
    from readinglist.library.types import PaperQuery

    return PaperQuery(
        search=(getattr(args, "search", None) or None),
        author=(getattr(args, "author", None) or None),
        topic=(getattr(args, "topic", None) or None),
        tag=(getattr(args, "tag", None) or None),
        status=check_status(getattr(args, "status", None)),
        starred=True if getattr(args, "starred", None) else None,
        sort=getattr(args, "sort", None) or "added",
    )


def fetch_details(lib: Library, ids: Sequence[int]) -> list[PaperDetail]:
    """Details for many ids, fetched in chunks, in the given order."""
    out: list[PaperDetail] = []
    for start in range(0, len(ids), DETAIL_CHUNK):
        out.extend(lib.details(list(ids[start : start + DETAIL_CHUNK])))
    return out
