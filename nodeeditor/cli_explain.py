"""``nodeeditor explain`` and ``nodeeditor eval --target/--wrt``: the chain rule on the command line.

``explain GRAPH INPUT`` writes dL/d(INPUT) as the sum over the paths of wires from INPUT to
the loss, each path the product of its local derivatives (model/paths.py); ``eval --target
NODE`` differentiates NODE instead of the loss; ``eval --wrt INPUT`` adds forward mode's
d(...)/d(INPUT) (model/forward_mode.py). The JSON is documented in docs/file-format.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .cli import InputError, eval_document
from .terminal import json_printable, printable

MAX_LISTED = 20  # paths listed without --all
MAX_ALL = 1_000  # with --all


def add_explain_parser(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser(
        "explain", help="dL/d(INPUT) as a sum over paths, each a product of local derivatives"
    )
    ex.add_argument("file")
    ex.add_argument("input", metavar="INPUT", help="the id of the node whose gradient to explain")
    ex.add_argument("--json", action="store_true", help="print the paths as JSON (see docs/file-format.md)")
    ex.add_argument("--all", action="store_true", help=f"list up to {MAX_ALL:,} paths, not {MAX_LISTED}")
    ex.add_argument("--target", metavar="NODE", help="paths to NODE instead of to the loss")


def add_eval_options(ev: argparse.ArgumentParser) -> None:
    ev.add_argument("--target", metavar="NODE", help="differentiate NODE (seed: ones) instead of the loss")
    ev.add_argument("--wrt", metavar="INPUT", help="forward mode: also d(every node)/d(INPUT)")
    ev.add_argument(
        "--element", metavar="I[,J]", help="with --wrt on a vector or matrix Input: the element that moves"
    )


def _load(path: str):
    from .gc_pause import gc_paused
    from .model.fileformat import from_document, read_document

    document = read_document(path)
    with gc_paused():
        return from_document(document, layout=False)


def _node(graph, file: str, node_id: str, what: str) -> None:
    if node_id not in graph.nodes:
        raise InputError(f'{file}: there is no node "{node_id}" ({what})')


def _evaluate(graph, file: str, target: str | None):
    from .model import evaluate

    if target is not None:
        _node(graph, file, target, "--target")
    return evaluate(graph, target=target)


# -- explain ----------------------------------------------------------------------------


def explain(args: argparse.Namespace) -> int:
    from .model.paths import paths

    graph = _load(args.file)
    _node(graph, args.file, args.input, "INPUT")
    result = _evaluate(graph, args.file, args.target)
    report = paths(graph, result, args.input, MAX_ALL if args.all else MAX_LISTED)
    if report.count == 0:
        end = (
            f'the target "{args.target}"'
            if args.target
            else "the loss (no path of wires to a defined Output)"
        )
        raise InputError(f'{args.file}: "{args.input}" does not reach {end}')
    if args.json:
        print(json_printable(json.dumps(explain_document(report), ensure_ascii=False)))
    else:
        print(explain_text(Path(args.file).name, graph, result, report))
    return 0


def explain_document(report) -> dict:
    """The ``explain --json`` object of docs/file-format.md."""
    from .model.values import to_json

    doc: dict = {"input": report.node}
    if report.target is not None:
        doc["target"] = report.target
    doc["gradient"] = to_json(report.gradient)
    doc["path_count"] = report.count
    doc["paths"] = [
        {
            "wires": [[w.src, w.dst, w.port] for w in p.wires],
            "factors": [None if f is None else to_json(_number(f)) for f in p.factors],
            "product": None if p.product is None else to_json(_number(p.product)),
        }
        for p in report.paths
    ]
    return doc


def _number(x: float):
    import numpy as np

    return np.float64(x)


def explain_text(title: str, graph, result, report) -> str:
    from .model.steps import Captions
    from .model.values import format_value

    captions = Captions(graph, result)
    d = f"d{captions.top}/d({report.node})"
    paths = "path" if report.count == 1 else "paths"
    lines = [f"{printable(title)}: {printable(d)} = {format_value(report.gradient, 8)}, "
             f"the sum over {report.count:,} {paths} of wires"]  # fmt: skip
    if not report.scalar:
        lines.append("the values are vectors or matrices: each factor is a Jacobian, named, not multiplied")
    for k, p in enumerate(report.paths, 1):
        lines.append(f"{k:>4}. {printable(captions.path(p, report.node))}")
    if report.more:
        hint = "" if len(report.paths) >= MAX_ALL else "; --all lists up to 1,000"
        lines.append(
            f"      and {report.more:,} more (listed: the {len(report.paths)} largest |products|{hint})"
        )
    if report.scalar and report.paths:
        listed = sum(p.product for p in report.paths)
        which = "every path" if not report.more else f"the {len(report.paths)} listed"
        lines.append(f"total: {format_value(_number(listed), 8)} (the sum of {which}'s products); "
                     f"backprop gives {format_value(report.gradient, 8)}")  # fmt: skip
    return "\n".join(lines)


# -- eval --target / --wrt --------------------------------------------------------------


def eval_chain(args: argparse.Namespace) -> int:
    """``eval`` with ``--target`` and/or ``--wrt``."""
    if args.element is not None and args.wrt is None:
        raise InputError("--element names an element of the --wrt Input: give --wrt INPUT too")
    graph = _load(args.file)
    result = _evaluate(graph, args.file, args.target)
    tangents = _tangents(graph, result, args) if args.wrt is not None else None
    if args.json:
        doc = eval_document(graph, result)
        if args.target is not None:
            doc["target"] = args.target
        if tangents is not None:
            _add_tangents(doc, graph, tangents)
        print(json_printable(json.dumps(doc, ensure_ascii=False)))
    else:
        print(eval_chain_text(Path(args.file).name, graph, result, tangents))
    return 0


def _tangents(graph, result, args: argparse.Namespace):
    from .model import GraphError
    from .model.forward_mode import tangents, unit_direction

    _node(graph, args.file, args.wrt, "--wrt")
    if graph.nodes[args.wrt].type != "Input":
        raise InputError(
            f'{args.file}: --wrt needs an Input node; "{args.wrt}" is of type {graph.nodes[args.wrt].type}'
        )
    direction = None
    try:
        if args.element is not None:
            index = tuple(int(k) for k in args.element.split(","))
            direction = unit_direction(graph.params_of(args.wrt)["value"].shape, index)
        return tangents(graph, result, args.wrt, direction)
    except ValueError as exc:  # GraphError is one; so is int("a")
        why = exc if isinstance(exc, GraphError) else f"--element {args.element!r} is not whole numbers"
        raise InputError(f"{args.file}: {why}") from None


def _add_tangents(doc: dict, graph, tangents) -> None:
    from .model.graph import Edge
    from .model.values import to_json

    doc["wrt"] = tangents.wrt
    for n, entry in doc["nodes"].items():
        entry["tangent"] = to_json(tangents.node(n))
    for entry in doc["edges"]:
        entry["tangent"] = to_json(tangents.wire(Edge(entry["from"], entry["to"], entry["port"])))


def eval_chain_text(title: str, graph, result, tangents) -> str:
    from .model.captions import top_symbol
    from .model.values import format_value

    def who(n: str) -> str:
        name = graph.name_of(n)
        return printable(n if not name or name == n else f"{name} ({n})")

    top = top_symbol(graph, result.target)
    lines = [f"{printable(title)}: {len(graph)} nodes, {graph.edge_count} wires"]
    if result.target is not None:
        shape = "" if result.value(result.target) is None or not result.value(result.target).shape else (
            " (a vector or matrix: the seed is ones of its shape, so this is d(sum of its elements))"
        )  # fmt: skip
        lines.append(f"target {who(result.target)} = {format_value(result.value(result.target), 8)}{shape}")
        ins = graph.of_type("Input")
        width = max([len(who(n)) for n in ins] + [6])
        head = printable(f"d{top:a}/d(input)")  # d((apple price)·apples)/d(input)
        lines.append(f"{'Input':<{width}}  {'value':>14}  {head:>14}")
        lines += [_row(who(n), width, result.value(n), result.grad(n)) for n in ins]
        if not result.has_gradients:
            lines.append("note: the target is undefined, so there are no gradients")
    if tangents is not None:
        outs = graph.of_type("Output")
        width = max([len(who(n)) for n in outs] + [6])
        element = "" if tangents.direction.ndim == 0 else f" along {format_value(tangents.direction, 8)}"
        head = f"d(output)/d({who(tangents.wrt)}){element}"
        lines.append(f"forward mode: {head}")
        lines.append(f"{'Output':<{width}}  {'value':>14}  {'tangent':>14}")
        lines += [_row(who(n), width, result.value(n), tangents.node(n)) for n in outs]
        if not outs:
            lines.append("note: no Output node")
    lines += [f"note: {who(n)}: {printable(str(result.problem(n)))}" for n in result.problem_nodes()]
    return "\n".join(lines)


def _row(name: str, width: int, value, other) -> str:
    from .model.values import format_value

    return f"{name:<{width}}  {format_value(value, 8):>14}  {format_value(other, 8):>14}"
