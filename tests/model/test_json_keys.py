"""Finding a key given twice in a JSON object: the quick count never misses one."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from graphkit import build, random_spec
from hypothesis import given, settings
from hypothesis import strategies as st

from nodeeditor.model import dumps, json_keys


class Obj(list):
    """An object as written: its (key, value) pairs in order, repeats allowed."""


def write(value: Any, space: str = "") -> str:
    """JSON text for ``value``, writing an Obj's pairs as they are (even a key twice)."""
    if isinstance(value, Obj):
        return "{" + ", ".join(f"{json.dumps(k)}{space}: {write(v, space)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(write(v, space) for v in value) + "]"
    return json.dumps(value)


def has_repeat(value: Any) -> bool:
    if isinstance(value, Obj):
        keys = [k for k, _ in value]
        return len(set(keys)) < len(keys) or any(has_repeat(v) for _, v in value)
    return isinstance(value, list) and any(has_repeat(v) for v in value)


KEYS = st.sampled_from(["id", "name", "", "a:b", 'q"', "\\", "x\\"])
TEXTS = st.sampled_from(["", "a", "a:b", 'say "hi": now', "x\\", ": "])
SCALARS = st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | TEXTS
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.lists(st.tuples(KEYS, inner), max_size=4).map(Obj),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(
    top=st.lists(st.tuples(KEYS | st.sampled_from(["nodes", "edges"]), JSON), max_size=5).map(Obj),
    space=st.sampled_from(["", " "]),
)
def test_a_repeated_key_is_found_whatever_the_shape(top: Obj, space: str) -> None:
    text = write(top, space)
    if has_repeat(top):
        with pytest.raises(json_keys.RepeatedKeyError):
            json_keys.loads(text)
    else:
        assert json_keys.loads(text) == json.loads(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('{"nodes": [{"id": "a", "\\u0069d": "b"}]}', "nodes[0].id"),  # the same key, spelled otherwise
        ('{"nodes": [{"id": "a", "c": {"r": 1, "r": 2}}]}', "nodes[0].c.r"),  # nested in a node
        ('{"nodes": [{"id": "a"}, [{"k": 1, "k": 1}]]}', "nodes[1][0].k"),
        ('{"nodes": [{"a": 1, "a": 2}, [5]]}', "nodes[0].a"),  # a list beside the objects has no keys
        ('{"nodes": [{"name": "say \\"hi\\": now", "name": "x"}]}', "nodes[0].name"),
        ('{"nodes" : [], "nodes": []}', "nodes"),
        ('[{"": 1, "": 2}]', "[0]."),
    ],
)
def test_the_place_of_a_repeated_key(text: str, place: str) -> None:
    with pytest.raises(json_keys.RepeatedKeyError) as info:
        json_keys.loads(text)
    assert info.value.place == place


def test_a_saved_graph_is_shown_free_of_repeats_without_a_second_parse() -> None:
    """The quick count covers the files the app writes, lesson and all (a big file would
    otherwise be parsed twice)."""
    spec, _ = random_spec(np.random.default_rng(3), 300)
    g = build(spec)
    g.meta["lesson"] = {"en": {"title": "t", "text": "one: two"}, "ko": {"title": "제목", "text": "하나"}}
    text = dumps(g)
    assert json_keys._keys_proven_unique(text, json.loads(text))
