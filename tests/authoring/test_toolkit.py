"""The authoring commands as an author uses them: validate, schema, new, check, graph, docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.authoring import docs
from simulator.authoring.schema import MODELS, schema_text
from simulator.cli import main
from simulator.content import ContentLoadError, Library
from simulator.content.safe_yaml import load_located

from .conftest import checked

ROOT = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).parent / "broken"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------- validate


def test_validate_library_prints_one_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(ROOT / "scenarios"), str(ROOT / "personas"))
    assert code == 0
    scenarios = len(list((ROOT / "scenarios").glob("*.yaml")))
    personas = len(list((ROOT / "personas").glob("*.yaml")))
    summary = out.strip().splitlines()[-1]
    assert summary.startswith(f"{scenarios + personas} files OK: {scenarios} scenario")
    assert f"{personas} persona" in summary


def test_validate_shows_line_and_caret_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    path = BROKEN / "scenarios" / "unknown-nested-field.yaml"
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{path}:10:13: unknown field 'minuts'; did you mean 'minutes'?"
    assert lines[1] == "      meeting: {minuts: 20}"
    assert lines[2] == "                ^"
    assert lines[-1] == "1 error in 1 of 1 file"


def test_validate_json_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    persona = BROKEN / "personas" / "picky-persona.yaml"
    code, out, _ = run(capsys, "validate", "--json", str(persona))
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert [p["severity"] for p in data["problems"]] == ["error", "warning", "warning"]
    assert data["problems"][0]["line"] == 4


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    assert main(["new", "persona", "solo"]) == 0
    path = home / "personas" / "solo.yaml"
    text = path.read_text().replace(
        '    - "Okay, thanks. Good luck."\n    - "Alright, take care."\n',
        '    - "Okay, thanks. Good luck."\n',
    )
    path.write_text(text)
    capsys.readouterr()
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert "warning: line group 'goodbye_cool' has only 1 alternative" in out
    assert out.strip().endswith("1 file OK: 1 persona (1 warning)")
    assert main(["validate", "--strict", str(path)]) == 1


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert f"{tmp_path / 'nope.yaml'}:1:1: no such file or folder" in out


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!?|>'\"#\t\n ,.%@`0123456789")), max_size=80)
)
def test_any_text_gives_data_or_a_positioned_error(text: str) -> None:
    try:
        load_located(text, "fuzz.yaml", collect=True)
    except ContentLoadError as exc:
        assert exc.errors
        assert all(e.line >= 1 and e.col >= 1 and e.message for e in exc.errors)


# ---------------------------------------------------------------------------- schema


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_committed_schemas_are_up_to_date(kind: str) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run: simulator schema KIND -o schemas/KIND.schema.json"


def test_builtin_files_point_at_existing_schemas() -> None:
    for kind in ("scenario", "persona"):
        for path in (ROOT / f"{kind}s").glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            target = first.split("$schema=", 1)[1]
            assert (path.parent / target).resolve().is_file(), path


def test_schema_command_writes_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "persona.json"
    assert main(["schema", "persona", "-o", str(out_file)]) == 0
    schema = json.loads(out_file.read_text())
    assert schema["title"] == "Persona"
    assert "lines" in schema["required"]
    assert schema["properties"]["role"]["description"] == 'Job title, e.g. "HR Manager".'


# ---------------------------------------------------------------------------- new


@pytest.mark.parametrize("kind", ["scenario", "persona"])
def test_new_file_validates_and_passes_its_checks(
    kind: str, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    assert main(["new", kind, f"fresh-{kind}"]) == 0
    path = home / f"{kind}s" / f"fresh-{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert (home / "schemas" / f"{kind}.schema.json").is_file()
    capsys.readouterr()
    code, out, _ = run(capsys, "validate", "--strict", str(path))
    assert code == 0, out
    assert out.strip() == f"1 file OK: 1 {kind}"
    if kind == "scenario":
        code, out, _ = run(capsys, "check", f"fresh-{kind}")
        assert code == 0, out
        assert out.strip().endswith("2 checks: 2 passed, 0 failed")
        code, out, _ = run(capsys, "list")
        assert "fresh-scenario" in out


def test_new_refuses_to_overwrite_and_bad_names(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    assert main(["new", "scenario", "once"]) == 0
    code, _, err = run(capsys, "new", "scenario", "once")
    assert code == 1
    assert "a scenario with id 'once' already exists" in err
    code, _, err = run(capsys, "new", "scenario", "review-season-cold-email")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "new", "persona", "Not Valid")
    assert code == 1 and "'Not Valid' is not a valid id" in err


def test_new_from_copies_with_a_new_id(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "mine"
    assert (
        main(
            ["new", "scenario", "my-copy", "--from", "review-season-cold-email", "-o", str(out_dir)]
        )
        == 0
    )
    copy = (out_dir / "my-copy.yaml").read_text(encoding="utf-8")
    original = (ROOT / "scenarios" / "review-season-cold-email.yaml").read_text()
    assert "\nid: my-copy\n" in copy
    assert copy.split("\n", 2)[2] == original.split("\n", 2)[2]
    assert copy.startswith("# yaml-language-server: $schema=file://")
    capsys.readouterr()
    assert main(["validate", str(out_dir / "my-copy.yaml")]) == 0
    assert main(["check", str(out_dir / "my-copy.yaml")]) == 0


# ---------------------------------------------------------------------------- check


def test_a_failing_check_shows_what_differed(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    assert main(["new", "scenario", "wrong-hopes"]) == 0
    path = home / "scenarios" / "wrong-hopes.yaml"
    source = path.read_text(encoding="utf-8")
    wrong = source.replace(
        "    expect:\n      reply: redirect\n"
        "      findings: [resume_attached, asks_about_openings]\n      passed: false\n",
        "    expect:\n      reply: accept\n      findings: [gratitude]\n"
        "      absent: [asks_about_openings]\n      score: [90, 100]\n      passed: true\n",
    )
    assert wrong != source
    path.write_text(wrong, encoding="utf-8")
    capsys.readouterr()
    code, out, _ = run(capsys, "check", "wrong-hopes")
    assert code == 1
    assert "  FAIL  a pitch with a resume attached is redirected and fails" in out
    assert "  PASS  a short, bounded request gets a meeting" in out
    assert "        reply: expected accept, got redirect" in out
    assert "pitches for a job: \u201c" in out
    assert "        findings: missing gratitude" in out
    assert "        absent: expected none of asks_about_openings, but found" in out
    assert "        score: expected 90-100, got" in out
    assert "        passed: expected the session to pass, got: Not passed" in out
    assert out.strip().endswith("2 checks: 1 passed, 1 failed")


@pytest.mark.slow
@pytest.mark.parametrize(
    "scenario",
    [
        pytest.param(name, marks=pytest.mark.xdist_group(f"explore-{name}"))
        for name in sorted(Library().files("scenarios"))
    ],
)
def test_builtin_scenarios_pass_their_checks_and_200_random_playthroughs(scenario: str) -> None:
    code, out = checked(scenario)
    assert code == 0, out
    code, out = checked("--explore", "200", scenario)
    assert code == 0, out
    assert f"{scenario}: 200 random playthroughs" in out
    assert "CRASH" not in out and "DEAD END" not in out


def test_explore_reports_what_was_never_reached(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--explore", "3", "--seed", "5", "review-season-cold-email")
    assert code == 0, out
    assert out.splitlines()[0] == "review-season-cold-email: 3 random playthroughs"
    assert "  never reached (findings): " in out


def test_explore_transcript_reproduces_one_seed(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("check", "--explore", "1", "--seed", "42", "--transcript", "review-season-cold-email")
    first = run(capsys, *args)[1]
    assert first.startswith("--- seed 42\n")
    assert run(capsys, *args)[1] == first


# ---------------------------------------------------------------------------- graph


def test_graph_mermaid_and_dot(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "review-season-cold-email")
    assert code == 0
    assert out.startswith("stateDiagram-v2\n")
    assert "    [*] --> outreach" in out
    assert "    outreach --> waiting: persona_ignores [can_follow_up]" in out
    assert "    outreach --> debrief: persona_ignores [otherwise]" in out
    assert "    meeting --> thank_you: run_out_of_time [is_out_of_time]" in out
    event = Library().load("review-season-cold-email").scenario.stages.meeting.events[0]  # type: ignore[union-attr]
    assert f"        minute {event.at}: {event.line_group} ({event.minutes} min)" in out
    code, out, _ = run(capsys, "graph", "review-season-quick-note", "--format", "dot")
    assert code == 0
    assert out.startswith("// review-season-quick-note")
    assert "meeting" not in out.split("{", 1)[1]
    assert out.count("{") == out.count("}")
    assert 'outreach -> waiting [label="persona_ignores [can_follow_up]"];' in out


# ---------------------------------------------------------------------------- docs


def test_committed_reference_matches_the_models() -> None:
    current = docs.DOC.read_text(encoding="utf-8")
    assert docs.render(current) == current, "run: python -m simulator.authoring.docs"


def test_reference_documents_every_field() -> None:
    reference = docs.reference()
    for model in MODELS.values():
        for name in model.model_fields:
            assert f"| `{name}` |" in reference


def test_benchmark_measures_on_a_tiny_input() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_validate", ROOT / "benchmarks" / "bench_validate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.measure(runs=1, playthroughs=2)
    assert rows and all({"name", "value", "unit", "goal", "ok", "note"} <= set(r) for r in rows)


def test_new_scenario_uses_a_new_persona_written_beside_it(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    """An author starting a profession from scratch in one folder: persona, then scenario."""
    folder = tmp_path / "tax-season"
    assert main(["new", "persona", "tax-partner", "-o", str(folder)]) == 0
    assert main(["new", "scenario", "tax-chat", "--persona", "tax-partner", "-o", str(folder)]) == 0
    assert "\npersona: tax-partner " in (folder / "tax-chat.yaml").read_text(encoding="utf-8")
    (folder / "tax-chat.yaml").unlink()
    persona_file = str(folder / "tax-partner.yaml")
    assert main(["new", "scenario", "tax-chat", "--persona", persona_file, "-o", str(folder)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "validate", str(folder))
    assert code == 0 and out.strip() == "2 files OK: 1 scenario, 1 persona", out
    code, out, _ = run(capsys, "check", str(folder / "tax-chat.yaml"))
    assert code == 0, out
    code, _, err = run(capsys, "new", "scenario", "other", "--persona", "nobody", "-o", str(folder))
    assert code == 1 and "no persona 'nobody' in the library or beside" in err
    elsewhere = tmp_path / "elsewhere"
    code, _, err = run(
        capsys, "new", "scenario", "far", "--persona", persona_file, "-o", str(elsewhere)
    )
    assert code == 1 and "move the persona there" in err
