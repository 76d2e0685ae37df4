"""The BibTeX reader behind the BibTeX parser: splits pasted text into entries,
``@string`` definitions, ``@comment`` / ``@preamble`` blocks, text between
blocks, and blocks it could not read.

It understands the format, not one exporter: ``@type{key, ...}`` and
``@type(key, ...)`` blocks (whitespace allowed after ``@``), field values in
braces (nested to any depth; ``\\{`` and ``\\}`` do not count), in quotes
(a quote inside braces does not end the value), bare numbers and macro
names, ``#`` concatenation, ``@string`` macros (case-insensitive; a macro
used before its definition is resolved at the end, an unknown one is kept as
written, so ``month = jul`` reads "jul"), a trailing comma, ``%`` comment
lines between fields, and entries with only a key.  Values come back with
their outer delimiters removed and everything inside kept as written (TeX
accents, inner braces): turning TeX into Unicode is the parser's job.

A block that breaks the format (an unclosed brace or quote, a field without
``=``, text where a ``,`` should be, the paste ending mid-entry) is reported
with its line and text, and reading goes on after it: a block never runs past
a line that starts a new ``@type{`` block, so one broken entry costs only
itself.  A field given twice keeps its first value (as BibTeX does) and the
entry records the repeated name.

Speed: a regular expression reads the common field shapes (``name = {flat
text}``, ``name = "flat text"``, ``name = 2024``) in one match; anything else
goes through the general value reader, which gives the same result for those
shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A block starts with "@type{" or "@type(" anywhere outside another block ...
_AT = re.compile(r"@[^\S\n]*(\w+)[^\S\n]*([{(])")
# ... and a line starting with one ends any block still open above it.
_LINE_AT = re.compile(r"\n[^\S\n]*@[^\S\n]*\w+[^\S\n]*[{(]")
_WS = re.compile(r"\s*")
_LEAD = re.compile(r"(?:\s*%[^\n]*)*\s*")  # space and "%" comment lines before a field
# The common field shapes in one match: name = {text} | "text" | 123 | macro,
# then "," or the closer.  Braces may nest three deep; a brace right after a
# backslash does not count (as in the general reader).  The quantifiers are
# possessive, so a value the pattern cannot read fails at once (no
# backtracking) and goes to the general reader.  (The name and macro classes
# are narrower than the general reader's: "%" lines, for one, go the long way.)
_ESC = r"(?>\\+[{}\"]?)"
_IN_BRACES = (
    rf"(?:[^{{}}\\]++|{_ESC}|\{{(?:[^{{}}\\]++|{_ESC}|\{{(?:[^{{}}\\]++|{_ESC})*+\}})*+\}})*+"
)
_FAST_FIELD = re.compile(
    r'\s*([^\s"#%\'(),={}]+)\s*=\s*'
    rf'(?:\{{({_IN_BRACES})\}}|"((?:[^"{{}}\\]++|{_ESC}|\{{{_IN_BRACES}\}})*+)"|(\d+)'
    r'|([^\s"#%\'(),={}\d][^\s"#%\'(),={}]*))'
    r"\s*([,})])"
)
_CLOSE_NOW = {"}": re.compile(r"\s*\}"), ")": re.compile(r"\s*\)")}
_KEY_END = {"}": re.compile(r'[,{}"=]'), ")": re.compile(r'[,{}"=)]')}
_NAME_END = {"}": re.compile(r'[=,{}"#]'), ")": re.compile(r'[=,{}"#)]')}
_BARE = {"}": re.compile(r'[^\s"#,={}]+'), ")": re.compile(r'[^\s"#,={}()]+')}
_BRACE = re.compile(r"(?<!\\)[{}]")
_QUOTE_OR_BRACE = re.compile(r'(?<!\\)[{}"]')
_CLOSE_MARKS = {
    ("}", False): re.compile(r"(?<!\\)[{}]"),
    (")", False): re.compile(r"(?<!\\)[{})]"),
    ("}", True): re.compile(r"(?<!\\)[{}]"),  # a quote cannot hide a "}": braces balance in it
    (")", True): re.compile(r'(?<!\\)[{})"]'),
}
_VALUE_END = {"}": re.compile(r'(?<!\\)[{}",]'), ")": re.compile(r'(?<!\\)[{}",)]')}


@dataclass(slots=True)
class BibEntry:
    """One ``@type{key, name = value, ...}`` block as read.

    ``fields`` maps lower-case field names to values (macros resolved,
    concatenations joined, outer braces or quotes removed, TeX kept);
    ``raw`` is the block from ``@`` to its closing delimiter; ``line`` is
    where it starts (1-based); ``repeated`` names fields given more than once.
    """

    entry_type: str
    key: str
    fields: dict[str, str]
    raw: str
    line: int
    repeated: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BrokenBlock:
    """A block that could not be read: where it starts (1-based), its text, why."""

    line: int
    raw: str
    reason: str


@dataclass(slots=True)
class BibText:
    """Everything in a pasted text: entries in order, broken blocks, and the
    number of non-empty lines that are neither (text between blocks,
    ``@comment``, ``@preamble``, ``@string``; each block or stretch of text
    is counted on its own)."""

    entries: list[BibEntry] = field(default_factory=list)
    broken: list[BrokenBlock] = field(default_factory=list)
    outside_lines: int = 0
    macros: dict[str, str] = field(default_factory=dict)


class _Broken(Exception):
    """Raised inside the reader when a block breaks the format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _lines(text: str) -> int:
    """Non-empty lines in ``text``."""
    if not text or text.isspace():
        return 0
    return sum(1 for line in text.split("\n") if line and not line.isspace())


def _skip_ws(text: str, i: int, bound: int) -> int:
    return _WS.match(text, i, bound).end()  # type: ignore[union-attr]


def _after_braced(text: str, i: int, bound: int) -> int:
    """Index just past the ``}`` that closes the ``{`` at ``i`` (-1: unclosed)."""
    depth = 0
    for m in _BRACE.finditer(text, i, bound):
        if m.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


def _after_quoted(text: str, i: int, bound: int) -> int:
    """Index just past the quote that closes the one at ``i`` (-1: unclosed).
    A quote inside braces does not close; nor does ``\\"``."""
    depth = 0
    for m in _QUOTE_OR_BRACE.finditer(text, i + 1, bound):
        ch = m.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth:
                depth -= 1
        elif depth == 0:
            return m.end()
    return -1


def _closing(text: str, i: int, bound: int, closer: str, quotes: bool) -> int:
    """Index of the delimiter that closes a block whose body starts at ``i``,
    skipping nested braces (and, in a ``(...)`` block read with ``quotes``,
    a ``)`` inside a quoted string); -1 when it is not closed before ``bound``."""
    depth = 0
    in_quotes = False
    for m in _CLOSE_MARKS[closer, quotes].finditer(text, i, bound):
        ch = m.group()
        if ch == "{":
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
        elif ch == '"':
            if depth == 0:
                in_quotes = not in_quotes
        elif depth == 0 and not in_quotes:  # the closer
            return m.start()
    return -1


class _Reader:
    """One pass over one text (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out = BibText()
        self.macros = self.out.macros
        self.pending: list[tuple[dict[str, str], str, list[tuple[bool, str]]]] = []
        self._line_pos = 0
        self._line_no = 1

    def line_of(self, pos: int) -> int:
        """1-based line of ``pos`` (positions asked for only grow)."""
        if pos > self._line_pos:
            self._line_no += self.text.count("\n", self._line_pos, pos)
            self._line_pos = pos
        return self._line_no

    def read(self) -> BibText:
        text = self.text
        n = len(text)
        out = self.out
        pos = 0
        bound = -1
        while True:
            m = _AT.search(text, pos)
            if m is None:
                out.outside_lines += _lines(text[pos:])
                break
            start = m.start()
            out.outside_lines += _lines(text[pos:start])
            if bound <= start:  # the next line that starts a block, after this one
                b = _LINE_AT.search(text, m.end())
                bound = b.start() + 1 if b else n
            kind = m.group(1).lower()
            closer = "}" if m.group(2) == "{" else ")"
            body = m.end()
            try:
                if kind == "comment" or kind == "preamble":
                    end = _closing(text, body, bound, closer, kind == "preamble")
                    if end < 0:
                        raise _Broken(f"the @{kind} block is not closed")
                    out.outside_lines += _lines(text[start : end + 1])
                elif kind == "string":
                    end = self.string(body, bound, closer)
                    out.outside_lines += _lines(text[start : end + 1])
                else:
                    end = self.entry(m, body, bound, closer)
            except _Broken as exc:
                end = _closing(text, body, bound, closer, False)
                if end < 0:
                    end = bound - 1
                raw = text[start : end + 1]
                out.broken.append(BrokenBlock(self.line_of(start), raw, exc.reason))
            pos = end + 1
        for fields, name, pieces in self.pending:
            fields[name] = "".join(
                self.macros.get(value.lower(), value) if is_macro else value
                for is_macro, value in pieces
            )
        return out

    def entry(self, m: re.Match[str], body: int, bound: int, closer: str) -> int:
        """Read one entry; return the index of its closing delimiter."""
        text = self.text
        k = _KEY_END[closer].search(text, body, bound)
        if k is None:
            raise _Broken("the entry is not closed")
        key = text[body : k.start()].strip()
        ch = k.group()
        fields: dict[str, str] = {}
        entry = BibEntry(m.group(1).lower(), key, fields, "", self.line_of(m.start()))
        if ch == closer:
            end = k.start()
        elif ch != ",":
            raise _Broken(f"expected a comma after the entry key, found {ch!r}")
        else:
            end = self.fields(k.end(), bound, closer, entry)
        entry.raw = text[m.start() : end + 1]
        self.out.entries.append(entry)
        return end

    def fields(self, j: int, bound: int, closer: str, entry: BibEntry) -> int:
        """Read ``name = value`` pairs from ``j``; return the closer's index."""
        text = self.text
        fields = entry.fields
        fast = _FAST_FIELD.match
        close_now = _CLOSE_NOW[closer].match
        while True:
            m = fast(text, j, bound)
            if m is not None:
                name, value, quoted, number, word, follow = m.groups()
                if follow != "," and follow != closer:
                    m = None  # a stray ")" or "}": the long way
            if m is not None:
                name = name.lower()
                if name in fields:
                    entry.repeated.append(name)
                elif value is not None:
                    fields[name] = value
                elif quoted is not None:
                    fields[name] = quoted
                elif number is not None:
                    fields[name] = number
                else:  # a macro; one not defined yet is resolved at the end
                    value = self.macros.get(word.lower())
                    if value is None:
                        value = word
                        self.pending.append((fields, name, [(True, word)]))
                    fields[name] = value
                if follow == ",":
                    j = m.end()
                    continue
                return m.end() - 1
            else:
                c = close_now(text, j, bound)
                if c is not None:  # after a trailing comma
                    return c.end() - 1
            j, done = self.field(j, bound, closer, entry)
            if done:
                return j

    def field(self, j: int, bound: int, closer: str, entry: BibEntry) -> tuple[int, bool]:
        """The general reader for one field from ``j`` (or the end of the
        entry): returns (where to go on, True) at the closer's index, or
        (after the comma, False)."""
        text = self.text
        j = _LEAD.match(text, j, bound).end()  # type: ignore[union-attr]
        m = _NAME_END[closer].search(text, j, bound)
        if m is None:
            raise _Broken("the entry is not closed")
        name = text[j : m.start()].strip()
        ch = m.group()
        if ch != "=":
            if ch == closer and not name:
                return m.start(), True  # a trailing comma
            if ch == "," and not name:
                return m.end(), False  # ",," : an empty field
            raise _Broken(f"expected '=' after {name or 'a field name'!r}, found {ch!r}")
        if not name:
            raise _Broken("a field has no name")
        pieces, k = self.value(m.end(), bound, closer)
        name = name.lower()
        fields = entry.fields
        if name in fields:
            entry.repeated.append(name)
        elif all(not is_macro for is_macro, _ in pieces):
            fields[name] = "".join(v for _, v in pieces)
        else:
            resolved = [
                (False, self.macros[v.lower()])
                if is_macro and v.lower() in self.macros
                else (is_macro, v)
                for is_macro, v in pieces
            ]
            if any(is_macro for is_macro, _ in resolved):
                fields[name] = ""
                self.pending.append((fields, name, resolved))
            else:
                fields[name] = "".join(v for _, v in resolved)
        ch = text[k]
        if ch == ",":
            return k + 1, False
        return k, True

    def value(self, i: int, bound: int, closer: str) -> tuple[list[tuple[bool, str]], int]:
        """Pieces of the value starting at ``i`` as (is_macro, text), and the
        index of the ``,`` or closer that ends it."""
        text = self.text
        start = i
        pieces: list[tuple[bool, str]] = []
        while True:
            i = _skip_ws(text, i, bound)
            ch = text[i] if i < bound else ""
            if ch == "{":
                e = _after_braced(text, i, bound)
                if e < 0:
                    raise _Broken("a '{' is not closed")
                pieces.append((False, text[i + 1 : e - 1]))
                i = e
            elif ch == '"':
                e = _after_quoted(text, i, bound)
                if e < 0:
                    raise _Broken("a quote is not closed")
                pieces.append((False, text[i + 1 : e - 1]))
                i = e
            elif ch and ch not in ",#" and ch != closer:
                b = _BARE[closer].match(text, i, bound)
                if b is None:  # a stray "=" or brace: keep the value as written
                    return self.verbatim(start, bound, closer)
                word = b.group()
                pieces.append((not word.isdigit(), word))
                i = b.end()
            i = _skip_ws(text, i, bound)
            ch = text[i] if i < bound else ""
            if ch == "#":
                i += 1
                continue
            if ch == "," or ch == closer:
                return pieces, i
            if not ch:
                raise _Broken("the entry is not closed")
            # pieces side by side without "#": keep the value as written
            return self.verbatim(start, bound, closer)

    def verbatim(self, i: int, bound: int, closer: str) -> tuple[list[tuple[bool, str]], int]:
        """The text from ``i`` to the next ``,`` or closer outside braces and
        quotes, as written (what a lenient reader makes of a malformed value)."""
        text = self.text
        depth = 0
        in_quotes = False
        for m in _VALUE_END[closer].finditer(text, i, bound):
            ch = m.group()
            if ch == "{":
                depth += 1
            elif ch == "}" and depth:
                depth -= 1
            elif ch == '"':
                if depth == 0:
                    in_quotes = not in_quotes
            elif depth == 0 and not in_quotes:
                return [(False, text[i : m.start()].strip())], m.start()
        raise _Broken("the entry is not closed")

    def string(self, body: int, bound: int, closer: str) -> int:
        """Read ``@string{name = value}`` (several, comma-separated, are
        accepted); return the closer's index."""
        text = self.text
        j = body
        while True:
            j = _LEAD.match(text, j, bound).end()  # type: ignore[union-attr]
            m = _NAME_END[closer].search(text, j, bound)
            if m is None:
                raise _Broken("the @string block is not closed")
            name = text[j : m.start()].strip()
            if m.group() != "=" or not name:
                if m.group() == closer and not name and j > body:
                    return m.start()
                raise _Broken("expected 'name = value' in the @string block")
            pieces, k = self.value(m.end(), bound, closer)
            self.macros[name.lower()] = "".join(
                self.macros.get(v.lower(), v) if is_macro else v for is_macro, v in pieces
            )
            if text[k] == closer:
                return k
            j = k + 1


def read_bibtex(text: str) -> BibText:
    """Read every block of ``text`` (never raises on any text)."""
    return _Reader(text).read()
