"""Over the canvas: the banner that names the differentiation target (issue 11 §2), with
one click back to the loss, and the legend of the wires' labels and colours.

Both are widgets on the view, not scene items: they stay put and readable at any zoom.
``TargetBanner.banner_text`` is the one place the banner's words (and shape) are made.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from . import style
from .edge_item import _label_font, _tangent_font
from .i18n import Retranslatable

MARGIN = 10  # pixels between an overlay and the canvas's edge


class TargetBanner(Retranslatable, QFrame):
    """ "Gradients of t: every red label is ∂t/∂(wire)" and a button back to the loss."""

    back_to_loss = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("target-banner")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"#target-banner {{ background: {style.TARGET_BANNER.name()}; border: 1px solid "
            f"{style.BADGE_WARNING.name()}; border-radius: 4px; }}"
        )
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # node names come from files
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.back_to_loss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._target: tuple[str, str, tuple[int, ...]] | None = None  # (name, symbol, shape)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Back to the loss"))
        self.button.setToolTip(self.tr("Differentiate the loss again: every red label is ∂L/∂(wire)"))
        self._show_text()

    def show_target(self, name: str | None, symbol: str = "", shape: tuple[int, ...] = ()) -> None:
        """Name the target (None: the loss, and the banner goes)."""
        self._target = None if name is None else (name, symbol, tuple(shape))
        self._show_text()
        self.setVisible(name is not None)
        self.place()

    def _show_text(self) -> None:
        if self._target is not None:
            self.text.setText(self.banner_text(*self._target))

    def banner_text(self, name: str, symbol: str, shape: tuple[int, ...]) -> str:
        if shape:
            seed = self.tr("seeded with ones of its shape ({shape})").format(
                shape="×".join(str(n) for n in shape)
            )
        else:
            seed = self.tr("seeded with 1")
        return self.tr("Differentiating {name}: every red label is ∂{t}/∂(wire), {seed}.").format(
            name=name, t=symbol, seed=seed
        )

    def place(self) -> None:
        """Across the top of the canvas, clear of its edges."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(parent.width() - 2 * MARGIN, 720)
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, MARGIN)
        self.raise_()


class Legend(Retranslatable, QWidget):
    """What the labels and colours on the wires mean, drawn as the canvas draws them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.target = "L"  # the differentiated node's symbol
        self.wrt: str | None = None  # forward mode's Input (symbol), None when off
        self.paths = False
        self._rows: list[tuple[str, str, str]] = []  # (kind, sample, words)
        self.hide()

    def retranslate(self) -> None:
        self.show_state(self.target, self.wrt, self.paths)

    def show_state(self, target: str, wrt: str | None, paths: bool) -> None:
        """Shown while something beyond values and gradients is on the wires."""
        self.target, self.wrt, self.paths = target, wrt, paths
        rows = [
            ("value", "1.5", self.tr("value of the wire (forward)")),
            ("grad", "0.25", self.tr("∂{t}/∂(wire), reverse mode").format(t=target)),
        ]
        if wrt is not None:
            rows.append(("tangent", "1", self.tr("d(wire)/d{x}, forward mode").format(x=wrt)))
        if paths:
            rows.append(("path", "", self.tr("a wire on a path to {t}").format(t=target)))
        self._rows = rows
        self.setVisible(wrt is not None or paths or target != "L")
        self.place()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        words = max((self.fontMetrics().horizontalAdvance(w) for _, _, w in self._rows), default=0)
        return QSize(words + 80, len(self._rows) * self._row_height() + 10)

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.resize(self.sizeHint())
        self.move(MARGIN, parent.height() - self.height() - MARGIN - _scrollbar_room(parent))
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.NODE_BORDER, 1))
        painter.setBrush(style.LABEL_BACKGROUND)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        h = self._row_height()
        for i, (kind, sample, words) in enumerate(self._rows):
            y = 5 + i * h
            box = QRectF(8, y + 2, 56, h - 4)
            self._sample(painter, kind, sample, box)
            painter.setFont(self.font())
            painter.setPen(style.VALUE_COLOR)
            painter.drawText(QRectF(72, y, self.width() - 76, h), Qt.AlignmentFlag.AlignVCenter, words)
        painter.end()

    @staticmethod
    def _sample(painter: QPainter, kind: str, sample: str, box: QRectF) -> None:
        if kind == "path":
            pen = QPen(style.PATH_COLOR, 5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(box.left() + 4, box.center().y()), QPointF(box.right() - 4, box.center().y())
            )
            return
        color = {"value": style.VALUE_COLOR, "grad": style.GRAD_COLOR, "tangent": style.TANGENT_COLOR}[kind]
        if kind == "tangent":
            painter.setPen(QPen(style.TANGENT_COLOR, 1))
            painter.setBrush(style.LABEL_BACKGROUND)
            painter.drawRoundedRect(box, 3, 3)
            painter.setFont(_tangent_font())
        else:
            painter.setFont(_label_font())
        painter.setPen(color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, sample)


def _scrollbar_room(view: QWidget) -> int:
    bar = getattr(view, "horizontalScrollBar", None)
    return bar().height() if bar is not None and bar().isVisible() else 0


class OverlayPlacer(QObject):
    """Keeps the overlays in place when the canvas is resized."""

    def __init__(self, view: QWidget, *overlays: QWidget) -> None:
        super().__init__(view)
        self.overlays = overlays
        view.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            for overlay in self.overlays:
                overlay.place()  # type: ignore[attr-defined]
        return False
