"""The HTML the class server sends, without a UI: the learner's page and the coach's dashboard.

Both pages are our own (textual-serve's default page links a web font from a CDN): every
asset comes from this package or from textual-serve's bundled ``static/`` folder (its
``textual.js``, xterm CSS and the Roboto Mono fonts), so a class runs with no internet.
No page has an inline script; every value placed in a page is HTML-escaped; the
dashboard's script fills its table with ``textContent`` only, so a learner's name or
text can never become markup. The Content-Security-Policy headers are defined here.
"""

from __future__ import annotations

from html import escape
from importlib import resources

PLAY_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The learner's page: scripts and fonts from this server only (xterm sets inline styles)."""

DASHBOARD_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
"""The coach's dashboard: nothing inline at all, nothing from anywhere else."""

REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
"""Downloaded and feedback pages: no script may run in them."""


def asset(name: str) -> bytes:
    """A file from ``simulator/classroom/static`` (the dashboard's script and styles)."""
    return (resources.files("simulator.classroom") / "static" / name).read_bytes()


def play_page(*, title: str, websocket_url: str, font_size: int = 16) -> str:
    """The learner's page: a terminal that connects to its own session over the websocket."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/static/css/xterm.css">
<link rel="stylesheet" href="/class-static/play.css">
<script src="/class-static/play.js"></script>
<script src="/static/js/textual.js"></script>
</head>
<body>
<div class="dialog-container intro-dialog"><div class="intro">
<div>{escape(title)}</div><div class="note">Starting your session&hellip;</div>
</div></div>
<div class="dialog-container closed-dialog"><div class="intro">
<div class="message">This session has ended. Your work so far is saved.</div>
<button type="button" id="restart">Open it again</button>
</div></div>
<div id="terminal" class="textual-terminal"
 data-session-websocket-url="{escape(websocket_url)}"
 data-font-size="{int(font_size)}"></div>
</body>
</html>
"""


def dashboard_page(*, title: str, learners_url: str) -> str:
    """The coach's dashboard shell; ``dashboard.js`` fills it from ``state.json``."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Class: {escape(title)}</title>
<link rel="stylesheet" href="dashboard.css">
<script src="dashboard.js" defer></script>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="meta">Learners open <code id="learners-url">{escape(learners_url)}</code></p>
<p class="meta" id="updated" aria-live="polite">Connecting&hellip;</p>
<nav>Downloads:
<a href="gradebook.csv" download>gradebook (CSV)</a>
<a href="review.json" download>review (JSON)</a>
<a href="report.html" download>class report (HTML)</a>
</nav>
</header>
<main>
<section><h2>Class</h2><p id="counts" class="meta"></p>
<table id="class"><thead><tr><th>Student</th><th>Playing</th><th>Status</th>
<th class="num">Score</th><th class="num">Submitted</th><th>Last received</th><th>Notes</th>
<th>Feedback</th></tr></thead><tbody></tbody></table></section>
<section><h2>Criteria (class average of best attempts)</h2>
<table id="criteria"><thead><tr><th>Criterion</th><th class="num">Average</th>
<th class="num">Students</th></tr></thead><tbody></tbody></table></section>
<section><h2>Most common findings</h2>
<table id="findings"><thead><tr><th>Finding</th><th>Rule</th><th class="num">Students</th>
</tr></thead><tbody></tbody></table></section>
</main>
</body>
</html>
"""
