"""A report lists only the criteria its scenario uses: a meeting-only scenario's report has
no "Following through" row (N/A, weight 0) in any format, while one that reaches the
thank-you keeps it."""

from __future__ import annotations

from simulator.content import Library, Script
from simulator.grading.html import report_html
from simulator.practice import play_script, report_markdown, report_text

MEETING = ["How did you get into recruiting?", "What does a typical week look like?"]


def test_a_meeting_only_report_has_no_follow_through_row() -> None:
    bundle = Library().load("recruiter-after-applying")
    played = play_script(bundle, Script.model_validate({"meeting": MEETING}), 1)
    report, transcript = played.report, played.session.transcript
    unused = [c for c in report.criteria if c.id == "follow_through"]
    assert unused and unused[0].weight == 0 and not unused[0].applicable
    for text in (
        report_text(report),
        report_markdown(report, transcript),
        report_html(report, transcript),
    ):
        assert "Following through" not in text
        assert "Good questions" in text


def test_a_report_that_reaches_the_thank_you_keeps_the_row() -> None:
    bundle = Library().load("review-season-cold-email")
    body = (
        "Hi, I heard you on the pay transparency panel last month and have been thinking "
        "about it since. I'm moving from operations into HR and would love to learn how you "
        "made a similar move. I know review season is busy: could I have 15 minutes by phone "
        "in the next few weeks, whenever suits you? Thank you either way."
    )
    script = {
        "outreach": {"subject": "15 minutes on moving into HR?", "body": body},
        "meeting": MEETING,
        "thank_you": {"after_hours": 6, "body": "Thank you for the advice on payroll."},
    }
    played = play_script(bundle, Script.model_validate(script), 4)
    assert "Following through" in report_text(played.report)
