"""Architecture rules that are enforced, not remembered."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "simulator"


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if "tui" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(p for p in parts if p != "__init__"))
    return names


def test_core_never_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_help_imports_no_textual_and_no_faker() -> None:
    code = (
        "import sys\nfrom simulator.cli import build_parser\nbuild_parser()\n"
        "print(any(m.startswith(('textual', 'faker')) for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_every_module_has_a_docstring_and_stays_small() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not ast.get_docstring(ast.parse(source)):
            problems.append(f"{path.relative_to(ROOT)}: no module docstring")
        if source.count("\n") > 450:
            problems.append(f"{path.relative_to(ROOT)}: {source.count(chr(10))} lines (> 450)")
    assert not problems, "\n".join(problems)


def test_layers_point_one_way() -> None:
    """content and reading know nothing of sessions, grading or UI."""
    forbidden = {
        "content": ("simulator.conversation", "simulator.grading", "simulator.tui"),
        "reading": ("simulator.conversation", "simulator.grading", "simulator.tui"),
        "grading": ("simulator.conversation", "simulator.tui"),
        "conversation": ("simulator.grading", "simulator.tui", "simulator.homework"),
    }
    problems = []
    for package, banned in forbidden.items():
        for path in (PACKAGE / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name.startswith(banned):
                        problems.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not problems, "\n".join(problems)
