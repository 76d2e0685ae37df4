"""Trimming the Linux bundle: ICU data kept for Qt, direct library links, system libraries."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import bundle_trim  # noqa: E402
import icu_trim  # noqa: E402

QT_LIB = None
try:
    import PySide6

    QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
except ImportError:  # pragma: no cover - PySide6 is a dependency
    pass


def icu_data_library() -> Path | None:
    found = sorted(QT_LIB.glob("libicudata.so.*")) if QT_LIB and QT_LIB.is_dir() else []
    return found[0] if found else None


def make_package(items: dict[str, bytes]) -> bytes:
    """A small ICU common data package, laid out the way ICU's tools write one."""
    header = bytearray(32)
    struct.pack_into("<H", header, 0, 32)
    header[2:4] = b"\xda\x27"
    header[12:16] = b"CmnD"
    pkg = icu_trim.Package("icudt99_dat", bytes(header), [
        icu_trim.Item(name, data + b"\0" * (-len(data) % 16)) for name, data in items.items()
    ])
    return icu_trim.write_package(pkg)


def test_package_round_trip_keeps_every_item_and_alignment():
    items = {"icudt99l/coll/de.res": b"collation", "icudt99l/root.res": b"r" * 40}
    blob = make_package(items)
    pkg = icu_trim.parse_package("icudt99_dat", blob)
    assert [i.name for i in pkg.items] == list(items)
    for item in pkg.items:
        assert item.data.rstrip(b"\0") == items[item.name]
    toc = blob[32:]
    for i in range(len(items)):
        assert struct.unpack_from("<II", toc, 4 + 8 * i)[1] % 16 == 0


def test_not_an_icu_package_is_refused_with_a_message():
    with pytest.raises(icu_trim.IcuTrimError, match="not an ICU common data package"):
        icu_trim.parse_package("icudt99_dat", b"\0" * 64)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("icudt73l/coll/zh.res", True),  # QCollator
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/cnvalias.icu", True),  # converter names
        ("icudt73l/nfkc.nrm", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/root.res", True),
        ("icudt73l/en.res", True),
        ("icudt73l/zone/root.res", True),
        ("icudt73l/zone/pool.res", True),
        ("icudt73l/de.res", False),  # falls back to root: only long time-zone names use it
        ("icudt73l/zone/de.res", False),
        ("icudt73l/brkitr/cjdict.dict", False),  # Qt has its own text boundaries
        ("icudt73l/translit/root.res", False),
        ("icudt73l/curr/en.res", False),
        ("icudt73l/unames.icu", False),
    ],
)
def test_only_data_qt_can_reach_is_kept(name, kept):
    assert icu_trim.keep_item(name) is kept


def test_large_converter_tables_go_small_ones_stay():
    small = icu_trim.Item("icudt73l/ibm-5348_P100-1997.cnv", b"x" * 4096)
    large = icu_trim.Item("icudt73l/gb18030.cnv", b"x" * (icu_trim.MAX_CONVERTER_TABLE + 16))
    trimmed = icu_trim.trim(icu_trim.Package("icudt73_dat", b"", [small, large]))
    assert trimmed.items == [small]


def test_elf_needed_reads_direct_links_only(tmp_path):
    lib = QT_LIB / "libQt6Widgets.so.6" if QT_LIB else None
    if lib is None or not lib.is_file():
        pytest.skip("PySide6's Qt libraries are not installed")
    needed = bundle_trim.elf_needed(lib)
    assert "libQt6Gui.so.6" in needed and "libQt6Core.so.6" in needed
    assert "libicuuc.so.73" not in needed  # reached through QtCore, not linked directly
    text = tmp_path / "notes.txt"
    text.write_text("not a library")
    assert bundle_trim.elf_needed(text) == []
    assert bundle_trim.elf_needed(tmp_path / "missing.so") == []


def test_reachable_follows_links_between_bundled_libraries():
    links = {"a": ["libb.so"], "b": ["libc.so.6", "libd.so"], "d": [], "e": ["libd.so"]}
    files = {"libb.so": "b", "libd.so": "d", "libe.so": "e"}
    found = bundle_trim.reachable(["libb.so"], files, needed=lambda f: links[f])
    assert found == {"libb.so", "libd.so"}  # libe.so is linked by nothing kept


def test_system_libraries_list_names_real_debian_packages():
    listing = REPO / "packaging" / "linux" / "system-libs.txt"
    libs = bundle_trim.system_libs(listing)
    assert "libfontconfig.so.1" in libs and "libdbus-1.so.3" in libs
    package = re.compile(r"[a-z0-9][a-z0-9+.-]+")
    for soname, packages in libs.items():
        assert soname.startswith("lib") and ".so" in soname
        assert all(package.fullmatch(p.strip()) for p in packages.split("|")), packages
    # The .deb depends on exactly that list.
    assert "system-libs.txt" in (REPO / "packaging" / "linux" / "build_deb.sh").read_text()


QT_ICU_PROBE = """
import functools, json
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
words = ["Zebra", "Äpfel", "apple", "Ångström", "zoo", "Öl", "Ol", "résumé", "resume"]
out = {}
for loc in ("de_DE", "sv_SE", "tr_TR", "zh_CN"):
    c = QCollator(QLocale(loc))
    out[loc] = sorted(words + ["张", "王", "李"], key=functools.cmp_to_key(c.compare))
out["upper"] = QLocale("tr_TR").toUpper("istanbul")
out["codecs"] = [QStringDecoder(n).isValid() for n in ("windows-1252", "ISO-8859-2", "KOI8-R")]
print(json.dumps(out))
"""


@pytest.mark.slow
def test_trimmed_icu_sorts_and_converts_like_the_full_data(tmp_path):
    src = icu_data_library()
    if src is None or not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("needs PySide6's libicudata and binutils (as, ld)")
    out = tmp_path / src.name
    before, after = icu_trim.trim_library(src, out)
    assert after < before / 3

    def probe(preload: Path | None) -> dict:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        if preload is not None:
            env["LD_PRELOAD"] = str(preload)  # same soname: it replaces the wheel's copy
        proc = subprocess.run(
            [sys.executable, "-c", QT_ICU_PROBE], env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    full, trimmed = probe(None), probe(out)
    assert trimmed == full
    assert trimmed["upper"] == "İSTANBUL"
    assert all(trimmed["codecs"])
