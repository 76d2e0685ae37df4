"""The compact alphaXiv listing (format 2): title and authors glued on one line.

"SparseAdapter: An Easy Approach for …AdaptersShwai He, Liang Ding et al." with
no blank lines, and sometimes a score before the category ("68.6CLMar 25Code").
The reading is shared with the profile page (see ``alphaxiv``); this module
gives the layout its own format name and its own sniffer, which scores high
when most entries glue title and authors together.
"""

from __future__ import annotations

from readinglist.core.entry import ParseContext, ParseResult
from readinglist.importers.listing import alphaxiv

FORMAT = alphaxiv.COMPACT
page_chrome = alphaxiv.page_chrome


def sniff(text: str) -> float:
    """High for an alphaXiv listing whose title lines carry the authors glued on."""
    return alphaxiv._score(text, want_glued=True)


def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Entries of a compact alphaXiv listing (or a profile page); never raises on text."""
    return alphaxiv.parse_listing(text, ctx)
