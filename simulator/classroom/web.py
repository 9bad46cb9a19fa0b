"""The class server, without a UI of its own: textual-serve's app plus tokens, limits and intake.

``ClassServer`` subclasses textual-serve's ``Server`` (pinned in pyproject: its private
``_make_app`` is where the aiohttp app is built) and adds one middleware that every
request passes through:

- ``/play/<class token>`` is the learner's page and ``/play/<class token>/ws`` its
  websocket (one app process per tab); ``/submit/<class token>`` takes submissions and
  ``/submit/<class token>/event`` the browser sessions' "joined / playing / left";
- ``/coach/<coach token>/...`` is the dashboard, answered only to loopback clients;
- ``/static/`` (textual-serve's bundled assets), ``/class-static/`` (ours) and
  ``/download/<key>`` (random keys made by a running app) need no token;
- everything else, including textual-serve's own ``/`` and ``/ws``, is refused.

Tokens are compared in constant time. Each client address has a rate limit per area, a
websocket must come from this server's own page (Origin check), and the number of open
sessions is capped. The app command is fixed when the server starts and never holds
request data; what a tab needs (assignment, where to submit) goes in its environment.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from simulator.classroom import pages
from simulator.classroom.gradebook import Gradebook
from simulator.classroom.intake import Intake, Refused
from simulator.classroom.limits import RateLimiter
from simulator.homework.assignment import check_student_name, student_key
from simulator.homework.errors import HomeworkError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
STALE_AFTER = 180.0
"""A browser session not heard from for this many seconds no longer shows as playing."""
EVENT_KINDS = ("joined", "playing", "left")
MAX_EVENT_BYTES = 4096


@dataclass
class Limits:
    """How much one client may ask for (per address), and how much the server takes at once."""

    page_rate: float = 2.0
    page_burst: int = 30
    submit_rate: float = 10.0
    submit_burst: int = 80
    max_sessions: int = 60
    max_pending: int = 64
    """Submissions being verified at once; beyond this the client is asked to retry."""
    max_body: int = 1024 * 1024


@dataclass
class ClassConfig:
    """Everything the server needs, fixed before it starts."""

    title: str
    class_token: str
    coach_token: str
    command: str
    limits: Limits = field(default_factory=Limits)


def is_loopback(address: str | None) -> bool:
    """Whether a peer address is this machine."""
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _refuse(status: int, reason: str) -> web.Response:
    return _json({"error": reason}, status)


class ClassServer(Server):
    """textual-serve's server with the class's tokens, limits, intake and dashboard."""

    def __init__(
        self,
        config: ClassConfig,
        *,
        intake: Intake | None = None,
        gradebook: Gradebook | None = None,
    ) -> None:
        super().__init__(config.command, title=config.title)
        self.config = config
        self.intake = intake
        self.gradebook = gradebook
        self.limits = config.limits
        self.page_limiter = RateLimiter(self.limits.page_rate, self.limits.page_burst)
        self.submit_limiter = RateLimiter(self.limits.submit_rate, self.limits.submit_burst)
        self.sessions = 0
        self.pending = 0
        self.playing: dict[str, dict[str, Any]] = {}
        """Browser session id -> {"name", "key", "stage", "seen"}."""
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="verify")
        self._sockets: set[asyncio.Task[Any]] = set()

    # ------------------------------------------------------------------ textual-serve hooks
    def initialize_logging(self) -> None:
        # Plain warnings only: textual-serve's rich handler prints locals in tracebacks.
        logging.getLogger("textual-serve").setLevel(logging.WARNING)

    async def on_startup(self, _app: web.Application) -> None:
        """Quiet: the command prints the URLs itself (textual-serve prints a banner)."""

    async def on_shutdown(self, _app: web.Application) -> None:
        # Open tabs would hold the shutdown for a minute: end them (their apps are told to
        # quit, so each journal is closed; a tab reopened after a restart resumes).
        for task in list(self._sockets):
            task.cancel()
        self._pool.shutdown(wait=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.add_routes(
            [
                web.get("/play/{token}", self.handle_play),
                web.get("/play/{token}/ws", self.handle_play_socket),
                web.get("/class-static/{name}", self.handle_class_static),
                web.post("/submit/{token}", self.handle_submit),
                web.post("/submit/{token}/event", self.handle_event),
                web.get("/coach/{token}/", self.handle_dashboard),
                web.get("/coach/{token}/{name}", self.handle_coach_file),
                web.get("/coach/{token}/student/", self.handle_feedback),
            ]
        )
        return app

    # ------------------------------------------------------------------ the guard
    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        parts = request.path.split("/")
        area = parts[1] if len(parts) > 1 else ""
        if area in ("static", "class-static", "download"):
            response = await handler(request)
        elif area in ("play", "submit"):
            if len(parts) < 3 or not self._token_ok(parts[2], self.config.class_token):
                return _refuse(403, "this link is not valid for this class (its token is wrong)")
            limiter = self.submit_limiter if area == "submit" else self.page_limiter
            wait = limiter.allow(request.remote or "?")
            if wait:
                response = _refuse(429, f"too many requests; try again in {wait:.0f} s")
                response.headers["Retry-After"] = str(max(1, round(wait)))
                return response
            response = await handler(request)
        elif area == "coach":
            if not is_loopback(request.remote):
                return _refuse(403, "the dashboard is only served to this computer")
            if len(parts) < 3 or not self._token_ok(parts[2], self.config.coach_token):
                return _refuse(403, "this dashboard link is not valid (its token is wrong)")
            response = await handler(request)
        else:
            return _refuse(404, "not found")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @staticmethod
    def _token_ok(given: str, expected: str) -> bool:
        return hmac.compare_digest(given.encode(), expected.encode())

    # ------------------------------------------------------------------ learners
    async def handle_play(self, request: web.Request) -> web.Response:
        scheme = "wss" if request.headers.get("X-Forwarded-Proto") == "https" else "ws"
        if request.secure:
            scheme = "wss"
        url = f"{scheme}://{request.host}/play/{self.config.class_token}/ws"
        size = request.query.get("fontsize", "16")
        font = int(size) if size.isdigit() and 8 <= int(size) <= 40 else 16
        page = pages.play_page(title=self.config.title, websocket_url=url, font_size=font)
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = pages.PLAY_CSP
        return response

    async def handle_play_socket(self, request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            return _refuse(403, "a session can only be opened from this class's own page")
        if self.sessions >= self.limits.max_sessions:
            return _refuse(503, "the class is full right now; try again in a minute")
        self.sessions += 1
        task = asyncio.current_task()
        if task is not None:
            self._sockets.add(task)
        try:
            return await self.handle_websocket(request)
        finally:
            self.sessions -= 1
            self._sockets.discard(task)

    async def handle_class_static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        types = {"play.js": "text/javascript", "play.css": "text/css"}
        if name not in types:
            raise web.HTTPNotFound()
        return web.Response(body=pages.asset(name), content_type=types[name])

    async def handle_submit(self, request: web.Request) -> web.Response:
        if self.intake is None:
            return _refuse(404, "this server does not take submissions (use simulator classroom)")
        if (request.content_length or 0) > self.limits.max_body:
            return _refuse(413, f"the submission is over {self.limits.max_body // 1024} KB")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _refuse(413, f"the submission is over {self.limits.max_body // 1024} KB")
        if self.pending >= self.limits.max_pending:
            response = _refuse(503, "the class server is busy; your program will try again")
            response.headers["Retry-After"] = "2"
            return response
        self.pending += 1
        try:
            loop = asyncio.get_running_loop()
            receipt = await loop.run_in_executor(
                self._pool, self.intake.accept, body, request.remote or ""
            )
        except Refused as exc:
            return _refuse(exc.status, exc.reason)
        finally:
            self.pending -= 1
        return _json(receipt.to_dict(), 200 if receipt.repeated else 201)

    async def handle_event(self, request: web.Request) -> web.Response:
        try:
            raw = await request.content.read(MAX_EVENT_BYTES + 1)
            event = json.loads(raw) if len(raw) <= MAX_EVENT_BYTES else {}
            if not isinstance(event, dict):
                raise TypeError("not an object")
            kind, session = event["kind"], str(event["session"])[:64]
            name = check_student_name(str(event.get("student", "")))
        except (ValueError, KeyError, TypeError, HomeworkError):
            return _refuse(400, "not an event this server understands")
        if kind not in EVENT_KINDS:
            return _refuse(400, "not an event this server understands")
        stage = str(event.get("stage", ""))[:40]
        if kind == "left":
            self.playing.pop(session, None)
        else:
            self.playing[session] = {
                "name": name,
                "key": student_key(name),
                "stage": stage,
                "seen": time.monotonic(),
            }
        if kind != "playing" and self.intake is not None:
            await asyncio.get_running_loop().run_in_executor(
                self._pool, self._log_event, kind, name, session, request.remote or ""
            )
        return web.Response(status=204)

    def _log_event(self, kind: str, name: str, session: str, client: str) -> None:
        assert self.intake is not None
        try:
            self.intake.store.add_event(kind, student=name, session=session, client=client)
        except Exception:  # presence is best effort; submissions are what must be kept
            logging.getLogger("simulator.classroom").warning("could not record an event")

    # ------------------------------------------------------------------ the coach
    def _live(self) -> dict[str, dict[str, Any]]:
        now = time.monotonic()
        for session in [s for s, v in self.playing.items() if now - v["seen"] > STALE_AFTER]:
            del self.playing[session]
        return {v["key"]: v for v in self.playing.values()}

    def _book(self) -> Gradebook:
        if self.gradebook is None:
            raise web.HTTPNotFound(text="no class here: this server only serves the app")
        return self.gradebook

    async def _in_pool(self, call: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, call, *args)

    async def handle_dashboard(self, request: web.Request) -> web.Response:
        self._book()
        learners = f"http://{request.host}/play/{self.config.class_token}"
        page = pages.dashboard_page(title=self.config.title, learners_url=learners)
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = pages.DASHBOARD_CSP
        return response

    async def handle_coach_file(self, request: web.Request) -> web.Response:
        book = self._book()
        name = request.match_info["name"]
        if name in ("dashboard.js", "dashboard.css"):
            kind = "text/javascript" if name.endswith(".js") else "text/css"
            return web.Response(body=pages.asset(name), content_type=kind)
        if name == "state.json":
            return _json(await self._in_pool(book.state, self._live()))
        makers: dict[str, tuple[Callable[[], str], str]] = {
            "gradebook.csv": (book.csv, "text/csv"),
            "review.json": (book.json, "application/json"),
            "report.html": (book.html, "text/html"),
        }
        if name not in makers:
            raise web.HTTPNotFound()
        make, kind = makers[name]
        response = web.Response(text=await self._in_pool(make), content_type=kind)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        response.headers["Content-Security-Policy"] = pages.REPORT_CSP
        return response

    async def handle_feedback(self, request: web.Request) -> web.Response:
        book = self._book()
        key = request.query.get("name", "")
        page = await self._in_pool(book.feedback, key) if key else None
        if page is None:
            raise web.HTTPNotFound()
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = pages.REPORT_CSP
        return response
