"""Build hook: ship the top-level ``scenarios/`` and ``personas/`` inside the wheel.

The repository keeps the built-in library at the top level (where authors look for it);
an installed package finds the same files under ``simulator/_library/``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithLibrary(build_py):
    """Copy the built-in scenarios and personas into the package being built."""

    def run(self) -> None:
        super().run()
        root = Path(__file__).parent
        target = Path(self.build_lib) / "simulator" / "_library"
        for folder in ("scenarios", "personas"):
            dest = target / folder
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            for source in sorted((root / folder).glob("*.yaml")):
                shutil.copy2(source, dest / source.name)


setup(cmdclass={"build_py": BuildWithLibrary})
