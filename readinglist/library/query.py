"""Search-box text → PaperQuery.

``parse_search("author:hinton topic:cs.LG is:starred attention")`` fills the
author, topic and starred fields and leaves "attention" for full-text
search.  Understood prefixes: ``author:``, ``topic:``, ``tag:``,
``status:``, ``year:``, ``is:starred`` / ``is:unread`` (any status) /
``is:review``.  Values may be quoted (``author:"Geoffrey Hinton"``); a quoted
phrase without a prefix stays a phrase for the search.  Anything not
understood is searched as text, so no input is an error.
"""

from __future__ import annotations

import re

from readinglist.library.types import STATUSES, PaperQuery

_TOKEN = re.compile(r'(\w+):"([^"]*)"?|(\w+):(\S+)|("[^"]*"?)|(\S+)')
_FIELDS = {"author", "topic", "tag", "status", "year", "is"}


def parse_search(text: str | None, base: PaperQuery | None = None) -> PaperQuery:
    """A PaperQuery from search-box text (``base`` supplies the other fields)."""
    query = base if base is not None else PaperQuery()
    words: list[str] = []
    for m in _TOKEN.finditer(text or ""):
        key = (m.group(1) or m.group(3) or "").lower()
        value = m.group(2) if m.group(1) else m.group(4)
        if key in _FIELDS and value is not None and value.strip():
            value = value.strip()
            if key == "author":
                query.author = value
            elif key == "topic":
                query.topic = value
            elif key == "tag":
                query.tag = value
            elif key == "status" and value.lower() in STATUSES:
                query.status = value.lower()
            elif key == "year" and value.isdigit() and len(value) == 4:
                query.year = int(value)
            elif key == "is" and value.lower() == "starred":
                query.starred = True
            elif key == "is" and value.lower() in STATUSES:
                query.status = value.lower()
            elif key == "is" and value.lower() in ("review", "needs-review"):
                query.needs_review = True
            else:
                words.append(m.group(0))
        else:
            words.append(m.group(0))
    rest = " ".join(words).strip()
    query.search = rest or None
    return query
