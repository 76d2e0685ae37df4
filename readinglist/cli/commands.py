"""Library commands: list, show, authors, topics, tags, set-status, tag, note,
backup, check.  Each takes the parsed arguments and returns an exit status."""

from __future__ import annotations

import textwrap
from typing import Any

from readinglist.cli.access import (
    check_status,
    open_library,
    parse_id,
    parse_ids,
    query_from_args,
    read_text_input,
    require_papers,
)
from readinglist.cli.output import CliError, one_line, print_json, table, terminal_width


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cmd_list(args: Any) -> int:
    if args.limit is not None and args.limit < 0:
        raise CliError("--limit must be 0 or more.")
    query = query_from_args(args)
    with open_library(args) as lib:
        rows = lib.list_papers(query, limit=args.limit)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("No papers match." if _has_filters(args) else "The library is empty.")
        return 0
    table(
        ["ID", "STATUS", "YEAR", "TITLE", "AUTHORS"],
        [
            [
                r.id,
                r.status + (" ★" if r.starred else ""),
                r.year or "",
                ("[review] " if r.needs_review else "") + r.title,
                r.authors_short,
            ]
            for r in rows
        ],
        flexible=(3, 4),
    )
    print(_plural(len(rows), "paper"))
    return 0


def _has_filters(args: Any) -> bool:
    return any(
        getattr(args, k, None) for k in ("search", "author", "topic", "tag", "status", "starred")
    )


def cmd_show(args: Any) -> int:
    paper_id = parse_id(args.id)
    with open_library(args) as lib:
        detail = lib.get(paper_id)
    if args.json:
        print_json(detail)
        return 0
    width = min(terminal_width(), 100)
    lines = [f"#{detail.id}  {one_line(detail.display_title)}"]

    def field(label: str, value: object) -> None:
        if value not in (None, "", [], False):
            lines.append(f"{label + ':':<10}{one_line(value)}")

    names = [a.name for a in detail.authors]
    authors = ", ".join(names)
    if detail.authors_truncated or (detail.author_count and detail.author_count > len(names)):
        authors += (
            f" (+{detail.author_count - len(names)} more)" if detail.author_count else " et al."
        )
    field("Authors", authors)
    field("Date", detail.date or detail.year)
    field("Venue", detail.venue)
    field("Org", detail.organization)
    field(
        "arXiv",
        f"{detail.arxiv_id}  https://arxiv.org/abs/{detail.arxiv_id}" if detail.arxiv_id else None,
    )
    field("DOI", f"{detail.doi}  https://doi.org/{detail.doi}" if detail.doi else None)
    field("URL", detail.url)
    field("Code", detail.code_url or ("yes" if detail.has_code else None))
    field(
        "Topics",
        ", ".join(
            f"{name} ({code})" if name and name != code else code for code, name in detail.topics
        ),
    )
    field("Tags", ", ".join(t.name for t in detail.tags))
    status = detail.status + ("  ★ starred" if detail.starred else "")
    if detail.read_at:
        status += f"  (read {detail.read_at[:10]})"
    field("Status", status)
    field("Added", detail.added_at[:19].replace("T", " ") if detail.added_at else None)
    field(
        "PDF",
        detail.pdf_path
        and f"{detail.pdf_path}" + (f"  ({detail.page_count} pages)" if detail.page_count else ""),
    )
    field("Citekey", detail.citekey)
    if detail.needs_review:
        field("Review", "; ".join(detail.review_reasons) or "needs review")
    if detail.trashed_at:
        field("Trashed", detail.trashed_at[:19].replace("T", " "))
    if detail.sources:
        kinds = ", ".join(
            f"{s.kind} #{s.batch_id}" + (f" ({s.source_name})" if s.source_name else "")
            for s in detail.sources
        )
        field("Sources", kinds)
    if detail.abstract:
        lines += ["", "Abstract:"]
        lines += textwrap.wrap(
            one_line(detail.abstract), width - 2, initial_indent="  ", subsequent_indent="  "
        )
    if detail.note and detail.note.strip():
        lines += ["", "Note:"]
        lines += ["  " + row if row else "" for row in detail.note.rstrip("\n").split("\n")]
    print("\n".join(lines))
    return 0


def cmd_authors(args: Any) -> int:
    with open_library(args) as lib:
        authors = lib.authors()
    if args.json:
        print_json(authors)
        return 0
    if not authors:
        print("No authors yet.")
        return 0
    table(
        ["PAPERS", "READ", "AUTHOR"],
        [[a.paper_count, a.read_count, a.name] for a in authors],
        flexible=(2,),
    )
    return 0


def cmd_topics(args: Any) -> int:
    with open_library(args) as lib:
        topics = lib.topics()
    if args.json:
        print_json(topics)
        return 0
    if not topics:
        print("No topics yet.")
        return 0
    table(
        ["PAPERS", "READ", "CODE", "TOPIC"],
        [[t.paper_count, t.read_count, t.code, t.name] for t in topics],
        flexible=(3,),
    )
    return 0


def cmd_tags(args: Any) -> int:
    with open_library(args) as lib:
        tags = lib.tags()
    if args.json:
        print_json(tags)
        return 0
    if not tags:
        print("No tags yet.")
        return 0
    table(
        ["PAPERS", "TAG", "COLOUR"],
        [[t.paper_count, t.name, t.color or ""] for t in tags],
        flexible=(1,),
    )
    return 0


def cmd_set_status(args: Any) -> int:
    if len(args.args) < 2:
        raise CliError("Give one or more paper ids, then the status (e.g. set-status 12 14 read).")
    *id_words, status_word = args.args
    status = check_status(status_word)
    ids = parse_ids(id_words)
    with open_library(args) as lib:
        require_papers(lib, ids)
        lib.set_status(ids, status)
    print(f"Set {_plural(len(ids), 'paper')} to {status}.")
    return 0


def _tag_names(names: list[str]) -> list[str]:
    out = []
    for name in names:
        clean = one_line(name)
        if not clean:
            raise CliError("A tag name cannot be empty.")
        out.append(clean)
    return list(dict.fromkeys(out))


def cmd_tag(args: Any) -> int:
    add, remove = _tag_names(args.add), _tag_names(args.remove)
    if not add and not remove:
        raise CliError("Nothing to do: give --add TAG and/or --remove TAG.")
    ids = parse_ids(args.ids)
    with open_library(args) as lib:
        require_papers(lib, ids)
        if add:
            lib.add_tags(ids, add)
        if remove:
            lib.remove_tags(ids, remove)
    done = []
    if add:
        done.append("added " + ", ".join(repr(t) for t in add))
    if remove:
        done.append("removed " + ", ".join(repr(t) for t in remove))
    print(f"{_plural(len(ids), 'paper')}: {'; '.join(done)}.")
    return 0


def cmd_note(args: Any) -> int:
    paper_id = parse_id(args.id)
    if args.set is not None:
        text, _name = read_text_input(args.set)
    else:
        text = args.append
    with open_library(args) as lib:
        require_papers(lib, [paper_id])
        if args.set is not None:
            lib.set_note(paper_id, text)
            print(f"Replaced the note of paper {paper_id} ({_plural(len(text), 'character')}).")
        else:
            lib.append_note(paper_id, text)
            print(f"Added to the note of paper {paper_id}.")
    return 0


def cmd_backup(args: Any) -> int:
    with open_library(args) as lib:
        path = lib.backup(args.dir)
    print(f"Backed up the library to {path}")
    return 0


def cmd_check(args: Any) -> int:
    with open_library(args) as lib:
        problems = lib.check()
        where = lib.path
    if not problems:
        print(f"OK: the library at {where} is healthy.")
        return 0
    print(f"{_plural(len(problems), 'problem')} found in {where}:")
    for problem in problems:
        print(f"  - {one_line(problem)}")
    return 1
