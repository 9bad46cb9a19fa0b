"""Every file the simulator writes whole goes through ``storage.atomic_write``.

Reports, exports, submissions, settings and attempts must never be left half-written by
a crash or a full disk. This test reads the source of every module and fails on a direct
write (``write_text``, ``write_bytes``, ``open(..., "w")``, ``json.dump``) outside
``simulator/storage.py``, naming the file and line so the fix is obvious.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "simulator"
ALLOWED = {ROOT / "storage.py"}
WRITE_METHODS = {"write_text", "write_bytes"}


def _mode(call: ast.Call) -> str:
    for keyword in call.keywords:
        if keyword.arg == "mode" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    is_method = isinstance(call.func, ast.Attribute)
    position = 0 if is_method else 1  # Path.open(mode) vs open(path, mode)
    if len(call.args) > position:
        arg = call.args[position]
        if isinstance(arg, ast.Constant):
            return str(arg.value)
    return "r"


def direct_writes(source: str) -> list[tuple[int, str]]:
    """(line, what) for each direct file write in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in WRITE_METHODS:
            found.append((node.lineno, f".{name}()"))
        elif name == "open" and set(_mode(node)) & set("wax+"):
            found.append((node.lineno, f"open(..., {_mode(node)!r})"))
        elif (
            name == "dump"
            and isinstance(func, ast.Attribute)
            and getattr(func.value, "id", "") == "json"
        ):
            found.append((node.lineno, "json.dump()"))
    return found


def test_the_detector_finds_each_kind_of_write() -> None:
    sample = (
        "p.write_text('x')\nopen(p, 'w')\np.open('ab')\nopen(p, mode='x')\n"
        "json.dump(d, f)\nopen(p)\np.open('rb')\n"
    )
    assert [line for line, _ in direct_writes(sample)] == [1, 2, 3, 4, 5]


def test_no_module_writes_files_directly() -> None:
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        if path in ALLOWED:
            continue
        for line, what in direct_writes(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT.parent)}:{line}: {what}")
    assert not offenders, (
        "write whole files with simulator.storage.atomic_write (temp file, fsync, "
        "rename):\n" + "\n".join(offenders)
    )
