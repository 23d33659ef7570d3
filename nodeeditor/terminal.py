"""Text for a terminal: what a file says is shown, never obeyed; progress on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def printable(text: str) -> str:
    """``text`` with control characters (ESC, CR, newline, ...), line separators, lone
    surrogates and bidi overrides as visible escapes (``\\x1b``, ``\\n``, ``\\u2028``): an id
    from a file cannot restyle the terminal, forge a line or break the output's encoding."""
    if text.isprintable():
        return text
    from .model.errors import one_line  # the model's rule; imported late, for a fast start

    return one_line(text)


def json_printable(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the same characters as
    ``\\uXXXX`` escapes, which mean the same to a JSON reader. They can only be inside strings."""
    if text.isprintable():
        return text
    from .model.errors import one_line

    return one_line(text, lambda c: f"\\u{ord(c):04x}")


class Progress:
    """``check FILE: N of M elements, about S s left`` on one line of stderr, rewritten in
    place (carriage return and spaces, which every terminal knows): only on a terminal, where a
    log file would fill with it, and only once a run has lasted a second."""

    DELAY = 1.0
    EVERY = 0.25

    def __init__(self, what: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.what, self.total, self.done = what, total, 0
        self.enabled = self.stream is not None and _isatty(self.stream)
        self.start = time.monotonic()
        self.next = self.start + self.DELAY
        self.width = 0  # of the longest line written: a shorter one is padded over it

    def tick(self) -> None:
        self.done += 1
        if not self.enabled or self.done % 16:  # the clock only every 16 elements
            return
        now = time.monotonic()
        if now < self.next:
            return
        self.next = now + self.EVERY
        left = (self.total - self.done) * (now - self.start) / self.done
        line = f"{self.what}: {self.done:,} of {self.total:,} elements, about {left:.0f} s left"
        self.width = max(self.width, len(line))  # before writing: a Ctrl+C just after must still clear it
        self._write("\r" + line.ljust(self.width))

    def clear(self) -> None:
        if self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the check goes on without it
            self.enabled = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
