"""Shared-library bookkeeping for trimming the Linux bundle (used by readinglist.spec).

- ``elf_needed``: the libraries an ELF file links *directly* (its ``DT_NEEDED`` entries).
  PyInstaller's own ``get_imports`` runs ``ldd`` on Linux, which lists the whole transitive
  closure as the host resolves it, so a library reached only through a system library (say
  libsystemd, through libdbus) would look needed by Qt itself.
- ``system_libs``: the sonames listed in ``packaging/linux/system-libs.txt``, which the bundle
  takes from the system (the .deb depends on their packages).
- ``reachable``: the names of bundled libraries reachable through ``DT_NEEDED`` from a set of
  root files, looked up by the names they have in the bundle.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1


def elf_needed(path: str | Path) -> list[str]:
    """The ``DT_NEEDED`` sonames of an ELF file; [] for anything that is not a readable ELF."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or data[4] not in (1, 2) or data[5] not in (1, 2):
        return []
    wide = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    try:
        if wide:
            shoff = struct.unpack_from(end + "Q", data, 0x28)[0]
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
            sec_fmt, dyn_fmt = end + "IIQQQQIIQQ", end + "qQ"
        else:
            shoff = struct.unpack_from(end + "I", data, 0x20)[0]
            shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
            sec_fmt, dyn_fmt = end + "IIIIIIIIII", end + "iI"
        sections = [struct.unpack_from(sec_fmt, data, shoff + i * shentsize) for i in range(shnum)]
        names: list[str] = []
        for sec in sections:
            if sec[1] != SHT_DYNAMIC:
                continue
            strtab_off = sections[sec[6]][4]
            entry_size = struct.calcsize(dyn_fmt)
            for i in range(sec[5] // entry_size):
                tag, value = struct.unpack_from(dyn_fmt, data, sec[4] + i * entry_size)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    start = strtab_off + value
                    names.append(data[start : data.index(b"\0", start)].decode())
        return names
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return []


def system_libs(listing: Path) -> dict[str, str]:
    """soname -> Debian package (alternatives allowed) from ``system-libs.txt``."""
    result = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            soname, _, package = line.strip().partition(" ")
            result[soname] = package.strip()
    return result


def reachable(
    roots: Iterable[str], files: dict[str, str], needed: Callable[[str], list[str]] = elf_needed
) -> set[str]:
    """Names in ``files`` (bundle name -> file on disk) reachable from ``roots`` by DT_NEEDED."""
    seen: set[str] = set()
    stack = [r for r in roots if r in files]
    seen.update(stack)
    while stack:
        for soname in needed(files[stack.pop()]):
            if soname in files and soname not in seen:
                seen.add(soname)
                stack.append(soname)
    return seen
