"""Papers-per-year bar chart, split by read status, drawn with QPainter.

Each year is one stacked bar: read at the bottom, then reading, queued,
unread, dropped.  Colours come from the widget's QPalette (highlight, its
blends with the base colour, mid tones), so the chart stays readable in
light and dark themes and follows a theme change.  Hovering a bar shows a
tooltip with the year's numbers; a small legend sits above the bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# bottom to top
STACK = ("read", "reading", "queued", "unread", "dropped")
LABELS = {"read": "Read", "reading": "Reading", "queued": "Queued", "unread": "Unread",
          "dropped": "Dropped"}


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved towards ``b`` by ``t`` (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def status_colors(palette: QPalette) -> dict[str, QColor]:
    """A colour per status from ``palette`` (distinct on light and dark bases)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    if accent == base:
        accent = _blend(base, text, 0.7)
    # queued: a pale accent (towards white on light themes, towards the light
    # text on dark ones); reading: a deeper accent; both stay off the base
    dark = base.lightness() < 128
    return {
        "read": accent,
        "reading": _blend(accent, text, 0.3),
        "queued": _blend(accent, text, 0.6) if dark else _blend(accent, base, 0.6),
        "unread": _blend(base, text, 0.3),
        "dropped": _blend(base, text, 0.12),
    }


class YearChart(QWidget):
    """Stacked bars of papers per year; ``set_years`` takes YearCount records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearChart")
        self.setMouseTracking(True)
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._years: list[Any] = []
        self.hovered: int | None = None
        self.painted = 0  # paint count (lets tests see that drawing happened)

    # -- data ---------------------------------------------------------------
    def set_years(self, years: Sequence[Any]) -> None:
        self._years = list(years)
        self.hovered = None
        self.setAccessibleDescription(self.summary())
        self.update()

    def years(self) -> list[Any]:
        return list(self._years)

    def summary(self) -> str:
        """The chart as one sentence (accessibility, tests)."""
        return "; ".join(f"{self._label(y)}: {y.total}" for y in self._years)

    @staticmethod
    def _label(y: Any) -> str:
        return str(y.year) if y.year is not None else "n.d."

    def tooltip_for(self, index: int) -> str:
        y = self._years[index]
        parts = [f"{y.by_status.get(s, 0)} {LABELS[s].lower()}" for s in STACK
                 if y.by_status.get(s, 0)]
        what = "paper" if y.total == 1 else "papers"
        head = f"{self._label(y)}: {y.total} {what}"
        return head + (" — " + ", ".join(parts) if parts else "")

    # -- geometry -------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 150)

    def _plot_rect(self) -> QRectF:
        fm = QFontMetrics(self.font())
        top = fm.height() + 10  # legend
        bottom = fm.height() + 6  # year labels
        left = fm.horizontalAdvance("0000") + 8  # count axis
        return QRectF(left, top, max(1.0, self.width() - left - 6),
                      max(1.0, self.height() - top - bottom))

    def bar_rects(self) -> list[QRectF]:
        """The full-height slot of each year's bar, left to right."""
        n = len(self._years)
        if not n:
            return []
        plot = self._plot_rect()
        slot = plot.width() / n
        width = max(2.0, min(48.0, slot * 0.7))
        return [QRectF(plot.left() + slot * i + (slot - width) / 2, plot.top(), width,
                       plot.height()) for i in range(n)]

    def bar_at(self, pos: QPoint) -> int | None:
        plot = self._plot_rect()
        if not self._years or not (plot.top() <= pos.y() <= plot.bottom() + 20):
            return None
        slot = plot.width() / len(self._years)
        i = int((pos.x() - plot.left()) // slot) if slot > 0 else -1
        return i if 0 <= i < len(self._years) else None

    # -- events ---------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.bar_at(event.pos())
            if i is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(i), self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        i = self.bar_at(event.position().toPoint())
        if i != self.hovered:
            self.hovered = i
            self.setToolTip(self.tooltip_for(i) if i is not None else "")
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.hovered is not None:
            self.hovered = None
            self.update()
        super().leaveEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

    # -- drawing --------------------------------------------------------------
    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt API
        self.painted += 1
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        faint = _blend(pal.color(QPalette.ColorRole.Window), text, 0.25)
        colors = status_colors(pal)
        fm = QFontMetrics(self.font())
        plot = self._plot_rect()
        if not self._years:
            p.setPen(faint)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated papers")
            p.end()
            return
        self._draw_legend(p, fm, colors, text)
        top = max(y.total for y in self._years) or 1
        # axis: a baseline and the top count
        p.setPen(faint)
        p.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
        p.drawText(QRectF(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(top))
        p.drawText(QRectF(0, plot.bottom() - fm.height(), plot.left() - 4, fm.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, "0")
        rects = self.bar_rects()
        every = max(1, int(len(rects) * fm.horizontalAdvance("0000 ") // max(1.0, plot.width()))
                    + 1)
        for i, (y, slot) in enumerate(zip(self._years, rects, strict=True)):
            bottom = slot.bottom()
            for status in STACK:
                n = y.by_status.get(status, 0)
                if not n:
                    continue
                h = slot.height() * n / top
                color = QColor(colors[status])
                if self.hovered == i:
                    color = color.lighter(115) if color.lightness() < 128 else color.darker(110)
                p.fillRect(QRectF(slot.left(), bottom - h, slot.width(), h), color)
                bottom -= h
            if self.hovered == i:
                p.setPen(text)
                p.drawText(QRectF(slot.left() - 20, bottom - fm.height() - 2,
                                  slot.width() + 40, fm.height()),
                           Qt.AlignmentFlag.AlignCenter, str(y.total))
            if i % every == 0 or i == len(rects) - 1:
                p.setPen(text)
                label = self._label(y)
                label = label if len(rects) <= 12 or y.year is None else f"’{label[-2:]}"
                p.drawText(QRectF(slot.center().x() - 30, plot.bottom() + 3, 60, fm.height()),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        p.end()

    def _draw_legend(self, p: QPainter, fm: QFontMetrics, colors: dict[str, QColor],
                     text: QColor) -> None:
        shown = [s for s in STACK if any(y.by_status.get(s, 0) for y in self._years)]
        x = float(self._plot_rect().left())
        box = fm.height() * 0.7
        for status in shown:
            p.fillRect(QRectF(x, 4 + (fm.height() - box) / 2, box, box), colors[status])
            x += box + 4
            p.setPen(text)
            label = LABELS[status]
            p.drawText(QRectF(x, 4, fm.horizontalAdvance(label) + 2, fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x += fm.horizontalAdvance(label) + 12
