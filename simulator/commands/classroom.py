"""``simulator classroom ASSIGNMENT``: run a workshop from this computer.

One command starts the browser app for learners (every tab opens on the assignment)
and the submission server, verifies each submission as ``review`` does, keeps them in
SQLite, and serves the coach's dashboard on this computer only. Imports the server
only inside ``run``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.commands.serve import add_server_arguments, base_url, check_host, print_qr

if TYPE_CHECKING:
    from simulator.homework import Assignment

NAME = "classroom"
HELP = "run a class: learners play in a browser, submissions and a live dashboard here"
ORDER = 61


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("assignment", help="the assignment file (from `simulator assign`)")
    parser.add_argument("--roster", help="student names, one per line (absent ones show too)")
    add_server_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from simulator.classroom.forks import start_tab_starter
    from simulator.classroom.gradebook import Gradebook
    from simulator.classroom.intake import Intake
    from simulator.classroom.runner import load_tokens, make_config, run_server, tab_environment
    from simulator.classroom.store import ClassStore
    from simulator.classroom.web import ClassServer, Limits
    from simulator.homework import HomeworkError, load_assignment
    from simulator.homework.review import read_roster
    from simulator.paths import user_dir

    if not check_host(args, "classroom"):
        return 2
    try:
        assignment = load_assignment(Path(args.assignment))
        roster = read_roster(Path(args.roster)) if args.roster else None
    except HomeworkError as exc:
        print(f"simulator classroom: {exc}", file=sys.stderr)
        return 2
    folder = Path(args.dir) if args.dir else user_dir("classes") / assignment.id
    tokens = load_tokens(folder, renew=args.new_tokens)
    store = ClassStore(folder / "class.sqlite3")
    limits = Limits(max_sessions=args.max_sessions)
    intake = Intake(assignment, store, max_bytes=limits.max_body)
    gradebook = Gradebook(assignment, store, roster)
    starter = None if args.no_warm_tabs else start_tab_starter(Path(args.assignment))
    config = make_config(assignment.title, tokens, limits, starter.command if starter else None)
    server = ClassServer(config, intake=intake, gradebook=gradebook)

    def ready(port: int) -> None:
        base = base_url(args, port)
        learners = f"{base}/play/{tokens.class_token}"
        submit = f"{base}/submit/{tokens.class_token}"
        # Tabs run here, beside the server: they submit over loopback.
        tab_environment(
            folder, Path(args.assignment), f"{_local(args, port)}/submit/{tokens.class_token}"
        )
        stored = len(store.submissions())
        print(f"Class: {assignment.title} ({assignment.id}); {stored} submission(s) so far")
        print(f"Learners, in a browser: {learners}")
        _print_terminal_line(assignment, folder, submit)
        dashboard = f"{_local(args, port)}/coach/{tokens.coach_token}/"
        print(f"Coach's dashboard (this computer only): {dashboard}")
        print(f"Submissions are kept in {folder / 'class.sqlite3'}")
        print_qr(args, learners)
        print("Press Ctrl+C to stop; starting again keeps every submission.", flush=True)

    try:
        run_server(server, args.host, args.port, ready)
    except OSError as exc:
        print(
            f"simulator classroom: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr
        )
        return 1
    finally:
        store.close()
        if starter is not None:
            starter.stop()
    return 0


def _print_terminal_line(assignment: Assignment, folder: Path, submit: str) -> None:
    """How learners in their own terminal take part (the copy naming this server)."""
    terminal = _terminal_copy(assignment, folder, submit)
    if terminal is not None:
        print(
            f"Learners, in their own terminal: send them {terminal}, then "
            f'simulator play --assignment {terminal.name} --student "Name" '
            "(it submits here by itself)"
        )
    else:
        print(
            "Learners, in their own terminal: simulator play --assignment FILE "
            f'--student "Name" --submit-to {submit}'
        )


def _terminal_copy(assignment: Assignment, folder: Path, submit: str) -> Path | None:
    """The assignment for learners in their own terminal: the same file, naming this
    server (``submit_to``), so their clients deliver here and get a receipt id."""
    from dataclasses import replace

    from simulator.homework import HomeworkError
    from simulator.homework.assignment import check_submit_url, save_assignment

    try:
        copy = replace(assignment, submit_to=check_submit_url(submit))
        return save_assignment(copy, folder / f"{assignment.id}-terminal.json")
    except HomeworkError as exc:
        print(f"(could not write the terminal learners' copy: {exc})", file=sys.stderr)
        return None


def _local(args: argparse.Namespace, port: int) -> str:
    """This computer's own address for the server (the dashboard, the tabs' submissions);
    the server always listens on loopback too."""
    host = "[::1]" if args.host == "::1" else "127.0.0.1"
    return f"http://{host}:{port}"
