"""``nodeeditor check-lesson FILE``: ok for a good lesson, one line per problem (exit 2) otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_kit import ROOT, assert_one_error_line, chain, example, run

COURSE = sorted((ROOT / "resources" / "course").glob("*.bpgraph"))


def lesson_file(tmp_path: Path, lesson: object) -> Path:
    path = chain(tmp_path, "lesson.bpgraph", 3.0, "Square")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["lesson"] = lesson
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def page(task: dict) -> dict:
    return {"en": {"text": "z = x².", "do": "Set x so that z = 16."}, "task": task}


def test_a_good_lesson_is_ok(tmp_path: Path) -> None:
    pages = [page({"check": "value", "node": "n0", "equals": 16})]
    path = lesson_file(tmp_path, {"en": {"title": "Squares"}, "pages": pages})
    proc = run("check-lesson", path.name, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ok: 1 page, 1 task\n", "")


def test_an_old_one_paragraph_lesson_is_ok(tmp_path: Path) -> None:
    proc = run("check-lesson", example("buying_apples"), cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "ok: 1 page, 0 tasks\n")


def test_each_problem_is_one_line_naming_its_place(tmp_path: Path) -> None:
    pages = [
        page({"check": "value", "node": "n0", "equals": 16}),
        page({"check": "value", "node": "n0", "equals": 16}),
        page({"check": "grad", "node": "q", "equals": 1}),
        {"en": {"text": "no task words"}, "task": {"check": "exists", "node": {"type": "Exp"}}},
    ]
    path = lesson_file(tmp_path, {"en": {"title": "Squares"}, "pages": pages})
    proc = run("check-lesson", path.name, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        "error: lesson.bpgraph: lesson.pages[2].task.node: "
        'no node "q" (by id or name) in the lesson\'s graph',
        'error: lesson.bpgraph: lesson.pages[3].en: needs "do"',
    ]


def test_a_file_without_a_lesson(tmp_path: Path) -> None:
    path = chain(tmp_path, "plain.bpgraph", 3.0, "Square")
    assert_one_error_line(
        run("check-lesson", path.name, cwd=tmp_path), 'error: plain.bpgraph: has no "lesson"'
    )


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "bad.bpgraph").write_text("{", encoding="utf-8")
    assert_one_error_line(run("check-lesson", "bad.bpgraph", cwd=tmp_path), "error: bad.bpgraph: ")


def test_the_course_is_shipped() -> None:
    assert 8 <= len(COURSE) <= 10


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.stem)
def test_every_lesson_of_the_course_passes_and_every_page_has_a_task(tmp_path: Path, path: Path) -> None:
    proc = run("check-lesson", path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    pages, tasks = (int(w) for w in proc.stdout.replace(",", "").split()[1::2])
    assert pages >= 3 and tasks == pages, proc.stdout


def test_the_worked_example_of_the_docs_passes(tmp_path: Path) -> None:
    """docs/file-format.md's lesson with pages, on the graph it describes, is a good lesson."""
    docs = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    section = docs[docs.index("### Lesson pages and tasks") :]
    example = section[
        section.index("```json") + len("```json") : section.index("```", section.index("```json") + 7)
    ]
    lesson = json.loads("{" + example + "}")["lesson"]
    nodes = [
        {"id": "x", "type": "Input", "value": 1.0, "name": "x"},
        {"id": "y", "type": "Input", "value": 2.0, "name": "y"},
        {"id": "z", "type": "Square", "name": "z"},
        {"id": "out", "type": "Output"},
    ]
    doc = {"format": "nodeeditor-graph", "version": 2, "lesson": lesson, "nodes": nodes,
           "edges": [{"from": "z", "to": "out", "port": 0}],
           "exercise": {"hidden": [{"node": "x", "what": "grad"}]}}  # fmt: skip
    (tmp_path / "chain.bpgraph").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    proc = run("check-lesson", "chain.bpgraph", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "ok: 3 pages, 3 tasks\n", "")
