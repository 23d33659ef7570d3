"""Python arithmetic → graph (issue 13 §1): the graphs compute what the code computes, named as
the code names things, laid out left to right; what cannot be translated is refused, where and why."""

from __future__ import annotations

import contextlib
import io
import math
from pathlib import Path

import numpy as np
import pytest
from code_snippets import MICROGRAD_README
from micrograd.engine import Value

from nodeeditor.model import evaluate, load
from nodeeditor.model.pyimport import MAX_CHARS, MAX_DEPTH, MAX_NODES, PythonImportError, import_python

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


LECTURE_NEURON = """\
# inputs x1,x2
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
# weights w1,w2
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
# bias of the neuron
b = Value(6.8813735870195432, label='b')
# x1*w1 + x2*w2 + b
x1w1 = x1*w1; x1w1.label = 'x1*w1'
x2w2 = x2*w2; x2w2.label = 'x2*w2'
x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
n = x1w1x2w2 + b; n.label = 'n'
o = n.tanh(); o.label = 'o'
o.backward()
"""


@pytest.fixture
def lecture_value(monkeypatch):
    """micrograd as the lecture builds it: the released 0.1.0 has no label, tanh or exp yet."""
    plain_init = Value.__init__

    def init(self, data, _children=(), _op="", label=""):
        plain_init(self, data, _children, _op)
        self.label = label

    def unary(name, f, slope):
        def op(self):
            out = Value(f(self.data), (self,), name)

            def _backward():
                self.grad += slope(self.data, out.data) * out.grad

            out._backward = _backward
            return out

        return op

    monkeypatch.setattr(Value, "__init__", init)
    monkeypatch.setattr(Value, "tanh", unary("tanh", math.tanh, lambda x, t: 1 - t**2), raising=False)
    monkeypatch.setattr(Value, "exp", unary("exp", math.exp, lambda x, e: e), raising=False)


def run_micrograd(source: str) -> dict:
    """What micrograd itself computes for the code (the test runs it; the import never does)."""
    namespace: dict = {"Value": Value}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(source, namespace)
    return {k: v for k, v in namespace.items() if isinstance(v, Value)}


def by_name(graph, result) -> dict[str, tuple[float, float]]:
    return {
        node.name: (float(result.value(n)), result.grad(n)) for n, node in graph.nodes.items() if node.name
    }


def test_micrograd_readme_gives_its_numbers_and_micrograds():
    graph = import_python(MICROGRAD_README)
    result = evaluate(graph)
    named = by_name(graph, result)
    assert round(named["g"][0], 4) == 24.7041
    assert round(float(named["a"][1]), 4) == 138.8338
    assert round(float(named["b"][1]), 4) == 645.5773
    mg = run_micrograd(MICROGRAD_README)
    for var in ("a", "b", "c", "d", "e", "f", "g"):
        assert named[var][0] == pytest.approx(mg[var].data, rel=1e-12)
    for var in ("a", "b"):
        assert float(named[var][1]) == pytest.approx(mg[var].grad, rel=1e-12)
    assert [graph.nodes[e.src].name for e in graph.edges if graph.nodes[e.dst].type == "Output"] == ["g"]


def test_the_lectures_neuron_with_its_labels(lecture_value):
    graph = import_python(LECTURE_NEURON)
    result = evaluate(graph)
    named = by_name(graph, result)
    mg = run_micrograd(LECTURE_NEURON)
    assert {"x1", "x2", "w1", "w2", "b", "x1*w1", "x2*w2", "x1*w1 + x2*w2", "n", "o"} <= set(named)
    assert named["o"][0] == pytest.approx(mg["o"].data) == pytest.approx(math.sqrt(0.5))
    for var in ("x1", "x2", "w1", "w2", "b"):
        assert float(named[var][1]) == pytest.approx(mg[var].grad, abs=1e-12)
    assert [n.type for n in graph.nodes.values()].count("Output") == 1
    assert graph.nodes["o"].type == "Tanh"  # the id is the variable, the name the label


def test_the_lectures_neuron_with_tanh_written_out(lecture_value):
    source = LECTURE_NEURON.replace(
        "o = n.tanh(); o.label = 'o'", "e = (2*n).exp()\no = (e - 1) / (e + 1)\no.label = 'o'"
    )
    graph = import_python(source)
    named = by_name(graph, evaluate(graph))
    mg = run_micrograd(source)
    assert named["o"][0] == pytest.approx(mg["o"].data)
    assert float(named["x1"][1]) == pytest.approx(mg["x1"].grad)
    assert {n.type for n in graph.nodes.values()} >= {"Exp", "Sub", "Div", "Add", "Mul"}


def test_the_seed_lesson_is_the_same_graph():
    seed = load(EXAMPLES / "03_add_square.bpgraph")
    x, y = (float(seed.nodes[n].params["value"]) for n in ("x", "y"))
    graph = import_python(f"x = {x}\ny = {y}\nt = x + y\nz = t ** 2\n")
    mine, theirs = evaluate(graph), evaluate(seed)
    assert sorted(n.type for n in graph.nodes.values()) == sorted(n.type for n in seed.nodes.values())
    for n in ("x", "y", "t", "z"):
        assert graph.nodes[n].type == seed.nodes[n].type
        assert float(mine.value(n)) == float(theirs.value(n)) and float(mine.grad(n)) == float(theirs.grad(n))


def test_the_textbooks_apples():
    graph = import_python(
        "apple = 100\napple_num = 2\ntax = 1.1\n\n"
        "apple_price = apple * apple_num\nprice = apple_price * tax\n"
    )
    result = evaluate(graph)
    assert float(result.value("price")) == pytest.approx(220.0)
    assert [float(result.grad(n)) for n in ("apple", "apple_num", "tax")] == pytest.approx(
        [2.2, 110.0, 200.0]
    )


def test_numpy_with_matmul_against_autograd():
    import autograd
    import autograd.numpy as anp

    source = """
import numpy as np
x = np.array([1.0, -2.0])
W = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]])
b = [0.1, 0.2, 0.3]
h = np.maximum(x @ W + b, 0)
L = np.sum(np.tanh(h) ** 2)
"""
    graph = import_python(source)
    result = evaluate(graph)
    x0, w0, b0 = (
        np.array([1.0, -2.0]),
        np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]]),
        np.array([0.1, 0.2, 0.3]),
    )

    def loss(x, w, b):
        return anp.sum(anp.tanh(anp.maximum(x @ w + b, 0)) ** 2)

    assert float(result.value("L")) == pytest.approx(loss(x0, w0, b0))
    for i, n in enumerate(("x", "W", "b")):
        np.testing.assert_allclose(result.grad(n), autograd.grad(loss, i)(x0, w0, b0), rtol=1e-12)
    assert graph.nodes["h"].type == "ReLU" and graph.nodes["L"].type == "Sum"
    assert "MatMul" in {n.type for n in graph.nodes.values()}


@pytest.mark.parametrize(
    ("code", "type_name", "params"),
    [
        ("z = x ** 2", "Square", {}),
        ("z = x ** 3", "Pow", {"exponent": 3.0}),
        ("z = x ** -0.5", "Pow", {"exponent": -0.5}),
        ("z = math.exp(x)", "Exp", {}),
        ("z = numpy.log(x)", "Log", {}),
        ("z = torch.sigmoid(x)", "Sigmoid", {}),
        ("z = tanh(x)", "Tanh", {}),
        ("z = np.sin(x)", "Sin", {}),
        ("z = cos(x)", "Cos", {}),
        ("z = relu(x)", "ReLU", {}),
        ("z = np.maximum(0, x)", "ReLU", {}),
        ("z = x.sum()", "Sum", {}),
        ("z = -x", "Neg", {}),
        ("z = x / y", "Div", {}),
        ("z = x - y", "Sub", {}),
        ("z = x @ y", "MatMul", {}),
    ],
)
def test_each_operation_maps_to_its_node_type(code, type_name, params):
    graph = import_python(code, free_names=True)
    assert graph.nodes["z"].type == type_name
    for key, value in params.items():
        assert graph.nodes["z"].params[key] == value


def test_names_follow_the_variables():
    graph = import_python("x = 2.0\nx = x * 3\nx = x + 1\n가중치 = 0.5\n손실 = (x * 가중치) ** 2\n")
    types = {n: (node.type, node.name) for n, node in graph.nodes.items()}
    assert types["x_1"] == ("Input", "x₁") and types["x_2"] == ("Mul", "x₂") and types["x"] == ("Add", "x")
    assert types["가중치"] == ("Input", "가중치") and types["손실"] == ("Square", "손실")
    constants = [
        node.name for node in graph.nodes.values() if node.type == "Input" and node.id.startswith("const")
    ]
    assert sorted(constants) == ["1", "3"]  # a number inside an expression is named by its value
    assert len(set(graph.nodes)) == len(graph.nodes)
    assert float(evaluate(graph).value("손실")) == pytest.approx((7 * 0.5) ** 2)


def test_without_backward_the_outputs_are_what_nothing_reads():
    graph = import_python("a = 1.0\nb = 2.0\ns = a + b\np = a * b\nq = p + 1\n")
    fed = sorted(e.src for e in graph.edges if graph.nodes[e.dst].type == "Output")
    assert fed == ["q", "s"]


def test_backward_chooses_the_output():
    graph = import_python("a = 1.0\nb = 2.0\ns = a + b\np = a * b\np.backward()\n")
    assert [e.src for e in graph.edges if graph.nodes[e.dst].type == "Output"] == ["p"]


def test_laid_out_left_to_right_without_overlaps():
    graph = import_python(MICROGRAD_README)
    for e in graph.edges:
        assert graph.nodes[e.src].pos[0] < graph.nodes[e.dst].pos[0], e
    positions = [node.pos for node in graph.nodes.values()]
    assert len(set(positions)) == len(positions)


def test_nothing_is_run(tmp_path):
    marker = tmp_path / "ran"
    for code in (
        f"__import__('os').system('touch {marker}')",
        f"x = open('{marker}', 'w')",
        f"exec(\"open('{marker}', 'w')\")",
        f"x = 2.0\nprint(open('{marker}', 'w'))\nz = x * 2",  # print is ignored, its arguments unread
    ):
        with contextlib.suppress(PythonImportError):
            import_python(code)
    assert not marker.exists()


REFUSED = [
    ("import os", "1:1", "import os is not supported: the code must be straight-line statements"),
    ("from os import path", "1:1", "from os import path is not supported"),
    ("x = __import__('os')", "1:5", "__import__() is not supported: the functions are exp, log"),
    ("x = 1.0\nexec('y = 2')", "2:1", "exec() is not supported: the functions are"),
    ("x = 1.0\neval('x')", "2:1", "eval() is not supported"),
    ("f = lambda x: x * 2", "1:5", "a lambda is not supported: an expression may hold numbers"),
    ("x = 1.0\nfor i in [1, 2]:\n    x = x * 2", "2:1", "a for loop is not supported: the code must be"),
    ("x = 1.0\nwhile x < 2:\n    x = x * 2", "2:1", "a while loop is not supported"),
    ("x = 1.0\nif x:\n    y = x", "2:1", "an if statement is not supported"),
    ("def f(x):\n    return x", "1:1", "a function definition is not supported"),
    ("class A:\n    pass", "1:1", "a class definition is not supported"),
    ("xs = [x * 2 for x in [1, 2]]", "1:6", "a list comprehension is not supported"),
    ("x = sum(v for v in [1.0])", "1:8", "a generator expression is not supported"),
    ("x = [1.0, 2.0]\ny = x[0]", "2:5", "a subscript ([...] after a value) is not supported"),
    ("x = 1.0\ny = x > 0", "2:5", "a comparison is not supported"),
    ("x = 'text'", "1:5", "'text' is not supported here: values are numbers, lists of numbers"),
    ("x = 1.0\ny = x % 2", "2:5", "the operator % is not supported: the operators are + - * / ** @"),
    ("x = 1.0\ny = x // 2", "2:5", "the operator // is not supported"),
    (
        "x = 2.0\nn = 3.0\ny = x ** n",
        "3:10",
        "the power in x ** n must be a number written in the code, not n",
    ),
    ("x = 2.0\ny = 2 ** x", "2:10", "the power in x ** n must be a number written in the code, not x"),
    ("y = x + 1", "1:5", "x has no value yet: give it one first, as in x = 2.0"),
    ("x = 1.0\ny = x.data", "2:5", "x.data is not supported: the names with a dot are math., np."),
    ("import os\n", "1:1", "import os is not supported"),
    ("x = os.system('ls')", "1:5", "os.system() is not supported: the functions are"),
    ("x = np.linalg.norm([1.0])", "1:5", "np.linalg.norm() is not supported"),
    ("x = Value(1.0)\nx.grad = 1.0", "2:1", "setting .grad is not supported: the graph computes every"),
    ("x = Value(1.0)\nx.label = 3", "2:11", "a label must be text in quotes"),
    ("x = Value(1.0, _op='+')", "1:5", "Value(...) takes a number and, if you like, label='name'"),
    ("x = 1.0\ny = np.maximum(x, 1)", "2:5", "np.maximum() is supported only against 0"),
    ("x = 1.0\ny = np.sum(x, axis=0)", "2:5", "np.sum() takes 1 argument(s) here, without keywords"),
    ("x = 1e999", "1:5", "1e999 is too large to be a finite number"),
    ("x = [[1.0], [2.0, 3.0]]", "1:5", "is a ragged list"),
    ("x = [[[1.0]]]", "1:5", "nested at most 2 deep"),
    ("x = 1.0\nx.backward(2)", "2:1", "backward() is understood only as v.backward() on a variable"),
    ("x = (1.0 +", "1:5", "this is not valid Python"),
    ("x = 1.0\ny = x if x else 2", "2:5", "a conditional expression (... if ... else ...) is not supported"),
    ("# nothing\n", "1:1", "the code computes nothing"),
    ("x = 1.0\ndel x", "2:1", "del is not supported"),
    ("x = 1.0\ny = f'{x}'", "2:5", "an f-string is not supported"),
    ("값 = 1.0\n결과 = 값 % 2", "2:6", "the operator % is not supported"),  # columns count characters
]


@pytest.mark.parametrize(("code", "where", "message"), REFUSED)
def test_refused_with_where_and_why(code, where, message):
    with pytest.raises(PythonImportError) as caught:
        import_python(code)
    line = caught.value.located("snippet.py")
    assert line.startswith(f"snippet.py:{where}: "), line
    assert message in line, line
    assert "\n" not in line


def test_limits_give_clear_errors():
    cases = [
        ("x = 1.0\n" + "y = x" + " + x" * (MAX_DEPTH + 5), "nested more than"),
        ("x = " + "(" * 300 + "1" + ")" * 300, "not valid Python"),
        ("x = 1.0\ny = " + "-" * 100_000 + "x", "nested too deeply"),
        ("x = 1.0\n" + "y = x * x\n" * (MAX_NODES + 1), f"more than {MAX_NODES} nodes"),
        ("x = " + "9" * 5000, "not valid Python"),
        ("x = [" + "1.0, " * (MAX_CHARS // 5) + "]", "characters long"),
        ("x = 1.0\x00", "NUL|null bytes"),
    ]
    for code, message in cases:
        with pytest.raises(PythonImportError, match=message):
            import_python(code)
    with pytest.raises(PythonImportError) as caught:
        import_python(cases[0][0])
    assert (caught.value.line, caught.value.column) > (2, 1)  # in the expression, not at the top


def test_a_formula_makes_inputs_of_its_free_names():
    graph = import_python("z = (x + y)**2", free_names=True)
    assert {n: node.type for n, node in graph.nodes.items()} == {
        "x": "Input", "y": "Input", "add1": "Add", "z": "Square", "out": "Output",
    }  # fmt: skip
    assert float(evaluate(graph).value("z")) == 4.0
    bare = import_python("exp(x) * x", free_names=True)
    assert [n.type for n in bare.nodes.values()].count("Output") == 1
