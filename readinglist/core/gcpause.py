"""Holding off Python's cyclic garbage collector during bulk work.

Parsing a big paste, importing thousands of entries or listing every author
builds hundreds of thousands of small objects that form no reference
cycles; the collector's passes over a growing heap then cost as much as the
work itself.  ``paused()`` turns it off for the duration.  Pauses nest and
may overlap across threads: the collector comes back when the last one
ends, and only if it was on when the first one began.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the ``with`` block (see the module docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def paused_during(func: _F) -> _F:
    """Decorator: run ``func`` inside ``paused()``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with paused():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
