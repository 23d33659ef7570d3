"""Tooltips of the canvas: text from a file shown as text, values in readable rows.

Qt takes a tooltip that looks like HTML for rich text and loads what it names
(``<img src="/dev/zero">`` in a node name would read that path), so every canvas
tooltip is built here as rich text whose every piece of text is escaped.
No math here: numbers are only formatted.
"""

from __future__ import annotations

import html

import numpy as np

from ..model.values import Hidden, format_number, format_value

MAX_ROWS = 8
MAX_COLUMNS = 8
DIGITS = 6


def plain_tooltip(text: str) -> str:
    """``text`` exactly as written, line breaks kept, never read as markup."""
    return f"<p style='white-space:pre-wrap; margin:0'>{html.escape(text)}</p>"


def value_rows(value: object) -> list[str]:
    """A value as lines of aligned numbers: a number, a vector on one line, a matrix
    row by row (up to MAX_ROWS × MAX_COLUMNS, then ⋯ and ⋮); '—' if undefined."""
    if value is None:
        return ["—"]
    if isinstance(value, Hidden):  # an exercise hides it: never its stand-in zeros
        return [format_value(value)]
    arr = np.asarray(value)
    if arr.ndim == 0:
        return [format_number(float(arr), DIGITS)]
    if arr.ndim > 2:
        return ["×".join(str(n) for n in arr.shape)]
    rows = arr.reshape(1, -1) if arr.ndim == 1 else arr
    cells = [[format_number(float(x), DIGITS) for x in row[:MAX_COLUMNS]] for row in rows[:MAX_ROWS]]
    width = max((len(c) for row in cells for c in row), default=1)
    more = " ⋯" if rows.shape[1] > MAX_COLUMNS else ""
    lines = ["  ".join(c.rjust(width) for c in row) + more for row in cells]
    if rows.shape[0] > MAX_ROWS:
        lines.append("⋮".rjust(width))
    return lines


def shape_text(value: object) -> str:
    """'[3]' or '[2×3]' for a vector or a matrix; '' for a number or nothing."""
    if value is None or np.ndim(value) == 0:
        return ""
    return "[" + "×".join(str(n) for n in np.shape(value)) + "]"


def value_block(caption: str, value: object) -> str:
    """A caption (with the value's shape) above the value's rows, as escaped rich text."""
    head = f"{caption} {shape_text(value)}".rstrip()
    rows = "\n".join(value_rows(value))
    return (
        f"<p style='white-space:pre-wrap; margin-top:6px; margin-bottom:0'>{html.escape(head)}</p>"
        f"<pre style='margin:0'>{html.escape(rows)}</pre>"
    )
