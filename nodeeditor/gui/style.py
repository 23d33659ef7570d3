"""Colours, fonts and sizes shared by the graphics items."""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor, QFont

NODE_WIDTH = 130.0
TITLE_HEIGHT = 26.0
ROW_HEIGHT = 22.0
SOCKET_RADIUS = 6.0
GRID = 20.0
# Nodes are drawn within ±COORD_LIMIT (the file format's range of positions): a
# position beyond it, possible through the Python API, is drawn at the edge, so the
# view's zoom and an export's size stay finite numbers.
COORD_LIMIT = 1e7
# Below this zoom no text is drawn (the view's bulk overview takes over at 0.3 too).
# A lesson framed whole in a small window sits at ~0.4: its numbers are still drawn.
LOD_TEXT = 0.3

VALUE_COLOR = QColor("#1b1f24")
GRAD_COLOR = QColor("#c62828")
WIRE_COLOR = QColor("#5f6b7a")
WIRE_SELECTED = QColor("#f57c00")
NODE_FILL = QColor("#ffffff")
NODE_BORDER = QColor("#8a96a3")
NODE_SELECTED = QColor("#f57c00")
SOCKET_FILL = QColor("#eceff1")
VALID_TARGET = QColor("#43a047")
STEP_CURRENT = QColor("#fbc02d")
BADGE_WARNING = QColor("#ef6c00")
BADGE_UNDEFINED = QColor("#9e9e9e")
GRID_MINOR = QColor("#eef1f4")
GRID_MAJOR = QColor("#dfe4ea")
BACKGROUND = QColor("#f8f9fb")
LABEL_BACKGROUND = QColor(248, 249, 251, 220)
HINT_COLOR = QColor("#6b7785")
# Issue 11. Okabe-Ito colours, told apart by every common colour blindness: the tangents'
# blue against the gradients' red (drawn framed and italic as well, so not by hue alone),
# the paths' bluish green against the selection's orange (and thicker than any wire).
TANGENT_COLOR = QColor("#0072b2")
PATH_COLOR = QColor("#009e73")
TARGET_BANNER = QColor("#fff4d6")

CATEGORY_COLORS = {
    "Input": QColor("#2e7d32"),
    "Output": QColor("#455a64"),
    "arith": QColor("#1565c0"),
    "curve": QColor("#6a1b9a"),
    "tensor": QColor("#00838f"),
}
_CATEGORY = {
    "Input": "Input",
    "Output": "Output",
    "Add": "arith",
    "Sub": "arith",
    "Mul": "arith",
    "Div": "arith",
    "Neg": "arith",
    "Sum": "tensor",
    "MatMul": "tensor",
}


def category_color(type_name: str) -> QColor:
    return CATEGORY_COLORS[_CATEGORY.get(type_name, "curve")]


@functools.cache  # the same few fonts are set on every paint; QFont is shared, never mutated
def ui_font(point_size: float = 9.0, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
