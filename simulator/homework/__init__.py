"""Homework, without a UI: coaches assign scenarios, learners submit, coaches verify and summarise.

- ``assignment``: the assignment file (rules + embedded content) and its seed rule;
- ``learner``: ``open_assignment(path, student) -> AssignmentRun`` for every client;
- ``submission``: the submission file, written atomically, read back as untrusted;
- ``verify``: replay + re-grade one submission and compare it with its claims;
- ``review``: verdicts for a folder, best-of-N per student, statuses;
- ``analytics``, ``export``, ``charts``, ``html``: class figures and the outputs.

Depends on content, conversation, grading (and storage/recorder for files); never on a UI.
"""

from simulator.homework.assignment import (
    Assignment,
    create_assignment,
    load_assignment,
    save_assignment,
)
from simulator.homework.errors import HomeworkError
from simulator.homework.learner import AssignmentRun, open_assignment
from simulator.homework.review import ClassReview, review
from simulator.homework.verify import Verdict, verify_file

__all__ = [
    "Assignment",
    "AssignmentRun",
    "ClassReview",
    "HomeworkError",
    "Verdict",
    "create_assignment",
    "load_assignment",
    "open_assignment",
    "review",
    "save_assignment",
    "verify_file",
]
