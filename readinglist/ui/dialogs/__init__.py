"""Dialogs: paste import, PDF import, keyboard shortcuts, about, errors."""
