"""Entry script of the frozen (PyInstaller) Reading List: the ``readinglist`` binary.

The same binary runs the GUI when started with no sub-command and the CLI
with one, exactly like the pip-installed ``readinglist`` script: it only
prepares the process and hands over to ``readinglist.cli:main``.

Preparation:
- ``multiprocessing.freeze_support()`` first, so PDF worker processes spawned
  from the bundle run their task instead of starting a second app.
- ``--pdf-worker`` as the first argument makes this process a sandboxed PDF
  reader (``readinglist.importers.pdf_pool`` starts workers that way when
  frozen, since ``python -m`` is not available inside a bundle).
- A windowed Windows executable has no standard streams (``sys.stdout`` is
  None).  When run from a console with arguments, attach to the parent
  console so CLI output is visible; otherwise send output to the null device
  so a stray ``print`` can never crash the GUI.  (Linux and macOS keep their
  streams in windowed mode.)
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _attach_windows_console() -> bool:
    """Attach to the console of the process that started us (cmd, PowerShell)."""
    try:
        import ctypes

        attach_parent_process = -1
        if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            return False
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        if sys.stdin is None:
            sys.stdin = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115
        return True
    except Exception:  # no console to attach to, or no ctypes: stay silent
        return False


def _ensure_streams(attach_console: bool = True) -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    wants_console = attach_console and sys.platform == "win32" and len(sys.argv) > 1
    if wants_console and _attach_windows_console():
        return
    null = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = null
    if sys.stderr is None:
        sys.stderr = null


def main() -> int:
    multiprocessing.freeze_support()
    if len(sys.argv) > 1 and sys.argv[1] == "--pdf-worker":
        _ensure_streams(attach_console=False)  # a worker talks through its pipes only
        from readinglist.importers.pdf_worker import main as worker_main

        return worker_main(sys.argv[2:])
    _ensure_streams()
    from readinglist.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
