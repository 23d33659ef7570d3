"""The node types, one small layer class each, in the textbook style.

``forward(*inputs)`` computes the output and remembers what ``backward``
needs; ``backward(dout)`` takes the gradient arriving from upstream and
returns one gradient per input (upstream gradient times local derivative).

The engine may hand a layer whole stacks of values (one row per node of the
same type) at once; the elementwise code below is the same either way.
Adding a node type means adding one class here: subclasses register
themselves by their ``type_name``.

``tangent(*dxs)`` is forward mode: given how fast each input moves (ẋ, ẏ), how fast the
output moves, ż = Σ ∂z/∂(input)·(input)˙, from what ``forward`` kept. A tangent of None is
an input that does not move (it does not depend on the direction): it adds no term, so
an infinite value beside a still input never makes 0·∞.

``scalar_forward``/``scalar_backward`` are the same two formulas on plain Python
floats, for graphs of numbers (``tape.py`` runs those one node at a time).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802
    """Mark ``text`` for Qt's translation tools; the GUI translates it."""
    return text


Array = np.ndarray

NODE_TYPES: dict[str, type[Layer]] = {}


class Layer:
    """One node type: its ports, its description, its forward and its backward (how it is
    written, formula and derivatives, is in captions.py)."""

    type_name: ClassVar[str] = ""
    ports: ClassVar[tuple[str, ...]] = ()
    has_output: ClassVar[bool] = True
    elementwise: ClassVar[bool] = True
    params: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    # The same node on one Python float per input: scalar_forward(*inputs, *params) -> z,
    # scalar_backward(dout, z, *inputs, *params) -> dL/d(input) (a float for one port, a tuple
    # for two). The formulas of forward/backward in the same order, so the same bits (but
    # math's exp, log, tanh, sin, cos and pow may differ from numpy's in the last bit).
    # Where numpy gives inf or NaN, these may raise instead (1/0, exp(1000), log(0)): the
    # caller then asks forward/backward. None: no such form (MatMul needs vectors).
    scalar_forward: ClassVar[Callable[..., float] | None] = None
    scalar_backward: ClassVar[Callable[..., Any] | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        NODE_TYPES[cls.type_name] = cls

    def __init__(self, **params: Any) -> None:
        for key in self.params:
            setattr(self, key, params[key])

    def forward(self, *xs: Array) -> Array:
        raise NotImplementedError

    def backward(self, dout: Array) -> tuple[Array, ...]:
        raise NotImplementedError

    def tangent(self, *dxs: Array | None) -> Array:
        raise NotImplementedError

    @classmethod
    def nonfinite_reason(cls, *xs: Array, **params: Any) -> str:
        """Why this node's output is not a finite number, given finite inputs."""
        return QT_TRANSLATE_NOOP("ops", "the result is too large (overflow)")

    @classmethod
    def nonfinite_slope_reason(cls, *xs: Array, **params: Any) -> str:
        """Why a gradient this node sends back is not finite, given finite inputs and
        upstream gradient (``{exponent}`` and other parameters may appear in it)."""
        return QT_TRANSLATE_NOOP("ops", "the gradient is too large (overflow)")


def _same(x: float) -> float:
    return x


def _times(a: Array | None, b: Array | None) -> Array | None:
    """A tangent term: None (no term) when either factor is an input that does not move."""
    return None if a is None or b is None else a * b


def _total(*terms: Array | None) -> Array:
    """The sum of the terms there are (the engine passes at least one moving input)."""
    found = [t for t in terms if t is not None]
    return found[0] if len(found) == 1 else sum(found[1:], found[0])


def _power(x: float, n: float) -> float:
    """``x ** n`` as numpy computes it for an array: x·x, √x and 1/x (exactly rounded) for
    n = 2, 0.5 and −1, else the C library's pow (which raises where numpy gives inf or NaN,
    as Python's ``**`` does not: it gives a complex number for (−8) ** (1/3))."""
    if n == 2:
        return x * x
    if n == 0.5:
        return math.sqrt(x)
    if n == -1:
        return 1 / x
    return math.pow(x, n)


class InputLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Input")
    params = ("value",)
    description = QT_TRANSLATE_NOOP("ops", "A value you type in; collects dL/d(value).")


class OutputLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Output")
    ports = ("x",)
    has_output = False
    description = QT_TRANSLATE_NOOP("ops", "A loss term: backward starts here with its seed.")

    def forward(self, x: Array) -> Array:
        return x

    def backward(self, dout: Array) -> tuple[Array]:
        return (dout,)

    def tangent(self, dx: Array) -> Array:
        return dx

    scalar_forward = staticmethod(_same)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return dout


class AddLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Add")
    ports = ("x", "y")
    description = QT_TRANSLATE_NOOP("ops", "Adds its inputs; passes the gradient through.")

    def forward(self, x: Array, y: Array) -> Array:
        return x + y

    def backward(self, dout: Array) -> tuple[Array, Array]:
        return dout, dout

    def tangent(self, dx: Array | None, dy: Array | None) -> Array:
        return _total(dx, dy)  # ż = ẋ + ẏ

    scalar_forward = staticmethod(operator.add)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float, y: float) -> tuple[float, float]:
        return dout, dout


class SubLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Sub")
    ports = ("x", "y")
    description = QT_TRANSLATE_NOOP("ops", "Subtracts y from x.")

    def forward(self, x: Array, y: Array) -> Array:
        return x - y

    def backward(self, dout: Array) -> tuple[Array, Array]:
        return dout, -dout

    def tangent(self, dx: Array | None, dy: Array | None) -> Array:
        return _total(dx, None if dy is None else -dy)  # ż = ẋ − ẏ

    scalar_forward = staticmethod(operator.sub)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float, y: float) -> tuple[float, float]:
        return dout, -dout


class MulLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Mul")
    ports = ("x", "y")
    description = QT_TRANSLATE_NOOP("ops", "Multiplies; each input gets the other input.")

    def forward(self, x: Array, y: Array) -> Array:
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout: Array) -> tuple[Array, Array]:
        return dout * self.y, dout * self.x

    def tangent(self, dx: Array | None, dy: Array | None) -> Array:
        return _total(_times(dx, self.y), _times(self.x, dy))  # ż = ẋ·y + x·ẏ

    scalar_forward = staticmethod(operator.mul)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float, y: float) -> tuple[float, float]:
        return dout * y, dout * x


class DivLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Div")
    ports = ("x", "y")
    description = QT_TRANSLATE_NOOP("ops", "Divides x by y.")

    def forward(self, x: Array, y: Array) -> Array:
        self.y = y
        self.out = x / y
        return self.out

    def backward(self, dout: Array) -> tuple[Array, Array]:
        # −x/y² as −(x/y)/y: y² alone can overflow or vanish (y = 1e-200) where the slope does not.
        return dout / self.y, dout * (-self.out / self.y)

    def tangent(self, dx: Array | None, dy: Array | None) -> Array:
        # ż = ẋ/y − (x/y)/y · ẏ
        return _total(None if dx is None else dx / self.y, _times(dy, -self.out / self.y))

    scalar_forward = staticmethod(operator.truediv)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float, y: float) -> tuple[float, float]:
        return dout / y, dout * (-z / y)

    @classmethod
    def nonfinite_reason(cls, x: Array, y: Array, **params: Any) -> str:
        if np.any(y == 0):
            return QT_TRANSLATE_NOOP("ops", "division by zero")
        return super().nonfinite_reason(x, y)

    @classmethod
    def nonfinite_slope_reason(cls, x: Array, y: Array, **params: Any) -> str:
        if np.any(y == 0):
            return QT_TRANSLATE_NOOP("ops", "the slope of x/y at y = 0 is infinite")
        return super().nonfinite_slope_reason(x, y)


class NegLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Neg")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "Flips the sign.")

    def forward(self, x: Array) -> Array:
        return -x

    def backward(self, dout: Array) -> tuple[Array]:
        return (-dout,)

    def tangent(self, dx: Array) -> Array:
        return -dx

    scalar_forward = staticmethod(operator.neg)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return -dout


class SquareLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Square")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "Squares its input.")

    def forward(self, x: Array) -> Array:
        self.x = x
        return x * x

    def backward(self, dout: Array) -> tuple[Array]:
        return (2 * self.x * dout,)

    def tangent(self, dx: Array) -> Array:
        return 2 * self.x * dx

    @staticmethod
    def scalar_forward(x: float) -> float:
        return x * x

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return 2 * x * dout


class PowLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Pow")
    ports = ("x",)
    params = ("exponent",)
    description = QT_TRANSLATE_NOOP("ops", "Raises x to a fixed power n.")

    def forward(self, x: Array) -> Array:
        self.x = x
        return x**self.exponent

    def backward(self, dout: Array) -> tuple[Array]:
        if self.exponent == 0:  # x⁰ = 1 is flat, even at x = 0 (where 0·0⁻¹ is NaN)
            return (np.zeros_like(self.x * dout),)
        return (self.exponent * self.x ** (self.exponent - 1) * dout,)

    def tangent(self, dx: Array) -> Array:
        if self.exponent == 0:
            return np.zeros_like(self.x * dx)
        return self.exponent * self.x ** (self.exponent - 1) * dx

    @staticmethod
    def scalar_forward(x: float, exponent: float) -> float:
        return _power(x, exponent)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float, exponent: float) -> float:
        if exponent == 0:
            return 0.0
        return exponent * _power(x, exponent - 1) * dout

    @classmethod
    def nonfinite_reason(cls, x: Array, **params: Any) -> str:
        n = params["exponent"]
        if n < 0 and np.any(x == 0):
            return QT_TRANSLATE_NOOP("ops", "zero raised to a negative power")
        if n != int(n) and np.any(x < 0):
            return QT_TRANSLATE_NOOP("ops", "a negative number raised to a fractional power")
        return super().nonfinite_reason(x)

    @classmethod
    def nonfinite_slope_reason(cls, x: Array, **params: Any) -> str:
        n = params["exponent"]
        if n < 1 and np.any(x == 0):  # n·xⁿ⁻¹ with a negative power of 0
            return QT_TRANSLATE_NOOP("ops", "the slope of x^{exponent} at 0 is infinite")
        if n != int(n) and np.any(x < 0):
            return QT_TRANSLATE_NOOP("ops", "a negative number raised to a fractional power")
        return super().nonfinite_slope_reason(x)


class ExpLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Exp")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "e to the power x; its derivative is itself.")

    def forward(self, x: Array) -> Array:
        self.out = np.exp(x)
        return self.out

    def backward(self, dout: Array) -> tuple[Array]:
        return (self.out * dout,)

    def tangent(self, dx: Array) -> Array:
        return self.out * dx

    scalar_forward = staticmethod(math.exp)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return z * dout

    @classmethod
    def nonfinite_reason(cls, x: Array, **params: Any) -> str:
        return QT_TRANSLATE_NOOP("ops", "exp overflowed (x is too large)")


class LogLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Log")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "The natural logarithm.")

    def forward(self, x: Array) -> Array:
        self.x = x
        return np.log(x)

    def backward(self, dout: Array) -> tuple[Array]:
        return (dout / self.x,)

    def tangent(self, dx: Array) -> Array:
        return dx / self.x

    scalar_forward = staticmethod(math.log)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return dout / x

    @classmethod
    def nonfinite_reason(cls, x: Array, **params: Any) -> str:
        if np.any(x < 0):
            return QT_TRANSLATE_NOOP("ops", "log of a negative number")
        return QT_TRANSLATE_NOOP("ops", "log of zero")

    @classmethod
    def nonfinite_slope_reason(cls, x: Array, **params: Any) -> str:
        if np.any(x == 0):
            return QT_TRANSLATE_NOOP("ops", "the slope of ln x at 0 is infinite")
        return super().nonfinite_slope_reason(x)


class SigmoidLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Sigmoid")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "Squashes x into (0, 1).")

    def forward(self, x: Array) -> Array:
        # 1/(1 + e⁻ˣ) with e = e^−|x| ≤ 1, which cannot overflow: for x < 0 it is e/(1 + e).
        self.e = np.exp(-np.abs(x))
        self.out = np.where(x >= 0, 1.0, self.e) / (1.0 + self.e)
        return self.out

    def backward(self, dout: Array) -> tuple[Array]:
        # z(1 − z) = e/(1 + e)²: the same slope, without 1 − z rounding to 0 for x > 37.
        return (dout * (self.e / (1.0 + self.e) ** 2),)

    def tangent(self, dx: Array) -> Array:
        return dx * (self.e / (1.0 + self.e) ** 2)

    @staticmethod
    def scalar_forward(x: float) -> float:
        e = math.exp(-abs(x))
        return (1.0 if x >= 0 else e) / (1.0 + e)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        e = math.exp(-abs(x))
        return dout * (e / ((1.0 + e) * (1.0 + e)))  # numpy's (1 + e)**2 is (1 + e)·(1 + e)


class TanhLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Tanh")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "Squashes x into (−1, 1).")

    def forward(self, x: Array) -> Array:
        self.x = x
        return np.tanh(x)

    def backward(self, dout: Array) -> tuple[Array]:
        # 1 − z² = 4e/(1 + e)² with e = e^−2|x|: the same slope, without z² rounding to 1 for |x| > 19.
        e = np.exp(-2.0 * np.abs(self.x))
        return (dout * (4.0 * e / (1.0 + e) ** 2),)

    def tangent(self, dx: Array) -> Array:
        e = np.exp(-2.0 * np.abs(self.x))
        return dx * (4.0 * e / (1.0 + e) ** 2)

    scalar_forward = staticmethod(math.tanh)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        e = math.exp(-2.0 * abs(x))
        return dout * (4.0 * e / ((1.0 + e) * (1.0 + e)))  # numpy's (1 + e)**2 is (1 + e)·(1 + e)


class ReluLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "ReLU")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "Keeps positive x, turns the rest into 0.")

    def forward(self, x: Array) -> Array:
        self.mask = x <= 0
        return np.where(self.mask, 0.0, x)

    def backward(self, dout: Array) -> tuple[Array]:
        return (np.where(self.mask, 0.0, dout),)

    def tangent(self, dx: Array) -> Array:
        return np.where(self.mask, 0.0, dx)

    @staticmethod
    def scalar_forward(x: float) -> float:
        return 0.0 if x <= 0 else x

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return 0.0 if x <= 0 else dout


class SinLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Sin")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "The sine of x (radians).")

    def forward(self, x: Array) -> Array:
        self.x = x
        return np.sin(x)

    def backward(self, dout: Array) -> tuple[Array]:
        return (np.cos(self.x) * dout,)

    def tangent(self, dx: Array) -> Array:
        return np.cos(self.x) * dx

    scalar_forward = staticmethod(math.sin)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return math.cos(x) * dout


class CosLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Cos")
    ports = ("x",)
    description = QT_TRANSLATE_NOOP("ops", "The cosine of x (radians).")

    def forward(self, x: Array) -> Array:
        self.x = x
        return np.cos(x)

    def backward(self, dout: Array) -> tuple[Array]:
        return (-np.sin(self.x) * dout,)

    def tangent(self, dx: Array) -> Array:
        return -np.sin(self.x) * dx

    scalar_forward = staticmethod(math.cos)

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return -math.sin(x) * dout


class SumLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "Sum")
    ports = ("x",)
    elementwise = False
    description = QT_TRANSLATE_NOOP("ops", "Adds up all elements into one number.")

    def forward(self, x: Array) -> Array:
        self.shape = np.shape(x)
        return np.sum(x)

    def backward(self, dout: Array) -> tuple[Array]:
        return (np.broadcast_to(dout, self.shape).copy(),)

    def tangent(self, dx: Array) -> Array:
        return np.sum(dx)

    @staticmethod
    def scalar_forward(x: float) -> float:
        return x + 0.0  # numpy's sum starts from +0: the sum of −0 is +0

    @staticmethod
    def scalar_backward(dout: float, z: float, x: float) -> float:
        return dout


class MatMulLayer(Layer):
    type_name = QT_TRANSLATE_NOOP("ops", "MatMul")
    ports = ("x", "W")
    elementwise = False
    description = QT_TRANSLATE_NOOP("ops", "Matrix product, as in an Affine layer.")

    def forward(self, x: Array, w: Array) -> Array:
        self.x = x
        self.w = w
        return x @ w

    def backward(self, dout: Array) -> tuple[Array, Array]:
        x, w = self.x, self.w
        # numpy's 1-D rules: a vector is a row on the left, a column on the right.
        x2 = x.reshape(1, -1) if x.ndim == 1 else x
        w2 = w.reshape(-1, 1) if w.ndim == 1 else w
        d2 = np.reshape(dout, (x2.shape[0], w2.shape[1]))
        return (d2 @ w2.T).reshape(x.shape), (x2.T @ d2).reshape(w.shape)

    def tangent(self, dx: Array | None, dw: Array | None) -> Array:
        return _total(None if dx is None else dx @ self.w, None if dw is None else self.x @ dw)  # ż = ẋW + xẆ


def layer_class(type_name: str) -> type[Layer]:
    """The layer class of a node type; KeyError if unknown."""
    return NODE_TYPES[type_name]
