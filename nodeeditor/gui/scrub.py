"""Scrubbing a number with the mouse: steps that suit its size, landing on round numbers.

A step is a tenth of the value's order of magnitude (0.1 for 1 to 10, and for 0),
Shift ×10, Ctrl ÷10; one step per SCRUB_PIXELS dragged sideways, or per wheel notch.
From an odd value such as 1.71028 the first step lands on the grid (1.8, not 1.81028).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

SCRUB_PIXELS = 6  # screen pixels of sideways drag per step
SMALLEST_STEP = 1e-12  # below this a value is as good as zero: scrub from 0.1 steps


def base_step(value: float) -> float:
    """A tenth of the value's order of magnitude: 0.1 for 1.71, 10 for 100, 0.01 for 0.5."""
    size = abs(value)
    if not math.isfinite(size) or size < SMALLEST_STEP:
        return 0.1
    return 10.0 ** (math.floor(math.log10(size)) - 1)


def modified_step(step: float, modifiers: Qt.KeyboardModifier) -> float:
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        return step * 10
    if modifiers & Qt.KeyboardModifier.ControlModifier:
        return step / 10
    return step


def stepped(value: float, steps: int, step: float) -> float:
    """``value`` moved by ``steps`` steps, rounded onto the grid of ``step`` (no float noise)."""
    if steps == 0:
        return value
    digits = max(0, -math.floor(math.log10(step) + 1e-9))
    return round(round((value + steps * step) / step) * step, digits)


class Scrub:
    """One drag: re-anchored where a modifier key changes, so pressing Shift mid-drag
    speeds up from there on instead of jumping."""

    def __init__(self, x: float, value: float, key: object) -> None:
        self.key = key  # merges the drag's changes into one undo step
        self._base = base_step(value)
        self._anchor = (x, value, Qt.KeyboardModifier.NoModifier)
        self._last_x = x
        self.value = value

    def moved(self, x: float, modifiers: Qt.KeyboardModifier) -> float:
        mods = modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        x0, start, held = self._anchor
        if mods != held:  # the move that brought the key counts at the new speed
            self._anchor = (x0, start, held) = (self._last_x, self.value, mods)
        self._last_x = x
        steps = int((x - x0) / SCRUB_PIXELS)
        self.value = stepped(start, steps, modified_step(self._base, mods))
        return self.value
