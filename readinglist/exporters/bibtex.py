"""BibTeX export that real tools read back: bibtexparser, BibTeX, biber.

Text fields are LaTeX-escaped (``& % $ # _ { } ~ ^ \\``) except TeX math
(``$z\\gtrsim 6$``) that titles from arXiv carry, which is kept as is.
Accented and other non-ASCII letters are written as UTF-8 (biber and
modern BibTeX read them).  Words with inner capitals ("LLMs", "BERT") are
braced in titles so styles do not lower-case them.  URLs and DOIs are
written verbatim (biblatex reads them verbatim).

Entry types: ``@inproceedings`` for a conference venue, ``@article`` for a
journal, ``@misc`` with ``eprint``/``archiveprefix`` for arXiv preprints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readinglist.exporters.common import (
    CancelFn,
    ProgressFn,
    author_names,
    date_parts,
    one_line,
    render_all,
    split_math,
    title_of,
    venue_kind,
    year_of,
)
from readinglist.exporters.names import split_name
from readinglist.library.types import PaperDetail

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# TeX input ligatures (!` ?` `` '' -- ---) would read back as other characters.
_LIGATURE = re.compile(r"(?<=[!?`])(?=`)|(?<=')(?=')|(?<=-)(?=-)")
_PROTECT = re.compile(r"(?<![\\\w])([^\W\d_][\w\-]*)", re.UNICODE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AND = re.compile(r"\band\b", re.IGNORECASE)


def latex_escape(text: str, *, protect_case: bool = False) -> str:
    """Text as a BibTeX field value (see the module docstring)."""
    if not protect_case and not _SPECIAL.search(text) and not _LIGATURE.search(text):
        return text
    out = []
    for is_math, piece in split_math(text):
        if is_math:
            out.append(piece)
            continue
        if protect_case:
            piece = piece.replace("\ue000", "").replace("\ue001", "")
            piece = _PROTECT.sub(_protect_word, piece)
            out.append(_escape_outside_braces(piece))
        else:
            out.append(_SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], piece))
        out[-1] = _LIGATURE.sub("{}", out[-1])
    return "".join(out)


def _protect_word(match: re.Match[str]) -> str:
    word = match.group(1)
    if any(c.isupper() for c in word[1:]):
        return "\ue000" + word + "\ue001"  # braced after escaping (see below)
    return word


def _escape_outside_braces(piece: str) -> str:
    escaped = _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], piece)
    return escaped.replace("\ue000", "{").replace("\ue001", "}")


def _verbatim(text: str) -> str:
    """A URL or DOI: as is, but never able to unbalance the entry's braces."""
    return one_line(text).replace("{", "%7B").replace("}", "%7D")


def format_name(name: str) -> str:
    """ "Family, Given" (or "Family, Jr, Given"), escaped; a lone word is braced."""
    family, given, suffix = split_name(name)
    fam = latex_escape(family)
    if _AND.search(family) or (not given and " " in family):
        fam = "{" + fam + "}"
    parts = [fam]
    if suffix:
        parts.append(latex_escape(suffix))
    if given:
        g = latex_escape(given)
        parts.append("{" + g + "}" if _AND.search(given) else g)
    return ", ".join(parts) if len(parts) > 1 else fam


def entry_type(paper: PaperDetail) -> str:
    return {"conference": "inproceedings", "journal": "article"}.get(venue_kind(paper), "misc")


def format_entry(
    paper: PaperDetail, key: str, *, include_abstract: bool = True, include_note: bool = False
) -> str:
    """One ``@type{key, ...}`` entry."""
    fields: list[tuple[str, str]] = [("title", latex_escape(title_of(paper), protect_case=True))]
    names = [format_name(n) for n in author_names(paper)]
    if names:
        if paper.authors_truncated or (paper.author_count and paper.author_count > len(names)):
            names.append("others")
        fields.append(("author", " and ".join(names)))
    year = year_of(paper)
    if year:
        fields.append(("year", str(year)))
    parts = date_parts(paper)
    if len(parts) >= 2 and 1 <= parts[1] <= 12:
        fields.append(("month", _MONTHS[parts[1] - 1]))
    kind = venue_kind(paper)
    if paper.venue:
        venue_field = {"conference": "booktitle", "journal": "journal"}.get(kind, "howpublished")
        fields.append((venue_field, latex_escape(one_line(paper.venue))))
    if paper.doi:
        fields.append(("doi", _verbatim(paper.doi)))
    if paper.arxiv_id:
        fields.append(("eprint", _verbatim(paper.arxiv_id)))
        fields.append(("archiveprefix", "arXiv"))
        if paper.topics:
            fields.append(("primaryclass", _verbatim(paper.topics[0][0])))
    if paper.url:
        fields.append(("url", _verbatim(paper.url)))
    elif paper.arxiv_id:
        fields.append(("url", f"https://arxiv.org/abs/{_verbatim(paper.arxiv_id)}"))
    if include_abstract and paper.abstract and paper.abstract.strip():
        fields.append(("abstract", latex_escape(paper.abstract.strip())))
    if paper.tags:
        fields.append(("keywords", latex_escape(", ".join(t.name for t in paper.tags))))
    if include_note and paper.note and paper.note.strip():
        fields.append(("annote", latex_escape(paper.note.strip())))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{entry_type(paper)}{{{key},\n{body},\n}}\n"


def bibtex_text(
    papers: Sequence[PaperDetail],
    *,
    include_abstract: bool = True,
    include_notes: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> str:
    """A whole .bib file for ``papers`` (raises ExportCancelled if cancelled)."""
    rendered = render_all(
        papers,
        format_entry,
        include_abstract=include_abstract,
        include_notes=include_notes,
        progress=progress,
        cancel=cancel,
    )
    return "\n".join(rendered)
