"""``simulator submissions``: the homework you have submitted, and where each file is."""

from __future__ import annotations

import argparse
from typing import Any

NAME = "submissions"
HELP = "list your homework submissions (assignment, attempt, score, file)"
ORDER = 62


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from simulator.commands._common import jsonable, write_stdout
    from simulator.homework.export import clean
    from simulator.homework.submission import local_submissions, submissions_folder

    items = local_submissions()
    rows: list[dict[str, Any]] = []
    for item in items:
        sub = item.submission
        if sub is None:
            rows.append({"file": str(item.path), "problem": item.problem})
            continue
        rows.append(
            {
                "file": str(item.path),
                "assignment": sub.assignment_id,
                "title": sub.assignment_title,
                "student": sub.student,
                "scenario": sub.scenario,
                "attempt": sub.attempt,
                "submitted": sub.submitted,
                "score": sub.claimed_score,
                "passed": sub.claimed_passed,
                "pass_mark": sub.report.get("pass_mark"),
                "attempts": (sub.rules or {}).get("attempts"),
            }
        )
    if args.json:
        write_stdout(jsonable({"folder": str(submissions_folder()), "submissions": rows}))
        return 0
    from simulator.homework.pending import pending_homework

    pending = pending_homework()
    waiting = (
        [
            f"{len(pending)} finished session(s) not submitted yet (the last: "
            f"{clean(pending[-1].title, 40)} - {pending[-1].scenario}): "
            "`simulator submit --last` hands it in."
        ]
        if pending
        else []
    )
    if not rows:
        waiting.insert(0, f"No submissions yet (they are saved in {submissions_folder()}).")
        write_stdout("\n".join(waiting))
        return 0
    lines = []
    for row in rows:
        if "problem" in row:
            lines.append(f"{clean(row['file'], 200)}\n    unreadable: {clean(row['problem'])}")
            continue
        verdict = "passed" if row["passed"] else "not passed yet"
        of = f" of {row['attempts']}" if row["attempts"] else ""
        lines.append(
            f"{clean(row['title'], 40)} ({row['assignment']}) - {row['scenario']}, "
            f"attempt {row['attempt']}{of}, {clean(row['student'], 40)}: {verdict}, "
            f"score {row['score']} (pass mark {row['pass_mark']}), "
            f"{clean(row['submitted'], 30)}\n    {clean(row['file'], 200)}"
        )
    write_stdout("\n".join(lines + waiting))
    return 0
