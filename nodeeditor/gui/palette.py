"""The palette: every node type with its icon, name and formula, to drag onto the canvas."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..model import NODE_TYPES
from ..model.captions import derivatives, formula
from . import style
from .i18n import Retranslatable, type_text

NODE_MIME = "application/x-backprop-node-type"
TYPE_ROLE = Qt.ItemDataRole.UserRole
ENTRY_MARGINS = 20  # pixels of an entry that are neither icon nor text


def type_icon(type_name: str, size: int = 20) -> QIcon:
    """A small rounded square in the node's category colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(style.category_color(type_name))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), 4, 4)
    painter.end()
    return QIcon(pixmap)


def type_tooltip(type_name: str) -> str:
    """What the type does, its formula and its derivatives, written as the captions write them."""
    translate = QCoreApplication.translate
    description = translate("ops", NODE_TYPES[type_name].description)
    return "\n".join((description, formula(type_name, translate), derivatives(type_name, translate)))


class NodeTypeList(Retranslatable, QListWidget):
    """The list itself; dragging an entry carries its type name.

    An entry too wide for the dock takes two lines, the type's name above its formula,
    so a long formula (Sigmoid's z = σ(x) = 1 / (1 + e^(−x))) reads whole in a narrow dock."""

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setIconSize(QSize(18, 18))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(1)
        for type_name in NODE_TYPES:
            item = QListWidgetItem(type_icon(type_name), "")
            item.setData(TYPE_ROLE, type_name)
            self.addItem(item)
        self.retranslate()
        self.itemDoubleClicked.connect(lambda item: self.add_requested.emit(item.data(TYPE_ROLE)))

    def retranslate(self) -> None:
        """Names, formulas and tooltips in the interface's language (also after a live switch)."""
        room = self.viewport().width() - self.iconSize().width() - ENTRY_MARGINS
        metrics = self.fontMetrics()
        for i in range(self.count()):
            item = self.item(i)
            type_name = item.data(TYPE_ROLE)
            name, written = type_text(type_name), formula(type_name, QCoreApplication.translate)
            item.setText(_entry_text(name, written, lambda text: metrics.horizontalAdvance(text) <= room))
            item.setToolTip(type_tooltip(type_name))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.retranslate()

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if items:
            mime.setData(NODE_MIME, items[0].data(TYPE_ROLE).encode("utf-8"))
        return mime

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [NODE_MIME]


def _entry_text(name: str, written: str, fits: Callable[[str], bool]) -> str:
    """One line where it fits; else the formula on a line of its own, whole; a formula too
    wide even so (Sigmoid's) breaks before its last `` = ``, as a textbook would."""
    if fits(line := f"{name}    {written}"):
        return line
    head, equals, tail = written.rpartition(" = ")
    if fits(written) or not head.strip():
        return f"{name}\n{written}"
    return f"{name}\n{head}\n{equals.strip()} {tail}"


class PaletteWidget(Retranslatable, QWidget):
    """A filter box above the list of node types."""

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.list = NodeTypeList()
        self.filter.textChanged.connect(self.apply_filter)
        self.list.add_requested.connect(self.add_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter nodes…"))
        # The names it matches changed; Qt tells the list in no set order, so name it first.
        self.list.retranslate()
        self.apply_filter(self.filter.text())

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            english = item.data(TYPE_ROLE).lower()  # "mul" finds 곱셈 too
            item.setHidden(bool(needle) and needle not in item.text().lower() and needle not in english)
