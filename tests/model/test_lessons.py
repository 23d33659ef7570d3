"""Lesson files: the old one-paragraph form is a one-page lesson; pages are read strictly."""

from __future__ import annotations

import copy

import pytest
from graphkit import EXAMPLE_FILES

from nodeeditor.model import Graph, load
from nodeeditor.model.lessons import PageText, read_lesson
from nodeeditor.model.tasks import Equals


def graph_with(lesson: object) -> Graph:
    g = Graph()
    g.add_node("Input", "x", name="x", value=3.0)
    g.add_node("Square", "z", name="z")
    g.add_node("Output", "out")
    g.connect("x", "z", 0)
    g.connect("z", "out", 0)
    g.meta["lesson"] = lesson
    return g


PAGED = {
    "en": {"title": "Squares"},
    "ko": {"title": "제곱"},
    "pages": [
        {"en": {"text": "z = x².", "do": "Set x so that z = 16."},
         "ko": {"text": "z = x².", "do": "z = 16이 되도록 x를 정하세요."},
         "task": {"check": "value", "node": "z", "equals": 16}},
        {"en": {"text": "Just read this."}, "ko": {"text": "읽어 보세요."}},
    ],
}  # fmt: skip


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_old_example_is_a_lesson_of_one_page(path) -> None:
    lesson, problems = read_lesson(load(path))
    assert problems == [] and lesson is not None
    assert len(lesson.pages) == 1 and lesson.pages[0].task is None
    assert lesson.pages[0].text("ko").text == load(path).meta["lesson"]["ko"]["text"]


def test_pages_in_each_language_with_a_task() -> None:
    lesson, problems = read_lesson(graph_with(PAGED))
    assert problems == [] and lesson is not None
    assert lesson.title("ko") == "제곱" and lesson.title("fr") == "Squares"  # else English
    assert lesson.pages[0].text("ko") == PageText("z = x².", "z = 16이 되도록 x를 정하세요.")
    assert isinstance(lesson.pages[0].task, Equals) and lesson.pages[1].task is None


def test_no_lesson_is_no_problem() -> None:
    assert read_lesson(Graph()) == (None, [])


def broken(change) -> list[str]:
    lesson = copy.deepcopy(PAGED)
    change(lesson)
    return read_lesson(graph_with(lesson))[1]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["pages"][0]["task"].update(node="q"),
            ['lesson.pages[0].task.node: no node "q" (by id or name) in the lesson\'s graph'],
        ),
        (
            lambda d: d["pages"][1].pop("ko"),
            ['lesson.pages[1]: has no "ko" text, though the lesson has a "ko" title'],
        ),
        (lambda d: d["pages"][0]["en"].pop("do"), ['lesson.pages[0].en: needs "do"']),
        (lambda d: d["pages"][0]["en"].update(text=""), ["lesson.pages[0].en.text: must be text"]),
        (
            lambda d: d["pages"][0]["en"].update(html="<b>"),
            ['lesson.pages[0].en.html: not a key of a page\'s text (it has "text", "do")'],
        ),
        (
            lambda d: d["pages"][0].update(fr={"text": "x"}),
            ['lesson.pages[0].fr: not a language of the lesson\'s title, nor "task"'],
        ),
        (lambda d: d.update(pages=[]), ["lesson.pages: must be a list of one page or more"]),
        (lambda d: d["ko"].pop("title"), ['lesson.ko: needs "title"']),
        (
            lambda d: d.update(English={"title": "x"}),
            ['lesson.English: neither a language code (such as "en", "ko") nor "pages"'],
        ),
        (
            lambda d: d["pages"].append("page three"),
            ["lesson.pages[2]: must be an object with a text for each language and a task"],
        ),
    ],
)
def test_every_problem_is_named_by_its_place(change, expected: list[str]) -> None:
    assert broken(change) == expected


def test_all_the_problems_are_listed_and_the_rest_is_kept() -> None:
    def two(d: dict) -> None:
        d["pages"][0]["task"]["node"] = "q"
        d["pages"][1]["ko"]["text"] = 5

    lesson = copy.deepcopy(PAGED)
    two(lesson)
    read, problems = read_lesson(graph_with(lesson))
    assert len(problems) == 2 and problems[1] == "lesson.pages[1].ko.text: must be text, not a number or list"
    assert read is not None and read.pages[0].task is None and read.pages[0].problem == problems[0]
    assert read.pages[0].text("en").do == "Set x so that z = 16."


def test_a_lesson_that_is_not_an_object() -> None:
    assert read_lesson(graph_with("read chapter 5")) == (
        None,
        ["lesson: must be an object with a title and text for each language"],
    )
