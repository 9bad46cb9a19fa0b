"""``simulator check``: run the checks written in scenario files, or explore them at random."""

from __future__ import annotations

import argparse

NAME = "check"
HELP = "run the checks written in scenarios (--explore N: N random playthroughs)"
ORDER = 41


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenarios",
        nargs="*",
        help="scenario ids, files or folders (default: every scenario)",
    )
    parser.add_argument(
        "--explore",
        type=int,
        metavar="N",
        help="instead of the checks, play N seeded random learners and report coverage",
    )
    parser.add_argument("--seed", type=int, default=1, help="first seed of --explore (default 1)")
    parser.add_argument(
        "--transcript",
        action="store_true",
        help="with --explore: print every playthrough's transcript and report",
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from simulator.commands._common import load_bundle, write_stdout
    from simulator.content import Library

    if args.explore is not None and not 1 <= args.explore <= 100_000:
        print("--explore takes a number of playthroughs from 1 to 100000", file=sys.stderr)
        return 2
    from simulator.authoring.load import scenario_refs

    refs = scenario_refs(args.scenarios, Library())
    failed = 0
    total = passed = 0
    for ref in refs:
        bundle = load_bundle(ref)
        if bundle is None:
            failed += 1
            continue
        source = bundle.scenario_source
        if args.explore is not None:
            ok = _explore(bundle, args, source)
            failed += not ok
            continue
        from simulator.checks import format_run, run_checks

        results = run_checks(bundle)
        write_stdout("\n".join(format_run(results, source)))
        total += len(results.results)
        passed += len(results.results) - results.failed_count
        failed += results.failed_count
    if args.explore is None:
        write_stdout(f"{total} checks: {passed} passed, {total - passed} failed")
    return 1 if failed else 0


def _explore(bundle: object, args: argparse.Namespace, source: str) -> bool:
    from simulator.authoring.explore import Playthrough, explore, format_coverage
    from simulator.commands._common import write_stdout
    from simulator.content import Bundle
    from simulator.practice import report_text, transcript_text

    assert isinstance(bundle, Bundle)

    def show(playthrough: Playthrough) -> None:
        write_stdout(f"--- seed {playthrough.seed}")
        write_stdout(transcript_text(playthrough.session.transcript))
        write_stdout(report_text(playthrough.report))

    coverage = explore(bundle, args.explore, args.seed, show if args.transcript else None)
    write_stdout("\n".join(format_coverage(coverage, source)))
    return coverage.ok
