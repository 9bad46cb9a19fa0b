"""Files of random bytes and random structures: a clear error or a result, never a crash.

Scenario and persona YAML (what authors and coaches load), journals and attempts (what
``resume`` and ``history`` read), settings, and the input records that journals and
submissions carry.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from simulator.content import ContentLoadError, Persona, Scenario, bundle_from_texts
from simulator.content.loader import parse_model
from simulator.content.safe_yaml import decode
from simulator.conversation import InputError, parse_input
from simulator.history import attempt_history
from simulator.recorder import Recorder, ResumeError
from simulator.settings import parse_settings
from simulator.storage import Journal, StorageError

from .conftest import BOUNDED, builtin_texts

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["NO", "yes", "12:30", "01234", "1.10", "~", "os.system", "{x.__class__}"]),
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=30,
)
SCENARIO_TEXT, PERSONA_TEXT = builtin_texts()


def _load(model: type, raw: bytes) -> None:
    try:
        parse_model(model, decode(raw, "fuzz.yaml"), "fuzz.yaml")
    except ContentLoadError as exc:
        assert exc.errors, "an error must say what and where"
        for error in exc.errors:
            assert str(error).startswith("fuzz.yaml:")


@BOUNDED
@given(raw=st.binary(max_size=2000))
def test_random_bytes_as_content(raw: bytes) -> None:
    _load(Scenario, raw)
    _load(Persona, raw)


@BOUNDED
@given(data=STRUCTURES)
def test_random_structures_as_content(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    _load(Scenario, text)
    _load(Persona, text)


@BOUNDED
@example(where=0.0, length=0, junk="\x1f", persona=False)  # once crashed the YAML reader
@given(
    where=st.floats(min_value=0, max_value=1),
    length=st.integers(min_value=0, max_value=40),
    junk=st.text(max_size=40),
    persona=st.booleans(),
)
def test_mangled_real_files(where: float, length: int, junk: str, persona: bool) -> None:
    """A real file with a slice replaced: it loads, or it fails with positioned errors."""
    text = PERSONA_TEXT if persona else SCENARIO_TEXT
    at = int(where * len(text))
    mangled = text[:at] + junk + text[at + length :]
    try:
        if persona:
            bundle_from_texts(SCENARIO_TEXT, mangled)
        else:
            bundle_from_texts(mangled, PERSONA_TEXT)
    except ContentLoadError as exc:
        assert exc.errors and all(str(e).startswith("<") for e in exc.errors)


def _resume_survives(path: Path) -> None:
    try:
        recorder = Recorder.resume(path)
    except (ResumeError, StorageError) as exc:
        assert "\n" not in str(exc)
        return
    recorder.close()


@BOUNDED
@given(raw=st.binary(max_size=3000))
def test_random_bytes_as_a_journal(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_bytes(raw)
        try:
            Journal.read(path)
        except StorageError as exc:
            assert "\n" not in str(exc)
        _resume_survives(path)


@BOUNDED
@given(
    header=st.dictionaries(
        st.sampled_from(["seed", "identities", "scenario_text", "meta"]), STRUCTURES
    ),
    turns=st.lists(STRUCTURES, max_size=4),
)
def test_random_structures_in_a_journal(header: dict, turns: list) -> None:
    """A journal-shaped file whose header and turns hold anything at all."""
    base = {
        "type": "header",
        "format": "interview-simulator/journal",
        "scenario_text": SCENARIO_TEXT,
        "persona_text": PERSONA_TEXT,
        "seed": 1,
        "identities": {},
    }
    lines = [json.dumps({**base, **header})]
    lines += [
        json.dumps({"type": "turn", "n": i + 1, "who": "learner", "data": t})
        for i, t in enumerate(turns)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text("\n".join(lines) + "\n")
        _resume_survives(path)


@BOUNDED
@given(records=st.lists(STRUCTURES, max_size=6))
def test_random_attempt_files(records: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, record in enumerate(records):
            (folder / f"{i}.json").write_text(json.dumps(record))
        history = attempt_history(folder)
        for scenario in history.scenarios:
            scenario.trend()
            assert all(0 <= s <= 100 for s in scenario.scores)


@BOUNDED
@given(data=STRUCTURES)
def test_random_settings(data: object) -> None:
    settings, warnings = parse_settings(data)
    assert all("\n" not in w for w in warnings)
    seed = settings.default_seed
    assert isinstance(settings.hints, bool) and (seed is None or isinstance(seed, int))


@BOUNDED
@given(data=STRUCTURES)
def test_random_input_records(data: object) -> None:
    """The records journals and submissions carry for each learner input."""
    try:
        parse_input(data)  # type: ignore[arg-type]
    except InputError as exc:
        assert "\n" not in str(exc)


SUBMISSION_KEYS = st.sampled_from(
    ["id", "assignment", "student", "scenario", "attempt", "started", "submitted", "simulator",
     "mode", "seed", "hashes", "transcript", "report"]
)  # fmt: skip


@BOUNDED
@given(raw=st.binary(max_size=2000), fields=st.dictionaries(SUBMISSION_KEYS, STRUCTURES))
def test_random_submission_and_assignment_files(raw: bytes, fields: dict) -> None:
    """Coach-side files are data: random bytes or structures give a one-line HomeworkError."""
    from simulator.homework.assignment import load_assignment
    from simulator.homework.errors import HomeworkError
    from simulator.homework.formats import ASSIGNMENT_FORMAT, SUBMISSION_FORMAT
    from simulator.homework.submission import read_submission

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.json"
        samples = [
            raw,
            json.dumps({**fields, "format": SUBMISSION_FORMAT}).encode(),
            json.dumps({**fields, "format": ASSIGNMENT_FORMAT}).encode(),
        ]
        for sample in samples:
            path.write_bytes(sample)
            for reader in (read_submission, load_assignment):
                try:
                    reader(path)
                except HomeworkError as exc:
                    assert "\n" not in str(exc)
