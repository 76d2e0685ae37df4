"""The page panel: the author / topic / tag page shown above the paper table.

``PagePanel.show_for(page)`` takes the main window's current page
(("author", "12"), ("topic", "cs.CL"), ("tag", "thesis"), or anything else
to hide) and loads that page's aggregates, in a background task when a
TaskRunner is given (the GUI thread never waits on a 30,000-paper topic),
otherwise at once.  A stale result (the user moved on) is dropped.

The panel's own actions are quick single writes: merging a suggested
alias, "not the same person", renaming a topic, moving the selected papers
to another author.  In the main window they go through its writer thread
(``write``); the committed change then refreshes the page.  Standalone, they
call the Library directly and reload.  Links on the pages
(co-authors, top authors, topics, tags) emit ``author_activated`` /
``topic_activated`` / ``tag_activated``; ``install(window)`` puts the panel
into the main window's library view and connects them to open those pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QStackedWidget, QWidget

from readinglist.library.errors import LibraryError
from readinglist.library.types import PaperQuery

log = logging.getLogger(__name__)
KINDS = ("author", "topic", "tag")


def load_page(library: Any, kind: str, value: str) -> tuple[str, Any, Any]:
    """(kind, page record, extra) for a page; runs on any thread."""
    if kind == "author":
        author_id = int(value)
        return kind, library.author_page(author_id), library.alias_suggestions(author_id)
    if kind == "topic":
        return kind, library.topic_page(value), None
    if kind == "tag":
        return kind, library.tag_page(value), None
    raise ValueError(kind)


class PagePanel(QStackedWidget):
    """One of the three pages, for the window's current page."""

    author_activated = Signal(int, str)
    topic_activated = Signal(str)
    tag_activated = Signal(str)
    loaded = Signal(str)  # the kind of page just shown

    def __init__(self, library: Any, runner: Any = None, *, show_title: bool = False,
                 selected_ids: Callable[[], list[int]] | None = None,
                 write: Callable[..., None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePanel")
        self.library = library
        self.runner = runner
        self.selected_ids = selected_ids or (lambda: [])
        self.write = write
        self._show_title = show_title
        self._pages: dict[str, Any] = {}  # built on first use: start-up stays light
        self.current: tuple[str, str] | None = None
        self._request = 0
        self.hide()

    # -- the pages (built when first shown) ------------------------------------
    @property
    def author(self) -> Any:
        return self._page("author")

    @property
    def topic(self) -> Any:
        return self._page("topic")

    @property
    def tag(self) -> Any:
        return self._page("tag")

    def _page(self, kind: str) -> Any:
        page = self._pages.get(kind)
        if page is not None:
            return page
        if kind == "author":
            from readinglist.ui.pages.author_page import AuthorPage

            page = AuthorPage(self._show_title)
            page.merge_requested.connect(self.merge)
            page.distinct_requested.connect(self.mark_distinct)
            page.split_requested.connect(self.split_selected)
        elif kind == "topic":
            from readinglist.ui.pages.topic_page import TopicPage

            page = TopicPage(self._show_title)
            page.rename_requested.connect(self.rename_topic)
        else:
            from readinglist.ui.pages.tag_page import TagPage

            page = TagPage(self._show_title)
        self.addWidget(page)
        page.author_activated.connect(self.author_activated)
        page.topic_activated.connect(self.topic_activated)
        page.tag_activated.connect(self.tag_activated)
        self._pages[kind] = page
        return page

    # -- showing ----------------------------------------------------------------
    def show_for(self, page: tuple[str, Any] | None, *, refresh: bool = False) -> bool:
        """Show (and load) ``page`` if it is an author / topic / tag page;
        hide otherwise.  Returns whether a page is shown."""
        if page is None or page[0] not in KINDS:
            self.current = None
            self._request += 1
            self.hide()
            return False
        wanted = (page[0], str(page[1]))
        if wanted != self.current or refresh:
            self.current = wanted
            self.reload()
        return True

    def reload(self) -> None:
        if self.current is None:
            return
        self._request += 1
        request = self._request
        kind, value = self.current
        if self.runner is None:
            try:
                self._apply(request, load_page(self.library, kind, value))
            except (LibraryError, ValueError) as exc:
                self._failed(request, str(exc))
            return
        self.runner.start(
            lambda lib, _cancel: load_page(lib, kind, value),
            name=f"{kind} page",
            on_result=lambda data: self._apply(request, data),
            on_failed=lambda msg: self._failed(request, msg),
        )

    def _apply(self, request: int, data: tuple[str, Any, Any]) -> None:
        if request != self._request:
            return  # the user has moved on
        kind, page, extra = data
        if kind == "author":
            self.author.set_page(page, extra)
            self.setCurrentWidget(self.author)
        elif kind == "topic":
            self.topic.set_page(page)
            self.setCurrentWidget(self.topic)
        else:
            self.tag.set_page(page)
            self.setCurrentWidget(self.tag)
        self.show()
        self.loaded.emit(kind)

    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            log.info("page not shown: %s", message)
            self.hide()

    def current_page(self) -> Any:
        return self.currentWidget() if self.isVisible() else None

    # -- actions ----------------------------------------------------------------
    def _write(self, method: str, *args: Any) -> None:
        """``Library.<method>(*args)``: queued on the window's writer, or done now."""
        if self.write is not None:
            self.write(method, *args)
            return
        try:
            getattr(self.library, method)(*args)
        except LibraryError as exc:
            QMessageBox.warning(self, "Reading List", str(exc))
        self.reload()

    def merge(self, keep_id: int, other_id: int) -> None:
        self._write("merge_authors", keep_id, [other_id])

    def mark_distinct(self, author_id: int, other_id: int) -> None:
        self._write("mark_authors_distinct", author_id, other_id)

    def rename_topic(self, code: str) -> None:
        page = self.topic.page
        current = page.name if page is not None else code
        text, ok = QInputDialog.getText(
            self, "Rename topic",
            f"Name to show for {code} (empty: the arXiv name):", QLineEdit.EchoMode.Normal,
            current)
        if ok:
            self._write("rename_topic", code, text.strip() or None)

    def split_selected(self, author_id: int) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Reading List",
                                    "Select the papers in the table that are by someone else "
                                    "of this name, then choose this again.")
            return
        page = self.author.page
        name, ok = QInputDialog.getText(
            self, "Move papers to another author",
            f"Who wrote the {len(ids)} selected papers instead? (the same name makes a "
            "separate author of that name)", QLineEdit.EchoMode.Normal,
            page.author.name if page is not None else "")
        if ok and name.strip():
            self._write("split_author", author_id, ids, name)


def open_page(window: Any, kind: str, value: str) -> None:
    """Show a topic or tag page in the main window (as the sidebar would)."""
    if kind == "author":
        window.open_author(int(value))
        return
    key = f"{kind}:{value}"
    window.base_key = key
    window.base_query = PaperQuery(topic=value) if kind == "topic" else PaperQuery(tag=value)
    window._page = (kind, value)
    if not window.sidebar.select_key(key, notify=False):
        window.sidebar.select_key("", notify=False)
    window.search.blockSignals(True)
    window.search.clear()
    window.search.blockSignals(False)
    window.apply_query()


def install(window: Any) -> PagePanel:
    """Put a PagePanel above the window's paper table and wire its links."""
    panel = PagePanel(window.library, getattr(window, "runner", None),
                      selected_ids=window.selected_ids,
                      write=lambda method, *args: window._write(method, *args))
    window.view.layout().insertWidget(1, panel)
    panel.author_activated.connect(lambda aid, name: window.open_author(aid, name))
    panel.topic_activated.connect(lambda code: open_page(window, "topic", code))
    panel.tag_activated.connect(lambda name: open_page(window, "tag", name))
    return panel
