"""Values as students type them, files store them and labels show them."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nodeeditor.model import BadValue, format_value, parse_value
from nodeeditor.model.values import as_value, to_json


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", 2.0),
        (" -1.5e3 ", -1500.0),
        ("[1, 2]", [1.0, 2.0]),
        ("[[1, 2], [3, 4]]", [[1.0, 2.0], [3.0, 4.0]]),
        ("[[5]]", [[5.0]]),
        ("0", 0.0),
    ],
)
def test_parse_value_accepts(text: str, expected) -> None:
    arr = parse_value(text)
    assert arr.dtype == np.float64
    assert arr.shape == np.shape(expected)
    np.testing.assert_array_equal(arr, expected)
    assert not arr.flags.writeable


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty: type a number like 2 or a list like [1, 2, 3]"),
        ("   ", "is empty: type a number like 2 or a list like [1, 2, 3]"),
        ("abc", '"abc" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]'),
        ("[1, 2", '"[1, 2" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]'),
        (
            "1" * 5000,
            f'"{"1" * 5000}" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]',
        ),
        (
            "[" * 10_000,
            f'"{"[" * 10_000}" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]',
        ),
        ("NaN", "NaN is not allowed: values must be finite numbers"),
        ("[1, -Infinity]", "-Infinity is not allowed: values must be finite numbers"),
        ("1e999", "must be finite numbers (no NaN or infinity)"),
        ("1" + "0" * 400, "is too large to be a finite number"),
        ("true", "must be a number, not true/false"),
        ("null", "must be a number or a list of numbers, not null"),
        ('{"a": 1}', "must be a number or a list of numbers, not an object"),
        ('"2"', "must be a number or a list of numbers, not text"),
        ("[]", "is an empty list"),
        ("[[1], [2, 3]]", "is a ragged list: its rows must all have the same length"),
        ("[[[1]]]", "must be a number, a vector or a matrix (nested at most 2 deep)"),
    ],
)
def test_parse_value_rejects_with_a_sentence(text: str, message: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_value(text)
    assert str(info.value) == message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_parse_value_never_raises_anything_but_bad_value(text: str) -> None:
    try:
        arr = parse_value(text)
    except BadValue as exc:
        assert str(exc)
    else:
        assert arr.ndim <= 2
        assert np.isfinite(arr).all()


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=5),
        st.integers(1, 4).flatmap(
            lambda n: st.lists(st.lists(st.floats(-1e6, 1e6), min_size=n, max_size=n), min_size=1, max_size=4)
        ),
    )
)
def test_typed_values_round_trip_through_json(value) -> None:
    arr = parse_value(json.dumps(value))
    np.testing.assert_array_equal(arr, np.asarray(value, dtype=float))
    assert to_json(arr) == value


def test_as_value_of_arrays() -> None:
    assert as_value(np.arange(3)).dtype == np.float64
    with pytest.raises(BadValue, match="must be numbers"):
        as_value(np.array(["a"]))
    with pytest.raises(BadValue, match="nested at most 2 deep"):
        as_value(np.zeros((1, 1, 1)))
    with pytest.raises(BadValue, match="finite"):
        as_value(np.array([np.nan]))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        (np.float64(3.14159265), "3.142"),
        (np.array(-2.5), "−2.5"),
        (np.array(-0.0), "0"),
        (np.array(1.5e-7), "1.5e−7"),
        (np.array(2.2e10), "2.2e10"),
        (np.array(math.nan), "NaN"),
        (np.array(math.inf), "∞"),
        (np.array(-math.inf), "−∞"),
        (np.array([1.0, 2.0, 3.0]), "[3] 1, 2, 3"),
        (np.arange(5.0), "[5]"),
        (np.zeros((2, 3)), "[2×3]"),
    ],
)
def test_format_value(value, text: str) -> None:
    assert format_value(value) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (np.array(2.0), 2.0),
        (np.array(math.nan), "NaN"),
        (np.array([1.0, math.inf, -math.inf]), [1.0, "Infinity", "-Infinity"]),
        (np.array([[1.0, math.nan], [2.0, 3.0]]), [[1.0, "NaN"], [2.0, 3.0]]),
        (np.array([[1.0, 2.0]]), [[1.0, 2.0]]),
    ],
)
def test_to_json(value, expected) -> None:
    out = to_json(value)
    assert out == expected
    json.dumps(out, allow_nan=False)  # always valid JSON
