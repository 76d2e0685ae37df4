"""The tables of a library, declared with SQLModel (the current schema).

These classes document the schema (and serve ad-hoc SQLModel sessions in
tools and tests).  The Library itself talks to SQLite
through plain ``sqlite3`` statements for bulk speed, and the schema is
created by the numbered steps in ``migrations.py`` (frozen SQL, so an old
step never changes); a test keeps these classes and the migrated schema
in agreement.  JSON columns hold text.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from readinglist.store.version import SCHEMA_VERSION  # noqa: F401  (re-exported)


class Paper(SQLModel, table=True):
    __tablename__ = "paper"

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    title_key: str = Field(default="", index=True)
    abstract: str | None = None
    abstract_key: str = Field(default="", index=True)
    date: str | None = Field(default=None, index=True)  # ISO, may be partial
    year: int | None = Field(default=None, index=True)
    arxiv_id: str | None = Field(default=None, index=True)  # version-less
    doi: str | None = Field(default=None, index=True)  # lower-cased
    url: str | None = None
    venue: str | None = None
    organization: str | None = None
    has_code: bool = False
    code_url: str | None = None
    status: str = Field(default="unread", index=True)
    priority: int = 0
    starred: bool = False
    added_at: str = Field(index=True)
    updated_at: str
    read_at: str | None = None
    trashed_at: str | None = Field(default=None, index=True)
    pdf_sha256: str | None = Field(default=None, index=True)
    pdf_path: str | None = None  # relative to the files folder
    thumbnail_path: str | None = None  # relative to the files folder
    page_count: int | None = None
    text_indexed: bool = False
    needs_review: bool = False
    review_reasons: str = "[]"  # JSON list of sentences
    authors_truncated: bool = False
    author_count: int | None = None
    first_author_key: str = ""  # sort key for the authors column
    edited_fields: str = "[]"  # JSON list of fields the user edited
    field_confidence: str = "{}"  # JSON {field: 0..1}
    extra: str = "{}"  # JSON: pages, volume, publisher, entry_type, citekey, ...
    citekey: str | None = Field(default=None, unique=True)  # stored for good when added


class Author(SQLModel, table=True):
    __tablename__ = "author"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)
    aliases: str = "[]"  # JSON list of other display forms seen
    paper_count: int = 0  # maintained: papers not in the trash
    read_count: int = 0  # maintained: of those, status "read"


class PaperAuthor(SQLModel, table=True):
    __tablename__ = "paper_author"

    paper_id: int = Field(foreign_key="paper.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    author_id: int = Field(foreign_key="author.id", index=True)


class Topic(SQLModel, table=True):
    __tablename__ = "topic"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True)
    name: str
    display_name: str | None = None  # the user's own name for it
    paper_count: int = 0  # maintained: papers not in the trash
    read_count: int = 0  # maintained: of those, status "read"


class PaperTopic(SQLModel, table=True):
    __tablename__ = "paper_topic"

    paper_id: int = Field(foreign_key="paper.id", primary_key=True, ondelete="CASCADE")
    topic_id: int = Field(foreign_key="topic.id", primary_key=True, index=True)


class Tag(SQLModel, table=True):
    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    key: str = Field(unique=True)  # case-folded name: tags are case-insensitive
    color: str | None = None


class PaperTag(SQLModel, table=True):
    __tablename__ = "paper_tag"

    paper_id: int = Field(foreign_key="paper.id", primary_key=True, ondelete="CASCADE")
    tag_id: int = Field(foreign_key="tag.id", primary_key=True, index=True, ondelete="CASCADE")


class Note(SQLModel, table=True):
    __tablename__ = "note"

    paper_id: int = Field(foreign_key="paper.id", primary_key=True, ondelete="CASCADE")
    text: str = ""
    created_at: str
    updated_at: str


class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # "paste" | "pdf" | "file"
    created_at: str
    source_name: str | None = None
    format: str | None = None
    added: int = 0
    merged: int = 0
    skipped: int = 0
    raw_text: str = ""
    undone: bool = False
    profile: str | None = None  # JSON of ParseResult.profile
    warnings: str = "[]"  # JSON list


class PaperSource(SQLModel, table=True):
    __tablename__ = "paper_source"

    id: int | None = Field(default=None, primary_key=True)
    paper_id: int = Field(foreign_key="paper.id", index=True, ondelete="CASCADE")
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    entry_index: int | None = None
    action: str  # "added" | "merged" | "skipped"
    raw: str = ""
    snapshot: str | None = None  # JSON: what a merge changed, to revert it


class AuthorAlias(SQLModel, table=True):
    """A remembered identity decision: the name ``key`` (as sources spell it)
    means ``author_id``, everywhere (``paper_id`` NULL: a merge) or only on
    one paper (a split).  Honoured by every later import."""

    __tablename__ = "author_alias"

    id: int | None = Field(default=None, primary_key=True)
    key: str
    paper_id: int | None = Field(default=None, foreign_key="paper.id", ondelete="CASCADE")
    author_id: int = Field(foreign_key="author.id", index=True, ondelete="CASCADE")
    created_at: str


class AuthorDistinct(SQLModel, table=True):
    """Two authors the user said are different people (no alias suggestion)."""

    __tablename__ = "author_distinct"

    author_id: int = Field(foreign_key="author.id", primary_key=True, ondelete="CASCADE")
    other_id: int = Field(foreign_key="author.id", primary_key=True, ondelete="CASCADE")


class TitleBlock(SQLModel, table=True):
    """The blocking keys of a paper's title (``core.titles.block_keys``):
    papers sharing one are compared for similar titles on import."""

    __tablename__ = "title_block"

    block: str = Field(primary_key=True)
    paper_id: int = Field(foreign_key="paper.id", primary_key=True, index=True,
                          ondelete="CASCADE")
