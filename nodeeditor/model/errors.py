"""Errors that say what went wrong in a student's words, in English or translated.

A message is a template marked for Qt's translation tools plus its arguments,
so the model stays Qt-free and the GUI can still show it in Korean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translate = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


class ModelError(ValueError):
    context = "errors"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.translated())

    def translated(self, translate: Translate = _identity) -> str:
        """The message with ``translate(context, text)`` applied to it and to nested errors."""
        args = {k: v.translated(translate) if isinstance(v, ModelError) else v for k, v in self.params.items()}
        return translate(self.context, self.template).format(**args)
