"""The Korean catalogue: complete, compiled, loaded, and used by the window.

A new user-visible string without a Korean translation fails
``test_every_source_string_has_a_korean_translation`` and names the string;
run ``tools/update_translations.sh``, translate it in the .ts, run it again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nodeeditor"
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "backprop_studio_ko.ts"
QM = TRANSLATIONS / "backprop_studio_ko.qm"
FIELD = re.compile(r"\{[^{}]*\}")


def _tool(name: str) -> list[str] | None:
    """pyside6-lupdate / pyside6-lrelease: next to this Python, on PATH, or through PySide6.scripts."""
    here = Path(sys.executable).parent
    for candidate in (
        here / f"pyside6-{name}",
        here / f"pyside6-{name}.exe",
        shutil.which(f"pyside6-{name}"),
    ):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    try:
        import PySide6.scripts.pyside_tool  # noqa: F401
    except ImportError:
        return None
    return [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {name}; {name}()"]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element, for every message of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def _finished(translation: ET.Element | None) -> bool:
    return translation is not None and bool(translation.text) and translation.get("type") is None


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The strings in the sources now, extracted the way tools/update_translations.sh does."""
    lupdate = _tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate cannot be found")
    out = tmp_path_factory.mktemp("lupdate") / "current_ko.ts"
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    args = [
        *lupdate,
        *sources,
        "-tr-function-alias",
        "QT_TRANSLATE_NOOP+=_T",
        "-locations",
        "none",
        "-ts",
        str(out),
    ]
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT, timeout=120)
    return out


@pytest.fixture
def korean(qapp):
    """The Korean catalogue (and Qt's) installed for one test, then English again."""
    from nodeeditor.gui.i18n import install_translators

    assert install_translators(qapp, "ko") == "ko"
    yield qapp
    install_translators(qapp, "en")


# -- (a) every string in the sources is translated ----------------------------------------------


def test_every_source_string_has_a_korean_translation(fresh_ts: Path) -> None:
    current = _messages(fresh_ts)
    assert len(current) > 200, "lupdate found too few strings: is the _T alias passed?"
    ours = _messages(TS)
    untranslated = [key for key in current if not _finished(ours.get(key))]
    assert not untranslated, (
        "strings without a finished Korean translation in backprop_studio_ko.ts "
        f"(run tools/update_translations.sh and translate them): {untranslated}"
    )


def test_translations_keep_every_placeholder_and_shortcut() -> None:
    for (context, source), translation in _messages(TS).items():
        if not _finished(translation):
            continue
        text = translation.text or ""
        assert sorted(FIELD.findall(text)) == sorted(FIELD.findall(source)), (context, source, text)
        assert source.count("&") == text.count("&"), (context, source, text)


def test_the_source_markers_are_the_ones_lupdate_reads() -> None:
    """``tr = QCoreApplication.translate; tr("ctx", "text")`` is read by lupdate as
    tr(source, comment) and the real text is lost: call it ``translate``."""
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted(PACKAGE.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\btr\s*=\s*QCoreApplication\.translate", line)
    ]
    assert not offenders


# -- (b) the shipped .qm is compiled from the current .ts --------------------------------------


def test_shipped_qm_matches_the_ts(qapp) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), "backprop_studio_ko.qm does not load"
    stale = [
        (context, source)
        for (context, source), translation in _messages(TS).items()
        if _finished(translation) and translator.translate(context, source) != translation.text
    ]
    assert not stale, f"the .qm is older than the .ts (run tools/update_translations.sh): {stale}"


def test_lrelease_reproduces_the_shipped_qm(tmp_path: Path) -> None:
    lrelease = _tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease cannot be found")
    out = tmp_path / "ko.qm"
    subprocess.run([*lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=60)
    assert out.read_bytes() == QM.read_bytes(), "run tools/update_translations.sh and commit the .qm"


# -- (c) real translations, through the same calls the GUI makes -------------------------------


def test_catalogue_translates_menus_types_and_model_errors(korean) -> None:
    from PySide6.QtCore import QCoreApplication

    from nodeeditor.gui.i18n import error_text, type_text
    from nodeeditor.model import Graph, GraphError, GraphFileError, evaluate, loads

    translate = QCoreApplication.translate
    assert translate("MainWindow", "&File") == "파일(&F)"
    assert [type_text(t) for t in ("Add", "Mul", "Input", "Output")] == ["덧셈", "곱셈", "입력", "출력"]

    graph = Graph()
    for n in ("a", "b"):
        graph.add_node("Neg", n)
    graph.connect("a", "b", 0)
    with pytest.raises(GraphError) as cycle:
        graph.connect("b", "a", 0)
    assert str(cycle.value) == "this wire would make a cycle: b → a → b"
    assert cycle.value.translated(translate) == "이 선을 연결하면 순환이 생깁니다: b → a → b"

    with pytest.raises(GraphError) as taken:
        graph.connect("a", "b", 0)
    assert error_text(taken.value) == "b (부호 반전) 노드의 입력 x에는 이미 선이 연결되어 있습니다"

    node = '{"id": "m", "type": "Mul", "value": 2}'
    text = f'{{"format": "nodeeditor-graph", "version": 1, "nodes": [{node}], "edges": []}}'
    with pytest.raises(GraphFileError) as broken:
        loads(text)
    assert str(broken.value) == "nodes[0].value: only Input nodes have a value, not Mul"
    assert (
        broken.value.translated(translate)
        == "nodes[0].value: 값(value)은 입력 노드에만 있습니다. 곱셈 노드에는 없습니다"
    )

    result = evaluate(graph)
    assert result.problem("a") == "input x is not connected"
    assert error_text(result.problem_text("a")) == "입력 x에 연결된 선이 없습니다"
    assert error_text(result.problem_text("b")) == "입력 x의 값이 정해지지 않았습니다"


def test_nonfinite_reasons_are_translated(korean) -> None:
    from nodeeditor.gui.i18n import error_text
    from nodeeditor.model import Graph, evaluate

    graph = Graph()
    graph.add_node("Input", "x", value=0.0)
    graph.add_node("Log", "log")
    graph.connect("x", "log", 0)
    result = evaluate(graph)
    assert result.flags == {"log": "log of zero"}  # English for the CLI
    assert error_text(result.problem_text("log")) == "0의 로그입니다"


# -- (d) the window speaks Korean ---------------------------------------------------------------


def test_main_window_in_korean(korean, qtbot, tmp_path: Path, monkeypatch, capsys) -> None:
    from PySide6.QtWidgets import QDockWidget, QMessageBox

    from nodeeditor.gui.files import Autosave, example_path
    from nodeeditor.gui.main_window import MainWindow
    from nodeeditor.gui.search_popup import matching_types

    window = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(window)
    window.ask_unsaved = lambda title: QMessageBox.StandardButton.Discard  # no modal question at teardown
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "보기(&V)", "연습 문제(&X)", "도움말(&H)"]
    docks = {d.objectName(): d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert docks["palette"] == "노드" and docks["steps"] == "단계별 실행"

    palette = [window.palette.list.item(i).text() for i in range(window.palette.list.count())]
    assert any(t.startswith("곱셈") for t in palette)
    window.palette.apply_filter("mul")  # the English name still finds it
    shown = [window.palette.list.item(i) for i in range(window.palette.list.count())]
    assert [i.text().split()[0] for i in shown if not i.isHidden()] == ["곱셈", "행렬"]
    assert matching_types("mul")[:2] == ["Mul", "MatMul"]
    assert matching_types("곱") == ["Mul", "Square", "Pow", "MatMul"]  # prefix first, then inside

    assert window.open_path(example_path("04_buying_apples.bpgraph"))
    window.scene.add_node("Add", window.view.mapToScene(0, 0))
    assert window.document.undo_stack.undoText() == "덧셈 추가"

    from nodeeditor.gui import dialogs

    shown_errors: list[str] = []
    monkeypatch.setattr(
        dialogs, "critical", lambda parent, title, text: shown_errors.append(f"{title}|{text}")
    )
    broken = tmp_path / "broken.bpgraph"
    broken.write_text(
        '{"format": "nodeeditor-graph", "version": 1, "nodes": {}, "edges": []}', encoding="utf-8"
    )
    assert not window.open_path(broken)
    assert shown_errors == [
        f"broken.bpgraph 파일을 열 수 없습니다|{broken}: nodes: 배열이 있어야 합니다 (실제 값: 객체)"
    ]
    assert capsys.readouterr().err.strip() == f"error: {broken}: nodes: expected an array, got an object"


def test_qts_file_dialog_speaks_korean(korean) -> None:
    """Qt's own dialogs: qtbase_ko for most words, our catalogue for the two it lacks."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "다음에서 찾기(&L):"
    assert labels["fileNameLabel"] == "파일 이름(&N):"
    assert labels["fileTypeLabel"] == "파일 형식(&T):"
    dialog.deleteLater()
