"""A line plot of the loss over the training steps, drawn with QPainter.

Point k is the loss after k steps (point 0: before the first); the caption above gives
the loss of the values on screen, which is the last point right after training.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ..model.values import format_number
from . import style

RIGHT, TOP, BOTTOM = 12.0, 24.0, 34.0  # room for the caption above, the steps and their name below
TITLE = 18.0  # the rotated "loss" at the left, beside the tick labels
TICK = 4.0


class LossPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.losses: list[float] = []
        self.current: float | None = None
        self.setMinimumSize(220, 180)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 240)

    def set_losses(self, losses: list[float], current: float | None = None) -> None:
        """The loss after 0, 1, … steps; ``current``: the loss of the values on screen."""
        self.losses = list(losses)
        self.current = current
        self.update()

    @property
    def caption(self) -> str:
        """``step 105: L = 0.009647``, or "" before training."""
        if not self.losses:
            return ""
        loss = self.current if self.current is not None else self.losses[-1]
        return self.tr("step {n}: L = {loss}").format(n=len(self.losses) - 1, loss=format_number(loss))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        points = [(i, v) for i, v in enumerate(self.losses) if math.isfinite(v)]
        low = min((v for _, v in points), default=0.0)
        high = max((v for _, v in points), default=0.0)
        ticks = (format_number(high, 3), format_number(low, 3)) if points else ("", "")
        painter.setFont(style.ui_font(8))
        left = TITLE + max(painter.fontMetrics().horizontalAdvance(t) for t in ticks) + TICK + 6
        area = QRectF(left, TOP, self.width() - left - RIGHT, self.height() - TOP - BOTTOM)
        painter.setPen(QPen(style.NODE_BORDER, 1))
        painter.drawRect(area)
        self._axis_names(painter, area)
        if not points:
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap  # a narrow dock wraps the hint
            painter.drawText(
                area.adjusted(6, 0, -6, 0), int(flags), self.tr("The loss appears here as you train.")
            )
            return
        span, n = (high - low) or 1.0, max(1, len(self.losses) - 1)

        def at(i: float, v: float) -> QPointF:
            return QPointF(
                area.left() + area.width() * i / n, area.bottom() - area.height() * (v - low) / span
            )

        self._ticks(painter, area, ticks, n)
        painter.setPen(QPen(style.GRAD_COLOR, 2))
        painter.drawPolyline(QPolygonF([at(i, v) for i, v in points]))
        painter.setBrush(style.GRAD_COLOR)
        painter.drawEllipse(at(*points[-1]), 3, 3)
        painter.setPen(style.VALUE_COLOR)
        painter.setFont(style.ui_font(9))
        painter.drawText(QRectF(0, 2, self.width(), TOP - 4), Qt.AlignmentFlag.AlignCenter, self.caption)

    def _axis_names(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(style.VALUE_COLOR)
        below = QRectF(area.left(), self.height() - 16, area.width(), 14)
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self.tr("step"))
        painter.save()
        painter.translate(TITLE / 2 + 1, area.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-area.height() / 2, -8, area.height(), 16), Qt.AlignmentFlag.AlignCenter, self.tr("loss")
        )
        painter.restore()

    def _ticks(self, painter: QPainter, area: QRectF, ticks: tuple[str, str], n: int) -> None:
        """The highest and lowest loss; the first, middle and last step."""
        painter.setPen(QPen(style.NODE_BORDER, 1))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for y, label in ((area.top(), ticks[0]), (area.bottom(), ticks[1] if ticks[1] != ticks[0] else "")):
            painter.drawLine(QPointF(area.left() - TICK, y), QPointF(area.left(), y))
            painter.drawText(QRectF(TITLE, y - 8, area.left() - TITLE - TICK - 2, 16), right, label)
        steps = sorted({0, n // 2, n}) if n > 1 else [0, 1]
        for k in steps:
            x = area.left() + area.width() * k / n
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + TICK))
            painter.drawText(
                QRectF(x - 30, area.bottom() + TICK, 60, 14), Qt.AlignmentFlag.AlignCenter, str(k)
            )
