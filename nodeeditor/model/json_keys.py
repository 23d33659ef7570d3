"""Parse JSON and refuse an object that gives a key twice, without slowing down big files.

``json.loads`` keeps the last of two equal keys silently. An ``object_pairs_hook`` sees them,
but it costs a Python call for every object: 10-18% more time to load a 100k-node file. So
the text is parsed the fast way first and then shown free of repeated keys by counting. Each
key ends in ``":`` (unless a space stands before its colon: then the count is not tried), so
the text has at least as many ``":`` as the objects it describes have keys; a ``\\":`` inside a
text only adds to that. A repeated key dropped by the parse makes the text's count larger than
the parsed document's. The keys counted are those of the top object, of the objects in its
lists (nodes, edges) and of all its other objects: never more than the document has, and only
fewer if an object is nested deeper (in a node), which sends the text to the hook too. When
the numbers differ the text is parsed again with the hook, which finds the place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_SPACE_BEFORE_COLON = re.compile(r'"[ \t\r\n]+:')


class RepeatedKeyError(ValueError):
    """An object in the text gives a key twice; ``place`` names it (``nodes[3].id``)."""

    def __init__(self, place: str) -> None:
        super().__init__(place)
        self.place = place


def loads(text: str, **options: Any) -> Any:
    """``json.loads(text, **options)``; RepeatedKeyError if an object gives a key twice."""
    doc = json.loads(text, **options)
    if _keys_proven_unique(text, doc):
        return doc
    return _loads_with_hook(text, options)


def _keys_proven_unique(text: str, doc: Any) -> bool:
    if _SPACE_BEFORE_COLON.search(text):
        return False  # keys the count would miss: ask the hook
    return text.count('":') == _keys_counted(doc)


def _keys_counted(doc: Any) -> int:
    """The keys of the top object, of the objects in its lists and of its other objects (never
    more keys than the document has; fewer only sends the text to the hook)."""
    if type(doc) is not dict:
        return 0
    count = len(doc)
    for value in doc.values():
        if type(value) is list and set(map(type, value)) == {dict}:
            count += sum(map(len, value))
        elif type(value) is dict:
            count += sum(len(v) for _, v in walk(value, "") if type(v) is dict)
    return count


def _loads_with_hook(text: str, options: dict[str, Any]) -> Any:
    repeated = []  # one entry per object with a key given twice

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        repeated.append(True)
        return _Repeated(pairs)

    doc = json.loads(text, object_pairs_hook=unique_keys, **options)
    if repeated:
        place, obj = next((place, v) for place, v in walk(doc, "") if type(v) is _Repeated)
        raise RepeatedKeyError(key_place(place, obj.key))
    return doc


class _Repeated(dict):
    """An object with a key given twice (the last kept, as JSON does); ``key`` is that key."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                self.key = key
                return
            seen.add(key)


def walk(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    """``value`` and everything inside it, each with its place (``nodes[3].pos``), in file order."""
    stack = [(where, value)]
    while stack:
        place, v = stack.pop()
        yield place, v
        if isinstance(v, list):
            stack.extend((f"{place}[{i}]", v[i]) for i in reversed(range(len(v))))
        elif isinstance(v, dict):
            stack.extend((key_place(place, k), v[k]) for k in reversed(list(v)))


def key_place(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key
