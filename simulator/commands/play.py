"""``simulator play``: practise a scenario in the app (``--plain`` for the plain mode).

Both ways play through ``simulator.practice``. The app is built by an injected
``AppFactory`` (by default ``simulator.tui.make_app``, imported only when the app opens,
so ``--help`` and the headless commands never import Textual); tests pass their own.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from simulator.homework.desk import HomeworkDesk
    from simulator.homework.learner import AssignmentRun
    from simulator.practice import AppFactory

NAME = "play"
HELP = "practise a scenario (the app, or --plain for a plain terminal)"
ORDER = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", nargs="?", default=None, help="scenario id or path")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: a fixed one)")
    parser.add_argument(
        "--plain", action="store_true", help="plain prompts on stdout, answers on stdin"
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the scenario and persona files when they are saved (for authors)",
    )
    parser.add_argument("--assignment", help="an assignment file from your coach: play and submit")
    parser.add_argument("--student", help="your name, as your coach knows it (with --assignment)")
    parser.add_argument(
        "--submit-to", metavar="URL", help="also send the submission to your coach's class server"
    )


def run(args: argparse.Namespace) -> int:
    if args.assignment:
        return play_assignment_command(args)
    if args.student:
        print("simulator play: --student goes with --assignment", file=sys.stderr)
        return 2
    settings = _settings()
    seed = settings.default_seed if args.seed is None else args.seed
    if args.plain:
        return play_plain_command(
            args.scenario or settings.default_scenario, seed, learner_name=settings.name
        )
    if args.watch and args.scenario is None:
        print("simulator play --watch: name the scenario file to watch", file=sys.stderr)
        return 2
    return play_app(args.scenario, seed, watch=args.watch)


def _settings() -> Any:
    """The user's settings (a bad value warns in one line and falls back to its default)."""
    from simulator.settings import load_settings

    settings, warnings = load_settings()
    for warning in warnings:
        print(warning, file=sys.stderr)
    return settings


def play_plain_command(ref: str, seed: int | None, *, learner_name: str | None = None) -> int:
    """Play in the plain terminal mode (a fresh seed when none is given or pinned;
    ``learner_name``: the name in the user's settings)."""
    from simulator.commands._common import load_bundle
    from simulator.plain import play_plain
    from simulator.settings import attempt_seed

    bundle = load_bundle(ref)
    if bundle is None:
        return 1  # EXIT_CONTENT (simulator.authoring.load)
    play_plain(bundle, attempt_seed(seed), sys.stdin, sys.stdout, learner_name=learner_name)
    return 0


def default_app_factory() -> AppFactory:
    """The real app's factory (importing it imports Textual: call only to open the app)."""
    from simulator.tui import make_app

    return make_app


def play_app(
    ref: str | None, seed: int, *, watch: bool = False, factory: AppFactory | None = None
) -> int:
    """Open the app: at home, or straight into a scenario (``watch``: reload it on save)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("simulator: the app needs a terminal; use `simulator play --plain`", file=sys.stderr)
        return 2
    from simulator.practice import AppOptions  # light: no engine, no pydantic

    bundle = None
    errors = []
    if ref is not None:
        if watch:
            from simulator.authoring.load import load_checked
            from simulator.content import ContentLoadError, Library

            try:
                bundle = load_checked(ref, Library())
            except ContentLoadError as exc:
                errors = list(exc.errors)  # shown in the app; fixing the file reloads it
        else:
            from simulator.commands._common import load_bundle

            bundle = load_bundle(ref)
            if bundle is None:
                return 1  # EXIT_CONTENT (simulator.authoring.load)
    settings = _settings()
    options = AppOptions(
        bundle,
        seed=seed,
        watch=ref if watch else None,
        errors=errors,
        hints=settings.hints,
        theme=settings.theme,
        learner_name=settings.name,
    )
    app = (factory or default_app_factory())(options)
    app.run()
    return int(app.return_code or 0)


def open_default() -> int:
    """What ``simulator`` with no command does: open the app at home."""
    return play_app(None, _settings().default_seed)


# ---------------------------------------------------------------------- assignments


def play_assignment_command(args: argparse.Namespace, factory: AppFactory | None = None) -> int:
    """Play an assignment under its rules and submit each finished session.

    The app plays every scenario of the assignment in one sitting (starting at the one
    named, if any); plain mode plays one scenario.
    """
    from simulator.homework import HomeworkError, load_assignment, open_assignment

    if args.seed is not None:
        print("simulator play: the assignment sets the seed; drop --seed", file=sys.stderr)
        return 2
    if not args.student:
        print("simulator play: --assignment needs --student 'Your Name'", file=sys.stderr)
        return 2
    try:
        if args.plain:
            homework = open_assignment(args.assignment, args.student, args.scenario)
            url = homework.assignment.deliver_to(args.submit_to)  # checked before playing
            return _play_assignment_plain(homework, url)
        from pathlib import Path

        from simulator.homework.desk import HomeworkDesk

        assignment = load_assignment(Path(args.assignment))
        url = assignment.deliver_to(args.submit_to)
        desk = HomeworkDesk(assignment, args.student)
        if args.scenario is not None:
            assignment.scenario(args.scenario)  # a clear error for a scenario not assigned
        elif len(assignment.scenarios) == 1:
            desk.run_for(assignment.scenarios[0].id)  # refuses when no attempt is left
    except HomeworkError as exc:
        print(f"simulator play: {exc}", file=sys.stderr)
        return 2
    app = _tui_for(desk, args.scenario, factory)
    app.run()
    for handed in desk.handed:
        print(handed.line)
    if not desk.handed:
        print("Not submitted: no session was finished and submitted.")
        return 1
    if url is not None:
        from simulator.classroom.client import deliver

        return max(deliver(handed.path, url) for handed in desk.handed)
    return 0


def _tui_for(desk: HomeworkDesk, scenario: str | None, factory: AppFactory | None = None) -> Any:
    """The app set up for this assignment (``factory``: default the real app): it offers
    only the assigned scenarios, shows the rules, and submits each finished session."""
    from simulator.practice import AppOptions

    single = len(desk.scenarios) == 1
    start = scenario or (desk.scenarios[0].id if single else None)
    options = AppOptions(
        desk.bundle(start) if start else None,
        seed=desk.seed,
        mode="exam" if desk.mode == "exam" else "practice",
        title=desk.title,
        homework=desk,
    )
    return (factory or default_app_factory())(options)


def _deliver(homework: AssignmentRun, url: str) -> int:
    """Send the saved submission to the class server; the receipt or the reason is printed."""
    from simulator.classroom.client import deliver

    if homework.submitted_to is None:
        return 1
    return deliver(homework.submitted_to, url)


def _play_assignment_plain(homework: AssignmentRun, submit_to: str | None = None) -> int:
    from simulator.homework import HomeworkError
    from simulator.plain import PlainPlayer

    for line in homework.briefing():
        print(line)
    attempt = homework.start_attempt()
    try:
        report = PlainPlayer(attempt, sys.stdin, sys.stdout, meters=homework.hints).play()
    finally:
        attempt.close()
    if report is None:
        print("Not submitted: the session did not finish. Attempts count only when submitted.")
        return 1
    try:
        # with the report play() showed (graded once); the journal is marked submitted after
        attempt.submit(homework)
    except HomeworkError as exc:
        print(f"simulator play: not submitted: {exc}", file=sys.stderr)
        return 1
    print(homework.outcome_line(report))
    return 0 if submit_to is None else _deliver(homework, submit_to)
