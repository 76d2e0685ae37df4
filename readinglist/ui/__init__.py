"""The Qt user interface: the only package that imports PySide6.

Importing it installs the work-arounds of :mod:`readinglist.ui.qtcompat`
for PySide6 reference-counting bugs before any widget is made.
"""

from readinglist.ui.qtcompat import install as _install_qt_workarounds

_install_qt_workarounds()
