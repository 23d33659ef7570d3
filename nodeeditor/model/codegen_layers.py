"""Each node type as the textbook writes its layer: the source that ``nodeeditor code`` puts into
the code it generates.

ops.py defines what a node type computes; this table says how the generated code writes the
same layer for a student to read (``self.x = x`` kept for backward, ``dx = dout * self.y``),
formula for formula as ops.py computes it, so the generated code gives the app's numbers.
tests/model/test_codegen_layers.py runs every class here against ops.py's, and fails when a
node type is added to ops.py without its entry here.

Broadcasting is not in these classes: the generated code sums a gradient back to its input's
shape right after the ``backward`` call, where a reader can see it (codegen.py).
Input has no class: an Input is a value, written as one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayerSource:
    class_name: str
    source: str  # the class, as it is written into the generated code
    returns: int  # how many gradients backward returns (one per input port)


def _layer(class_name: str, returns: int, body: str) -> LayerSource:
    return LayerSource(class_name, f"class {class_name}:\n{body}", returns)


LAYERS: dict[str, LayerSource] = {
    "Output": _layer(
        "OutputLayer",
        1,
        '''\
    """A loss term: backward starts here, from its seed."""

    def forward(self, x):
        return x

    def backward(self, dout):
        return dout
''',
    ),
    "Add": _layer(
        "AddLayer",
        2,
        """\
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout
        dy = dout
        return dx, dy
""",
    ),
    "Sub": _layer(
        "SubLayer",
        2,
        """\
    def forward(self, x, y):
        return x - y

    def backward(self, dout):
        dx = dout
        dy = -dout
        return dx, dy
""",
    ),
    "Mul": _layer(
        "MulLayer",
        2,
        """\
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y  # each input gets the other input
        dy = dout * self.x
        return dx, dy
""",
    ),
    "Div": _layer(
        "DivLayer",
        2,
        """\
    def __init__(self):
        self.y = None
        self.out = None

    def forward(self, x, y):
        self.y = y
        self.out = x / y
        return self.out

    def backward(self, dout):
        dx = dout / self.y
        dy = dout * (-self.out / self.y)  # -x/y² written as -(x/y)/y: y² alone may overflow
        return dx, dy
""",
    ),
    "Neg": _layer(
        "NegLayer",
        1,
        """\
    def forward(self, x):
        return -x

    def backward(self, dout):
        dx = -dout
        return dx
""",
    ),
    "Square": _layer(
        "SquareLayer",
        1,
        """\
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return x * x

    def backward(self, dout):
        dx = 2 * self.x * dout
        return dx
""",
    ),
    "Pow": _layer(
        "PowLayer",
        1,
        """\
    def __init__(self, exponent):
        self.exponent = exponent
        self.x = None

    def forward(self, x):
        self.x = x
        return x**self.exponent

    def backward(self, dout):
        if self.exponent == 0:  # x⁰ = 1 is flat, even at x = 0 (where 0·0⁻¹ would be NaN)
            return np.zeros_like(self.x * dout)
        dx = self.exponent * self.x ** (self.exponent - 1) * dout
        return dx
""",
    ),
    "Exp": _layer(
        "ExpLayer",
        1,
        """\
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = np.exp(x)
        return self.out

    def backward(self, dout):
        dx = self.out * dout  # the derivative of e^x is e^x itself
        return dx
""",
    ),
    "Log": _layer(
        "LogLayer",
        1,
        """\
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return np.log(x)

    def backward(self, dout):
        dx = dout / self.x
        return dx
""",
    ),
    "Sigmoid": _layer(
        "SigmoidLayer",
        1,
        """\
    def __init__(self):
        self.e = None

    def forward(self, x):
        # 1 / (1 + e^-x) with e = e^-|x|, which cannot overflow: for x < 0 it is e / (1 + e)
        self.e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1.0, self.e) / (1.0 + self.e)

    def backward(self, dout):
        # out * (1 - out), written as e / (1 + e)²: 1 - out would round to 0 for x > 37
        dx = dout * (self.e / (1.0 + self.e) ** 2)
        return dx
""",
    ),
    "Tanh": _layer(
        "TanhLayer",
        1,
        """\
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return np.tanh(x)

    def backward(self, dout):
        # 1 - out², written as 4e / (1 + e)² with e = e^-2|x|: out² would round to 1 for |x| > 19
        e = np.exp(-2.0 * np.abs(self.x))
        dx = dout * (4.0 * e / (1.0 + e) ** 2)
        return dx
""",
    ),
    "ReLU": _layer(
        "ReluLayer",
        1,
        """\
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        return np.where(self.mask, 0.0, x)

    def backward(self, dout):
        dx = np.where(self.mask, 0.0, dout)  # no gradient where the input was cut to 0
        return dx
""",
    ),
    "Sin": _layer(
        "SinLayer",
        1,
        """\
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return np.sin(x)

    def backward(self, dout):
        dx = np.cos(self.x) * dout
        return dx
""",
    ),
    "Cos": _layer(
        "CosLayer",
        1,
        """\
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return np.cos(x)

    def backward(self, dout):
        dx = -np.sin(self.x) * dout
        return dx
""",
    ),
    "Sum": _layer(
        "SumLayer",
        1,
        """\
    def __init__(self):
        self.shape = None

    def forward(self, x):
        self.shape = np.shape(x)
        return np.sum(x)

    def backward(self, dout):
        # every element counted once in the sum: each gets the whole gradient
        dx = np.broadcast_to(dout, self.shape).copy()
        return dx
""",
    ),
    "MatMul": _layer(
        "MatMulLayer",
        2,
        """\
    def __init__(self):
        self.x = None
        self.W = None

    def forward(self, x, W):
        self.x = x
        self.W = W
        return x @ W

    def backward(self, dout):
        x, W = self.x, self.W
        # numpy's rules for vectors: a vector is a row on the left of @, a column on the right
        x2 = x.reshape(1, -1) if x.ndim == 1 else x
        W2 = W.reshape(-1, 1) if W.ndim == 1 else W
        dout2 = np.reshape(dout, (x2.shape[0], W2.shape[1]))
        dx = (dout2 @ W2.T).reshape(x.shape)
        dW = (x2.T @ dout2).reshape(W.shape)
        return dx, dW
""",
    ),
}
