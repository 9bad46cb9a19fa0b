"""Sanity checks an author gets from validate, each at path:line:col with a hint, and the
conveniences every command shares: .yml files, folders, ids, one set of exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.explore import explore
from simulator.authoring.validate import validate_paths
from simulator.cli import main
from simulator.content import Library

from .conftest import checked


def _pack(tmp: Path) -> tuple[Path, Path]:
    source = Library().load("nurse-flu-season")
    (tmp / "scenarios").mkdir()
    (tmp / "personas").mkdir()
    scenario = tmp / "scenarios" / "nurse-flu-season.yaml"
    scenario.write_text(source.scenario_text, "utf-8")
    persona = tmp / "personas" / "charge-nurse-flu-season.yaml"
    persona.write_text(source.persona_text, "utf-8")
    return scenario, persona


def _problems(path: Path, old: str, new: str, *others: Path) -> list[str]:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    report = validate_paths([path, *others])
    return [str(e) for e in report.problems()]


SANITY = {
    "positive blocker": (
        "blockers: [asks_about_openings,",
        "blockers: [gratitude, asks_about_openings,",
        "'gratitude' is a positive signal: as a blocker it fails learners for doing it right",
    ),
    "phrase as generic as the": (
        "phrases: [flu season,",
        "phrases: [the, flu season,",
        "'the' is as generic as \"the\"",
    ),
    "phrase too generic by the samples": (
        "phrases: [flu season,",
        "phrases: [hi, flu season,",
        "'hi' is too generic: it is found in",
    ),
    "opposite polarity": (
        "phrases: [flu season,",
        "phrases: [are you hiring, flu season,",
        "'are you hiring' is also a phrase of 'asks_about_openings' (negative)",
    ),
    "interruption longer than the meeting": (
        "line_group: rapid_response, minutes: 1}",
        "line_group: rapid_response, minutes: 20}",
        "the interruption takes 20 minutes, as long as or longer than the 15-minute meeting",
    ),
    "dropping a phrase that is not built in": (
        "    unless: [course,",
        "    drop: [applied to a course]\n    unless: [course,",
        "'applied to a course' is not a built-in phrase of 'bypass_application'",
    ),
    "a new signal like nothing": (
        "    like: job_pitch",
        "    like: job_pich",
        "`like` names no built-in signal 'job_pich'; did you mean 'job_pitch'?",
    ),
}


@pytest.mark.parametrize("name", sorted(SANITY))
def test_each_sanity_check_points_at_the_line_with_a_hint(name: str, tmp_path: Path) -> None:
    scenario, _persona = _pack(tmp_path)
    old, new, message = SANITY[name]
    line = next(i for i, t in enumerate(scenario.read_text("utf-8").splitlines(), 1) if old in t)
    found = [p for p in _problems(scenario, old, new) if message in p]
    assert found, _problems(scenario, new, new)
    assert found[0].startswith(f"{scenario}:{line}:"), found[0]


def test_a_thank_you_finding_in_a_scenario_without_thank_you_is_refused(tmp_path: Path) -> None:
    source = Library().load("review-season-meeting")
    (tmp_path / "scenarios").mkdir()
    path = tmp_path / "scenarios" / "review-season-meeting.yaml"
    path.write_text(source.scenario_text, "utf-8")
    problems = _problems(
        path,
        "findings: [question_career_path",
        "findings: [thank_you_specific, question_career_path",
    )
    hit = [p for p in problems if "'thank_you_specific' can never be found" in p]
    assert hit and "add `stages.thank_you`" in hit[0]


def test_a_line_the_persona_never_says_is_a_warning(tmp_path: Path) -> None:
    _scenario, persona = _pack(tmp_path)
    problems = _problems(
        persona,
        '    - "Okay."\n',
        '    - "Okay."\n    - "Come and shadow me on a shift this week."\n',
    )
    assert any("says what the persona never says" in p and "warning" in p for p in problems)


def test_explore_never_counts_not_accepted_in_a_meeting_only_scenario() -> None:
    coverage = explore(Library().load("lab-head-grant-deadline"), 5)
    assert "not_accepted" not in coverage.expected_findings
    assert "not_accepted" in explore(Library().load("nurse-flu-season"), 1).expected_findings


def test_yml_files_folders_and_ids_work_in_every_command(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario, persona = _pack(tmp_path)
    scenario.rename(scenario.with_suffix(".yml"))
    persona.rename(persona.with_suffix(".yml"))
    assert main(["check", str(tmp_path / "scenarios")]) == 0  # a folder is walked
    assert "nurse-flu-season" in capsys.readouterr().out
    assert main(["graph", str(scenario.with_suffix(".yml"))]) == 0
    capsys.readouterr()
    assert main(["validate", "nurse-flu-season"]) == 0  # an id, like every other command
    assert "2 files OK: 1 scenario, 1 persona" in capsys.readouterr().out
    assert main(["validate", "no-such-scenario"]) == 1
    assert main(["graph", "no-such-scenario"]) == 1  # content problems exit 1 everywhere
    capsys.readouterr()


def test_list_filters_by_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--field", "healthcare"]) == 0
    out = capsys.readouterr().out
    assert "nurse-flu-season" in out and "review-season-cold-email" not in out


@pytest.mark.parametrize(
    "scenario_id",
    [
        pytest.param(name, marks=pytest.mark.xdist_group(f"explore-{name}"))
        for name in (
            "nurse-flu-season",
            "principal-exam-week",
            "lab-head-grant-deadline",
            "engineer-release-freeze",
        )
    ],
)
def test_the_second_pack_passes_its_checks_and_200_random_learners(scenario_id: str) -> None:
    # The same runs as the toolkit's test of every scenario: played once per worker.
    code, checks = checked(scenario_id)
    assert code == 0, checks
    code, out = checked("--explore", "200", scenario_id)
    assert code == 0, out
    both = checks + out
    assert "CRASH" not in both and "DEAD END" not in both
