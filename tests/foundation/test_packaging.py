"""A built wheel carries the built-in library and finds it without the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_scenarios_and_personas(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
            "--quiet", "-w", str(tmp_path / "dist"), str(ROOT),
        ],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    from simulator import __version__

    assert wheel.name.startswith(f"interview_simulator-{__version__}-")  # one version source
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n for n in names if n.startswith("simulator/_library/")}
    for folder in ("scenarios", "personas"):
        for path in (ROOT / folder).glob("*.yaml"):
            assert f"simulator/_library/{folder}/{path.name}" in shipped
    assert "simulator/reading/lexicon.yaml" in names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "SIMULATOR_HOME": str(tmp_path / "home")}
    code = (
        "import json, simulator, sys\n"
        "from simulator.cli import main\n"
        "print(simulator.__file__, file=sys.stderr)\n"
        "sys.exit(main(['list', '--json']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert str(site) in result.stderr  # the installed copy, not the repository
    ids = {s["id"] for s in json.loads(result.stdout)["scenarios"]}
    assert "review-season-cold-email" in ids
