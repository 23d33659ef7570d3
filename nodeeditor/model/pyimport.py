"""Python arithmetic → graph, without running it.

The snippet is parsed with :mod:`ast` and each statement translated into nodes; nothing in
it is ever executed or imported. Plain Python (``x = 2.0``, ``z = (x + y)**2``, ``np.exp``,
``@``) and micrograd as its README writes it (``Value(2.0, label='x1')``, ``.tanh()``,
``c += c + 1``, ``g.backward()``) are understood; anything else is refused with a
:class:`PythonImportError` that names the line and column, what is not supported and what is.
"""

from __future__ import annotations

import ast
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import ModelError, Text, Translate
from .graph import Graph
from .layout import layered_layout
from .ops import QT_TRANSLATE_NOOP as _T
from .values import BadValue, as_value

MAX_CHARS = 200_000  # a page of micrograd is 1,000; a 100×100 matrix written out is 60,000
MAX_BYTES = 4 * MAX_CHARS  # UTF-8 takes at most 4 bytes a character
MAX_NODES = 10_000
MAX_DEPTH = 100  # nesting of one statement; Python's own parser gives up near 1,000
FREE_VALUE = 1.0  # a formula's names that are given no value: 1 keeps log and / defined

FUNCTIONS = {
    "exp": "Exp",
    "log": "Log",
    "sigmoid": "Sigmoid",
    "tanh": "Tanh",
    "relu": "ReLU",
    "sin": "Sin",
    "cos": "Cos",
    "sum": "Sum",
}
MODULES = ("math", "np", "numpy", "torch")
ARRAYS = ("array", "asarray", "tensor", "Tensor")
CONSTANTS = {"pi": (math.pi, "π"), "e": (math.e, "e")}
OPERATORS = {ast.Add: "Add", ast.Sub: "Sub", ast.Mult: "Mul", ast.Div: "Div", ast.MatMult: "MatMul"}
OPERATOR_SIGNS = {ast.Mod: "%", ast.FloorDiv: "//", ast.LShift: "<<", ast.RShift: ">>"}
OPERATOR_SIGNS |= {ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.Invert: "~", ast.Not: "not"}

_WHAT_FUNCTIONS = _T(
    "pyimport",
    "the functions are exp, log, sigmoid, tanh, relu, sin, cos and sum (bare or with math., np., "
    "numpy. or torch.), np.maximum(x, 0), np.array([...]) and micrograd's Value(...)",
)
_WHAT_EXPRESSIONS = _T(
    "pyimport",
    "an expression may hold numbers, lists of numbers, variables, + - * / ** @, unary minus "
    "and calls of exp, log, sigmoid, tanh, relu, sin, cos and sum",
)
_WHAT_STATEMENTS = _T(
    "pyimport",
    "the code must be straight-line statements: assignments (x = 2.0, c += c + 1), imports of "
    "math, numpy, torch and micrograd, v.label = '...', v.backward() and print(...)",
)
_WHAT_ATTRIBUTES = _T(
    "pyimport",
    "the names with a dot are math., np., numpy. and torch. functions and a Value's .relu(), "
    ".tanh(), .exp() (and the other functions), .label and .backward()",
)

# What a refused statement or expression is called in a message.
_KINDS: dict[type, str] = {
    ast.For: _T("pyimport", "a for loop"),
    ast.AsyncFor: _T("pyimport", "a for loop"),
    ast.While: _T("pyimport", "a while loop"),
    ast.If: _T("pyimport", "an if statement"),
    ast.FunctionDef: _T("pyimport", "a function definition"),
    ast.AsyncFunctionDef: _T("pyimport", "a function definition"),
    ast.ClassDef: _T("pyimport", "a class definition"),
    ast.With: _T("pyimport", "a with statement"),
    ast.AsyncWith: _T("pyimport", "a with statement"),
    ast.Try: _T("pyimport", "a try statement"),
    ast.Return: _T("pyimport", "return"),
    ast.Delete: _T("pyimport", "del"),
    ast.Global: _T("pyimport", "global"),
    ast.Nonlocal: _T("pyimport", "nonlocal"),
    ast.Raise: _T("pyimport", "raise"),
    ast.Assert: _T("pyimport", "assert"),
    ast.Break: _T("pyimport", "break"),
    ast.Continue: _T("pyimport", "continue"),
    ast.Lambda: _T("pyimport", "a lambda"),
    ast.ListComp: _T("pyimport", "a list comprehension"),
    ast.SetComp: _T("pyimport", "a set comprehension"),
    ast.DictComp: _T("pyimport", "a dict comprehension"),
    ast.GeneratorExp: _T("pyimport", "a generator expression"),
    ast.Subscript: _T("pyimport", "a subscript ([...] after a value)"),
    ast.Slice: _T("pyimport", "a slice"),
    ast.Compare: _T("pyimport", "a comparison"),
    ast.BoolOp: _T("pyimport", "and/or"),
    ast.IfExp: _T("pyimport", "a conditional expression (... if ... else ...)"),
    ast.Dict: _T("pyimport", "a dict"),
    ast.Set: _T("pyimport", "a set"),
    ast.Tuple: _T("pyimport", "a tuple"),
    ast.JoinedStr: _T("pyimport", "an f-string"),
    ast.Starred: _T("pyimport", "a starred expression"),
    ast.NamedExpr: _T("pyimport", "the := operator"),
    ast.Await: _T("pyimport", "await"),
    ast.Yield: _T("pyimport", "yield"),
    ast.YieldFrom: _T("pyimport", "yield"),
}
if hasattr(ast, "Match"):  # Python 3.10+
    _KINDS[ast.Match] = _T("pyimport", "a match statement")


class CodeFileError(ModelError):
    """A snippet file that cannot be read as text; ``line`` is where undecodable bytes start."""

    context = "pyimport"

    def __init__(self, template: str, line: int | None = None, **params: Any) -> None:
        self.line = line
        super().__init__(template, **params)


def read_code(path: str | os.PathLike) -> str:
    """A snippet file's text: a regular file of UTF-8 (a BOM allowed) of at most MAX_BYTES."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            why = (
                Text("errors", _T("errors", "it is a folder"))
                if os.path.isdir(path)
                else Text("pyimport", _T("pyimport", "it is not a regular file"))
            )
            raise CodeFileError(_T("pyimport", "cannot read the code: {why}"), why=why)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CodeFileError(
            _T("pyimport", "cannot read the code: {why}"), why=exc.strerror or str(exc)
        ) from None
    return decode_code(data)


def decode_code(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CodeFileError(_T("pyimport", "the code is longer than {limit} bytes"), limit=MAX_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CodeFileError(
            _T("pyimport", "the code is not UTF-8 text (byte {byte})"), line=line, byte=exc.start + 1
        ) from None


class PythonImportError(ModelError):
    """Code that cannot be turned into a graph: where (1-based line and column) and why."""

    context = "pyimport"

    def __init__(self, line: int, column: int, template: str, **params: Any) -> None:
        self.line, self.column = line, column
        super().__init__(template, **params)

    def located(self, filename: str, translate: Translate | None = None) -> str:
        """``FILE:LINE:COL: message``, the message translated with ``translate`` if given."""
        text = self.translated(translate) if translate else self.translated()
        return f"{filename}:{self.line}:{self.column}: {text}"


@dataclass
class _Node:
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    srcs: list[int] = field(default_factory=list)
    label: str | None = None  # a micrograd label or a constant's value: the node's name
    const: bool = False


def import_python(source: str, *, free_names: bool = False) -> Graph:
    """The graph the code computes, laid out left to right. ``free_names``: a name used before
    it is given a value becomes an Input of value 1 (for a typed formula) instead of an error."""
    if len(source) > MAX_CHARS:
        raise PythonImportError(
            1, 1, _T("pyimport", "the code is {n} characters long; at most {limit} are read"),
            n=len(source), limit=MAX_CHARS,
        )  # fmt: skip
    tree = _parse(source)
    _check_depth(tree, source)
    translator = _Translator(source, free_names)
    for statement in tree.body:
        translator.statement(statement)
    return translator.graph()


def _parse(source: str) -> ast.Module:
    try:
        return ast.parse(source, mode="exec")
    except SyntaxError as exc:
        line, col = exc.lineno or 1, exc.offset or 1
        raise PythonImportError(
            line, col, _T("pyimport", "this is not valid Python ({reason})"), reason=exc.msg
        ) from None
    except (ValueError, RecursionError, MemoryError):  # NUL bytes; nesting Python itself gives up on
        raise PythonImportError(
            1, 1, _T("pyimport", "Python cannot read this code: it is nested too deeply or holds a NUL")
        ) from None


def _check_depth(tree: ast.Module, source: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before translating (which recurses); the place
    named is the innermost one with a position (``+`` itself has none)."""
    stack: list[tuple[ast.AST, int, ast.AST]] = [(tree, 0, tree)]
    while stack:
        node, depth, placed = stack.pop()
        placed = node if hasattr(node, "lineno") else placed
        if depth > MAX_DEPTH:
            line, col = _where(placed, _lines(source))
            raise PythonImportError(
                line, col, _T("pyimport", "the expression is nested more than {limit} levels deep"),
                limit=MAX_DEPTH,
            )  # fmt: skip
        stack.extend((child, depth + 1, placed) for child in ast.iter_child_nodes(node))


def _lines(source: str) -> list[str]:
    """The lines as Python counts them (not str.splitlines, which also splits at \f and \x1c)."""
    return re.split(r"\r\n|\r|\n", source)


def _where(node: ast.AST, lines: list[str]) -> tuple[int, int]:
    """1-based line and character column (ast counts UTF-8 bytes from 0)."""
    line = getattr(node, "lineno", 1)
    offset = getattr(node, "col_offset", 0)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return line, len(text.encode("utf-8")[:offset].decode("utf-8", "replace")) + 1


class _Translator:
    def __init__(self, source: str, free_names: bool) -> None:
        self.lines, self.free_names = _lines(source), free_names
        self.nodes: list[_Node] = []
        self.env: dict[str, int] = {}  # variable -> the node it holds now
        self.named_by: dict[int, str] = {}  # node -> the variable it was first assigned to
        self.read: set[int] = set()  # nodes some later statement computes with
        self.unread_exprs: list[int] = []  # bare expression statements
        self.backward: list[int] = []
        self.aliases: dict[str, str] = {}  # import numpy as np: np -> numpy

    # -- errors ----------------------------------------------------------------

    def fail(self, node: ast.AST, template: str, **params: Any) -> PythonImportError:
        line, col = _where(node, self.lines)
        return PythonImportError(line, col, template, **params)

    def unsupported(self, node: ast.AST, what: str | Text, supported: str) -> PythonImportError:
        return self.fail(
            node, _T("pyimport", "{what} is not supported: {supported}"),
            what=what, supported=Text("pyimport", supported),
        )  # fmt: skip

    def code(self, node: ast.AST) -> str:
        """The code of ``node`` as written (its first line, at most 40 characters)."""
        line = self.lines[node.lineno - 1].encode("utf-8")  # type: ignore[attr-defined]
        end = node.end_col_offset if node.end_lineno == node.lineno else None  # type: ignore[attr-defined]
        text = line[node.col_offset : end].decode("utf-8", "replace")  # type: ignore[attr-defined]
        return text if len(text) <= 40 and end is not None else text[:39] + "…"

    # -- statements ------------------------------------------------------------

    def statement(self, st: ast.stmt) -> None:
        if isinstance(st, (ast.Import, ast.ImportFrom)):
            self.import_(st)
        elif isinstance(st, ast.Assign):
            self.assign(st)
        elif isinstance(st, ast.AnnAssign) and st.value is not None and isinstance(st.target, ast.Name):
            self.bind(st.target, self.expr(st.value))
        elif isinstance(st, ast.AugAssign):
            self.aug_assign(st)
        elif isinstance(st, ast.Expr):
            self.expression_statement(st)
        elif not isinstance(st, ast.Pass):
            kind = Text("pyimport", _KINDS.get(type(st), _T("pyimport", "this statement")))
            raise self.unsupported(st, kind, _WHAT_STATEMENTS)

    def import_(self, st: ast.Import | ast.ImportFrom) -> None:
        if isinstance(st, ast.Import):
            for alias in st.names:
                if alias.name not in ("math", "numpy", "torch"):
                    raise self.unsupported(st, f"import {alias.name}", _WHAT_STATEMENTS)
                self.aliases[alias.asname or alias.name] = alias.name
            return
        module = st.module or ""
        allowed = (
            {*FUNCTIONS, *CONSTANTS, *ARRAYS, "maximum"} if module in ("math", "numpy", "torch") else set()
        )
        if module == "micrograd.engine":
            allowed = {"Value"}
        for alias in st.names:
            if alias.name not in allowed or alias.asname not in (None, alias.name) or st.level:
                raise self.unsupported(
                    st, f"from {'.' * st.level}{module} import {alias.name}", _WHAT_STATEMENTS
                )

    def assign(self, st: ast.Assign) -> None:
        if len(st.targets) == 1 and isinstance(st.targets[0], ast.Attribute):
            self.set_attribute(st.targets[0], st.value)
            return
        if len(st.targets) == 1 and isinstance(st.targets[0], ast.Tuple):
            self.assign_tuple(st.targets[0], st.value)
            return
        for target in st.targets:
            if not isinstance(target, ast.Name):
                raise self.unsupported(target, self.code(target), _WHAT_STATEMENTS)
        value = self.expr(st.value)
        for target in st.targets:
            self.bind(target, value)  # type: ignore[arg-type]

    def assign_tuple(self, target: ast.Tuple, value: ast.expr) -> None:
        names = target.elts
        if not isinstance(value, ast.Tuple) or len(value.elts) != len(names):
            raise self.unsupported(value, self.code(value), _WHAT_STATEMENTS)
        for name in names:
            if not isinstance(name, ast.Name):
                raise self.unsupported(name, self.code(name), _WHAT_STATEMENTS)
        made = [self.expr(v) for v in value.elts]  # all values first, as Python does
        for name, node in zip(names, made, strict=True):
            self.bind(name, node)  # type: ignore[arg-type]

    def set_attribute(self, target: ast.Attribute, value: ast.expr) -> None:
        if target.attr != "label" or not isinstance(target.value, ast.Name):
            if target.attr in ("grad", "data"):
                raise self.fail(
                    target,
                    _T("pyimport", "setting .{attr} is not supported: the graph computes every value and "
                       "gradient itself; call v.backward() to make v the Output"),
                    attr=target.attr,
                )  # fmt: skip
            raise self.unsupported(target, self.code(target), _WHAT_ATTRIBUTES)
        if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
            raise self.fail(value, _T("pyimport", "a label must be text in quotes, such as v.label = 'x1'"))
        self.nodes[self.lookup(target.value)].label = value.value

    def aug_assign(self, st: ast.AugAssign) -> None:
        if not isinstance(st.target, ast.Name):
            raise self.unsupported(st.target, self.code(st.target), _WHAT_STATEMENTS)
        left = self.lookup(st.target)
        self.bind(st.target, self.operation(st, st.op, left, st.value))

    def expression_statement(self, st: ast.Expr) -> None:
        call = st.value
        if isinstance(call, ast.Constant) and isinstance(call.value, str):
            return  # a docstring
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print":
            return  # printing changes nothing in the graph, and its arguments are never looked at
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "backward"
        ):
            if not isinstance(call.func.value, ast.Name) or call.args or call.keywords:
                raise self.fail(
                    call, _T("pyimport", "backward() is understood only as v.backward() on a variable")
                )
            self.backward.append(self.lookup(call.func.value))
            return
        self.unread_exprs.append(self.expr(call))

    def bind(self, target: ast.Name, node: int) -> None:
        if self.nodes[node].const:  # x = 2.0: the Input is x, no longer a constant named 2.0
            self.nodes[node].const, self.nodes[node].label = False, None
        self.env[target.id] = node
        self.named_by.setdefault(node, target.id)

    # -- expressions -----------------------------------------------------------

    def add(self, where: ast.AST, type_name: str, srcs: list[int] = (), **params: Any) -> int:  # type: ignore[assignment]
        if len(self.nodes) >= MAX_NODES:
            raise self.fail(
                where, _T("pyimport", "the graph would have more than {limit} nodes"), limit=MAX_NODES
            )
        self.read.update(srcs)
        self.nodes.append(_Node(type_name, params, list(srcs)))
        return len(self.nodes) - 1

    def expr(self, e: ast.expr) -> int:
        if isinstance(e, ast.Name):
            return self.lookup(e)
        if isinstance(e, (ast.Constant, ast.List)) or (
            isinstance(e, ast.UnaryOp) and isinstance(e.operand, ast.Constant)
        ):
            return self.constant(e, self.literal(e), self.code(e))
        if isinstance(e, ast.BinOp):
            return self.operation(e, e.op, self.expr(e.left), e.right)
        if isinstance(e, ast.UnaryOp):
            if isinstance(e.op, ast.USub):
                return self.add(e, "Neg", [self.expr(e.operand)])
            if isinstance(e.op, ast.UAdd):
                return self.expr(e.operand)
            raise self.operator_error(e, e.op)
        if isinstance(e, ast.Call):
            return self.call(e)
        if isinstance(e, ast.Attribute):
            return self.attribute_constant(e)
        raise self.unsupported(e, Text("pyimport", _KINDS.get(type(e), _T("pyimport", "this expression"))),
                               _WHAT_EXPRESSIONS)  # fmt: skip

    def lookup(self, name: ast.Name) -> int:
        if name.id in self.env:
            return self.env[name.id]
        if not self.free_names:
            raise self.fail(
                name,
                _T("pyimport", "{name} has no value yet: give it one first, as in {name} = 2.0"),
                name=name.id,
            )
        node = self.add(name, "Input", value=as_value(FREE_VALUE))
        self.bind(name, node)
        return node

    def operation(self, where: ast.AST, op: ast.operator, left: int, right: ast.expr) -> int:
        if isinstance(op, ast.Pow):
            return self.power(where, left, right)
        if type(op) not in OPERATORS:
            raise self.operator_error(where, op)
        return self.add(where, OPERATORS[type(op)], [left, self.expr(right)])

    def operator_error(self, where: ast.AST, op: ast.AST) -> PythonImportError:
        return self.fail(
            where, _T("pyimport", "the operator {op} is not supported: the operators are + - * / ** @ "
                      "and unary minus"), op=OPERATOR_SIGNS.get(type(op), type(op).__name__),
        )  # fmt: skip

    def power(self, where: ast.AST, base: int, exponent: ast.expr) -> int:
        try:
            n = self.literal(exponent)
        except PythonImportError:
            n = None
        if not isinstance(n, float):
            why = _T(
                "pyimport",
                "the power in x ** n must be a number written in the code, not {code}: "
                "a Pow node's exponent is fixed (exp(x) gives eˣ)",
            )
            raise self.fail(exponent, why, code=self.code(exponent))
        if n == 2:
            return self.add(where, "Square", [base])
        return self.add(where, "Pow", [base], exponent=n)

    def literal(self, e: ast.expr) -> Any:
        """A number or (nested) list of numbers written in the code, as floats."""
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, (ast.USub, ast.UAdd)):
            value = self.literal(e.operand)
            if isinstance(value, float):
                return -value if isinstance(e.op, ast.USub) else value
        if isinstance(e, ast.Constant) and type(e.value) in (int, float):
            try:
                value = float(e.value)
            except OverflowError:
                value = math.inf
            if not math.isfinite(value):
                raise self.fail(
                    e, _T("pyimport", "{code} is too large to be a finite number"), code=self.code(e)
                )
            return value
        if isinstance(e, (ast.List, ast.Tuple)):
            return [self.literal(item) for item in e.elts]
        raise self.fail(
            e, _T("pyimport", "{code} is not supported here: values are numbers, lists of numbers such as "
                  "[1.0, 2.0] or [[1, 2], [3, 4]], np.array([...]) or Value(2.0)"), code=self.code(e),
        )  # fmt: skip

    def is_literal(self, e: ast.expr) -> bool:
        try:
            self.literal(e)
        except PythonImportError:
            return False
        return True

    def constant(self, where: ast.AST, value: Any, label: str) -> int:
        try:
            array = as_value(value)
        except BadValue as exc:
            raise self.fail(
                where, _T("pyimport", "{code}: {reason}"), code=self.code(where), reason=exc
            ) from None
        node = self.add(where, "Input", value=array)
        self.nodes[node].label, self.nodes[node].const = label, True
        return node

    def attribute_constant(self, e: ast.Attribute) -> int:
        if self.module(e.value) and e.attr in CONSTANTS:
            value, label = CONSTANTS[e.attr]
            return self.constant(e, value, label)
        raise self.unsupported(e, self.code(e), _WHAT_ATTRIBUTES)

    def module(self, e: ast.expr) -> bool:
        return isinstance(e, ast.Name) and e.id not in self.env and (e.id in MODULES or e.id in self.aliases)

    # -- calls -----------------------------------------------------------------

    def call(self, e: ast.Call) -> int:
        func = e.func
        if isinstance(func, ast.Name) and func.id not in self.env:
            return self.function(e, func.id)
        if isinstance(func, ast.Attribute) and self.module(func.value):
            return self.function(e, func.attr, module=True)
        if isinstance(func, ast.Attribute) and func.attr in FUNCTIONS and not e.args and not e.keywords:
            return self.add(e, FUNCTIONS[func.attr], [self.expr(func.value)])  # micrograd's a.tanh()
        if isinstance(func, ast.Attribute) and not isinstance(func.value, ast.Name | ast.Attribute):
            raise self.unsupported(func, f".{func.attr}()", _WHAT_ATTRIBUTES)
        raise self.unsupported(e, f"{self.code(func)}()", _WHAT_FUNCTIONS)

    def function(self, e: ast.Call, name: str, module: bool = False) -> int:
        if name == "Value" and not module:
            return self.value(e)
        if name in ARRAYS and module:
            args = self.positional(e, 1)
            return self.constant(e, self.literal(args[0]), self.code(args[0]))
        if name in ("maximum", "max"):
            return self.maximum(e)
        if name in FUNCTIONS:
            (arg,) = self.positional(e, 1)
            if name == "sum" and isinstance(arg, (ast.List, ast.Tuple)) and not self.is_literal(arg):
                return self.sum_of(e, arg.elts)
            return self.add(e, FUNCTIONS[name], [self.expr(arg)])
        raise self.unsupported(e, f"{self.code(e.func)}()", _WHAT_FUNCTIONS)

    def positional(self, e: ast.Call, count: int) -> list[ast.expr]:
        if len(e.args) != count or e.keywords or any(isinstance(a, ast.Starred) for a in e.args):
            raise self.fail(
                e, _T("pyimport", "{code} takes {count} argument(s) here, without keywords"),
                code=f"{self.code(e.func)}()", count=count,
            )  # fmt: skip
        return list(e.args)

    def value(self, e: ast.Call) -> int:
        """micrograd's Value(2.0) or Value(2.0, label='x1'): an Input."""
        keywords = {k.arg: k.value for k in e.keywords}
        data = e.args[0] if e.args else keywords.pop("data", None)
        label = keywords.pop("label", None)
        if (
            data is None
            or len(e.args) > 1
            or keywords
            or (label is not None and not (isinstance(label, ast.Constant) and isinstance(label.value, str)))
        ):
            raise self.fail(e, _T("pyimport", "Value(...) takes a number and, if you like, label='name'"))
        node = self.constant(e, self.literal(data), self.code(data))
        self.nodes[node].const = False  # a Value is a variable of the lesson, even unnamed
        self.nodes[node].label = label.value if label is not None else None  # type: ignore[union-attr]
        return node

    def maximum(self, e: ast.Call) -> int:
        args = self.positional(e, 2)
        for keep, zero in ((args[0], args[1]), (args[1], args[0])):
            if isinstance(zero, ast.Constant) and type(zero.value) in (int, float) and zero.value == 0:
                return self.add(e, "ReLU", [self.expr(keep)])
        raise self.fail(
            e, _T("pyimport", "{code} is supported only against 0, as np.maximum(x, 0), which is ReLU"),
            code=f"{self.code(e.func)}()",
        )  # fmt: skip

    def sum_of(self, e: ast.Call, items: list[ast.expr]) -> int:
        """sum([a, b, c]) as a + b + c."""
        if not items:
            raise self.fail(e, _T("pyimport", "sum of an empty list is not supported"))
        total = self.expr(items[0])
        for item in items[1:]:
            total = self.add(e, "Add", [total, self.expr(item)])
        return total

    # -- the graph -------------------------------------------------------------

    def outputs(self) -> list[int]:
        """v.backward()'s v; without one, every computed node no later statement reads."""
        if self.backward:
            return list(dict.fromkeys(self.backward))
        candidates = [*self.named_by, *self.unread_exprs]
        return [n for n in dict.fromkeys(candidates) if n not in self.read and self.nodes[n].type != "Input"]

    def graph(self) -> Graph:
        if not self.nodes:
            raise PythonImportError(
                1, 1, _T("pyimport", "the code computes nothing: write an assignment such as z = (x + y)**2")
            )
        outputs = self.outputs()
        if len(self.nodes) + len(outputs) > MAX_NODES:
            raise PythonImportError(1, 1, _T("pyimport", "the graph would have more than {limit} nodes"),
                                    limit=MAX_NODES)  # fmt: skip
        ids, names = self.identities()
        graph = Graph()
        for i, node in enumerate(self.nodes):
            graph.add_node(node.type, ids[i], name=names[i], **node.params)
        for i, node in enumerate(self.nodes):
            for port, src in enumerate(node.srcs):
                graph.connect(ids[src], ids[i], port)
        for out in outputs:
            out_id = _fresh("out", set(graph.nodes))
            graph.add_node("Output", out_id)
            graph.connect(ids[out], out_id, 0)
        for node_id, pos in layered_layout(graph).items():
            graph.move(node_id, pos)
        return graph

    def identities(self) -> tuple[list[str], list[str]]:
        """Ids and names: a variable's newest node is named after it, its earlier ones x₁, x₂ …;
        a label wins; a constant is named by its value; the rest show their type."""
        by_var: dict[str, list[int]] = {}
        for node, var in self.named_by.items():
            by_var.setdefault(var, []).append(node)
        ids: dict[int, str] = {}
        names: dict[int, str] = {}
        for var, nodes in by_var.items():
            for k, node in enumerate(nodes, 1):
                newest = k == len(nodes)
                ids[node] = var if newest else f"{var}_{k}"
                names[node] = var if newest else var + _subscript(k)
        taken = set(self.env) | set(ids.values())
        counts: dict[str, int] = {}
        for i, node in enumerate(self.nodes):
            if i not in ids:
                prefix = "const" if node.const else node.type.lower()
                counts[prefix] = counts.get(prefix, 0) + 1
                ids[i] = _fresh(f"{prefix}{counts[prefix]}", taken)
                taken.add(ids[i])
            if node.label is not None:
                names[i] = node.label
        return [ids[i] for i in range(len(self.nodes))], [names.get(i, "") for i in range(len(self.nodes))]


def _subscript(k: int) -> str:
    return str(k).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _fresh(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    return next(f"{base}_{k}" for k in _counter(2) if f"{base}_{k}" not in taken)


def _counter(start: int) -> Iterator[int]:
    while True:
        yield start
        start += 1
