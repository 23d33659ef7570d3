"""Values as students type them, files store them and labels show them."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np

from .errors import ModelError, Text
from .ops import QT_TRANSLATE_NOOP as _T

MAX_DIMS = 2  # a number, a vector or a matrix
MAX_ELEMENTS = 1_000_000


class BadValue(ModelError):  # noqa: N818 -- public name teachers' scripts catch
    """A value that is not a finite number, vector or matrix."""


def as_value(obj: Any) -> np.ndarray:
    """A finite float64 array from a number, a nested list or an array."""
    if isinstance(obj, np.ndarray):
        arr = obj
    else:
        check_nested(obj, 0)
        try:
            arr = np.array(obj, dtype=float)
        except OverflowError:  # an integer beyond float range, e.g. 10**400
            raise BadValue(_T("errors", "is too large to be a finite number")) from None
    if arr.dtype.kind not in "fiu" or arr.dtype == bool:
        raise BadValue(_T("errors", "must be numbers"))
    if arr.ndim > MAX_DIMS:
        raise BadValue(_T("errors", "must be a number, a vector or a matrix (nested at most 2 deep)"))
    if arr.size > MAX_ELEMENTS:
        raise BadValue(
            _T("errors", "has {n} elements; at most {limit} are allowed"), n=arr.size, limit=MAX_ELEMENTS
        )
    if arr.ndim and arr.size == 0:
        raise BadValue(_T("errors", "is an empty list"))
    arr = np.array(arr, dtype=float)
    if not np.isfinite(arr).all():
        raise BadValue(_T("errors", "must be finite numbers (no NaN or infinity)"))
    arr.flags.writeable = False
    return arr


class Hidden(np.ndarray):
    """A number an exercise hides (see exercise.py): its shape is known, its numbers are
    zeros that no label shows; the formatting below writes "?"."""


def check_nested(obj: Any, depth: int) -> None:
    """Reject strings, booleans and ragged lists before numpy sees them."""
    if isinstance(obj, bool):
        raise BadValue(_T("errors", "must be a number, not true/false"))
    if isinstance(obj, (int, float)):
        return
    if not isinstance(obj, list):
        names = {str: _T("errors", "text"), type(None): _T("errors", "null"), dict: _T("errors", "an object")}
        kind = Text("errors", names[type(obj)]) if type(obj) in names else type(obj).__name__
        raise BadValue(_T("errors", "must be a number or a list of numbers, not {kind}"), kind=kind)
    if depth >= MAX_DIMS:
        raise BadValue(_T("errors", "must be a number, a vector or a matrix (nested at most 2 deep)"))
    if not obj:
        raise BadValue(_T("errors", "is an empty list"))
    for item in obj:
        check_nested(item, depth + 1)
    lengths = {len(item) if isinstance(item, list) else -1 for item in obj}
    if len(lengths) > 1:
        raise BadValue(_T("errors", "is a ragged list: its rows must all have the same length"))


def parse_value(text: str) -> np.ndarray:
    """Parse what a student typed: ``2``, ``-1.5e3``, ``[1, 2]``, ``[[1, 2], [3, 4]]``."""
    text = text.strip()
    if not text:
        raise BadValue(_T("errors", "is empty: type a number like 2 or a list like [1, 2, 3]"))
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except BadValue:
        raise
    except (ValueError, RecursionError):  # bad JSON, or an integer with too many digits
        raise BadValue(
            _T("errors", '"{text}" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]'), text=text
        ) from None
    return as_value(obj)


def _reject_constant(name: str) -> float:
    raise BadValue(_T("errors", "{name} is not allowed: values must be finite numbers"), name=name)


def format_number(x: float, digits: int = 4) -> str:
    if not math.isfinite(x):
        return "NaN" if math.isnan(x) else "∞" if x > 0 else "−∞"
    text = f"{x:.{digits}g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        text = f"{mantissa}e{int(exp)}"
    return "0" if text == "-0" else text.replace("-", "−")


def format_value(value: np.ndarray | None, digits: int = 4, max_items: int = 4) -> str:
    """Compact label: ``3.142``, ``[3] 1, 2, 3``, ``[2×3]``; ``—`` if undefined."""
    if value is None:
        return "—"
    if isinstance(value, Hidden):
        return "?" if value.ndim == 0 else "[" + "×".join(str(n) for n in value.shape) + "] ?"
    if isinstance(value, float):  # a Python or numpy number: most labels, quickly
        return format_number(float(value), digits)
    arr = np.asarray(value)
    if arr.ndim == 0:
        return format_number(float(arr), digits)
    if arr.ndim == 1 and arr.size <= max_items:
        items = ", ".join(format_number(float(v), digits) for v in arr)
        return f"[{arr.size}] {items}"
    return "[" + "×".join(str(n) for n in arr.shape) + "]"


def format_full(value: np.ndarray | None) -> str:
    """The whole value, for a tooltip."""
    if value is None:
        return "—"
    if isinstance(value, Hidden):
        return format_value(value)
    arr = np.asarray(value)
    with np.printoptions(precision=8, suppress=False, threshold=400):
        return np.array2string(arr, separator=", ") if arr.ndim else repr(float(arr))


def to_json(value: np.ndarray | None) -> Any:
    """A JSON-ready number or nested list; non-finite numbers as strings."""
    if value is None:
        return None
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return _json_number(float(arr))
    if np.isfinite(arr).all():
        return arr.tolist()
    return _json_nested(arr.tolist())


def _json_nested(obj: Any) -> Any:
    if isinstance(obj, list):
        return [_json_nested(o) for o in obj]
    return _json_number(obj)


def _json_number(x: float) -> float | str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def same_value(a: Any, b: Any) -> bool:
    """Whether two parameter values (arrays, numbers or None) are the same."""
    if a is None or b is None:
        return a is b
    return bool(np.array_equal(a, b))
