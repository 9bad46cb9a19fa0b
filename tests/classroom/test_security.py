"""The class server refuses what it should: tokens, sizes, floods, hostile text, addresses."""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from pathlib import Path
from unittest import mock

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from simulator.classroom.pages import DASHBOARD_CSP
from simulator.classroom.store import ClassStore
from simulator.classroom.web import Limits

from .conftest import CLASS_TOKEN, COACH_TOKEN, build_server
from .helpers import InProcess, body_of, make_submission, request


def test_every_area_needs_its_token(live: tuple[InProcess, ClassStore]) -> None:
    running, _ = live
    url = running.url
    for path in (
        "/",
        "/ws",
        "/play",
        "/play/",
        "/play/nope",
        f"/play/{COACH_TOKEN}",
        "/submit/nope",
        "/coach/nope/",
        f"/coach/{CLASS_TOKEN}/state.json",
        f"/coach/{CLASS_TOKEN}/gradebook.csv",
        "/admin",
    ):
        status, _, _ = request(url + path)
        assert status in (403, 404), path
    status, body, _ = request(f"{url}/submit/wrong", b"{}")
    assert status == 403 and b"token is wrong" in body
    assert request(f"{url}/play/{CLASS_TOKEN}")[0] == 200
    assert request(f"{url}/coach/{COACH_TOKEN}/state.json")[0] == 200


def test_the_dashboard_answers_only_this_computer(assignment_file: Path, tmp_path: Path) -> None:
    server, store = build_server(assignment_file, tmp_path)
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        ("192.168.1.20", 50000) if name == "peername" else default
    )
    request_ = make_mocked_request("GET", f"/coach/{COACH_TOKEN}/", transport=transport)
    handler = mock.AsyncMock(return_value=web.Response(text="dashboard"))
    import asyncio

    response = asyncio.run(server._guard(request_, handler))
    assert response.status == 403 and not handler.called
    store.close()


def test_the_dashboard_has_a_strict_policy_and_no_inline_code(
    live: tuple[InProcess, ClassStore],
) -> None:
    running, _ = live
    status, body, headers = request(f"{running.url}/coach/{COACH_TOKEN}/")
    assert status == 200 and headers["Content-Security-Policy"] == DASHBOARD_CSP
    assert "'unsafe-inline'" not in DASHBOARD_CSP and "default-src 'none'" in DASHBOARD_CSP
    page = body.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert (
        " style=" not in page
        and "<style" not in page
        and " on" not in page.lower().replace(" one ", "")
    )
    assert headers["Referrer-Policy"] == "no-referrer"
    for name in ("gradebook.csv", "review.json", "report.html"):
        _, _, file_headers = request(f"{running.url}/coach/{COACH_TOKEN}/{name}")
        assert "script-src" not in file_headers["Content-Security-Policy"]
        assert file_headers["Content-Disposition"].startswith("attachment")


def test_an_oversized_body_is_refused_unread(assignment_file: Path, tmp_path: Path) -> None:
    server, store = build_server(assignment_file, tmp_path, limits=Limits(max_body=64 * 1024))
    with InProcess(server) as running:
        status, body, _ = request(f"{running.url}/submit/{CLASS_TOKEN}", b"x" * (200 * 1024))
    assert status == 413 and b"over 64 KB" in body
    assert store.submissions() == []
    store.close()


def test_a_flood_from_one_client_is_slowed_down(assignment_file: Path, tmp_path: Path) -> None:
    server, store = build_server(
        assignment_file, tmp_path, limits=Limits(submit_rate=1.0, submit_burst=5)
    )
    with InProcess(server) as running:
        statuses = [request(f"{running.url}/submit/{CLASS_TOKEN}", b"{}")[0] for _ in range(12)]
        status, body, headers = request(f"{running.url}/submit/{CLASS_TOKEN}", b"{}")
    assert statuses[:5] == [400] * 5  # read and refused for what they are
    assert statuses[5:] == [429] * 7 and status == 429
    assert int(headers["Retry-After"]) >= 1 and b"too many requests" in body
    store.close()


HOSTILE = [
    "<script>alert(1)</script> Eve",
    "[@click=app.quit]Mallory[/] [b]x[/]",
    "Bob'); DROP TABLE submissions;--",
    '=HYPERLINK("http://x")',
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_and_text_stay_inert(
    live: tuple[InProcess, ClassStore], assignment_file: Path, name: str
) -> None:
    running, store = live
    record = make_submission(assignment_file, name)
    status, body, _ = request(f"{running.url}/submit/{CLASS_TOKEN}", body_of(record))
    assert status == 201, body
    state = json.loads(request(f"{running.url}/coach/{COACH_TOKEN}/state.json")[1])
    assert [s["name"] for s in state["students"]] == [name]  # data, for textContent
    page = request(f"{running.url}/coach/{COACH_TOKEN}/")[1].decode()
    assert name not in page  # the dashboard's HTML never carries learner text
    key = urllib.parse.quote(state["students"][0]["key"])
    feedback = request(f"{running.url}/coach/{COACH_TOKEN}/student/?name={key}")[1].decode()
    assert html.escape(name) in feedback and "<script>" not in feedback
    csv_text = request(f"{running.url}/coach/{COACH_TOKEN}/gradebook.csv")[1].decode()
    assert "\n=" not in csv_text and ",=" not in csv_text
    assert len(store.submissions()) == 1  # the SQL-looking name is just a name


def test_escape_codes_in_a_name_are_refused(
    live: tuple[InProcess, ClassStore], assignment_file: Path
) -> None:
    running, store = live
    record = make_submission(assignment_file, "Ana Diaz")
    record["student"] = "Ana \x1b]0;pwned\x07\x1b[2J Diaz"
    status, body, _ = request(f"{running.url}/submit/{CLASS_TOKEN}", body_of(record))
    assert status in (400, 422)
    reason = json.loads(body)["error"]
    assert "\x1b" not in reason and reason
    assert store.submissions() == []


def test_events_are_checked_like_names(live: tuple[InProcess, ClassStore]) -> None:
    running, _ = live
    url = f"{running.url}/submit/{CLASS_TOKEN}/event"
    good = {"kind": "joined", "student": "Ana Diaz", "session": "tab1", "stage": "outreach"}
    assert request(url, json.dumps(good).encode())[0] == 204
    for bad in ({**good, "kind": "admin"}, {**good, "student": "\x1b[2J"}, [1], "x" * 5000):
        assert request(url, json.dumps(bad).encode())[0] == 400
    state = json.loads(request(f"{running.url}/coach/{COACH_TOKEN}/state.json")[1])
    assert [(s["name"], s["playing"]) for s in state["students"]] == [("Ana Diaz", True)]


def test_a_websocket_from_another_site_is_refused(live: tuple[InProcess, ClassStore]) -> None:
    running, _ = live
    status, body, _ = request(
        f"{running.url}/play/{CLASS_TOKEN}/ws", headers={"Origin": "http://evil.example"}
    )
    assert status == 403 and b"own page" in body


def test_hostile_learner_text_is_escaped_on_the_feedback_page(
    live: tuple[InProcess, ClassStore], assignment_file: Path
) -> None:
    from simulator.conversation import replay
    from simulator.grading import grade
    from simulator.homework import open_assignment
    from simulator.homework.submission import build_submission
    from simulator.practice import Outreach, Skip

    hostile = (
        "Hi <img src=x onerror=alert(1)> [@click=app.quit]x[/] </div><script>alert(2)</script> "
        "could I have 15 minutes by phone next week? Thank you."
    )
    run = open_assignment(assignment_file, "Ana Diaz")
    session = replay(run.bundle, run.seed, [Outreach(hostile, "<b>Hello</b>")])
    if not session.finished:  # no answer came: the learner gives up waiting
        session = replay(run.bundle, run.seed, [Outreach(hostile, "<b>Hello</b>"), Skip()])
    report = grade(session.transcript, session.scenario, session.lexicon)
    record = build_submission(
        run.assignment, run.entry, student=run.student, attempt=1, seed=run.seed,
        transcript=session.transcript.to_dict(), report=report.to_dict(), started=run.started,
    )  # fmt: skip
    running, _ = live
    status, answer, _ = request(f"{running.url}/submit/{CLASS_TOKEN}", body_of(record))
    assert status == 201, answer
    page = request(f"{running.url}/coach/{COACH_TOKEN}/student/?name=ana%20diaz")[1].decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img" not in page and "<script>" not in page and "<b>Hello" not in page
    report_page = request(f"{running.url}/coach/{COACH_TOKEN}/report.html")[1].decode()
    assert "<img" not in report_page and "<script>" not in report_page


def test_the_learners_page_loads_nothing_from_elsewhere(live: tuple[InProcess, ClassStore]) -> None:
    """No CDN, no web font: every asset is served by this server from the package."""
    running, _ = live
    status, body, headers = request(f"{running.url}/play/{CLASS_TOKEN}")
    page = body.decode()
    assert status == 200 and "font-src 'self'" in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    links = re.findall(r'(?:href|src)="([^"]+)"', page)
    assert links and all(link.startswith("/") for link in links), links
    for link in links:
        status, asset, _ = request(running.url + link)
        assert status == 200, link
        if link.endswith(".css"):
            urls = re.findall(r"url\(\"?([^\")]+)", asset.decode())
            assert all(u.startswith("/static/") for u in urls), urls
            for url in urls:
                assert request(running.url + url)[0] == 200, url
    assert re.search(r"ws://127\.0\.0\.1:\d+/play/" + CLASS_TOKEN + "/ws", page)


def test_a_feedback_page_is_found_by_the_students_key_only(
    live: tuple[InProcess, ClassStore],
) -> None:
    running, _ = live
    for query in ("", "?name=", "?name=nobody", "?name=%00"):
        assert request(f"{running.url}/coach/{COACH_TOKEN}/student/{query}")[0] == 404
