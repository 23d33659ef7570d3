"""README's Quick start is what a newcomer types and what CI runs: the two stay in step."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _pyproject() -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _quick_start() -> str:
    return README[README.index("## Quick start") : README.index("\n## ", README.index("## Quick start") + 1)]


def _sh_blocks(text: str) -> list[str]:
    return [b.replace("\\\n", " ") for b in re.findall(r"```sh\n(.*?)```", text, re.S)]


def _apt_packages(text: str) -> set[str]:
    """The packages of every ``apt-get install`` command in a shell text (options dropped)."""
    text = text.replace("\\\n", " ")
    found = set()
    for args in re.findall(r"apt-get install((?: +[-\w.+]+)+)", text):
        found |= {a for a in args.split() if not a.startswith("-")}
    return found


def test_the_system_packages_come_before_the_two_commands() -> None:
    blocks = _sh_blocks(_quick_start())
    apt, app, tests = blocks[0], blocks[1], blocks[2]
    assert "apt-get install" in apt
    assert app.strip() == "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/nodeeditor"
    assert tests.strip().startswith("python3 -m venv .venv && .venv/bin/pip install '.[test]'")
    packages = _apt_packages(apt)
    assert {"python3-venv", "libxcb-cursor0", "libegl1", "fonts-nanum"} <= packages


def test_ci_runs_the_test_command_exactly_as_readme_gives_it_and_installs_the_same_packages() -> None:
    tests = _sh_blocks(_quick_start())[2].strip()
    assert tests + " || exit $?" in CI.splitlines()
    missing = _apt_packages(_sh_blocks(_quick_start())[0]) - _apt_packages(CI)
    assert not missing, f".ci/run does not install {missing}"


def test_readme_names_the_supported_systems_and_pythons() -> None:
    quick = _quick_start()
    for system in ("Debian 12", "Ubuntu 22.04", "Ubuntu 24.04"):
        assert system in quick
    requires = _pyproject()["project"]["requires-python"]
    low, high = re.fullmatch(r">=3\.(\d+),<3\.(\d+)", requires).groups()
    supported = [f"3.{minor}" for minor in range(int(low), int(high))]
    assert supported == ["3.10", "3.11", "3.12", "3.13"]
    assert f"Python {', '.join(supported[:-1])} and {supported[-1]} are supported" in quick


def test_ci_also_runs_the_model_and_cli_tests_on_python_3_10() -> None:
    assert "python3.10" in CI
    assert "-m pytest tests/model tests/test_cli*.py" in CI
    assert "Python 3.10 is not on this machine" in CI  # said, not silently skipped


def test_the_build_command_of_the_readme_has_its_tool_in_an_extra() -> None:
    extras = _pyproject()["project"]["optional-dependencies"]
    assert any(r.startswith("build") for r in extras["dev"])
    assert "pip install '.[dev]'" in README and "python -m build" in README


def test_ruff_is_pinned_to_one_version() -> None:
    (ruff,) = [r for r in _pyproject()["project"]["optional-dependencies"]["test"] if r.startswith("ruff")]
    assert re.fullmatch(r"ruff==\d+\.\d+\.\d+", ruff), ruff


def test_the_check_limit_in_the_readme_is_the_one_the_command_applies() -> None:
    from nodeeditor.cli import MAX_CHECK_ELEMENTS

    assert f"more than {MAX_CHECK_ELEMENTS:,} elements in all" in README
