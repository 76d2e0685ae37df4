"""The files that make an installed app: AppStream metadata, icons, licence, build scripts."""

from __future__ import annotations

import hashlib
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from readinglist import __version__, paths

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def metainfo_file() -> Path:
    files = sorted(LINUX.glob("*.metainfo.xml"))
    assert len(files) == 1
    return files[0]


def test_metainfo_describes_the_app_and_its_desktop_entry():
    path = metainfo_file()
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    cid = root.findtext("id")
    assert path.name == f"{cid}.metainfo.xml"
    assert root.findtext("name") == "Reading List"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.findtext("launchable") == "readinglist.desktop"
    assert root.find("description/p") is not None
    mediatypes = [m.text for m in root.findall("provides/mediatype")]
    assert "application/pdf" in mediatypes


def test_metainfo_release_is_the_package_version():
    root = ET.parse(metainfo_file()).getroot()
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert versions and versions[0] == __version__


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli missing")
def test_appstreamcli_accepts_the_metainfo():
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo_file())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_svg_and_every_png_size_exist():
    svg = ET.parse(ICONS / "readinglist.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 512 512"
    for size in PNG_SIZES:
        assert png_size(ICONS / f"readinglist-{size}.png") == (size, size)


def test_windows_ico_holds_sizes_up_to_256():
    data = (ICONS / "readinglist.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icns_is_well_formed():
    data = (ICONS / "readinglist.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    pos, types = 8, set()
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert length > 8
        types.add(kind)
        pos += length
    assert pos == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= types


def test_license_is_the_complete_unmodified_agpl_v3():
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("GNU AFFERO GENERAL PUBLIC LICENSE")
    for n in range(18):
        assert f"\n  {n}. " in text, f"section {n} missing"
    assert "END OF TERMS AND CONDITIONS" in text
    # The FSF's published agpl-3.0.txt, byte for byte.
    digest = hashlib.md5((REPO / "LICENSE").read_bytes()).hexdigest()  # noqa: S324
    assert digest == "73f1eb20517c55bf9493b7dd6e480788"


@pytest.mark.parametrize("script", ["build.sh", "build_deb.sh"])
def test_shell_scripts_parse(script):
    proc = subprocess.run(["bash", "-n", str(LINUX / script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_smoke_test_script_documents_itself():
    proc = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "smoke_test.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "--no-build" in proc.stdout


def test_first_start_creates_the_data_folder(tmp_path, monkeypatch):
    home = tmp_path / "new" / "data"
    monkeypatch.setenv("READINGLIST_HOME", str(home))
    assert paths.ensure_data_dir() == home
    assert home.is_dir()
    assert list(home.iterdir()) == []  # the write probe leaves nothing behind


def test_unusable_data_folder_gives_a_clear_message(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("READINGLIST_HOME", str(blocker / "data"))
    with pytest.raises(paths.DataDirError) as info:
        paths.ensure_data_dir()
    message = str(info.value)
    assert str(blocker / "data") in message
    assert "READINGLIST_HOME" in message and "\n" not in message


def test_icons_are_found_from_a_source_checkout():
    found = paths.resources_dir()
    assert found is not None and (found / "icons" / "readinglist.svg").is_file()


def test_icons_ship_inside_the_package_for_pip_installs():
    # pyproject's package-data takes readinglist/resources/**, a link to resources/.
    icons = REPO / "readinglist" / "resources" / "icons"
    assert (icons / "readinglist.svg").is_file()
    assert (icons / "readinglist-48.png").is_file()
