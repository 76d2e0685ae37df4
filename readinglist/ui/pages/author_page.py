"""The author page: name and aliases, counts and read progress, papers per
year by status, topics, co-authors (each a link to their own page), tags,
the profiles they were imported from, and possible aliases with Merge /
"Not the same person" buttons (never merged without the user)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readinglist.ui.pages.common import PageBase, plural

PROFILE_FACTS = (("h_index", "h-index {}"), ("paper_count", "{} papers"),
                 ("citations", "{} citations"), ("affiliation", "{}"))


def profile_text(profiles: list[dict]) -> str:
    """The newest pasted profile as one line of rich text ("" if none)."""
    if not profiles:
        return ""
    p = profiles[0]
    facts = [fmt.format(p[k]) for k, fmt in PROFILE_FACTS if p.get(k) not in (None, "")]
    source = str(p.get("source") or "pasted")
    when = str(p.get("imported_at") or "")[:10]
    line = f"Profile ({html.escape(source)}" + (f", imported {html.escape(when)})" if when
                                                 else ")")
    return line + (": " + html.escape(" · ".join(facts)) if facts else "")


class AuthorPage(PageBase):
    """Shows an ``AuthorPage`` record (``set_page``)."""

    merge_requested = Signal(int, int)  # keep, other
    distinct_requested = Signal(int, int)
    split_requested = Signal(int)  # author id: move the selected papers elsewhere

    def __init__(self, show_title: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(show_title, parent)
        self.setObjectName("authorPage")
        self.page: Any = None
        self.topics_label, self.topics = self.add_section("Topics")
        self.coauthors_label, self.coauthors = self.add_section("Co-authors", limit=14)
        self.tags_label, self.tags = self.add_section("Tags")
        self.suggest_box = QWidget()
        self.suggest_layout = QVBoxLayout(self.suggest_box)
        self.suggest_layout.setContentsMargins(0, 4, 0, 0)
        self._sections.insertWidget(0, self.suggest_box)  # first: it asks for a decision
        self.split_button = QPushButton("Move selected papers to another author…")
        self.split_button.setObjectName("splitAuthor")
        self.split_button.setFlat(True)
        self.split_button.clicked.connect(
            lambda: self.page is not None and self.split_requested.emit(self.page.author.id))
        self.add_widget(self.split_button)
        self.topics.activated.connect(lambda code: self.topic_activated.emit(str(code)))
        self.coauthors.activated.connect(lambda p: self.author_activated.emit(int(p[0]), p[1]))
        self.tags.activated.connect(lambda name: self.tag_activated.emit(str(name)))

    def set_page(self, page: Any, suggestions: list[Any] | None = None) -> None:
        self.page = page
        title = page.author.name
        self.show_stats(title, page.stats)
        extra = []
        if page.aliases:
            extra.append("Also written " + html.escape(", ".join(page.aliases)))
        if page.profiles and self.show_title:  # else the window's header shows it
            extra.append(profile_text(page.profiles))
        self.show_extra("<br>".join(extra))
        self.fill(self.topics_label, self.topics,
                  [(t.name, t.count, t.code, f"{t.code}: {plural(t.count, 'paper')}")
                   for t in page.topics])
        self.fill(self.coauthors_label, self.coauthors,
                  [(c.name, c.count, (c.id, c.name),
                    f"{plural(c.count, 'shared paper')} — open {c.name}'s page")
                   for c in page.coauthors])
        self.fill(self.tags_label, self.tags,
                  [(t.name, t.count, t.name, f"tag {t.name}") for t in page.tags])
        self._show_suggestions(suggestions or [])

    def _show_suggestions(self, suggestions: list[Any]) -> None:
        while (item := self.suggest_layout.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        if not suggestions:
            self.suggest_box.hide()
            return
        self.suggest_box.show()
        self.suggest_layout.addWidget(QLabel("<b>Possibly the same person</b>"))
        me = self.page.author.id
        for s in suggestions:
            row = QWidget()
            row.setObjectName("aliasSuggestion")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            name = QLabel(f"<a href='#'>{html.escape(s.author.name)}</a> "
                          f"({plural(s.paper_count, 'paper')}; {html.escape(s.reason)})")
            name.setWordWrap(True)
            name.setMinimumWidth(120)
            name.setToolTip("Shared co-authors: " + ", ".join(s.shared_coauthors)
                            if s.shared_coauthors else s.reason)
            name.linkActivated.connect(
                lambda _l, a=s.author: self.author_activated.emit(a.id, a.name))
            merge = QPushButton("Merge")
            merge.setObjectName("mergeAuthor")
            merge.setToolTip(f"Make {s.author.name} and {self.page.author.name} one author; "
                             "later imports will remember it")
            merge.clicked.connect(lambda _=False, o=s.author.id: self.merge_requested.emit(me, o))
            differ = QPushButton("Not the same")
            differ.setObjectName("distinctAuthor")
            differ.clicked.connect(
                lambda _=False, o=s.author.id: self.distinct_requested.emit(me, o))
            line.addWidget(name, 1)
            line.addWidget(merge)
            line.addWidget(differ)
            self.suggest_layout.addWidget(row)
