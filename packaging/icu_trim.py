"""Trim the ICU data library bundled with Qt to the data Qt itself can reach (Linux packaging).

Qt6Core links ICU (libicuuc, libicui18n, libicudata).  libicudata is one ~30 MB blob: an ICU
"common data" package (format ``CmnD``) exported as the symbol ``icudt<N>_dat``.  Qt calls only
four ICU services (``nm -D --undefined-only libQt6Core.so.6 | grep _<N>`` lists them):

- collation (``ucol_*``: QCollator, locale-aware sorting, file dialogs)   -> ``coll/`` tree
- converters (``ucnv_*``: QStringConverter for legacy encodings)           -> ``*.cnv`` tables
- time zones (``ucal_*``: canonical ids and display names)                 -> ``zone/``, zoneinfo
- case mapping (``u_strToUpper/Lower``: properties are compiled into libicuuc)

So the resource trees no Qt call can open go: break-iterator rules and dictionaries
(``brkitr/``), transliteration, number spell-out (``rbnf/``), unit, currency, language and
region display names, character names (``unames.icu``) and stringprep profiles.  The large
multi-byte converter tables (CJK legacy encodings, above ``MAX_CONVERTER_TABLE`` bytes) go too:
Reading List reads and writes UTF-8 through Python, never through a Qt codec; single-byte
tables (Windows and ISO 8859 code pages, KOI8, ...) stay, and a converter whose table is missing
is simply reported unavailable by ICU.  Qt reaches the per-language locale bundles and
time-zone names only for ``QTimeZone::displayName`` (long time-zone names), which Reading List
never shows: those keep their root and English bundles, and other languages fall back to them
(ICU's ordinary locale fallback).  Everything else (normalisation, properties, converter
aliases, supplemental and time-zone data, the whole collation tree) is kept unchanged, so an
ICU lookup either finds the same data as before or takes ICU's own fallback path.

The trimmed package is written back as a shared library with the same soname and symbol, built
with the GNU assembler and linker (binutils, which PyInstaller already needs on Linux).

Usage: python packaging/icu_trim.py SRC/libicudata.so.73 OUT/libicudata.so.73
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Resource trees that none of the ICU functions Qt calls can open.
DROPPED_TREES = ("brkitr", "translit", "rbnf", "unit", "curr", "lang", "region")
# Loose items no Qt call reaches: character names, stringprep profiles.
DROPPED_SUFFIXES = (".spp", "unames.icu")
# Trees whose per-language bundles are needed only for long time-zone names.
ROOT_ONLY_TREES = ("", "zone")
KEPT_LOCALES = ("root", "en")
LOCALE_BUNDLE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]+)*\.res")
# Converter tables above this size are the multi-byte (CJK) ones.
MAX_CONVERTER_TABLE = 32 * 1024
SYMBOL = re.compile(rb"icudt\d+_dat")


class IcuTrimError(Exception):
    """The input is not an ICU data library this tool understands."""


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "icudt73l/coll/de.res"
    data: bytes  # the item with its alignment padding


@dataclass(frozen=True)
class Package:
    symbol: str  # "icudt73_dat"
    header: bytes  # the package's own data header (MappedData + UDataInfo + copyright)
    items: list[Item]


def _read_symbol(lib: bytes) -> tuple[str, bytes]:
    """The bytes of the exported ``icudt<N>_dat`` object in an ELF64 little-endian library."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise IcuTrimError("not a 64-bit little-endian ELF library")
    shoff = struct.unpack_from("<Q", lib, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)
    ]
    for sec in sections:
        if sec[1] != 11:  # SHT_DYNSYM
            continue
        strtab = sections[sec[6]]
        for j in range(sec[5] // 24):
            st_name, _, _, shndx, value, size = struct.unpack_from("<IBBHQQ", lib, sec[4] + j * 24)
            start = strtab[4] + st_name
            name = lib[start : lib.index(b"\0", start)]
            if SYMBOL.fullmatch(name) and 0 < shndx < len(sections):
                target = sections[shndx]
                offset = target[4] + value - target[3]
                return name.decode(), lib[offset : offset + size]
    raise IcuTrimError("no icudt<N>_dat symbol: not an ICU data library")


def read_package(path: Path) -> Package:
    """The ICU common data package inside a libicudata shared library."""
    symbol, blob = _read_symbol(Path(path).read_bytes())
    return parse_package(symbol, blob)


def parse_package(symbol: str, blob: bytes) -> Package:
    """Split an ICU common data package (``CmnD``) into its header and named items."""
    if len(blob) < 32 or blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise IcuTrimError(f"{symbol} is not an ICU common data package")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    toc = blob[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        name = toc[name_off : toc.index(b"\0", name_off)].decode("ascii")
        items.append(Item(name, toc[data_off:end]))
    return Package(symbol, blob[:header_size], items)


def keep_item(name: str) -> bool:
    """Whether Qt's ICU calls can reach this item (see the module docstring)."""
    rel = name.split("/", 1)[1] if "/" in name else name
    tree = rel.split("/", 1)[0] if "/" in rel else ""
    if tree in DROPPED_TREES or rel.endswith(DROPPED_SUFFIXES):
        return False
    base = rel.rsplit("/", 1)[-1]
    if tree in ROOT_ONLY_TREES and LOCALE_BUNDLE.fullmatch(base):
        return base[: -len(".res")] in KEPT_LOCALES
    return True


def trim(package: Package) -> Package:
    kept = [
        item
        for item in package.items
        if keep_item(item.name)
        and not (item.name.endswith(".cnv") and len(item.data) > MAX_CONVERTER_TABLE)
    ]
    return Package(package.symbol, package.header, kept)


def _align(n: int, to: int = 16) -> int:
    return (n + to - 1) // to * to


def write_package(package: Package) -> bytes:
    """The package as ICU reads it: header, table of contents, names, 16-byte aligned items."""
    count = len(package.items)
    names = bytearray()
    name_offsets = []
    toc_size = 4 + 8 * count
    for item in package.items:
        name_offsets.append(toc_size + len(names))
        names += item.name.encode("ascii") + b"\0"
    data_start = _align(toc_size + len(names))
    out = bytearray(struct.pack("<I", count))
    offset = data_start
    for item, name_off in zip(package.items, name_offsets, strict=True):
        out += struct.pack("<II", name_off, offset)
        offset = _align(offset + len(item.data))
    out += names
    out += b"\0" * (data_start - len(out))
    for item in package.items:
        out += item.data
        out += b"\0" * (_align(len(out)) - len(out))
    if len(package.header) % 16:
        raise IcuTrimError("unexpected ICU package header size")
    return package.header + bytes(out)


def build_library(symbol: str, data: bytes, soname: str, out: Path) -> None:
    """A shared library exporting ``symbol`` (16-byte aligned, read-only) holding ``data``."""
    for tool in ("as", "ld"):
        if not shutil.which(tool):
            raise IcuTrimError(f"'{tool}' (binutils) is needed to rebuild {soname}")
    with tempfile.TemporaryDirectory(prefix="icu-trim-") as tmp:
        work = Path(tmp)
        (work / "icu.dat").write_bytes(data)
        (work / "icu.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            '\t.incbin "icu.dat"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", "icu.o", "icu.s"], cwd=work, check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", "out.so", "icu.o"],
            cwd=work,
            check=True,
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp_out = out.with_name(out.name + ".tmp")
        shutil.copyfile(work / "out.so", tmp_out)
        tmp_out.chmod(0o755)
        tmp_out.replace(out)


def trim_library(src: Path, out: Path) -> tuple[int, int]:
    """Write the trimmed copy of ``src`` to ``out``; returns (size before, size after) in bytes."""
    src, out = Path(src), Path(out)
    trimmed = trim(read_package(src))
    build_library(trimmed.symbol, write_package(trimmed), src.name, out)
    check = read_package(out)  # the result must read back as the same items
    if [i.name for i in check.items] != [i.name for i in trimmed.items]:
        raise IcuTrimError(f"{out}: rebuilt ICU data does not read back")
    return src.stat().st_size, out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: icu_trim.py SRC/libicudata.so.N OUT/libicudata.so.N", file=sys.stderr)
        return 2
    try:
        before, after = trim_library(Path(args[0]), Path(args[1]))
    except (OSError, IcuTrimError, subprocess.CalledProcessError) as err:
        print(f"icu_trim: {err}", file=sys.stderr)
        return 2
    print(f"icu_trim: {args[1]}: {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
