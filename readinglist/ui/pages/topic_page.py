"""The topic page: the topic's name and code (with a Rename button for the
user's own display name), paper count and read progress, papers per year by
status, the most frequent authors (links to their pages), related topics
(co-occurring on the same papers) and tags."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from readinglist.ui.pages.common import PageBase, plural


class TopicPage(PageBase):
    """Shows a ``TopicPage`` record (``set_page``)."""

    rename_requested = Signal(str)  # topic code

    def __init__(self, show_title: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(show_title, parent)
        self.setObjectName("topicPage")
        self.page: Any = None
        self.authors_label, self.authors = self.add_section("Most frequent authors", limit=14)
        self.related_label, self.related = self.add_section("Related topics")
        self.tags_label, self.tags = self.add_section("Tags")
        self.rename_button = QPushButton("Rename topic…")
        self.rename_button.setObjectName("renameTopic")
        self.rename_button.setFlat(True)
        self.rename_button.clicked.connect(
            lambda: self.page is not None and self.rename_requested.emit(self.page.code))
        self.add_widget(self.rename_button)
        self.authors.activated.connect(lambda p: self.author_activated.emit(int(p[0]), p[1]))
        self.related.activated.connect(lambda code: self.topic_activated.emit(str(code)))
        self.tags.activated.connect(lambda name: self.tag_activated.emit(str(name)))

    def set_page(self, page: Any) -> None:
        self.page = page
        self.show_stats(f"{page.name} ({page.code})", page.stats)
        self.show_extra(f"Shown as “{html.escape(page.name)}”; arXiv calls it "
                        f"{html.escape(page.taxonomy_name)}" if page.renamed else "")
        self.fill(self.authors_label, self.authors,
                  [(a.name, a.count, (a.id, a.name), f"{plural(a.count, 'paper')} in this topic")
                   for a in page.top_authors])
        self.fill(self.related_label, self.related,
                  [(t.name, t.count, t.code, f"{t.code}: {plural(t.count, 'shared paper')}")
                   for t in page.related])
        self.fill(self.tags_label, self.tags,
                  [(t.name, t.count, t.name, f"tag {t.name}") for t in page.tags])
