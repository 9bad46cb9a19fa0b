"""HomeScreen: the scenario library, checking a draft, past attempts and help; type to filter."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import ScreenResume
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from simulator.tui.literal import clean
from simulator.tui.screens.base import AppScreen
from simulator.tui.widgets.app_header import AppHeader
from simulator.tui.widgets.library_list import Entry, LibraryList

PLACES = (
    Entry("draft", "draft", "Check a draft", "paste a real email; see how a busy reader takes it"),
    Entry("attempts", "attempts", "Past attempts", "your saved sessions and their reports"),
    Entry("help", "help", "Help", "keys, screens and how grading works"),
)
STAGE_SHORT = {"outreach": "write", "meeting": "meet", "thank_you": "thank"}
STAGE_WHERE = {
    "outreach": "writing the first message",
    "waiting": "waiting for a reply",
    "meeting": "in the meeting",
    "thank_you": "writing the thank-you",
    "start": "just started",
}


def resume_entries() -> list[Entry]:
    """One row per interrupted session: scenario, where it stopped, when it started.

    What each journal says is cached by its file's stamp (``simulator.resume_index``): a
    returning learner's start-up reads only new or changed journals, with ``storage`` alone
    (no engine, no pydantic); opening one rebuilds the session (``SimulatorApp.resume_session``).
    """
    from simulator.paths import user_dir

    if not user_dir("journals").is_dir():  # never played: not even the journal index
        return []
    from simulator.resume_index import unfinished

    rows = []
    for path, (_, title, stage, learner, started) in unfinished():
        turns = "1 turn" if learner == 1 else f"{learner} turns"  # (practice.plural is heavy)
        where = STAGE_WHERE.get(stage, "part-way")
        rows.append(
            Entry(
                kind="resume",
                key=str(path),
                title=f"Resume: {title}",
                detail=f"{where}, {turns} so far, started {started_words(started)}",
            )
        )
    return rows


def started_words(iso: str) -> str:
    """A journal's start time in the learner's local time: "Tue 1 Dec, 14:02"."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{when:%a} {when.day} {when:%b}, {when:%H:%M}"


def library_entries(*, cached_only: bool = False) -> tuple[list[Entry], list[str]] | None:
    """Scenario rows from the library, and one line per file that failed to load.

    ``cached_only``: only what the listing cache holds, or None when it is stale (then the
    files are validated again, which is too slow for the first frame).
    """
    from simulator.listing_cache import cached_listing, listing

    # Validated content, cached by file hashes (see listing_cache).
    data = cached_listing() if cached_only else listing()
    if data is None:
        return None
    roles = {p["id"]: str(p["role"]) for p in data["personas"]}
    entries = []
    for s in data["scenarios"]:
        entries.append(
            Entry(
                kind="scenario",
                key=str(s["id"]),
                title=str(s["title"]),
                detail=str(s["summary"]),
                difficulty=str(s["difficulty"]),
                stages="\u2192".join(STAGE_SHORT.get(x, x) for x in s["stages"]),
                minutes=f"{s['minutes']} min" if s["minutes"] else "no meeting",
                persona=roles.get(str(s["persona"]), str(s["persona"])),
                field=str(s.get("field") or ""),
            )
        )
    return entries, [str(p) for p in data["problems"]]


class HomeScreen(AppScreen):
    """Where the app opens."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the highlighted entry", priority=True),
        Binding("escape", "home", "Clear filter", show=False),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("f2", "draft", "Check a draft"),
        Binding("f3", "attempts", "Past attempts"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._scenarios: list[Entry] | None = None
        self._over_modal = False
        self._shown = False

    def compose(self) -> ComposeResult:
        yield AppHeader("\u25c6")  # Textual's Header, drawn by one widget (start-up)
        with Vertical(id="home-body"):
            yield Static(
                Text.assemble(
                    ("Rehearse asking a busy professional for an informational interview.", "bold"),
                    "\nPick a scenario and press Enter. Type to filter.",
                ),
                id="home-intro",
            )
            if self.sim.homework is not None:
                from simulator.tui.widgets.assignment_banner import AssignmentBanner

                yield AssignmentBanner(self.sim.homework, id="home-assignment")
            yield Input(placeholder="Type to filter (field:healthcare)\u2026", id="home-filter")
            yield LibraryList(id="home-list")
            # (#home-status, below the list, is mounted only when there is something to say:
            # the library loading, or files that failed; with the listing cached, nothing.)
        yield Static(id="home-footer-slot")  # the key footer's row until it is mounted

    def on_mount(self) -> None:
        self.query_one("#home-filter", Input).focus()
        # The key footer (a widget per key) comes just after the first frame, in the row
        # kept for it: the library is on screen a few milliseconds sooner.
        self.call_after_refresh(self._mount_footer)
        if self.sim.homework is not None:  # only the assignment's scenarios, nothing to load
            from simulator.tui.homework import assigned_entries

            self._loaded(assigned_entries(self.sim.homework), [])
            return
        try:  # the cached listing is quick to read: the first frame shows the library
            cached = library_entries(cached_only=True)
        except Exception:  # a broken cache is rebuilt by the full read below
            cached = None
        if cached is not None:
            self._loaded(*cached)
            return
        # Validating content (pydantic, YAML) takes longer than drawing this screen: list
        # the other places now, and start it once the first frame is up.
        self.query_one(LibraryList).set_entries(list(self._places()))
        self._say(Text("Loading the library\u2026", style="dim"))
        self.call_after_refresh(self.load_library)

    async def _mount_footer(self) -> None:
        from simulator.tui.widgets.key_footer import KeyFooter

        await self.query("#home-footer-slot").remove()
        await self.mount(KeyFooter())
        self.refresh_bindings()  # the footer lists the keys once bindings are published

    @work(exclusive=True, group="library")
    async def load_library(self) -> None:
        """Read the library in a daemon thread: quitting never waits for it."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[tuple[list[Entry], list[str]]] = loop.create_future()

        def settle(result: object, failed: bool) -> None:
            if done.done():
                return
            if failed:
                done.set_exception(result)  # type: ignore[arg-type]
            else:
                done.set_result(result)  # type: ignore[arg-type]

        def read() -> None:
            try:
                result: object = library_entries()
                failed = False
            except Exception as exc:  # shown on the screen, not a crash
                result, failed = exc, True
            with contextlib.suppress(RuntimeError):  # the app (and its loop) already closed
                loop.call_soon_threadsafe(settle, result, failed)

        threading.Thread(target=read, name="library", daemon=True).start()
        try:
            entries, problems = await done
        except Exception as exc:
            entries, problems = [], [f"the library could not be read: {exc}"]
        self._loaded(entries, problems)

    def _loaded(self, entries: list[Entry], problems: list[str]) -> None:
        if not self.query(LibraryList):
            return  # the app closed while the library was being read
        self._scenarios = entries
        self._show_entries()
        if problems:
            text = Text.assemble((f"{len(problems)} file(s) could not be loaded:\n", "bold yellow"))
            text.append("\n".join(problems[:3]))
            self._say(clean(text))
        else:
            for status in self.query("#home-status"):
                status.display = False

    def _say(self, text: Text) -> None:
        """Show ``text`` in the status line below the list (mounted on first use)."""
        found = self.query("#home-status")
        if found:
            found.first(Static).update(text)
        else:
            self.query_one("#home-body", Vertical).mount(Static(text, id="home-status"))

    def _places(self) -> tuple[Entry, ...]:
        """The other places; an exam offers no draft check (it would be a live hint)."""
        if self.sim.homework is not None and self.sim.mode == "exam":
            return tuple(p for p in PLACES if p.kind != "draft")
        return PLACES

    def _show_entries(self) -> None:
        resumable: list[Entry] = []
        if self.sim.homework is None:  # homework lists only the assignment's scenarios
            try:
                resumable = resume_entries()
            except Exception:  # an unreadable journals folder must not hide the library
                resumable = []
        scenarios = self._scenarios or []
        self.query_one(LibraryList).set_entries([*resumable, *scenarios, *self._places()])

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Back home: list what is open now; during homework, what is submitted and left."""
        if not self._shown:  # opening: on_mount has just listed all of it
            self._shown = True
            # ... and every widget was styled as it mounted (the filter since it took
            # focus): Textual would style the whole screen again before the first frame.
            event.refresh_styles = False
            return
        if self.sim.homework is not None:
            from simulator.tui.homework import assigned_entries
            from simulator.tui.widgets.assignment_banner import AssignmentBanner

            self.query_one(AssignmentBanner).refresh_rules()
            self._loaded(assigned_entries(self.sim.homework), [])
            return
        # Back from a session that was kept for later (or finished): the whole library
        # shows again (a filter typed before it would hide it).
        if self._scenarios is not None:
            if not self._over_modal:
                self.query_one("#home-filter", Input).value = ""
            self._show_entries()

    def on_screen_suspend(self) -> None:
        # The palette or help over Home keeps the filter; leaving for a screen clears it.
        self._over_modal = isinstance(self.app.screen, ModalScreen)

    def resume_entries(self) -> list[Entry]:
        """The interrupted sessions listed now (for the palette)."""
        return [e for e in self.query_one(LibraryList).entries if e.kind == "resume"]

    def scenario_entries(self) -> list[Entry]:
        return [e for e in self.query_one(LibraryList).entries if e.kind == "scenario"]

    @on(Input.Changed, "#home-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.query_one(LibraryList).filter(event.value)

    @on(Input.Submitted, "#home-filter")
    def _submitted(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#home-list")
    def _selected(self) -> None:
        self.action_open()

    def action_move(self, step: int) -> None:
        listing = self.query_one(LibraryList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_open(self) -> None:
        entry = self.query_one(LibraryList).current()
        if entry is None:
            return
        if entry.kind == "scenario":
            self.open_scenario(entry.key)
        elif entry.kind == "resume":
            self.sim.resume_session(Path(entry.key))
        elif entry.kind == "draft":
            self.sim.open_draft_check()
        elif entry.kind == "attempts":
            self.sim.open_attempts()
        else:
            self.sim.action_help()

    def open_scenario(self, key: str) -> None:
        from simulator.content import ContentLoadError, Library

        if self.sim.homework is not None:  # the assigned text, with the assignment's rules
            self.sim.open_briefing(self.sim.homework.bundle(key))
            return
        try:
            bundle = Library().load(key)
        except ContentLoadError as exc:
            self.sim.show_content_errors(list(exc.errors))
            return
        self.sim.open_briefing(bundle)

    def action_draft(self) -> None:
        if self.sim.homework is not None and self.sim.mode == "exam":
            return
        self.sim.open_draft_check()

    def action_attempts(self) -> None:
        self.sim.open_attempts()

    def action_home(self) -> None:
        self.query_one("#home-filter", Input).value = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:  # noqa: ARG002 (Textual's signature)
        if action == "open":
            return True if self.query_one(LibraryList).current() is not None else None
        return True
