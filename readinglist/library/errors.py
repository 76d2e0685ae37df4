"""Errors the Library raises; each message is fit to show a user as is."""


class LibraryError(Exception):
    """Base class: ``str(err)`` is one plain-language sentence."""


class LibraryNotFound(LibraryError):
    pass


class LibraryTooNew(LibraryError):
    """The library was written by a newer Reading List; it is left untouched."""


class LibraryLocked(LibraryError):
    """Another process holds the library and did not let go in time."""


class LibraryCorrupt(LibraryError):
    pass


class UnknownPaper(LibraryError):
    pass


class InvalidValue(LibraryError):
    """A bad status word, tag name, etc."""
