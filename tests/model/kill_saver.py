"""The saving process for test_save_kills.py (run as a script, not a test).

``kill_saver.py TARGET NODES`` builds a graph of NODES nodes once, saves it to TARGET, and
prints "ready SECONDS". Then, for each "fork" line on stdin, it forks a child that saves the
graph to TARGET again and again, one Input's value going 2, 1, 2, 1..., printing "s VALUE"
as each save starts and "d VALUE" when it is done; "once" forks a child that saves once and
ends; "reap" waits for the child (which the test kills) and prints "reaped"; "quit" ends.
Forking keeps each round cheap: the big graph is built once.

Serialising 500k nodes takes ~10 s and is pure, so the text is written directly, in exactly
the form ``dumps`` gives (checked on a small graph), and ``dumps`` hands it to ``save``: the
kills are meant for what ``save`` does with the text (encode, write, flush, rename).
"""

from __future__ import annotations

import os
import sys
import time

from nodeeditor.model import fileformat


def graph_text(n: int, first: float) -> str:
    """A file of ``n`` nodes written directly, byte for byte as ``dumps`` writes it (checked on a
    small one): every fourth node an Input (the first one's value is ``first``), the others
    Add/Mul/Sub reading the node before and the last Input, and an Output at the end."""
    nodes, edges = [], []
    ops = ("Add", "Mul", "Sub")
    for i in range(n - 1):
        pos = f'"pos": [{(i % 1000) * 150}, {(i // 1000) * 90}]'
        if i % 4 == 0:
            value = first if i == 0 else (i % 7) / 8
            nodes.append(f'    {{"id": "n{i}", "type": "Input", "value": {value}, {pos}}}')
            continue
        nodes.append(f'    {{"id": "n{i}", "type": "{ops[i % 3]}", "name": "op {i}", {pos}}}')
        edges.append(f'    {{"from": "n{i - 1}", "to": "n{i}", "port": 0}}')
        edges.append(f'    {{"from": "n{i - i % 4}", "to": "n{i}", "port": 1}}')
    nodes.append(f'    {{"id": "n{n - 1}", "type": "Output"}}')
    edges.append(f'    {{"from": "n{n - 2}", "to": "n{n - 1}", "port": 0}}')
    top = '{\n  "format": "nodeeditor-graph",\n  "version": 1,\n  "nodes": [\n'
    return top + ",\n".join(nodes) + '\n  ],\n  "edges": [\n' + ",\n".join(edges) + "\n  ]\n}\n"


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def save_forever(graph, target: str) -> None:
    value = 2.0
    while True:
        graph.set_param("n0", "value", value)
        say(f"s {value}")
        fileformat.save(graph, target)
        say(f"d {value}")
        value = 3.0 - value


def main() -> None:
    target, n = sys.argv[1], int(sys.argv[2])
    start = time.perf_counter()
    for value in (1.0, 2.0):  # the text written directly is what dumps would say
        small = graph_text(50, value)
        assert fileformat.dumps(fileformat.loads(small, layout=False)) == small
    texts = {value: graph_text(n, value) for value in (1.0, 2.0)}
    graph = fileformat.loads(texts[1.0], layout=False)  # the file with 1.0 loads; 2.0 differs only there
    fileformat.dumps = lambda g: texts[float(g.nodes["n0"].params["value"])]
    fileformat.save(graph, target)
    say(f"ready {time.perf_counter() - start:.1f}")
    child = None
    for command in sys.stdin:
        if command.strip() in ("fork", "once"):
            child = os.fork()
            if child == 0:
                if command.strip() == "once":
                    fileformat.save(graph, target)
                    os._exit(0)
                save_forever(graph, target)
            say(f"pid {child}")
        elif command.strip() == "reap":
            os.waitpid(child, 0)
            say("reaped")
        else:
            break
    os._exit(0)  # a 500k-node graph need not be torn down object by object


if __name__ == "__main__":
    main()
