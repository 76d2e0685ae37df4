"""Safe file writing for exports: atomic replace, portable names, no escapes.

* ``atomic_write`` writes to a temporary name beside the target and renames
  it over the target (``os.replace``): a full disk, a permission problem or a
  crash leaves either the old file or the new one, never half of one, and no
  temporary file behind.
* ``safe_filename`` turns any text (an author's name, a topic) into a file
  name valid on Linux, macOS and Windows: no ``/ \\ : * ? " < > |``, no control
  characters, no reserved device names (CON, NUL, COM1...), no trailing dot or
  space, bounded length.
* ``inside`` refuses any path that would land outside the export folder.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path, PurePosixPath

from readinglist.exporters.common import ExportError

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_WS = re.compile(r"\s+")
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(10)]
    + [f"lpt{i}" for i in range(10)]
    + ["com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³"]
)
MAX_STEM = 100  # characters
MAX_BYTES = 200  # UTF-8 bytes: well under every file system's 255-byte limit


def safe_filename(text: str, *, fallback: str = "untitled", max_len: int = MAX_STEM) -> str:
    """A portable file-name stem (no extension) made from ``text``."""
    name = unicodedata.normalize("NFC", text or "")
    name = _FORBIDDEN.sub("_", name)
    name = _WS.sub(" ", name).strip()
    name = name.lstrip(".")  # no hidden files, no "." / ".."
    if len(name) > max_len:
        name = name[:max_len]
    while len(name.encode("utf-8")) > MAX_BYTES:  # wide characters
        name = name[:-1]
    name = name.rstrip(". ")
    if not name:
        name = fallback
    if name.split(".")[0].strip().lower() in _RESERVED:
        name = f"_{name}"
    return name


def inside(root: Path, relative: str | Path) -> Path:
    """``root / relative``, refusing anything that could land outside ``root``.

    The name is checked lexically (no absolute path, no ``..``, no empty
    part) and its folder is resolved so that a symlinked sub-folder pointing
    elsewhere is refused too.  The file itself may be a symlink: files are
    replaced by rename, which replaces the link, never what it points to.
    """
    parts = PurePosixPath(str(relative).replace("\\", "/")).parts
    if not parts or any(p in ("", ".", "..") or p.startswith("/") for p in parts):
        raise ExportError(f"Refusing to write {relative!s} outside the folder {root}.")
    base = _resolved(str(root))
    folder = _resolved(str(Path(base, *parts[:-1]))) if len(parts) > 1 else base
    if not folder.is_relative_to(base):
        raise ExportError(f"Refusing to write {relative!s} outside the folder {root}.")
    return folder / parts[-1]


@lru_cache(maxsize=256)
def _resolved(path: str) -> Path:
    return Path(path).resolve()


def describe_os_error(exc: OSError, where: Path) -> str:
    """One plain sentence for a failed write."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return f"Not enough space to write to {where} (the disk is full)."
    if code in (errno.EACCES, errno.EPERM):
        return f"Cannot write to {where}: permission denied."
    if code == errno.EROFS:
        return f"Cannot write to {where}: the file system is read-only."
    if code == errno.ENOTDIR:
        return f"Cannot write to {where}: part of that path is a file, not a folder."
    if code == errno.EISDIR:
        return f"Cannot write to {where}: it is a folder."
    if code == errno.ENOENT:
        return f"Cannot write to {where}: the folder does not exist."
    reason = exc.strerror or exc.__class__.__name__
    return f"Cannot write to {where}: {reason}."


def atomic_write(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``path`` all or nothing (see the module docstring).

    ``durable`` also fsyncs the file before the rename (for manifests and
    single-file exports; skipped for thousands of small notes).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise ExportError(describe_os_error(exc, path)) from exc


def ensure_dir(directory: Path) -> Path:
    """Create the export folder (and parents) with a clear error on failure."""
    _resolved.cache_clear()  # folders may have been moved or re-linked since
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ExportError(f"Cannot export to {directory}: it is a file, not a folder.") from exc
    except OSError as exc:
        raise ExportError(describe_os_error(exc, directory)) from exc
    if not directory.is_dir():
        raise ExportError(f"Cannot export to {directory}: it is a file, not a folder.")
    return directory
