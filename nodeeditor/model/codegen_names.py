"""Python names for the nodes of a graph: what a file says becomes an identifier, never code.

A node is named after its name if that makes an identifier (``apple price`` → ``apple_price``,
Korean kept), else after its id, else after its type. Only characters Python allows in a name
survive (NFKC-normalized, as Python reads them); keywords, builtins and the names the generated
code uses itself are never taken; two nodes never share a name (``x``, ``x_2``).
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

MAX_NAME = 40
# What the generated code defines or imports itself (codegen.py); the layer classes are added.
OWN_NAMES = frozenset({"np", "json", "sys", "unicodedata", "to_json", "json_printable", "nodes", "document"})


def identifier(text: str) -> str:
    """``text`` made into a Python identifier, or "" if nothing of it can be one."""
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(c if c.isprintable() and ("_" + c).isidentifier() else "_" for c in text)
    kept = re.sub("_+", "_", kept).strip("_")[:MAX_NAME].rstrip("_")
    if not kept or not kept.isidentifier() or unicodedata.normalize("NFKC", kept) != kept:
        return ""
    return kept


class Names:
    """Hands out identifiers, each once."""

    def __init__(self, reserved: set[str]) -> None:
        self.reserved = set(reserved) | set(keyword.kwlist) | set(dir(builtins)) | OWN_NAMES
        self.taken = set(self.reserved)

    def take(self, wanted: str) -> str:
        """``wanted``, else ``wanted_`` if Python or the code has it (``class_``, ``sum_``),
        else ``wanted_2``, ``wanted_3`` …"""
        if wanted in self.reserved:
            wanted += "_"
        name, k = wanted, 2
        while name in self.taken:
            name = f"{wanted}_{k}"
            k += 1
        self.taken.add(name)
        return name

    def for_node(self, name: str, node_id: str, type_name: str) -> str:
        """A node's variable: from its name, else its id, else its type."""
        for text in (name, node_id):
            found = identifier(text)
            if found:
                return self.take(found)
        return self.take(identifier(type_name).lower() or "node")


def comment_text(text: str, limit: int = 60) -> str:
    """Text from a file for a comment: quoted and escaped as Python writes a string, so a
    newline or a control character in it stays ``\\n`` and cannot end the comment."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)
