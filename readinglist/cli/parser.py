"""The argparse definition of the command line (DESIGN.md "CLI contract").

Each sub-command names its handler as ``"module:function"`` inside this
package; ``readinglist.cli.main`` imports it only when it runs, so ``parse``
and ``--help`` never load the database layer.
"""

from __future__ import annotations

import argparse
from typing import Any

from readinglist import __version__

STATUS_WORDS = ("unread", "queued", "reading", "read", "dropped")
SORT_KEYS = ("added", "date", "title", "authors", "status", "updated")

DESCRIPTION = """\
Reading List: a local library of research papers (pasted listings and PDFs
in; tags, notes and read status; Markdown and BibTeX out).

With no command, the desktop app opens on the library.  Every command takes
--library PATH (a library file, or a folder holding library.sqlite); the
default is the per-user data folder, or $READINGLIST_HOME when it is set.
"""

EPILOG = """\
commands in short (each has its own --help, e.g. readinglist export --help):
  readinglist                                    open the desktop app
  readinglist [--library L] FILE...              open it and import these PDFs / folders
  readinglist parse [FILE|-] [--reference-date YYYY-MM-DD] [--json]
  readinglist import-text [FILE|-] [--tag T]... [--status S] [--reference-date D] [--json]
  readinglist import-pdf PATH... [--json]
  readinglist list [--search Q] [--author NAME] [--topic T] [--tag T] [--status S] [--json]
  readinglist show ID [--json]
  readinglist authors [--json]   readinglist topics [--json]   readinglist tags [--json]
  readinglist author NAME [--json]   readinglist topic CODE [--rename NAME] [--json]
  readinglist tag-page T [--json]    readinglist merge-authors KEEP OTHER...
  readinglist split-author AUTHOR ID... --to NAME
  readinglist set-status ID... STATUS           (unread, queued, reading, read, dropped)
  readinglist tag ID... [--add T]... [--remove T]...
  readinglist note ID (--set FILE | --append TEXT)
  readinglist export-notes DIR [filters] [--force] [--wikilinks] [--no-abstract]
  readinglist export --format bibtex|ris|csljson|markdown [filters] -o FILE
  readinglist backup [DIR]
  readinglist check

exit status: 0 done; 1 partly done (some files failed, problems found);
2 bad input (missing file, unknown id, bad status word, unreadable library,
nothing found in a paste); 130 interrupted.  Errors are one line on stderr.

examples:
  readinglist import-text listing.txt --tag to-read
  pbpaste | readinglist import-text - --status queued
  readinglist import-pdf ~/Downloads/papers
  readinglist list --author "Zhang" --status unread
  readinglist set-status 12 14 read
  readinglist export-notes ~/Vault/Papers --tag thesis
  readinglist export --format bibtex --topic cs.CL -o refs.bib
"""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (exit status 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _library_option(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    p.add_argument(
        "--library",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="library file, or a folder holding library.sqlite "
        "(default: the per-user library; $READINGLIST_HOME overrides it)",
    )


def _json_option(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def _filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (all given must match)")
    g.add_argument(
        "--search", metavar="Q", help="full-text search (title, authors, abstract, notes)"
    )
    g.add_argument("--author", metavar="NAME", help="papers by this author")
    g.add_argument("--topic", metavar="T", help="papers in this topic (code like cs.CL, or a name)")
    g.add_argument("--tag", metavar="T", help="papers with this tag")
    g.add_argument("--status", metavar="S", help=f"read status: {', '.join(STATUS_WORDS)}")
    g.add_argument("--starred", action="store_true", default=None, help="starred papers only")


def _input_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="text file with the pasted listing; '-' or nothing reads standard input",
    )
    p.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="date the listing was copied (a date shown without a year, like 'Jan 20', "
        "is the latest such date not after it); default: today",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="readinglist",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"readinglist {__version__}")
    _library_option(parser, top=True)
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Reading List to the desktop's application menu, then exit",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove the application-menu entry, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def command(name: str, handler: str, help_text: str, description: str | None = None):
        p = sub.add_parser(
            name,
            help=help_text,
            description=description or help_text,
            formatter_class=_Formatter,
        )
        _library_option(p)
        p.set_defaults(handler=handler)
        return p

    p = command(
        "parse",
        "imports:cmd_parse",
        "read a pasted listing and show what was found (no library involved)",
        "Detect the listing's format (author profile, daily-papers page, arXiv listing, "
        "Scholar results, BibTeX, list of ids...) and print the entries found.  With --json "
        'prints {"format", "profile", "entries", "warnings"}.',
    )
    _input_arg(p)
    _json_option(p, "the parse result")

    p = command(
        "import-text",
        "imports:cmd_import_text",
        "import a pasted listing into the library",
        "Parse the listing and add its papers in one step; papers already in the library "
        "are merged (same arXiv id, DOI or title), similar ones are reported, never merged "
        "silently.  The pasted text is kept with the import.",
    )
    _input_arg(p)
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="tag every imported paper (repeatable)",
    )
    p.add_argument(
        "--status", metavar="S", help=f"read status of new papers: {', '.join(STATUS_WORDS)}"
    )
    _json_option(p, "the import report")

    p = command(
        "import-pdf",
        "imports:cmd_import_pdf",
        "import PDF files (files and folders, searched recursively)",
        "Copy each PDF into the library, read its title, authors, abstract, arXiv id and "
        "DOI, and index its text.  One bad file never stops the rest; Ctrl-C stops after "
        "the current file and keeps what is done.  --json prints one JSON object per file "
        "(path, status: added|merged|duplicate|error, id, error, title, authors, year, "
        "arxiv_id, doi).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="PDF files or folders")
    _json_option(p, "one result per file")

    p = command("list", "commands:cmd_list", "list papers (newest first)")
    _filters(p)
    p.add_argument("--sort", choices=SORT_KEYS, default="added", help="sort order (default: added)")
    p.add_argument("--limit", type=int, metavar="N", help="show at most N papers")
    _json_option(p, "the rows")

    p = command("show", "commands:cmd_show", "show everything about one paper")
    p.add_argument("id", metavar="ID", help="paper id (as shown by list)")
    _json_option(p, "the paper")

    p = command("authors", "commands:cmd_authors", "authors with their paper counts")
    _json_option(p, "the authors")
    p = command("topics", "commands:cmd_topics", "topics with their paper counts")
    _json_option(p, "the topics")
    p = command("tags", "commands:cmd_tags", "tags with their paper counts")
    _json_option(p, "the tags")
    _page_commands(command)

    p = command(
        "set-status",
        "commands:cmd_set_status",
        "set the read status of papers",
        f"Set the read status of one or more papers: {', '.join(STATUS_WORDS)}.",
    )
    p.add_argument("args", nargs="+", metavar="ID... STATUS", help="paper ids, then the status")

    p = command("tag", "commands:cmd_tag", "add or remove tags on papers")
    p.add_argument("ids", nargs="+", metavar="ID", help="paper ids")
    p.add_argument(
        "--add", action="append", default=[], metavar="T", help="tag to add (repeatable)"
    )
    p.add_argument(
        "--remove", action="append", default=[], metavar="T", help="tag to remove (repeatable)"
    )

    p = command("note", "commands:cmd_note", "replace or extend a paper's Markdown note")
    p.add_argument("id", metavar="ID", help="paper id")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument(
        "--set", metavar="FILE", help="replace the note by this file's text ('-': standard input)"
    )
    g.add_argument("--append", metavar="TEXT", help="add this text at the end of the note")

    p = command(
        "export-notes",
        "exports:cmd_export_notes",
        "write one Markdown note per paper into a folder",
        "Write DIR/<citekey>.md for each paper: YAML front matter (title, authors, year, "
        "date, arxiv, doi, url, topics, tags, status, starred, added, read, citekey), a "
        "heading, links, the abstract and your note.  Exporting again updates the files "
        "it wrote; files you changed since are reported and kept unless --force.",
    )
    p.add_argument("dir", metavar="DIR", help="folder to write into (created if missing)")
    _filters(p)
    p.add_argument(
        "--force", action="store_true", help="overwrite files changed by hand since the last export"
    )
    p.add_argument(
        "--wikilinks",
        action="store_true",
        help="link authors and topics as [[wikilinks]] and write an index note for each",
    )
    p.add_argument("--no-abstract", action="store_true", help="leave the abstract out")
    _json_option(p, "what was written")

    p = command(
        "export",
        "exports:cmd_export",
        "export papers as BibTeX, RIS, CSL-JSON or one Markdown document",
        "Export the papers matching the filters to one file.  --format markdown writes a "
        "reading list grouped by topic (or --group-by author).",
    )
    p.add_argument(
        "--format",
        required=True,
        choices=("bibtex", "ris", "csljson", "markdown"),
        help="output format",
    )
    _filters(p)
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="file to write ('-': standard output)"
    )
    p.add_argument(
        "--group-by",
        choices=("topic", "author"),
        default="topic",
        help="markdown: group by first topic or first author (default: topic)",
    )
    p.add_argument("--no-abstract", action="store_true", help="leave abstracts out")
    p.add_argument(
        "--notes",
        action="store_true",
        help="include your notes (bibtex: annote, ris: N1, csljson: note; markdown always does)",
    )

    p = command("backup", "commands:cmd_backup", "copy the library safely (sqlite online backup)")
    p.add_argument(
        "dir",
        nargs="?",
        metavar="DIR",
        help="folder for the copy (default: the library's backups folder)",
    )

    command("check", "commands:cmd_check", "check the library's integrity and its stored files")
    return parser


def _page_commands(command: Any) -> None:
    """The author / topic / tag pages (handlers in ``readinglist.cli.pages``)."""
    p = command(
        "author",
        "pages:cmd_author",
        "an author's page: counts, papers per year, topics, co-authors",
        "Show an author's page: papers in the library and how many are read, queued or "
        "being read, first and last year, papers per year split by read status, topics, "
        "co-authors ranked by shared papers, pasted profiles (h-index, ...) and possible "
        "aliases.  NAME is matched after normalisation (accents, case, hyphens); an "
        "author id works too.",
    )
    p.add_argument("name", metavar="NAME", help="author name (or id, as in authors --json)")
    _json_option(p, "the page's data")
    p = command(
        "topic",
        "pages:cmd_topic",
        "a topic's page: counts, papers per year, top authors, related topics",
        "Show a topic's page: its name and code, papers and read progress, papers per "
        "year, the most frequent authors, co-occurring topics and tags.",
    )
    p.add_argument("code", metavar="CODE", help="topic code (cs.CL, CL) or name")
    p.add_argument("--rename", metavar="NAME",
                   help="show the topic under this name from now on ('' restores the arXiv name)")
    _json_option(p, "the page's data")
    p = command("tag-page", "pages:cmd_tag_page",
                "a tag's page: counts, papers per year, topics, authors")
    p.add_argument("name", metavar="T", help="tag name")
    _json_option(p, "the page's data")
    p = command(
        "merge-authors",
        "pages:cmd_merge_authors",
        "make several authors one person (remembered by later imports)",
        "Merge the OTHER authors into KEEP: their papers, spellings and counts become "
        "KEEP's, and later imports that spell the person the old way land on KEEP.  "
        "Names or ids (see authors --json); see author NAME for suggested aliases.",
    )
    p.add_argument("keep", metavar="KEEP", help="the author to keep (name or id)")
    p.add_argument("others", nargs="+", metavar="OTHER", help="authors to fold into KEEP")
    p = command(
        "split-author",
        "pages:cmd_split_author",
        "move some papers of an author to another person (remembered)",
        "Move the papers ID... from AUTHOR to the author named by --to (a new author "
        "when needed; the same name makes a separate person of that name).  Re-importing "
        "those papers keeps them with the new author.",
    )
    p.add_argument("author", metavar="AUTHOR", help="name or id of the author now on the papers")
    p.add_argument("ids", nargs="+", metavar="ID", help="paper ids to move")
    p.add_argument("--to", required=True, metavar="NAME", help="who wrote them instead")
