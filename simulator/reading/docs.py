"""The signal vocabulary as Markdown, generated from ``lexicon.yaml``, without a UI.

``docs/reading.md`` holds this table between two markers; a test checks it is up to date.
Regenerate it with ``python -m simulator.reading.docs docs/reading.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from simulator.reading.lexicon import Lexicon, standard_lexicon

BEGIN = "<!-- vocabulary:begin (generated from simulator/reading/lexicon.yaml) -->"
END = "<!-- vocabulary:end -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def vocabulary_markdown(lexicon: Lexicon | None = None) -> str:
    """One table per family: id, polarity, criterion, points, rule, how it is found."""
    lexicon = lexicon or standard_lexicon()
    families: dict[str, list[str]] = {}
    for spec in lexicon.specs.values():
        families.setdefault(spec.family or "other", []).append(spec.id)
    out: list[str] = []
    for family, ids in families.items():
        out += [f"### {family.replace('_', ' ').capitalize()}", ""]
        out += [
            "| id | polarity | criterion | points | rule | found by |",
            "|---|---|---|---:|---|---|",
        ]
        for sid in ids:
            spec = lexicon.specs[sid]
            if spec.detector:
                how = spec.detector
            else:
                how = f"{len(spec.phrases)} phrases"
                if spec.frames:
                    how += f", {len(spec.frames)} frames"
            out.append(
                f"| `{sid}` | {spec.polarity} | {spec.criterion} | {spec.points:+d} | "
                f"{_cell(spec.rule)} | {_cell(how)} |"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def replace_section(document: str, table: str) -> str:
    """The document with the text between the markers replaced by ``table``."""
    head, _, rest = document.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n\n{table}\n{END}{tail}"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m simulator.reading.docs docs/reading.md", file=sys.stderr)
        return 2
    path = Path(argv[0])
    document = path.read_text(encoding="utf-8")
    if BEGIN not in document or END not in document:
        print(f"{path}: the vocabulary markers are missing", file=sys.stderr)
        return 2
    from simulator.storage import atomic_write

    atomic_write(path, replace_section(document, vocabulary_markdown()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
