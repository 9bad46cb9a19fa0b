"""JSON Schema of content files, without a UI: generated from the pydantic models.

Editors that speak the yaml-language-server protocol read these (the first line of a
content file names one) for completion, hover documentation and live errors. The
committed copies in ``schemas/`` are kept equal to this output by a test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from simulator.content.models import Persona, Scenario, Script

MODELS: dict[str, type[BaseModel]] = {"scenario": Scenario, "persona": Persona, "script": Script}
"""Each kind of file an author writes, and its model."""
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    schema = MODELS[kind].model_json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": schema_file_name(kind), **schema}


def schema_text(kind: str) -> str:
    """The schema as the committed file holds it (2-space indent, final newline)."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into a folder (only files whose text changed are rewritten)."""
    from simulator.storage import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in MODELS:
        path = folder / schema_file_name(kind)
        text = schema_text(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            atomic_write(path, text)
            written.append(path)
    return written
