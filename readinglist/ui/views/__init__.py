"""Main window parts: library view (table + page header), detail pane, sidebar."""
