"""Packaging smoke test: does the installed app start and work? (Linux, run by CI after `make test`.)

Builds the bundle and the .deb (unless --no-build), unpacks the .deb into a
temporary root with ``dpkg-deb -x`` and checks, as a user would find it:
the file layout (launcher on PATH, desktop entry, icons, AppStream metadata),
that no unused Qt module (QtWebEngine, Qt3D, QtMultimedia, QML/Quick) or
tkinter/numpy is bundled, the unpacked size, that dpkg installs and removes the
package (into a private root and database) and apt can resolve its dependencies,
then runs the bundled binary
headless (QT_QPA_PLATFORM=offscreen, a temporary HOME and XDG folders, so the
default library is created where a first start on a new machine puts it):
``--version``, ``parse`` and ``import-text`` of a seed listing, ``list --json``,
``import-pdf`` of a sample PDF (PyMuPDF and its worker processes inside the
bundle), ``--install-desktop-entry`` / ``--uninstall-desktop-entry``, and the
GUI, which must open its window and exit with status 0 when
``READINGLIST_SMOKE_QUIT_MS`` is set.

Usage: python packaging/smoke_test.py [--no-build] [--deb FILE] [--keep]
Exit status 0 when every check passed (WARN and SKIP do not fail), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readinglist import __version__  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_73145fa7ce40fc4f.txt"
PDF_DIR = ROOT.parent / "shared" / "fixtures" / "pdfs"
SIZE_TARGET_MB = 150
COMMAND_TIMEOUT = 180  # seconds; generous: CI machines are small and shared
GUI_QUIT_MS = 1500
GUI_PDF_QUIT_MS = 8000
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
UNWANTED = re.compile(
    r"(QtWebEngine|Qt6WebEngine|Qt3D|Qt63D|QtMultimedia|Qt6Multimedia|QtQuick|Qt6Quick"
    r"|QtQml|Qt6Qml|tkinter|libtk|libtcl|numpy)",
    re.IGNORECASE,
)


@dataclass
class Report:
    results: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, status: str, name: str, detail: str = "") -> None:
        self.results.append((status, name, detail))
        line = f"[{status:4}] {name}"
        print(line + (f": {detail}" if detail else ""), flush=True)

    def check(self, ok: bool, name: str, detail: str = "") -> bool:
        self.add("PASS" if ok else "FAIL", name, detail)
        return ok

    @property
    def failed(self) -> int:
        return sum(1 for status, _, _ in self.results if status == "FAIL")


@dataclass
class Run:
    code: int | None  # None: timed out
    out: str
    err: str
    seconds: float

    def summary(self) -> str:
        if self.code is None:
            return f"timed out after {self.seconds:.0f} s"
        lines = [ln for ln in (self.err or self.out).strip().splitlines() if ln.strip()]
        tail = lines[-1] if lines else ""
        return f"exit {self.code} after {self.seconds:.1f} s" + (f": {tail[:200]}" if tail else "")


def run(cmd: list[str], env: dict[str, str], timeout: float = COMMAND_TIMEOUT) -> Run:
    start = time.monotonic()
    try:
        proc = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        return Run(None, out, err, time.monotonic() - start)
    return Run(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def no_traceback(r: Run) -> bool:
    return "Traceback (most recent call last)" not in r.err + r.out


def build(report: Report) -> bool:
    start = time.monotonic()
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build.sh")], cwd=ROOT)
    return report.check(
        proc.returncode == 0, "build bundle and .deb", f"{time.monotonic() - start:.0f} s"
    )


def find_deb(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    debs = sorted((ROOT / "dist").glob(f"readinglist_{__version__}_*.deb"))
    return debs[-1] if debs else None


def dir_size_mb(path: Path) -> float:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1024 * 1024)


def check_layout(report: Report, root: Path) -> Path | None:
    binary = root / "opt" / "readinglist" / "readinglist"
    if not report.check(os.access(binary, os.X_OK), "bundle binary /opt/readinglist/readinglist"):
        return None
    launcher = root / "usr" / "bin" / "readinglist"
    ok = launcher.is_symlink() and launcher.resolve() == binary.resolve()
    report.check(ok, "launcher /usr/bin/readinglist points at the bundle")
    desktop = root / "usr" / "share" / "applications" / "readinglist.desktop"
    if report.check(desktop.is_file(), "desktop entry installed"):
        text = desktop.read_text(encoding="utf-8")
        report.check(
            "MimeType=application/pdf;" in text and "Exec=readinglist %F" in text,
            "desktop entry opens PDFs with the readinglist launcher",
        )
        if shutil.which("desktop-file-validate"):
            r = run(["desktop-file-validate", str(desktop)], os.environ.copy())
            report.check(r.code == 0 and not r.out.strip(), "desktop-file-validate", r.out.strip())
        else:
            report.add(
                "SKIP",
                "desktop-file-validate",
                "not installed (apt-get install desktop-file-utils)",
            )
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    missing = [
        f"{s}x{s}"
        for s in PNG_SIZES
        if not (hicolor / f"{s}x{s}" / "apps" / "readinglist.png").is_file()
    ]
    if not (hicolor / "scalable" / "apps" / "readinglist.svg").is_file():
        missing.append("scalable")
    report.check(
        not missing,
        "hicolor icons (SVG + PNG sizes)",
        ", ".join(missing) and f"missing {', '.join(missing)}",
    )
    metainfo = sorted((root / "usr" / "share" / "metainfo").glob("*.metainfo.xml"))
    if report.check(bool(metainfo), "AppStream metainfo installed"):
        try:
            ET.parse(metainfo[0])
            report.check(True, "metainfo is well-formed XML")
        except ET.ParseError as err:
            report.check(False, "metainfo is well-formed XML", str(err))
        if shutil.which("appstreamcli"):
            r = run(["appstreamcli", "validate", "--no-net", str(metainfo[0])], os.environ.copy())
            report.check(r.code == 0, "appstreamcli validate", r.summary())
        else:
            report.add("SKIP", "appstreamcli validate", "not installed")
    bundle = binary.parent
    unwanted = sorted({p.name for p in bundle.rglob("*") if UNWANTED.search(p.name)})
    report.check(
        not unwanted,
        "no QtWebEngine/Qt3D/Multimedia/QML/tkinter/numpy in bundle",
        ", ".join(unwanted[:8]),
    )
    size = dir_size_mb(bundle)
    status = "PASS" if size < SIZE_TARGET_MB else "WARN"
    report.add(status, "bundle size", f"{size:.0f} MB unpacked (target under {SIZE_TARGET_MB} MB)")
    return launcher


def check_dpkg(report: Report, deb: Path, tmp: Path) -> None:
    """dpkg installs and removes the package (private database and root, no real system change)."""
    admin, inst = tmp / "dpkg-admin", tmp / "dpkg-root"
    for d in (admin / "updates", admin / "info", inst):
        d.mkdir(parents=True, exist_ok=True)
    for name in ("status", "available"):
        (admin / name).touch()
    base = ["dpkg", f"--admindir={admin}", f"--instdir={inst}", "--force-not-root"]
    base += ["--force-script-chrootless", "--force-depends"]
    env = os.environ.copy()
    r = run([*base, "-i", str(deb)], env)
    installed = (inst / "usr" / "share" / "applications" / "readinglist.desktop").is_file()
    report.check(r.code == 0 and installed, "dpkg installs the package", r.summary())
    r = run([*base, "-r", "readinglist"], env)
    left = [p for p in inst.rglob("*") if p.is_file() or p.is_symlink()]
    report.check(r.code == 0 and not left, "dpkg removes every file again", f"{len(left)} left")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        r = run(["apt-get", "install", "-s", "-q", "--no-install-recommends", str(deb)], env)
        name = "apt can resolve the package's dependencies"
        if r.code == 0:
            report.add("PASS", name)
        else:
            report.add("WARN", name, r.summary())
    else:
        report.add("SKIP", "apt dependency check", "needs root and apt-get")


def headless_env(tmp: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("READINGLIST_", "PYTHON", "QT_"))
    }
    env.pop("VIRTUAL_ENV", None)
    home = tmp / "user-home"
    runtime = tmp / "runtime"
    for d in (home, runtime):
        d.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
        PATH="/usr/bin:/bin",
    )
    return env


def parse_json(text: str) -> object | None:
    try:
        return json.loads(text)
    except ValueError:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        try:
            return [json.loads(ln) for ln in lines]  # JSON lines
        except ValueError:
            return None


def count_items(data: object) -> int:
    if isinstance(data, list):
        return len(data)
    if isinstance(data, dict):
        for value in data.values():
            if isinstance(value, list):
                return len(value)
    return 0


def check_cli(report: Report, exe: Path, env: dict[str, str]) -> None:
    r = run([str(exe), "--version"], env)
    report.check(
        r.code == 0 and __version__ in r.out,
        "--version prints the version on stdout",
        r.summary() if r.code else r.out.strip(),
    )
    r = run([str(exe), "parse", str(SEED), "--json"], env)
    data = parse_json(r.out) if r.code == 0 else None
    n = len(data.get("entries", [])) if isinstance(data, dict) else 0
    report.check(
        n > 0 and no_traceback(r), "parse a seed listing", f"{n} entries" if n else r.summary()
    )
    r = run([str(exe), "import-text", str(SEED)], env)
    report.check(r.code == 0 and no_traceback(r), "import-text a seed listing", r.summary())
    library = Path(env["XDG_DATA_HOME"]) / "readinglist" / "library.sqlite"
    report.check(
        library.is_file(), "first start creates the library in the user data folder", str(library)
    )
    r = run([str(exe), "list", "--json"], env)
    n = count_items(parse_json(r.out)) if r.code == 0 else 0
    report.check(
        n > 0, "list --json shows the imported papers", f"{n} papers" if n else r.summary()
    )
    pdfs = sorted(PDF_DIR.glob("*.pdf")) if PDF_DIR.is_dir() else []
    if pdfs:
        r = run([str(exe), "import-pdf", str(pdfs[0]), "--json"], env)
        data = parse_json(r.out) if r.code == 0 else None
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        statuses = [i.get("status") for i in items if isinstance(i, dict)]
        ok = bool(statuses) and all(s in {"added", "merged", "duplicate"} for s in statuses)
        report.check(
            ok,
            f"import-pdf {pdfs[0].name} (PyMuPDF in the bundle)",
            ", ".join(map(str, statuses)) or r.summary(),
        )
    else:
        report.add("SKIP", "import-pdf", f"no sample PDFs in {PDF_DIR}")
    blocker = Path(env["HOME"]) / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    bad_env = dict(env, READINGLIST_HOME=str(blocker / "data"))
    r = run([str(exe), "import-text", str(SEED)], bad_env)
    ok = r.code == 2 and no_traceback(r) and str(blocker) in r.err
    report.check(ok, "unusable data folder gives a one-line message", r.summary())
    data_home = Path(env["XDG_DATA_HOME"])
    desktop = data_home / "applications" / "readinglist.desktop"
    r = run([str(exe), "--install-desktop-entry"], env)
    ok = (
        r.code == 0
        and desktop.is_file()
        and (data_home / "icons/hicolor/48x48/apps/readinglist.png").is_file()
    )
    report.check(ok, "--install-desktop-entry into ~/.local/share", r.summary())
    if ok:
        text = desktop.read_text(encoding="utf-8")
        report.check(
            "/opt/readinglist/readinglist" in text,
            "installed entry runs the bundle",
            next((ln for ln in text.splitlines() if ln.startswith("Exec=")), ""),
        )
    r = run([str(exe), "--uninstall-desktop-entry"], env)
    report.check(
        r.code == 0 and not desktop.exists(), "--uninstall-desktop-entry removes it", r.summary()
    )


def check_gui(report: Report, exe: Path, env: dict[str, str]) -> None:
    # READINGLIST_REPORT_READY: the app prints "ready <rows>" once the window shows its rows.
    gui_env = dict(env, READINGLIST_SMOKE_QUIT_MS=str(GUI_QUIT_MS), READINGLIST_REPORT_READY="1")
    r = run([str(exe)], gui_env, timeout=COMMAND_TIMEOUT)
    ready = next((ln for ln in r.out.splitlines() if ln.startswith("ready")), "")
    if r.code is None:
        report.check(
            False,
            "GUI opens and quits",
            "still running: does readinglist.ui.app.main honour READINGLIST_SMOKE_QUIT_MS?",
        )
    else:
        detail = f"{r.summary()}; window reported '{ready}'" if ready else r.summary()
        report.check(
            r.code == 0 and no_traceback(r), "GUI opens its window and exits cleanly", detail
        )
    pdfs = sorted(PDF_DIR.glob("*.pdf")) if PDF_DIR.is_dir() else []
    if pdfs:
        # Like a user who opens a PDF with the app: the window stays open until the import
        # has had time to finish (PDF workers start as separate bundle processes), then the
        # paper must be in the library.
        before = count_items(parse_json(run([str(exe), "list", "--json"], env).out))
        pdf_env = dict(gui_env, READINGLIST_SMOKE_QUIT_MS=str(GUI_PDF_QUIT_MS))
        r = run([str(exe), str(pdfs[-1])], pdf_env, timeout=COMMAND_TIMEOUT)
        name = "GUI started with a PDF (desktop 'Open with')"
        if r.code == 2 and "invalid choice" in r.err:
            report.add(
                "WARN", name, "not implemented yet: `readinglist FILE.pdf` is refused by the CLI"
            )
        elif report.check(r.code == 0 and no_traceback(r), name, r.summary()):
            after = count_items(parse_json(run([str(exe), "list", "--json"], env).out))
            expected = before + (1 if len(pdfs) > 1 else 0)  # pdfs[0] went in through the CLI
            report.check(
                after == expected, "the opened PDF is in the library", f"{before} -> {after}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the .deb already in dist/")
    parser.add_argument(
        "--deb", help="the .deb to test (default: dist/readinglist_<version>_*.deb)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the unpacked tree")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("smoke_test: the packaging smoke test runs on Linux only", file=sys.stderr)
        return 2
    if not shutil.which("dpkg-deb"):
        print("smoke_test: dpkg-deb is needed", file=sys.stderr)
        return 2
    report = Report()
    started = time.monotonic()
    if not args.no_build and not build(report):
        return 1
    deb = find_deb(args.deb)
    if deb is None or not deb.is_file():
        print(f"smoke_test: no .deb found in {ROOT / 'dist'} (run make package)", file=sys.stderr)
        return 2
    report.add("INFO", "package", f"{deb.name}, {deb.stat().st_size / 2**20:.0f} MB")
    tmp = Path(tempfile.mkdtemp(prefix="readinglist-smoke-"))
    try:
        root = tmp / "root"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        exe = check_layout(report, root)
        check_dpkg(report, deb, tmp)
        if exe is not None:
            env = headless_env(tmp)
            check_cli(report, exe, env)
            check_gui(report, exe, env)
    finally:
        if args.keep:
            print(f"smoke_test: unpacked tree kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(f"smoke_test: {len(report.results)} checks in {elapsed:.0f} s")
    passed = len(report.results) - report.failed
    print(f"smoke: {passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
