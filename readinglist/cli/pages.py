"""Page commands: ``author NAME``, ``topic CODE`` and ``tag-page NAME``, and the
author identity decisions ``merge-authors`` and ``split-author``.

Each prints the data of the app's page for that author / topic / tag:
counts and read progress, papers per year split by read status, topics,
co-authors or top authors, related topics, tags, pasted profiles, and the
paper ids.  ``--json`` prints the same as one object (stable keys).
"""

from __future__ import annotations

from typing import Any

from readinglist.cli.access import open_library
from readinglist.cli.output import CliError, one_line, print_json

BAR_WIDTH = 30
SHOWN = 10


def _stats_json(stats: Any) -> dict[str, Any]:
    return {
        "paper_count": stats.paper_count,
        "read_count": stats.read_count,
        "queued_count": stats.queued_count,
        "reading_count": stats.reading_count,
        "status_counts": dict(stats.status_counts),
        "read_fraction": round(stats.read_fraction, 4),
        "first_year": stats.first_year,
        "last_year": stats.last_year,
        "years": [{"year": y.year, "total": y.total, "by_status": dict(y.by_status)}
                  for y in stats.years],
    }


def _people(items: list[Any]) -> list[dict[str, Any]]:
    return [{"id": p.id, "name": p.name, "count": p.count} for p in items]


def _topics(items: list[Any]) -> list[dict[str, Any]]:
    return [{"code": t.code, "name": t.name, "count": t.count} for t in items]


def _tags(items: list[Any]) -> list[dict[str, Any]]:
    return [{"name": t.name, "color": t.color, "count": t.count} for t in items]


def _summary(stats: Any) -> str:
    n = stats.paper_count
    parts = [f"{n} paper{'s' if n != 1 else ''}", f"{stats.read_count} read",
             f"{stats.queued_count} queued", f"{stats.reading_count} reading"]
    if stats.first_year:
        span = (str(stats.first_year) if stats.first_year == stats.last_year
                else f"{stats.first_year}–{stats.last_year}")
        parts.append(span)
    return " · ".join(parts)


def _print_years(stats: Any) -> None:
    if not stats.years:
        return
    top = max(y.total for y in stats.years) or 1
    print("\nPapers per year (# read, + queued or reading, . other):")
    for y in stats.years:
        read = y.by_status.get("read", 0)
        active = y.by_status.get("queued", 0) + y.by_status.get("reading", 0)
        other = y.total - read - active

        def cells(n: int) -> int:
            return round(n * BAR_WIDTH / top) if n else 0

        bar = "#" * cells(read) + "+" * cells(active) + "." * cells(other)
        label = str(y.year) if y.year is not None else "n.d."
        print(f"  {label:>4}  {bar:<{BAR_WIDTH}}  {y.total}")


def _print_list(title: str, rows: list[str]) -> None:
    if rows:
        print(f"\n{title}:")
        for row in rows:
            print(f"  {row}")


def _more(items: list[Any]) -> str:
    return f"  … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""


def cmd_author(args: Any) -> int:
    text = one_line(args.name)
    with open_library(args) as lib:
        ref = _by_id(lib, int(text)) if text.isdigit() else lib.find_author(text)
        if ref is None:
            raise CliError(f"No author matches {text!r} (see readinglist authors).")
        page = lib.author_page(ref.id)
        suggestions = lib.alias_suggestions(ref.id)
    if args.json:
        print_json({
            "id": page.author.id, "name": page.author.name, "key": page.author.key,
            "aliases": page.aliases, **_stats_json(page.stats),
            "topics": _topics(page.topics), "coauthors": _people(page.coauthors),
            "tags": _tags(page.tags), "profiles": page.profiles,
            "possible_aliases": [
                {"id": s.author.id, "name": s.author.name, "paper_count": s.paper_count,
                 "reason": s.reason, "shared_coauthors": s.shared_coauthors}
                for s in suggestions],
            "paper_ids": page.paper_ids,
        })
        return 0
    print(page.author.name + (f"  (also: {', '.join(page.aliases)})" if page.aliases else ""))
    print(_summary(page.stats))
    for profile in page.profiles[:1]:
        facts = [f"{k.replace('_', '-')} {profile[k]}" for k in
                 ("h_index", "paper_count", "citations") if profile.get(k) not in (None, "")]
        source = profile.get("source") or "pasted"
        print(f"Profile ({source}, import #{profile.get('batch_id')}): " + ", ".join(facts))
    _print_years(page.stats)
    _print_list("Topics", [f"{t.count:>4}  {t.name} ({t.code})" for t in page.topics[:SHOWN]])
    _print_list("Co-authors (shared papers)",
                [f"{c.count:>4}  {c.name}" for c in page.coauthors[:SHOWN]] +
                ([_more(page.coauthors)] if _more(page.coauthors) else []))
    _print_list("Possibly the same person (merge in the app)",
                [f"{s.author.name} ({s.paper_count} papers): {s.reason}" for s in suggestions])
    print(f"\nPapers: readinglist list --author {_quoted(page.author.name)}")
    return 0


def _by_id(lib: Any, author_id: int) -> Any:
    from readinglist.library.errors import LibraryError

    try:
        return lib.author_page(author_id).author
    except LibraryError:  # an unknown id is reported like an unknown name
        return None


def _quoted(text: str) -> str:
    return f'"{text}"' if " " in text else text


def cmd_topic(args: Any) -> int:
    with open_library(args) as lib:
        page = lib.topic_page(one_line(args.code))
        if args.rename is not None:
            lib.rename_topic(page.code, one_line(args.rename) or None)
            page = lib.topic_page(page.code)
            if not args.json:
                print(f"{page.code} is now shown as {page.name!r}.")
                return 0
    if args.json:
        print_json({
            "code": page.code, "name": page.name, "taxonomy_name": page.taxonomy_name,
            "renamed": page.renamed, **_stats_json(page.stats),
            "top_authors": _people(page.top_authors), "related": _topics(page.related),
            "tags": _tags(page.tags), "paper_ids": page.paper_ids,
        })
        return 0
    print(f"{page.name} ({page.code})")
    print(_summary(page.stats))
    _print_years(page.stats)
    _print_list("Most frequent authors",
                [f"{a.count:>4}  {a.name}" for a in page.top_authors[:SHOWN]])
    _print_list("Related topics", [f"{t.count:>4}  {t.name} ({t.code})" for t in page.related])
    print(f"\nPapers: readinglist list --topic {page.code}")
    return 0


def cmd_tag_page(args: Any) -> int:
    with open_library(args) as lib:
        page = lib.tag_page(one_line(args.name))
    if args.json:
        print_json({
            "name": page.name, "color": page.color, **_stats_json(page.stats),
            "top_authors": _people(page.top_authors), "topics": _topics(page.topics),
            "related": _tags(page.related), "paper_ids": page.paper_ids,
        })
        return 0
    print(f"Tag: {page.name}")
    print(_summary(page.stats))
    _print_years(page.stats)
    _print_list("Topics", [f"{t.count:>4}  {t.name} ({t.code})" for t in page.topics[:SHOWN]])
    _print_list("Most frequent authors",
                [f"{a.count:>4}  {a.name}" for a in page.top_authors[:SHOWN]])
    _print_list("Tags on the same papers", [f"{t.count:>4}  {t.name}" for t in page.related])
    print(f"\nPapers: readinglist list --tag {_quoted(page.name)}")
    return 0


def _author_ref(lib: Any, text: str) -> Any:
    text = one_line(text)
    ref = _by_id(lib, int(text)) if text.isdigit() else lib.find_author(text)
    if ref is None:
        raise CliError(f"No author matches {text!r} (see readinglist authors).")
    return ref


def cmd_merge_authors(args: Any) -> int:
    with open_library(args) as lib:
        keep = _author_ref(lib, args.keep)
        others = [_author_ref(lib, o) for o in args.others]
        others = [o for o in others if o.id != keep.id]
        if not others:
            raise CliError("Name at least one other author to merge into "
                           f"{keep.name} (the names given are all that author).")
        lib.merge_authors(keep.id, [o.id for o in others])
        count = lib.author_page(keep.id).stats.paper_count
    names = ", ".join(o.name for o in others)
    print(f"Merged {names} into {keep.name} ({count} papers); later imports will remember it.")
    return 0


def cmd_split_author(args: Any) -> int:
    from readinglist.cli.access import parse_ids

    ids = parse_ids(args.ids)
    with open_library(args) as lib:
        source = _author_ref(lib, args.author)
        target = lib.split_author(source.id, ids, args.to)
        page = lib.author_page(target)
    print(f"Moved {len(ids)} paper{'s' if len(ids) != 1 else ''} from {source.name} to "
          f"{page.author.name} (author #{target}); later imports will remember it.")
    return 0
