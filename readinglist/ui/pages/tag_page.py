"""The tag page: browse by one of the user's tags as by a topic: paper count
and read progress, papers per year by status, its topics, its most frequent
authors (links) and the other tags on the same papers."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from readinglist.ui.pages.common import PageBase, plural


class TagPage(PageBase):
    """Shows a ``TagPage`` record (``set_page``)."""

    def __init__(self, show_title: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(show_title, parent)
        self.setObjectName("tagPage")
        self.page: Any = None
        self.topics_label, self.topics = self.add_section("Topics")
        self.authors_label, self.authors = self.add_section("Most frequent authors", limit=14)
        self.related_label, self.related = self.add_section("Tags on the same papers")
        self.topics.activated.connect(lambda code: self.topic_activated.emit(str(code)))
        self.authors.activated.connect(lambda p: self.author_activated.emit(int(p[0]), p[1]))
        self.related.activated.connect(lambda name: self.tag_activated.emit(str(name)))

    def set_page(self, page: Any) -> None:
        self.page = page
        self.show_stats(f"Tag: {page.name}", page.stats)
        self.fill(self.topics_label, self.topics,
                  [(t.name, t.count, t.code, f"{t.code}: {plural(t.count, 'paper')}")
                   for t in page.topics])
        self.fill(self.authors_label, self.authors,
                  [(a.name, a.count, (a.id, a.name), f"{plural(a.count, 'paper')} with this tag")
                   for a in page.top_authors])
        self.fill(self.related_label, self.related,
                  [(t.name, t.count, t.name, f"tag {t.name}") for t in page.related])
