"""Errors that say what went wrong in a student's words, in English or translated.

A message is a template marked for Qt's translation tools plus its arguments,
so the model stays Qt-free and the GUI can still show it in Korean.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

Translate = Callable[[str, str], str]


# Characters that end a line, restyle a terminal or reverse the text around them.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})  # controls, lone surrogates, separators
_BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def _escaped(c: str) -> str:
    return c.encode("unicode_escape").decode("ascii")


def one_line(text: str, escape: Callable[[str], str] = _escaped) -> str:
    """``text`` with control characters, line separators, lone surrogates and bidi overrides
    as visible escapes (``\\n``, ``\\x1b``, ``\\u2028``), so that text from a file put into a
    message keeps it one line and cannot forge a second one or restyle a terminal.
    ``escape`` writes one such character (the command line's JSON output wants ``\\uXXXX``)."""
    if text.isprintable():
        return text
    return "".join(escape(c) if _unsafe(c) else c for c in text)


def _unsafe(c: str) -> bool:
    return unicodedata.category(c) in _UNSAFE_CATEGORIES or c in _BIDI_CONTROLS


def _identity(context: str, text: str) -> str:
    return text


def _render(translate: Translate, context: str, template: str, params: dict[str, Any]) -> str:
    args = {k: v.translated(translate) if isinstance(v, (Text, ModelError)) else v for k, v in params.items()}
    return translate(context, template).format(**args)


class Text:
    """A phrase or sentence to show later, in English or translated: a marked template
    (``QT_TRANSLATE_NOOP(context, ...)``) and its arguments, which may be Texts too."""

    __slots__ = ("context", "params", "template")

    def __init__(self, context: str, template: str, **params: Any) -> None:
        self.context = context
        self.template = template
        self.params = params

    def translated(self, translate: Translate = _identity) -> str:
        return _render(translate, self.context, self.template, self.params)

    def __str__(self) -> str:
        return self.translated()

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.template!r}, **{self.params!r})"


class ModelError(ValueError):
    context = "errors"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.translated())

    def translated(self, translate: Translate = _identity) -> str:
        """The message with ``translate(context, text)`` applied to it and to nested errors."""
        return _render(translate, self.context, self.template, self.params)
