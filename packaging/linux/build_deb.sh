#!/usr/bin/env bash
# Wrap the PyInstaller bundle (dist/readinglist/) into a Debian package, offline, with dpkg-deb.
#
#   /opt/readinglist/                    the bundle (binary + _internal/)
#   /usr/bin/readinglist                 symlink to the bundle's binary (GUI with no arguments)
#   /usr/share/applications/readinglist.desktop     menu entry, "Open with" for PDFs
#   /usr/share/icons/hicolor/*/apps/readinglist.*   SVG plus PNG sizes
#   /usr/share/metainfo/*.metainfo.xml   AppStream metadata
#   /usr/share/doc/readinglist/copyright licence (GNU AGPL v3 or later)
#
# Depends: the system libraries the bundle does not carry (packaging/linux/system-libs.txt).
# Usage: packaging/linux/build_deb.sh [BUNDLE_DIR] [OUT_DIR]   (defaults: dist/readinglist dist)
# Menu and icon caches are refreshed by dpkg triggers of desktop-file-utils and
# hicolor-icon-theme, so the package needs no maintainer scripts.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="${1:-$ROOT/dist/readinglist}"
OUT="${2:-$ROOT/dist}"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=python3

die() { echo "build_deb: $*" >&2; exit 2; }

[ -x "$BUNDLE/readinglist" ] || die "no bundle at $BUNDLE (run the PyInstaller step first: make package)"
command -v dpkg-deb >/dev/null || die "dpkg-deb is not installed (apt-get install dpkg)"

VERSION="$(cd "$ROOT" && "$PY" -c 'import readinglist; print(readinglist.__version__)')"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
PKG="readinglist_${VERSION}_${ARCH}"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/readinglist-deb.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
R="$STAGE/root"

install -d "$R/opt" "$R/usr/bin" "$R/usr/share/applications" "$R/usr/share/metainfo" \
    "$R/usr/share/doc/readinglist" "$R/DEBIAN"
cp -a "$BUNDLE" "$R/opt/readinglist"
# Relative, so the link also works in an unpacked tree (dpkg-deb -x) and under any prefix.
ln -s ../../opt/readinglist/readinglist "$R/usr/bin/readinglist"

install -m 644 "$ROOT/packaging/linux/readinglist.desktop" "$R/usr/share/applications/readinglist.desktop"
install -m 644 "$ROOT"/packaging/linux/*.metainfo.xml "$R/usr/share/metainfo/"

ICONS="$ROOT/resources/icons"
install -D -m 644 "$ICONS/readinglist.svg" "$R/usr/share/icons/hicolor/scalable/apps/readinglist.svg"
for png in "$ICONS"/readinglist-*.png; do
    size="$(basename "$png" .png)"; size="${size#readinglist-}"
    install -D -m 644 "$png" "$R/usr/share/icons/hicolor/${size}x${size}/apps/readinglist.png"
done

{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: readinglist"
    echo
    echo "Files: *"
    echo "Copyright: Reading List developers"
    echo "License: AGPL-3.0-or-later"
    echo
    echo "Files: opt/readinglist/_internal/*"
    echo "Copyright: the respective authors of Python, Qt/PySide6, MuPDF/PyMuPDF, SQLAlchemy,"
    echo " SQLModel, pydantic, RapidFuzz, bibtexparser, PyYAML, appdirs and their dependencies"
    echo "License: various free software licences (see each component's metadata)"
    echo
    echo "License: AGPL-3.0-or-later"
    sed -e 's/^$/./' -e 's/^/ /' "$ROOT/LICENSE"
} > "$R/usr/share/doc/readinglist/copyright"
chmod 644 "$R/usr/share/doc/readinglist/copyright"

# Normalise permissions: directories 755, files 644 unless executable.
find "$R" -type d -exec chmod 755 {} +
find "$R" -type f ! -perm -u+x -exec chmod 644 {} +
find "$R" -type f -perm -u+x -exec chmod 755 {} +

# Libraries the bundle takes from the system (see system-libs.txt), in listed order, once each.
SYSTEM_DEPENDS="$(grep -v '^#' "$ROOT/packaging/linux/system-libs.txt" | awk 'NF > 1 {
    $1 = ""; sub(/^ +/, ""); if (!seen[$0]++) printf ", %s", $0 }')"

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$R" | cut -f1)"
cat > "$R/DEBIAN/control" <<EOF
Package: readinglist
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: Reading List developers <readinglist@users.noreply.github.com>
Installed-Size: ${INSTALLED_KB}
Section: science
Priority: optional
Depends: libc6 (>= 2.36), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1${SYSTEM_DEPENDS}
Recommends: hicolor-icon-theme, desktop-file-utils, shared-mime-info, fonts-dejavu-core
Description: reading-list manager for research papers
 Reading List keeps a local library of research papers: paste a listing
 copied from a web page (an author profile, an arXiv listing, search
 results, BibTeX, a list of ids) or drop PDFs, and it makes clean entries
 with a duplicate check. Tags, Markdown notes, a reading queue, author and
 topic pages, and Markdown/BibTeX export. Offline and account-free.
EOF

mkdir -p "$OUT"
DEB="$OUT/${PKG}.deb"
dpkg-deb --root-owner-group -Zzstd -z3 --build "$R" "$DEB" >/dev/null
echo "build_deb: wrote $DEB ($(du -h "$DEB" | cut -f1), installed size $((INSTALLED_KB / 1024)) MB)"
