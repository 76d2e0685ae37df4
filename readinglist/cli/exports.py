"""Commands that take papers out: export-notes (a folder of Markdown notes)
and export (BibTeX, RIS, CSL-JSON or one Markdown digest)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from readinglist.cli.access import fetch_details, open_library, query_from_args
from readinglist.cli.output import CliError, print_json


def _selected(args: Any) -> list[Any]:
    query = query_from_args(args)
    with open_library(args) as lib:
        ids = lib.query_ids(query)
        return fetch_details(lib, ids)


def cmd_export_notes(args: Any) -> int:
    from readinglist.exporters.notes import export_notes

    papers = _selected(args)
    result = export_notes(
        papers,
        Path(args.dir).expanduser(),
        force=args.force,
        wikilinks=args.wikilinks,
        include_abstract=not args.no_abstract,
    )
    if args.json:
        print_json(
            {
                "directory": str(result.directory),
                "papers": result.total,
                "written": result.written,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "overwritten": result.overwritten,
                "modified": result.modified,
                "conflicts": result.conflicts,
                "index_notes": result.index_notes,
            }
        )
    else:
        if not papers:
            print("No papers match: nothing exported.")
        print(result.summary())
        for rel in result.modified:
            print(f"kept (changed by hand since the last export): {rel}")
        for rel in result.conflicts:
            print(f"kept (not written by Reading List): {rel}")
        if result.skipped:
            print("Use --force to overwrite them.")
    return 1 if result.skipped else 0


def cmd_export(args: Any) -> int:
    from readinglist.exporters import export_file, render

    papers = _selected(args)
    options: dict[str, Any] = {"include_notes": args.notes or args.format == "markdown"}
    if args.format == "markdown":
        options["group_by"] = args.group_by
    else:
        options["include_abstract"] = not args.no_abstract
    noun = f"{len(papers)} paper{'s' if len(papers) != 1 else ''}"
    if args.output == "-":
        sys.stdout.write(render(args.format, papers, **options))
        sys.stdout.flush()
        return 0
    target = Path(args.output).expanduser()
    if not target.parent.exists():
        raise CliError(f"Cannot write to {target}: the folder {target.parent} does not exist.")
    result = export_file(args.format, papers, target, **options)
    print(f"Exported {noun} as {args.format} to {result.path}")
    return 0
