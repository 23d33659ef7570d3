"""A small line plot of the loss over training steps, drawn with QPainter."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ..model.values import format_value
from . import style

MARGIN_LEFT, MARGIN = 72.0, 12.0


class LossPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.losses: list[float] = []
        self.setMinimumHeight(140)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 160)

    def set_losses(self, losses: list[float]) -> None:
        self.losses = [x for x in losses if math.isfinite(x)]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        area = QRectF(
            MARGIN_LEFT, MARGIN, self.width() - MARGIN_LEFT - MARGIN, self.height() - 2 * MARGIN - 14
        )
        painter.setPen(QPen(style.NODE_BORDER, 1))
        painter.drawRect(area)
        if not self.losses:
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap  # a narrow dock wraps the hint
            hint = self.tr("The loss appears here as you train.")
            painter.drawText(area.adjusted(6, 0, -6, 0), int(flags), hint)
            return
        low, high = min(self.losses), max(self.losses)
        span = high - low or 1.0
        n = max(1, len(self.losses) - 1)
        points = QPolygonF(
            [
                QPointF(area.left() + area.width() * i / n, area.bottom() - area.height() * (v - low) / span)
                for i, v in enumerate(self.losses)
            ]
        )
        painter.setPen(QPen(style.GRAD_COLOR, 2))
        painter.drawPolyline(points)
        painter.setPen(style.VALUE_COLOR)
        painter.setFont(style.ui_font(8))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(0, area.top() - 8, MARGIN_LEFT - 4, 16), right, format_value(high))
        painter.drawText(QRectF(0, area.bottom() - 8, MARGIN_LEFT - 4, 16), right, format_value(low))
        caption = self.tr("step {n}: L = {loss}").format(
            n=len(self.losses), loss=format_value(self.losses[-1])
        )
        painter.drawText(
            QRectF(area.left(), area.bottom() + 2, area.width(), 14), Qt.AlignmentFlag.AlignCenter, caption
        )
