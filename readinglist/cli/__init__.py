"""The ``readinglist`` command: argparse front end, dispatch, error handling.

``main(argv)`` runs one command and returns its exit status; with no command
it opens the desktop app (``readinglist.ui.app.main``, imported lazily), and
``readinglist FILE...`` (existing files or folders, no command: the desktop
entry's "Open with") opens it and imports those PDFs, or hands them to the
window that already has the library.
Bad input gives one line on stderr and status 2; any unexpected exception is
logged with its traceback to ``paths.log_dir()/readinglist.log`` and
reported as one line.  Handlers live in ``imports``, ``commands`` and
``exports``; the argument definitions in ``parser``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from readinglist.cli.output import CliError, one_line
from readinglist.cli.parser import build_parser

__all__ = ["CliError", "build_parser", "gui_main", "main"]

PROG = "readinglist"


def _say_error(message: str) -> None:
    try:
        sys.stderr.write(f"{PROG}: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _log_crash(argv: Sequence[str] | None) -> str | None:
    """Append the current exception's traceback to the log; return the log path."""
    try:
        from readinglist import __version__, paths

        log_dir = paths.log_dir()
        log_dir.mkdir(parents=True, exist_ok=True)
        log_path = log_dir / "readinglist.log"
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with open(log_path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} readinglist {__version__} argv={list(argv or sys.argv[1:])!r}\n")
            fh.write(traceback.format_exc())
        return str(log_path)
    except Exception:  # logging must never hide the real problem
        return None


def _run_gui(library: str | None, files: Sequence[str] = ()) -> int:
    from readinglist.paths import resolve_library_path

    try:
        app = importlib.import_module("readinglist.ui.app")
    except ModuleNotFoundError as exc:
        if exc.name in ("readinglist.ui.app", "readinglist.ui"):
            raise CliError(
                "The desktop app is not part of this installation; "
                "use a command instead (see readinglist --help)."
            ) from exc
        raise CliError(
            f"The desktop app cannot start: the {exc.name} module is missing "
            "(reinstall Reading List, or use a command: see readinglist --help)."
        ) from exc
    launch = getattr(app, "main", None)
    if launch is None:
        raise CliError("The desktop app is not available yet; use a command (see --help).")
    if files:
        return int(launch(resolve_library_path(library), [Path(f) for f in files]) or 0)
    return int(launch(resolve_library_path(library)) or 0)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # argparse keeps sub-commands here
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _files_to_open(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str] | None:
    """The files of ``readinglist [--library L] FILE...`` ("Open with"), else None.

    None when the first word is a command (or an option argparse should see);
    a CliError when a word is neither a command nor an existing file/folder.
    """
    words: list[str] = []
    options_done = False
    i = 0
    while i < len(argv):
        word = argv[i]
        if options_done or not word.startswith("-") or word == "-":
            words.append(word)
        elif word == "--":
            options_done = True
        elif word == "--library":
            i += 1
        elif not word.startswith("--library="):
            return None  # --help, --version, ...: argparse decides
        i += 1
    if not words or words[0] in _command_names(parser):
        return None
    missing = [w for w in words if not Path(w).exists()]
    if missing:
        if len(words) == 1 and not any(c in words[0] for c in "/\\."):
            raise CliError(f"unknown command {words[0]!r} (see {PROG} --help)")
        raise CliError(
            f"{missing[0]!r} is neither a command nor an existing file or folder "
            f"(see {PROG} --help)"
        )
    return words


def _desktop_entry(install: bool) -> int:
    try:
        desktop = importlib.import_module("readinglist.desktop")
    except ModuleNotFoundError as exc:
        raise CliError("Desktop integration is not part of this installation.") from exc
    known = getattr(desktop, "DesktopEntryError", None)
    try:
        if install:
            files = desktop.install_desktop_entry()
        else:
            files = desktop.uninstall_desktop_entry()
    except Exception as exc:
        if known is not None and isinstance(exc, known):
            raise CliError(str(exc)) from exc
        raise
    files = list(files or [])
    if install:
        entry = next((f for f in files if str(f).endswith(".desktop")), None)
        print("Installed the application-menu entry" + (f" ({entry})." if entry else "."))
    elif files:
        print(f"Removed the application-menu entry ({len(files)} files).")
    else:
        print("No application-menu entry was installed.")
    return 0


def _dispatch(args: argparse.Namespace, files: Sequence[str] = ()) -> int:
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        if args.install_desktop_entry and args.uninstall_desktop_entry:
            raise CliError("Use either --install-desktop-entry or --uninstall-desktop-entry.")
        return _desktop_entry(bool(args.install_desktop_entry))
    if not args.command:
        return _run_gui(args.library, files)
    module_name, func_name = args.handler.split(":")
    module = importlib.import_module(f"readinglist.cli.{module_name}")
    return int(getattr(module, func_name)(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``readinglist`` command line; returns the exit status."""
    parser = build_parser()
    words = list(argv) if argv is not None else sys.argv[1:]
    try:
        files = _files_to_open(parser, words)
    except CliError as exc:
        _say_error(str(exc))
        return exc.status
    if files is not None:  # "Open with Reading List": readinglist FILE...
        library = _library_from(words)
        words = ["--library", library] if library is not None else []
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version, usage errors
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    logging.basicConfig(level=logging.WARNING, format=f"{PROG}: %(message)s")
    for stream in (sys.stdout, sys.stderr):
        try:  # a console that cannot show "★" or "…" gets "?" rather than a crash
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    try:
        return _dispatch(args, files or ())
    except CliError as exc:
        _say_error(str(exc))
        return exc.status
    except KeyboardInterrupt:
        _say_error("Interrupted.")
        return 130
    except BrokenPipeError:
        # the reader went away (`readinglist list | head`): not an error
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except Exception as exc:
        known = _known_error(exc)
        if known is not None:
            _say_error(known)
            return 2
        log = _log_crash(argv)
        detail = one_line(f"{type(exc).__name__}: {exc}")[:300]
        where = f" (details in {log})" if log else ""
        _say_error(f"Unexpected error: {detail}{where}")
        return 1


def _library_from(argv: Sequence[str]) -> str | None:
    library = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--library" and i + 1 < len(argv):
            library = argv[i + 1]
        elif word.startswith("--library="):
            library = word.partition("=")[2]
    return library


def _known_error(exc: Exception) -> str | None:
    """The message of an error that is the user's input, not a bug."""
    modules = sys.modules
    lib_errors = modules.get("readinglist.library.errors")
    if lib_errors is not None and isinstance(exc, lib_errors.LibraryError):
        return str(exc) or type(exc).__name__
    exp = modules.get("readinglist.exporters.common")
    if exp is not None and isinstance(exc, exp.ExportError):
        return str(exc)
    return None


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``readinglist-gui`` launcher (no console window)."""
    return main(argv)
