"""``simulator run``: play a scripted learner through a scenario, headless."""

from __future__ import annotations

import argparse
import sys

NAME = "run"
HELP = "play a scripted learner (a YAML script) through a scenario and print the report"
ORDER = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help="scenario id or path to a scenario file")
    parser.add_argument("--script", required=True, help="learner script (YAML), or - for stdin")
    parser.add_argument("--seed", type=int, default=1, help="seed for the persona's choices")
    parser.add_argument("--json", action="store_true", help="print {transcript, report} as JSON")


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, load_bundle, load_script, write_stdout
    from simulator.conversation import InputError
    from simulator.conversation.scripted import run_script
    from simulator.grading import grade, report_text, transcript_text

    bundle = load_bundle(args.scenario)
    if bundle is None:
        return 2
    script = load_script(args.script)
    if script is None:
        return 2
    try:
        result = run_script(bundle, script, args.seed)
    except InputError as exc:
        print(f"{args.script}: {exc}", file=sys.stderr)
        return 2
    session = result.session
    report = grade(session.transcript, bundle.scenario, session.lexicon)
    if args.json:
        write_stdout(
            jsonable({"transcript": session.transcript.to_dict(), "report": report.to_dict()})
        )
    else:
        write_stdout(transcript_text(session.transcript) + "\n\n" + report_text(report))
    if result.unused_meeting_lines:
        print(
            f"note: {result.unused_meeting_lines} meeting line(s) of the script were not used "
            "(the meeting ended first)",
            file=sys.stderr,
        )
    return 0
