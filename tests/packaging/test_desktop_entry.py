"""Desktop integration: the menu entry and icons `readinglist --install-desktop-entry` installs."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readinglist import desktop
from readinglist.desktop import (
    DesktopEntryError,
    desktop_entry,
    install_desktop_entry,
    launcher_command,
    quote_exec_arg,
    uninstall_desktop_entry,
)

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "packaging" / "linux" / "readinglist.desktop"


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_shipped_desktop_file_is_the_generated_one():
    assert SHIPPED.read_text(encoding="utf-8") == desktop_entry("readinglist")


def test_entry_launches_reading_list_and_offers_to_open_pdfs():
    entry = read_entry(SHIPPED)
    assert entry["Name"] == "Reading List"
    assert entry["Type"] == "Application"
    assert entry["Icon"] == "readinglist"
    assert entry["Exec"] == "readinglist %F"
    assert entry["Terminal"] == "false"
    assert "application/pdf" in entry["MimeType"].split(";")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils missing")
@pytest.mark.parametrize(
    "command",
    [
        ["readinglist"],
        ["/home/Ada Lovelace/.venv/bin/readinglist"],
        ["/usr/bin/python3", "-m", "readinglist"],
    ],
)
def test_desktop_file_validate_accepts_the_entry(tmp_path, command):
    path = tmp_path / "readinglist.desktop"
    path.write_text(desktop_entry(command), encoding="utf-8")
    proc = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == ""


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("readinglist", "readinglist"),
        ("/opt/Reading List/readinglist", '"/opt/Reading List/readinglist"'),
        ("/tmp/$HOME", '"/tmp/\\$HOME"'),
        ('a"b', '"a\\"b"'),
        ("100%", "100%%"),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_asks(arg, quoted):
    assert quote_exec_arg(arg) == quoted


def test_exec_line_with_a_space_in_the_path_survives_the_file_format(tmp_path):
    path = tmp_path / "e.desktop"
    path.write_text(desktop_entry(["/opt/my apps/readinglist"]), encoding="utf-8")
    entry = read_entry(path)
    assert entry["Exec"] == '"/opt/my apps/readinglist" %F'
    assert entry["TryExec"] == "/opt/my apps/readinglist"


def test_install_puts_entry_and_every_icon_size_in_place(tmp_path):
    data = tmp_path / "share"
    written = install_desktop_entry(data, ["/opt/rl/readinglist"], refresh_caches=False)
    entry_path = data / "applications" / "readinglist.desktop"
    assert entry_path in written
    assert read_entry(entry_path)["Exec"] == "/opt/rl/readinglist %F"
    hicolor = data / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / "readinglist.svg").is_file()
    for size in desktop.PNG_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / "readinglist.png"
        assert png.is_file(), png
        assert png.read_bytes().startswith(b"\x89PNG")
    assert all(p.is_file() for p in written)
    assert not list(data.rglob("*.tmp-*")), "no temporary files left behind"


def test_install_twice_is_harmless_and_uninstall_removes_only_our_files(tmp_path):
    data = tmp_path / "share"
    first = install_desktop_entry(data, ["readinglist"], refresh_caches=False)
    second = install_desktop_entry(data, ["readinglist"], refresh_caches=False)
    assert sorted(first) == sorted(second)
    other = data / "applications" / "other-app.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    other_icon = data / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.write_bytes(b"png")

    removed = uninstall_desktop_entry(data, refresh_caches=False)

    assert sorted(removed) == sorted(first)
    assert not any(p.exists() for p in first)
    assert other.is_file() and other_icon.is_file()
    assert uninstall_desktop_entry(data, refresh_caches=False) == []


def test_default_location_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    install_desktop_entry(command=["readinglist"], refresh_caches=False)
    assert (tmp_path / "xdg" / "applications" / "readinglist.desktop").is_file()
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # invalid per spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert desktop.xdg_data_home() == tmp_path / "home" / ".local" / "share"


def test_unwritable_destination_gives_one_clear_sentence(tmp_path):
    blocker = tmp_path / "share"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DesktopEntryError) as info:
        install_desktop_entry(blocker, ["readinglist"], refresh_caches=False)
    message = str(info.value)
    assert "Could not install the desktop entry" in message
    assert "\n" not in message


def test_missing_icons_are_reported_not_crashed(tmp_path, monkeypatch):
    monkeypatch.setattr(desktop, "resources_dir", lambda: None)
    with pytest.raises(DesktopEntryError, match="icons"):
        install_desktop_entry(tmp_path, ["readinglist"], refresh_caches=False)


def test_launcher_prefers_the_script_next_to_the_interpreter(tmp_path, monkeypatch):
    bindir = tmp_path / "venv" / "bin"
    bindir.mkdir(parents=True)
    python = bindir / "python"
    python.write_text("")
    script = bindir / "readinglist"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(python))
    assert launcher_command() == [str(script)]


def test_launcher_falls_back_to_python_dash_m(tmp_path, monkeypatch):
    python = tmp_path / "python"
    python.write_text("")
    monkeypatch.setattr(sys, "executable", str(python))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert launcher_command() == [str(python), "-m", "readinglist"]


def test_frozen_bundle_runs_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/readinglist/readinglist")
    assert launcher_command() == ["/opt/readinglist/readinglist"]


def test_other_platforms_get_a_plain_message(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(DesktopEntryError, match="Linux"):
        install_desktop_entry(tmp_path, ["readinglist"], refresh_caches=False)
