"""Author, topic and tag pages: the header panel shown above the paper table
(``panel.PagePanel``, put in the main window by ``panel.install``) and the
page widgets it stacks (``author_page``, ``topic_page``, ``tag_page``)."""

from readinglist.ui.pages.panel import PagePanel, install, load_page, open_page

__all__ = ["PagePanel", "install", "load_page", "open_page"]
