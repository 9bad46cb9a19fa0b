"""`analyze` marks each problem in the draft; a problem inside another is still marked.

A finding about something missing quotes the whole opening sentence; when an attached CV
sat inside that sentence, only the long span was marked and the CV's number vanished from
the draft the learner reads.
"""

from __future__ import annotations

from simulator.commands.analyze import mark


def test_the_shorter_of_two_overlapping_spans_is_marked() -> None:
    text = "I've attached my CV; I'd slot right in. Could we talk?"
    spans = [(0, 39, 1), (5, 19, 2), (21, 38, 3)]
    assert mark(text, spans) == (
        "I've >>>attached my CV<<<[2]; >>>I'd slot right in<<<[3]. Could we talk?"
    )


def test_spans_that_do_not_overlap_are_all_marked_in_order() -> None:
    assert mark("one two three", [(8, 13, 2), (0, 3, 1)]) == ">>>one<<<[1] two >>>three<<<[2]"
