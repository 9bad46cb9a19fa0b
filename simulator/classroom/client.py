"""Sending a submission to a class server, without a UI: one POST, a receipt or a reason.

Used by the browser sessions and by learners in their own terminal
(``--submit-to URL``). The same bytes are sent again on a retry, so a retry after a lost
answer returns the first receipt instead of a second submission. Busy answers (429, 503)
and dropped connections are retried a few times with a growing pause; anything else the
server says is a final answer, given to the learner word for word (made terminal-safe).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RETRY_STATUSES = (429, 502, 503, 504)
TIMEOUT = 30.0


class SubmitError(Exception):
    """The class server did not take the submission; the message says why, in one line."""


@dataclass(frozen=True)
class ServerReceipt:
    """The server's receipt for a stored submission."""

    receipt: str
    received: str
    score: int | None
    passed: bool | None
    late: bool
    repeated: bool

    def line(self) -> str:
        """One line for the learner."""
        late = " (received after the due date)" if self.late else ""
        again = " (already received earlier)" if self.repeated else ""
        return f"Received by your coach: receipt {self.receipt} at {self.received}{late}{again}."


def _reason(raw: bytes, status: int) -> str:
    try:
        data = json.loads(raw.decode("utf-8", "replace"))
        text = str(data.get("error") or "") if isinstance(data, dict) else ""
    except ValueError:
        text = ""
    clean = "".join(ch for ch in text if ch.isprintable())[:300]
    return clean or f"the class server answered {status}"


def post_json(url: str, body: bytes, *, timeout: float = TIMEOUT) -> tuple[int, bytes]:
    """POST ``body`` as JSON; returns (status, response body). Raises OSError if unreachable."""
    if not url.startswith(("http://", "https://")):
        raise SubmitError(f"not a web address: {url[:80]!r}")
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), response.read(65536)
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read(65536)


def send_submission(
    url: str, record: dict[str, Any] | bytes, *, tries: int = 5, pause: float = 0.5
) -> ServerReceipt:
    """Send one submission and return its receipt, or raise SubmitError with the reason."""
    from simulator.storage import json_text

    body = record if isinstance(record, bytes) else (json_text(record) + "\n").encode("utf-8")
    last = "the class server could not be reached"
    for attempt in range(tries):
        try:
            status, raw = post_json(url, body)
        except SubmitError:
            raise
        except (OSError, ValueError) as exc:
            last = f"the class server could not be reached ({exc.__class__.__name__})"
        else:
            if status in (200, 201):
                data = json.loads(raw)
                return ServerReceipt(
                    receipt=str(data["receipt"]),
                    received=str(data["received"]),
                    score=data.get("score"),
                    passed=data.get("passed"),
                    late=bool(data.get("late")),
                    repeated=bool(data.get("repeated")),
                )
            last = _reason(raw, status)
            if status not in RETRY_STATUSES:
                raise SubmitError(last)
        if attempt + 1 < tries:
            time.sleep(pause * (2**attempt))
    raise SubmitError(last)


def send_event(url: str, kind: str, student: str, session: str, stage: str = "") -> bool:
    """Tell the class server a browser session joined, is playing, or left (best effort)."""
    body = json.dumps({"kind": kind, "student": student, "session": session, "stage": stage})
    try:
        status, _ = post_json(url.rstrip("/") + "/event", body.encode("utf-8"), timeout=3.0)
    except (OSError, ValueError, SubmitError):
        return False
    return status == 204


def deliver(path: Path, url: str) -> int:
    """Send a saved submission file; print the receipt (exit 0) or the reason (exit 1)."""
    import sys

    try:
        receipt = send_submission(url, path.read_bytes())
    except SubmitError as exc:
        print(f"Not received by your coach: {exc}", file=sys.stderr)
        print(
            f"Your submission is kept in {path}; your coach can also take that file as it is.",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(receipt.line())
    return 0
