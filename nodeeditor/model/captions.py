"""How the texts that explain a graph write each node type, and how they name nodes.

ops.py says what a node type computes; this module says how captions write it: its output
in terms of its inputs (``w·x``), its local derivatives, and both with numbers put in. The
step-through and the inspector read this one table (the paths and the generated code of
later features are meant to read it too), so ops.py stays the textbook's layer classes.

Formulas name a node by its *symbol*: its name; else its expression in its inputs' symbols
while that stays short (``w·x + b``); else its id. Sentences name it by its *label*: its
name, else its type and its id (``Mul (wx)``), so two unnamed Mul nodes never read alike.
One notation for powers throughout: ``e^x``, ``e^(−x)``, ``x^n``; only the square is ``x²``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import Translate
from .graph import Graph
from .ops import QT_TRANSLATE_NOOP
from .values import format_number

# How tightly a written expression binds; a format spec on a field asks for at least
# that much and gets parentheses otherwise: "s" any, "p" a product, "w" a power, "a" an atom.
SUM, PREFIX, PRODUCT, POWER, ATOM = 1, 2, 3, 4, 5
_NEEDS = {"": 0, "s": SUM, "n": PREFIX, "p": PRODUCT, "w": POWER, "a": ATOM}
MAX_SYMBOL = 24  # a longer expression is named by its node's id instead
MAX_ID = 12
_OPERATORS = frozenset(" +-−·×*/@^²ᵀ,=<>")


def _identity(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Notation:
    """How one node type is written.

    ``expr`` and ``local`` take the inputs' symbols by port name, ``z`` (the node's own
    symbol) and ``n``/``n1`` (a Pow's exponent and the exponent minus one);
    ``forward_numbers`` and ``local_numbers`` take the same names as numbers (see
    ``number``: a negative number binds as a prefix, a vector not at all).
    ``chain`` writes each port's chain-rule product from ``{up}`` (∂L/∂ of the node) and
    ``{local}``; ``local_numbers`` None means the product is not written in numbers.
    """

    formula: str
    derivatives: str
    expr: str = ""
    binds: int = ATOM
    local: tuple[str, ...] = ()
    local_numbers: tuple[str, ...] | None = ()
    forward_numbers: str = ""
    chain: tuple[str, ...] = ()

    def chain_of(self, port: int) -> str:
        return self.chain[port] if self.chain else "{up} · {local}"


def _function(name: str, derivative: str, numbers: str, formula: str, derivatives: str) -> Notation:
    """A function of one input written with parentheses, ``tanh(x)``: it binds as an atom."""
    return Notation(
        formula=formula,
        derivatives=derivatives,
        expr=name + "({x})",
        local=(derivative,),
        local_numbers=(numbers,),
        forward_numbers=name + "({x})",
    )


NOTATION: dict[str, Notation] = {
    "Input": Notation(
        QT_TRANSLATE_NOOP("captions", "z = value"),
        QT_TRANSLATE_NOOP("captions", "∂L/∂value = sum of the gradients on its wires"),
    ),
    "Output": Notation(
        "L = x",
        QT_TRANSLATE_NOOP("captions", "∂L/∂x = seed (1 by default)"),
        expr="{x}",
        binds=SUM,
        local=(QT_TRANSLATE_NOOP("captions", "seed"),),
        local_numbers=("{seed}",),
        forward_numbers="{x}",
    ),
    "Add": Notation(
        "z = x + y", "∂z/∂x = 1, ∂z/∂y = 1", "{x} + {y:p}", SUM, ("1", "1"), ("1", "1"), "{x:s} + {y:p}"
    ),
    "Sub": Notation(
        "z = x − y",
        "∂z/∂x = 1, ∂z/∂y = −1",
        "{x} − {y:p}",
        SUM,
        ("1", "(−1)"),
        ("1", "(−1)"),
        "{x:s} − {y:p}",
    ),
    "Mul": Notation(
        "z = x · y",
        "∂z/∂x = y, ∂z/∂y = x",
        "{x:p}·{y:p}",
        PRODUCT,
        ("{y:p}", "{x:p}"),
        ("{y:p}", "{x:p}"),
        "{x:p} × {y:p}",
    ),
    "Div": Notation(
        "z = x / y",
        "∂z/∂x = 1/y, ∂z/∂y = −x/y²",
        "{x:p} / {y:w}",
        PRODUCT,
        ("1/{y:w}", "(−{x:p}/{y:a}²)"),
        ("1/{y:w}", "(−{x:p}/{y:a}²)"),
        "{x:p} / {y:w}",
    ),
    "Neg": Notation("z = −x", "∂z/∂x = −1", "−{x:p}", PREFIX, ("(−1)",), ("(−1)",), "−{x:p}"),
    "Square": Notation("z = x²", "∂z/∂x = 2x", "{x:a}²", POWER, ("2{x:a}",), ("2 × {x:p}",), "{x:a}²"),
    "Pow": Notation(
        "z = x^n",
        "∂z/∂x = n·x^(n−1)",
        "{x:a}^{n:a}",
        POWER,
        ("{n:p}·{x:a}^{n1:a}",),
        ("{n:p} × {x:a}^{n1:a}",),
        "{x:a}^{n:a}",
    ),
    "Exp": Notation("z = e^x", "∂z/∂x = e^x", "e^{x:a}", POWER, ("{z:p}",), ("{z:p}",), "e^{x:a}"),
    "Log": _function("ln", "1/{x:w}", "1/{x:w}", "z = ln(x)", "∂z/∂x = 1/x"),
    "Sigmoid": Notation(
        "z = σ(x) = 1 / (1 + e^(−x))",
        "∂z/∂x = z·(1 − z)",
        "σ({x})",
        ATOM,
        ("{z:a}(1 − {z:p})",),
        ("{z:p} × (1 − {z:p})",),
        "1 / (1 + e^(−{x:p}))",
    ),
    "Tanh": _function("tanh", "(1 − {z:a}²)", "(1 − {z:a}²)", "z = tanh(x)", "∂z/∂x = 1 − z²"),
    "ReLU": Notation(
        "z = max(0, x)",
        QT_TRANSLATE_NOOP("captions", "∂z/∂x = 1 if x > 0, else 0"),
        "max(0, {x})",
        ATOM,
        ("[{x} > 0]",),
        ("{step:p}",),
        "max(0, {x:s})",
    ),
    "Sin": _function("sin", "cos({x})", "cos({x})", "z = sin(x)", "∂z/∂x = cos(x)"),
    "Cos": _function("cos", "(−sin({x}))", "(−sin({x}))", "z = cos(x)", "∂z/∂x = −sin(x)"),
    "Sum": Notation("z = Σ xᵢ", "∂z/∂xᵢ = 1", "Σ({x})", ATOM, ("1",), ("1",), "Σ({x})"),
    "MatMul": Notation(
        "z = x @ W",
        "∂L/∂x = ∂L/∂z @ Wᵀ, ∂L/∂W = xᵀ @ ∂L/∂z",
        "{x:p} @ {W:w}",
        PRODUCT,
        ("{W:a}ᵀ", "{x:a}ᵀ"),
        None,
        "{x:s} @ {W:s}",
        chain=("{up} @ {local}", "{local} @ {up}"),
    ),
}


def notation(type_name: str) -> Notation:
    """How a node type is written; KeyError if unknown."""
    return NOTATION[type_name]


def formula(type_name: str, translate: Translate = _identity) -> str:
    return translate("captions", NOTATION[type_name].formula)


def derivatives(type_name: str, translate: Translate = _identity) -> str:
    return translate("captions", NOTATION[type_name].derivatives)


# -- naming nodes -----------------------------------------------------------------------


class Sym(str):
    """A symbol and how tightly it binds; in a template, ``{x:p}`` adds the parentheses
    it needs there."""

    binds: int

    def __new__(cls, text: str, binds: int = ATOM) -> Sym:
        sym = super().__new__(cls, text)
        sym.binds = binds
        return sym

    def __format__(self, spec: str) -> str:
        return f"({self})" if self.binds < _NEEDS[spec] else str(self)


def number(text: str) -> Sym:
    """A formatted value as a symbol: ``−1`` binds as a prefix, ``[3] 1, 2, 3`` not at all."""
    return Sym(text, 0 if text.startswith("[") else PREFIX if text.startswith("−") else ATOM)


def plain(text: str) -> Sym:
    """A name or an id as a symbol: an atom unless it holds a space or an operator."""
    return Sym(text, ATOM if text and not _OPERATORS.intersection(text) else 0)


def short_id(node_id: str) -> str:
    return node_id if len(node_id) <= MAX_ID else node_id[: MAX_ID - 1] + "…"


class Labels:
    """How sentences name nodes: the name, else the type and the id (``Mul (wx)``); a name
    that two nodes share gets the id too (``1 (one_a)``)."""

    def __init__(self, graph: Graph, translate: Translate = _identity) -> None:
        self.graph, self.translate = graph, translate
        self._shared: set[str] | None = None

    def __call__(self, node_id: str) -> str:
        name = self.graph.name_of(node_id)
        if not name:
            return f"{self.translate('ops', self.graph.nodes[node_id].type)} ({short_id(node_id)})"
        if self._shared is None:
            seen: set[str] = set()
            self._shared = set()
            for n in self.graph.nodes:
                other = self.graph.name_of(n)
                (self._shared if other in seen else seen).add(other)
        return f"{name} ({short_id(node_id)})" if name in self._shared else name


def label(graph: Graph, node_id: str, translate: Translate = _identity) -> str:
    """How sentences name one node (see Labels, which names many at the cost of one)."""
    return Labels(graph, translate)(node_id)


class Symbols:
    """The symbols of one graph's nodes, worked out once each."""

    _DEPTH = MAX_SYMBOL + 2  # an expression this deep is longer than MAX_SYMBOL anyway

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._known: dict[str, Sym] = {}

    def __call__(self, node_id: str) -> Sym:
        return self._symbol(node_id, 0)

    def _symbol(self, node_id: str, depth: int) -> Sym:
        known = self._known.get(node_id)
        if known is not None:
            return known
        graph = self.graph
        name = graph.name_of(node_id)
        if name:
            sym = plain(name)
        elif depth > self._DEPTH:  # not remembered: the answer may be cut short here
            return plain(short_id(node_id))
        else:
            sym = self._expression(node_id, depth)
        self._known[node_id] = sym
        return sym

    def _expression(self, node_id: str, depth: int) -> Sym:
        node = self.graph.nodes[node_id]
        fallback = plain(short_id(node_id))
        if node.type in ("Input", "Output"):
            return fallback
        edges = self.graph.in_edges(node_id)
        if len(edges) < len(node.ports):
            return fallback
        note = NOTATION[node.type]
        fields = {node.ports[e.port]: self._symbol(e.src, depth + 1) for e in edges}
        text = note.expr.format(**fields, **_exponent(node.params))
        return Sym(text, note.binds) if len(text) <= MAX_SYMBOL else fallback

    def expression(self, node_id: str) -> str:
        """The node's output written in its inputs' symbols, however long."""
        node = self.graph.nodes[node_id]
        fields = {node.ports[e.port]: self(e.src) for e in self.graph.in_edges(node_id)}
        return NOTATION[node.type].expr.format(**fields, **_exponent(node.params))

    def local_fields(self, node_id: str) -> dict[str, Sym]:
        """What the local-derivative templates of a node take, in symbols."""
        node = self.graph.nodes[node_id]
        fields = {node.ports[e.port]: self(e.src) for e in self.graph.in_edges(node_id)}
        return {**fields, "z": self(node_id), **_exponent(node.params)}


def _exponent(params: dict) -> dict[str, Sym]:
    """A Pow's n and n − 1, written as numbers (a negative one in parentheses)."""
    if "exponent" not in params:
        return {}
    n = float(params["exponent"])
    return {"n": number(format_number(n)), "n1": number(format_number(n - 1))}


# -- forward mode and the chain rule's names (issue 11) ---------------------------------

# Forward mode writes a tangent, d(node)/d(input), with a dot: ẋ. Each type's tangent rule
# (ops.py's ``tangent``) in its inputs' symbols and their dotted symbols (``dx`` for port x's
# tangent, ``dy``, ``dW``), with the same fields as NOTATION's ``local`` (and ``step`` for
# ReLU in numbers). Numbers are written with × where the symbols have ·.
TANGENT: dict[str, str] = {
    "Output": "{dx}",
    "Add": "{dx} + {dy:p}",
    "Sub": "{dx} − {dy:p}",
    "Mul": "{dx:p}·{y:p} + {x:p}·{dy:p}",
    "Div": "{dx:p}/{y:w} − {x:p}·{dy:p}/{y:a}²",
    "Neg": "−{dx:p}",
    "Square": "2{x:a}·{dx:p}",
    "Pow": "{n:p}·{x:a}^{n1:a}·{dx:p}",
    "Exp": "{z:p}·{dx:p}",
    "Log": "{dx:p}/{x:w}",
    "Sigmoid": "{z:a}(1 − {z:p})·{dx:p}",
    "Tanh": "(1 − {z:a}²)·{dx:p}",
    "ReLU": "[{x} > 0]·{dx:p}",
    "Sin": "cos({x})·{dx:p}",
    "Cos": "(−sin({x}))·{dx:p}",
    "Sum": "Σ({dx})",
    "MatMul": "{dx:p} @ {W:w} + {x:p} @ {dW:w}",
}
TANGENT_NUMBERS = {**{t: s.replace("·", " × ") for t, s in TANGENT.items()}, "ReLU": "{step:p} × {dx:p}"}
TANGENT_NUMBERS["Square"] = "2 × {x:p} × {dx:p}"
TANGENT_NUMBERS["Sigmoid"] = "{z:p} × (1 − {z:p}) × {dx:p}"


def dot(symbol: str) -> Sym:
    """A symbol's tangent: ẋ for one letter, (w·x)˙ for anything longer."""
    if len(symbol) == 1 and symbol.isalpha():
        return Sym(unicodedata.normalize("NFC", symbol + "\u0307"))  # ẋ as one character where there is one
    return Sym(f"({symbol})˙" if _OPERATORS.intersection(symbol) else f"{symbol}˙")


def partial(top: Sym | str, symbol: Sym | str) -> str:
    """``∂L/∂x``: how ``top`` (L, or the target's symbol) changes with a symbol; a plain
    string is a name (in parentheses if it holds a space or an operator)."""

    def atom(s: Sym | str) -> str:
        return format(s if isinstance(s, Sym) else plain(s), "a")

    return f"∂{atom(top)}/∂{atom(symbol)}"


def top_symbol(graph: Graph, target: str | None, symbols: Symbols | None = None) -> Sym:
    """What the gradients differentiate: L, or the target node's symbol (its name, else its
    short expression, else its id)."""
    if target is None or target not in graph.nodes:
        return Sym("L")
    return (symbols or Symbols(graph))(target)
