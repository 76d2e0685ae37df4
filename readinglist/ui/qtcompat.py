"""Work-around for a PySide6 reference-counting bug that crashes the app.

Measured with PySide6 6.12.0 on CPython 3.11: every Qt method returning
``void`` called from Python, every empty QVariant returned as ``None``
(``QModelIndex.data()``, ``QComboBox.currentData()``) and every
``QTimer.singleShot`` callback takes one reference from ``None`` that it
never owned, and every ``SignalInstance.emit()`` takes one from ``True``.
The bindings behave as if ``None`` / ``True`` were immortal, which they are
only from CPython 3.12 on.  On 3.11 the counts drain with use and CPython
aborts ("none_dealloc" / "bool_dealloc"), usually at exit, after long
sessions even mid-use.

:func:`install` (run when ``readinglist.ui`` is imported) probes for the
bug and, only when it is present on a CPython older than 3.12, gives
``None``, ``True`` and ``False`` a reference count so large it cannot drain:
what CPython 3.12 does for these objects anyway.  Nothing changes on a
fixed PySide6 or a newer Python.  pyproject pins PySide6 below 6.12, so on
a supported install the probe finds nothing and Qt is called directly
everywhere; the guard stays for installs that bring their own PySide6.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

_installed = False
_HUGE = 1 << 40  # CPython 3.12 uses a similar "immortal" count


class _Probe(QObject):
    ping = Signal()


def _drains(obj: object, call: Any, n: int = 64) -> bool:
    """Does ``call()`` take a reference from ``obj`` each time?"""
    before = sys.getrefcount(obj)
    for _ in range(n):
        call()
    return before - sys.getrefcount(obj) >= n // 2


def _can_patch_refcounts() -> bool:
    return (
        sys.implementation.name == "cpython"
        and sys.version_info < (3, 12)
        and not hasattr(sys, "gettotalrefcount")  # debug builds lay objects out differently
    )


def _make_immortal(obj: object) -> None:
    count = ctypes.c_ssize_t.from_address(id(obj))
    count.value += _HUGE


def install() -> bool:
    """Apply the work-around if this PySide6 needs it; True when applied."""
    global _installed
    if _installed or not _can_patch_refcounts():
        return _installed
    timer = QTimer()
    probe = _Probe()
    if _drains(None, timer.stop) or _drains(True, probe.ping.emit):
        for obj in (None, True, False):
            _make_immortal(obj)
        _installed = True
    return _installed
