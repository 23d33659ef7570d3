"""The generated code's layer classes (codegen_layers.py) compute what ops.py's do, bit for bit,
and every node type of ops.py has one."""

from __future__ import annotations

import numpy as np
import pytest

from nodeeditor.model.codegen_layers import LAYERS
from nodeeditor.model.ops import NODE_TYPES

VALUES = [0.0, -0.0, 0.5, -1.5, 2.0, 30.0, -40.0, 700.0, -710.0, 1e-200, 1e300]


def test_every_node_type_but_input_has_its_textbook_class() -> None:
    assert set(LAYERS) == set(NODE_TYPES) - {"Input"}
    for type_name, layer in LAYERS.items():
        assert layer.returns == len(NODE_TYPES[type_name].ports)


def textbook_class(type_name: str) -> type:
    namespace: dict = {"np": np}
    exec(LAYERS[type_name].source, namespace)  # our own table, not a file's text
    return namespace[LAYERS[type_name].class_name]


def arguments(type_name: str, rng: np.random.Generator) -> list[np.ndarray]:
    if type_name == "MatMul":
        shapes = [((2, 3), (3, 4)), ((3,), (3, 2)), ((2, 3), (3,)), ((3,), (3,))][int(rng.integers(4))]
    else:
        shapes = [(3,)] * len(NODE_TYPES[type_name].ports)
    return [rng.choice(VALUES, s) * rng.choice([1.0, rng.uniform(0.5, 2)]) for s in shapes]


@pytest.mark.parametrize("type_name", sorted(LAYERS))
def test_textbook_layer_gives_ops_numbers(type_name: str) -> None:
    ops_cls, ours = NODE_TYPES[type_name], textbook_class(type_name)
    params: dict = {}
    rng = np.random.default_rng(len(type_name))
    for trial in range(40):
        if ops_cls.params:
            params = {"exponent": float(rng.choice([0.0, 0.5, -1.0, 1.5, 2.0, 3.0, 1 / 3]))}
        xs = arguments(type_name, rng)
        a, b = ops_cls(**params), ours(**params)
        with np.errstate(all="ignore"):
            out_a, out_b = a.forward(*xs), b.forward(*xs)
            np.testing.assert_array_equal(out_a, out_b, err_msg=f"{type_name} forward, trial {trial}")
            dout = rng.uniform(-2, 2, np.shape(out_a))
            da, db = a.backward(dout), b.backward(dout)
        db = db if isinstance(db, tuple) else (db,)
        assert len(da) == len(db) == LAYERS[type_name].returns
        for p, (x, y) in enumerate(zip(da, db, strict=True)):
            np.testing.assert_array_equal(x, y, err_msg=f"{type_name} backward port {p}, trial {trial}")
