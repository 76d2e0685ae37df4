"""Notes as a folder of Markdown files, safe to export again and again.

``export_notes(papers, DIR)`` writes one ``<citekey>.md`` per paper (see
``markdown.render_note``) and, with ``wikilinks``, an index note per author
(``authors/<name>.md``) and per topic (``topics/<name>.md``).

Re-export safety: ``DIR/.readinglist-export.json`` (the manifest) records
every file this exporter wrote with the sha256 of what it wrote and the paper
it belongs to.  On the next export a file is

* rewritten if it is unchanged since it was written (``updated``, or
  ``unchanged`` when the new text is the same);
* left alone and reported (``modified``) if it was changed by hand since,
  unless ``force``;
* left alone and reported (``conflicts``) if a file of that name exists that
  this exporter never wrote, unless ``force``.

A paper keeps its file name across exports even if its citation key changes
later.  Every file is written to a temporary name and renamed; the manifest
is saved after the run (also when cancelled, so what was written is known).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readinglist import __version__
from readinglist.exporters.citekeys import citekeys, suffix
from readinglist.exporters.common import (
    CancelFn,
    ExportError,
    ProgressFn,
    Ticker,
    author_names,
    title_of,
)
from readinglist.exporters.markdown import dump_yaml, md_text, render_note, wikilink
from readinglist.exporters.safefile import atomic_write, ensure_dir, inside, safe_filename
from readinglist.library.types import PaperDetail

MANIFEST = ".readinglist-export.json"
MANIFEST_VERSION = 1
AUTHORS_DIR = "authors"
_LINK_UNSAFE = str.maketrans({c: "_" for c in "#^[]|"})
TOPICS_DIR = "topics"


@dataclass
class NotesExportResult:
    """What a notes export did; paths are relative to ``directory``."""

    directory: Path
    total: int = 0  # papers asked for
    written: list[str] = field(default_factory=list)  # new files
    updated: list[str] = field(default_factory=list)  # rewritten with new content
    unchanged: list[str] = field(default_factory=list)  # same content as before
    modified: list[str] = field(default_factory=list)  # changed by hand: skipped
    conflicts: list[str] = field(default_factory=list)  # not ours: skipped
    overwritten: list[str] = field(default_factory=list)  # changed by hand, but --force
    index_notes: int = 0
    cancelled: bool = False

    @property
    def skipped(self) -> list[str]:
        return self.modified + self.conflicts

    def summary(self) -> str:
        """One line for a person: where the notes went and how many."""
        parts = [f"{len(self.written)} new", f"{len(self.updated)} updated"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        if self.overwritten:
            parts.append(f"{len(self.overwritten)} overwritten")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped (changed by hand)")
        head = "Export stopped" if self.cancelled else "Exported notes"
        return f"{head} to {self.directory}: " + ", ".join(parts) + "."


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def load_manifest(directory: Path) -> dict[str, dict[str, Any]]:
    """The files a previous export wrote: relative path -> {sha256, paper_id, kind}."""
    path = directory / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, UnicodeDecodeError):
        # an unreadable manifest must not make us overwrite anything: treat
        # every existing file as "not ours" (reported, kept)
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        str(k): v
        for k, v in files.items()
        if isinstance(v, dict) and isinstance(v.get("sha256"), str) and _plain_relative(str(k))
    }


def _plain_relative(rel: str) -> bool:
    """A manifest entry we would have written: a relative path with no tricks."""
    parts = rel.split("/")
    return (
        not rel.startswith("/") and "\\" not in rel and all(p not in ("", ".", "..") for p in parts)
    )


def _save_manifest(directory: Path, files: dict[str, dict[str, Any]]) -> None:
    data = {
        "version": MANIFEST_VERSION,
        "generator": f"Reading List {__version__}",
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": dict(sorted(files.items())),
    }
    # one file per line: readable, and fast (json's indent mode is pure Python)
    head = json.dumps({k: v for k, v in data.items() if k != "files"}, ensure_ascii=False)
    rows = [
        f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(info, ensure_ascii=False)}"
        for name, info in data["files"].items()
    ]
    body = "{\n" + ",\n".join(rows) + "\n }" if rows else "{}"
    text = head[:-1] + (", " if len(head) > 2 else "") + f'"files": {body}}}\n'

    atomic_write(directory / MANIFEST, text.encode("utf-8"), durable=True)


class _Namer:
    """File names: manifest names kept per paper, new names never clash."""

    def __init__(self, manifest: dict[str, dict[str, Any]]) -> None:
        self.by_paper: dict[int, str] = {}
        self.owner: dict[str, Any] = {}
        for rel, info in manifest.items():
            pid = info.get("paper_id")
            self.owner[rel.casefold()] = pid if pid is not None else rel
            if isinstance(pid, int) and info.get("kind", "paper") == "paper":
                self.by_paper.setdefault(pid, rel)

    def paper(self, pid: int, stem: str) -> str:
        if pid in self.by_paper:
            return self.by_paper[pid]
        n = 0
        while True:
            rel = f"{safe_filename(stem + suffix(n), fallback=f'paper{pid}')}.md"
            if self.owner.get(rel.casefold(), pid) == pid:
                break
            n += 1
        self.owner[rel.casefold()] = pid
        self.by_paper[pid] = rel
        return rel


class _IndexNames:
    """Portable, case-insensitively unique file stems for author/topic notes."""

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}
        self._used: set[str] = set()

    def stem(self, name: str) -> str:
        if name in self._stems:
            return self._stems[name]
        # Obsidian reads # ^ [ ] | in a link target as link syntax
        base = safe_filename(name.translate(_LINK_UNSAFE))
        stem, n = base, 1
        while stem.casefold() in self._used:
            n += 1
            stem = f"{base} ({n})"
        self._used.add(stem.casefold())
        self._stems[name] = stem
        return stem


def export_notes(
    papers: Sequence[PaperDetail],
    directory: str | os.PathLike[str],
    *,
    force: bool = False,
    wikilinks: bool = False,
    index_notes: bool | None = None,
    include_abstract: bool = True,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> NotesExportResult:
    """Write one Markdown note per paper into ``directory`` (see the module docstring).

    Cancelling stops after the current file; what was written stays and is
    recorded.  Raises ExportError (one sentence) if the folder cannot be
    written; no half-written file is left.
    """
    root = ensure_dir(Path(directory).expanduser())
    with_index = wikilinks if index_notes is None else index_notes
    manifest = load_manifest(root)
    result = NotesExportResult(directory=root, total=len(papers))
    keys = citekeys(papers)
    namer = _Namer(manifest)
    authors = _IndexNames()
    topics = _IndexNames()
    author_link = (lambda name: authors.stem(name)) if wikilinks else None
    topic_link = (lambda name: topics.stem(name)) if wikilinks else None
    by_author: dict[str, list[tuple[PaperDetail, str]]] = defaultdict(list)
    by_topic: dict[str, list[tuple[PaperDetail, str]]] = defaultdict(list)
    ticker = Ticker(len(papers), progress, cancel)
    try:
        for done, paper in enumerate(papers):
            if ticker.cancelled():
                result.cancelled = True
                break
            key = keys[paper.id]
            rel = namer.paper(paper.id, key)
            text = render_note(
                paper,
                key,
                include_abstract=include_abstract,
                author_link=author_link,
                topic_link=topic_link,
            )
            _write(
                root, rel, text, {"paper_id": paper.id, "kind": "paper"}, manifest, force, result
            )
            if with_index:
                stem = rel[:-3]
                for name in author_names(paper):
                    by_author[name].append((paper, stem))
                for code, name in paper.topics:
                    by_topic[name or code].append((paper, stem))
            ticker.tick(done + 1)
        if with_index and not result.cancelled:
            for folder, groups, names, kind in (
                (AUTHORS_DIR, by_author, authors, "author"),
                (TOPICS_DIR, by_topic, topics, "topic"),
            ):
                if groups:
                    ensure_dir(root / folder)
                for name, items in groups.items():
                    rel = f"{folder}/{names.stem(name)}.md"
                    text = _index_note(kind, name, items)
                    _write(root, rel, text, {"kind": kind}, manifest, force, result)
                    result.index_notes += 1
    except BaseException:
        try:  # record what did get written; the first error is the one to report
            _save_manifest(root, manifest)
        except ExportError:
            pass
        raise
    _save_manifest(root, manifest)
    return result


def _write(
    root: Path,
    rel: str,
    text: str,
    info: dict[str, Any],
    manifest: dict[str, dict[str, Any]],
    force: bool,
    result: NotesExportResult,
) -> None:
    data = text.encode("utf-8", "replace")
    new_sha = sha256_bytes(data)
    path = inside(root, rel)
    on_disk = _file_sha(path)
    known = manifest.get(rel)
    outcome = "written"
    if on_disk is not None:
        if on_disk == new_sha:  # already exactly what we would write: nothing to lose
            result.unchanged.append(rel)
            manifest[rel] = {"sha256": new_sha, **info}
            return
        if known is None:
            if not force:
                result.conflicts.append(rel)
                return
            outcome = "overwritten"
        elif on_disk != known["sha256"]:
            if not force:
                result.modified.append(rel)
                return
            outcome = "overwritten"
        else:
            outcome = "updated"
    atomic_write(path, data)
    manifest[rel] = {"sha256": new_sha, **info}
    getattr(result, outcome).append(rel)


def _index_note(kind: str, name: str, items: list[tuple[PaperDetail, str]]) -> str:
    """An author's or a topic's note: a list of links to its papers' notes."""
    meta = {"type": kind, "name": name, "papers": len(items)}
    lines = ["---", dump_yaml(meta).rstrip("\n"), "---", "", f"# {md_text(name)}", ""]
    ordered = sorted(items, key=lambda it: (-(it[0].year or 0), title_of(it[0]).casefold()))
    for paper, stem in ordered:
        year = f" ({paper.year})" if paper.year else ""
        lines.append(f"- {wikilink(stem, title_of(paper))}{year} · {paper.status}")
    return "\n".join(lines) + "\n"
