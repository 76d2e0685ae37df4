#!/usr/bin/env bash
# `make package` on Linux: the PyInstaller bundle (dist/readinglist/) and the .deb (dist/*.deb).
#
# Validates the desktop entry (desktop-file-validate) and the AppStream metadata
# (appstreamcli) when those tools are present; as root with apt-get available they are
# installed if missing, otherwise validation is skipped with a message.
# Env: PYTHON (default .venv/bin/python), PACKAGE_CLEAN=1 for a clean PyInstaller build.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
cd "$ROOT"

ensure_tool() {  # ensure_tool COMMAND DEBIAN_PACKAGE -> 0 if the command is available
    command -v "$1" >/dev/null && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "package: installing $2 for $1"
        { apt-get install -y -q "$2" || { apt-get update -q && apt-get install -y -q "$2"; }; } \
            >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null && return 0
    echo "package: $1 is not installed (apt-get install $2); skipping that validation"
    return 1
}

"$PY" -c "import PyInstaller" 2>/dev/null || {
    echo "package: PyInstaller is missing: run  $PY -m pip install -e '.[package]'" >&2
    exit 2
}

if ensure_tool desktop-file-validate desktop-file-utils; then
    desktop-file-validate packaging/linux/readinglist.desktop
    echo "package: desktop entry valid"
fi
if ensure_tool appstreamcli appstream; then
    appstreamcli validate --no-net --explain packaging/linux/*.metainfo.xml >/dev/null \
        || { appstreamcli validate --no-net packaging/linux/*.metainfo.xml; exit 1; }
    echo "package: AppStream metadata valid"
fi

t0=$(date +%s)
clean=()
[ "${PACKAGE_CLEAN:-0}" = 1 ] && clean=(--clean)
set +e
"$PY" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
    "$ROOT/packaging/readinglist.spec" 2>&1 | grep -v "WARNING: Library not found"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ] || [ ! -x dist/readinglist/readinglist ]; then
    echo "package: PyInstaller failed (exit status $rc)" >&2
    exit 1
fi
t1=$(date +%s)
packaging/linux/build_deb.sh "$ROOT/dist/readinglist" "$ROOT/dist"
t2=$(date +%s)

size_mb=$(( $(du -sk dist/readinglist | cut -f1) / 1024 ))
echo "package: bundle dist/readinglist is ${size_mb} MB unpacked (target under 150 MB)"
echo "package: build time $((t1 - t0)) s PyInstaller + $((t2 - t1)) s .deb = $((t2 - t0)) s"
