"""Desktop integration on Linux for pip installs: the menu entry and the app icon.

``readinglist --install-desktop-entry`` puts ``readinglist.desktop`` into
``$XDG_DATA_HOME/applications`` (default ``~/.local/share/applications``) and
the icon (SVG plus PNG sizes) into ``$XDG_DATA_HOME/icons/hicolor``, so
"Reading List" appears in the application menu and in "Open with" for PDFs.
``--uninstall-desktop-entry`` removes exactly those files.

This module also owns the text of the desktop entry: the ``.deb`` ships
``packaging/linux/readinglist.desktop``, which is ``desktop_entry("readinglist")``
(a test keeps the two identical).  Pure Python, no Qt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from readinglist import APP_ID, APP_NAME
from readinglist.paths import resources_dir

DESKTOP_FILENAME = f"{APP_ID}.desktop"
ICON_NAME = APP_ID
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPES = ("application/pdf",)
CATEGORIES = ("Office",)
KEYWORDS = ("papers", "research", "arXiv", "bibliography", "PDF", "notes", "reading list")
COMMENT = "Keep a library of research papers: paste listings, import PDFs, take notes"
GENERIC_NAME = "Paper Library"

# Characters that force an Exec argument into double quotes (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(Exception):
    """Installing or removing the desktop entry failed; ``str(err)`` is one sentence."""


def xdg_data_home() -> Path:
    """``$XDG_DATA_HOME`` or ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def quote_exec_arg(arg: str) -> str:
    """One argument of an ``Exec`` line, quoted and escaped as the spec asks."""
    arg = arg.replace("%", "%%")
    if arg and not (set(arg) & _RESERVED):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def _escape_value(value: str) -> str:
    """A desktop-file string value: backslashes doubled, no raw control characters."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def launcher_command() -> list[str]:
    """The command that starts this installation of Reading List.

    A frozen bundle runs itself; a pip install runs the ``readinglist``
    script next to the running interpreter (virtualenv or user ``bin``), then
    one on ``PATH``; failing both, ``python -m readinglist``.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    bindir = Path(sys.executable).parent
    for name in (APP_ID, f"{APP_ID}.exe"):
        script = bindir / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script.absolute())]
    found = shutil.which(APP_ID)
    if found:
        return [str(Path(found).absolute())]
    return [sys.executable, "-m", APP_ID]


def desktop_entry(command: list[str] | str = APP_ID) -> str:
    """The text of ``readinglist.desktop`` for a launcher ``command``.

    ``%F`` passes the files picked with "Open with" (PDFs) to the app.
    """
    argv = [command] if isinstance(command, str) else list(command)
    exec_line = " ".join(quote_exec_arg(a) for a in argv) + " %F"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        f"GenericName={GENERIC_NAME}",
        f"Comment={COMMENT}",
        f"Icon={ICON_NAME}",
        f"TryExec={_escape_value(argv[0])}",
        f"Exec={_escape_value(exec_line)}",
        "Terminal=false",
        "StartupNotify=true",
        f"Categories={';'.join(CATEGORIES)};",
        f"Keywords={';'.join(KEYWORDS)};",
        f"MimeType={';'.join(MIME_TYPES)};",
    ]
    return "\n".join(lines) + "\n"


def icon_files(source: Path | None = None) -> dict[str, Path]:
    """Map of hicolor-relative destination (``48x48/apps/readinglist.png``) to source file."""
    folder = source if source is not None else _icons_source()
    files: dict[str, Path] = {}
    svg = folder / f"{ICON_NAME}.svg"
    if svg.is_file():
        files[f"scalable/apps/{ICON_NAME}.svg"] = svg
    for size in PNG_SIZES:
        png = folder / f"{ICON_NAME}-{size}.png"
        if png.is_file():
            files[f"{size}x{size}/apps/{ICON_NAME}.png"] = png
    return files


def _icons_source() -> Path:
    base = resources_dir()
    if base is None:
        raise DesktopEntryError(
            "The Reading List icons were not found in this installation; reinstall the package."
        )
    return base / "icons"


def _check_platform() -> None:
    if sys.platform.startswith(("win", "darwin", "cygwin")):
        raise DesktopEntryError(
            "Desktop entries are a Linux desktop feature; on Windows and macOS use the installer."
        )


def install_desktop_entry(
    data_home: str | os.PathLike[str] | None = None,
    command: list[str] | None = None,
    *,
    refresh_caches: bool = True,
) -> list[Path]:
    """Install the menu entry and icons for the current user; returns the files written.

    Running it again overwrites the same files (safe to repeat after an upgrade).
    """
    _check_platform()
    root = Path(data_home) if data_home is not None else xdg_data_home()
    icons = icon_files()
    if not icons:
        raise DesktopEntryError("The Reading List icons are missing from this installation.")
    text = desktop_entry(command if command is not None else launcher_command())
    apps = root / "applications"
    hicolor = root / "icons" / "hicolor"
    written: list[Path] = []
    try:
        for rel, src in icons.items():
            dest = hicolor / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(dest, src.read_bytes())
            written.append(dest)
        apps.mkdir(parents=True, exist_ok=True)
        desktop_file = apps / DESKTOP_FILENAME
        _atomic_write(desktop_file, text.encode("utf-8"))
        desktop_file.chmod(0o644)
        written.append(desktop_file)
    except OSError as err:
        where = err.filename or root
        raise DesktopEntryError(
            f"Could not install the desktop entry into {where}: {err.strerror or err}."
        ) from err
    if refresh_caches:
        _refresh_caches(apps, hicolor)
    return written


def uninstall_desktop_entry(
    data_home: str | os.PathLike[str] | None = None, *, refresh_caches: bool = True
) -> list[Path]:
    """Remove the menu entry and icons installed by :func:`install_desktop_entry`.

    Returns the files removed (empty when nothing was installed); other
    applications' files in the same folders are never touched.
    """
    _check_platform()
    root = Path(data_home) if data_home is not None else xdg_data_home()
    apps = root / "applications"
    hicolor = root / "icons" / "hicolor"
    targets = [apps / DESKTOP_FILENAME, hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"]
    targets += [hicolor / f"{s}x{s}" / "apps" / f"{ICON_NAME}.png" for s in PNG_SIZES]
    removed: list[Path] = []
    try:
        for path in targets:
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed.append(path)
    except OSError as err:
        raise DesktopEntryError(
            f"Could not remove {err.filename or root}: {err.strerror or err}."
        ) from err
    if removed and refresh_caches:
        _refresh_caches(apps, hicolor)
    return removed


def _atomic_write(dest: Path, data: bytes) -> None:
    tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink()


def _refresh_caches(apps: Path, hicolor: Path) -> None:
    """Tell the desktop about the change when its tools are present; never fails."""
    commands = []
    if apps.is_dir() and shutil.which("update-desktop-database"):
        commands.append(["update-desktop-database", "-q", str(apps)])
    if (hicolor / "index.theme").is_file() and shutil.which("gtk-update-icon-cache"):
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])
    for cmd in commands:
        try:
            subprocess.run(cmd, check=False, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            pass
