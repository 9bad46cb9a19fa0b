"""Plain-terminal play, without Textual: prompts on stdout, the learner's words on stdin.

The accessible mode (screen readers, pipes, tests). A message may hold blank lines and
paragraphs; it ends at a line holding only a dot (or at the end of a piped file), and is
shown back before it is sent. In the meeting each line is one turn; ``/wrap``
offers to end the meeting, ``/leave`` ends it at once, ``/help`` lists the commands.
End of input stops the session where it is; every finished turn is already recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from simulator.content import Bundle
from simulator.practice import (
    Attempt,
    FollowUp,
    Input,
    InputError,
    Outreach,
    Report,
    Say,
    Skip,
    Stage,
    ThankYou,
    Turn,
    end_reason_words,
    fill,
    report_text,
)
from simulator.storage import StorageError
from simulator.textsafe import printable

WRAP_LINE = "I want to respect your time, so I'll wrap up there. Thank you so much for this."
HELP = "Commands: /wrap (offer to end the meeting), /leave (end it now), /help"


def plural(count: int, noun: str) -> str:
    """ "1 word", "2 words": a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class EndOfInput(Exception):
    """The learner's input ended (Ctrl+D or a closed pipe)."""


class PlainPlayer:
    """Drives an ``Attempt`` from text streams."""

    def __init__(
        self, attempt: Attempt, stdin: IO[str], stdout: IO[str], *, meters: bool = True
    ) -> None:
        self.attempt = attempt
        self.session = attempt.session
        self.stdin = stdin
        self.stdout = stdout
        self.meters = meters
        """Show patience and rapport as they move (off in exam mode: they are hints)."""

    # ---------------------------------------------------------------- io
    def say(self, text: str = "") -> None:
        self.stdout.write(printable(text) + "\n")
        self.stdout.flush()

    def ask(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            raise EndOfInput
        return line.rstrip("\n")

    def ask_block(self, prompt: str) -> str:
        """A message of any length: blank lines are kept, a line holding only '.' ends it
        (so does the end of input, in a pipe). What was taken is shown before it is sent."""
        self.say(
            f"{prompt}: as many lines and paragraphs as you like; end with a line holding only '.'"
        )
        lines: list[str] = []
        while True:
            try:
                line = self.ask("| ")
            except EndOfInput:
                if any(part.strip() for part in lines):
                    break
                raise
            if line.strip() == ".":
                if any(part.strip() for part in lines):
                    break
                continue
            lines.append(line.rstrip("\r"))
        while not lines[0].strip():
            lines.pop(0)
        while not lines[-1].strip():
            lines.pop()
        text = "\n".join(lines)
        self.taken(text)
        return text

    def taken(self, text: str) -> None:
        """Echo a message back as it will be sent, with its size in words and paragraphs."""
        words = len(text.split())
        paragraphs = len([p for p in text.split("\n\n") if p.strip()])
        self.say(f"Taken: {plural(words, 'word')} in {plural(paragraphs, 'paragraph')}:")
        for line in text.split("\n"):
            self.say(f"  > {line}" if line else "  >")

    def ask_int(self, prompt: str, default: int) -> int:
        while True:
            raw = self.ask(f"{prompt} [{default}]: ").strip()
            if not raw:
                return default
            if raw.isdigit():
                return int(raw)
            self.say("Please type a whole number.")

    # ---------------------------------------------------------------- flow
    def show(self, turns: list[Turn]) -> None:
        name = self.session.identities["persona_name"]
        for turn in turns:
            if turn.who == "persona":
                self.say(f"\n{name}: {turn.text}")
            elif turn.kind in ("silence", "narration", "recap") and turn.text:
                self.say(f"\n({turn.text})")
            elif turn.kind == "meeting_start":
                self.say(f"\n--- The meeting starts. {turn.data.get('granted')} minutes. ---")
            elif turn.kind == "meeting_end":
                why = end_reason_words(turn.data.get("reason"), name)
                self.say(f"--- The meeting ends ({why}). ---")
            elif turn.kind == "meters" and self.meters:
                after = turn.data.get("after", {})
                self.say(f"   [patience {after.get('patience')}, rapport {after.get('rapport')}]")

    def briefing(self) -> None:
        s = self.session
        values = s.values
        self.say(f"=== {s.scenario.title} ({s.scenario.difficulty}) ===")
        self.say(fill(s.scenario.brief, values).strip())
        self.say("\nObjectives:")
        for objective in s.scenario.objectives:
            self.say(f"  - {fill(objective, values)}")
        who = f"{values['persona_name']}, {s.persona.role} at {values['company']}"
        self.say(f"\nYou are talking to {who}.")
        if s.scenario.learner.file_names():
            self.say(f"Your files: {', '.join(s.scenario.learner.file_names())}")
        self.show(s.transcript.turns)

    def step(self) -> None:
        try:
            match self.session.state:
                case Stage.outreach:
                    self.outreach()
                case Stage.waiting:
                    self.waiting()
                case Stage.meeting:
                    self.meeting()
                case Stage.thank_you:
                    self.thank_you()
        except InputError as exc:
            self.say(f"! {exc}")

    def send(self, item: Input) -> None:
        """Send one input and show what it caused."""
        self.show(self.attempt.send(item))

    def outreach(self) -> None:
        s = self.session
        channel = s.scenario.stages.outreach.channel if s.scenario.stages.outreach else "email"
        what = {"linkedin": "LinkedIn note", "phone": "phone call (what you will say)"}
        self.say(f"\nWrite your {what.get(channel, channel)} to {s.values['persona_name']}.")
        subject = self.ask("Subject: ") if channel == "email" else ""
        body = self.ask_block("Message")
        attachments: tuple[str, ...] = ()
        files = s.scenario.learner.file_names()
        if files:
            picked = self.ask(f"Attach files? ({', '.join(files)}; Enter for none): ").strip()
            attachments = tuple(
                f for f in files if picked and f in picked.replace(",", " ").split()
            )
        self.send(Outreach(body, subject, attachments))

    def waiting(self) -> None:
        answer = self.ask("\nNo answer yet. Follow up? (y/n): ").strip().lower()
        if answer.startswith("y"):
            days = self.ask_int("After how many days from your first message", 7)
            body = self.ask_block("Follow-up message")
            self.send(FollowUp(body, days))
        else:
            self.send(Skip())

    def meeting(self) -> None:
        s = self.session
        clock = f"{s.minute:.0f}/{s.granted} min"
        line = self.ask(f"\n[{clock}] You: ").strip()
        if line == "/help":
            self.say(HELP)
        elif line == "/wrap":
            self.send(Say(WRAP_LINE))
        elif line == "/leave":
            self.send(Skip())
        else:
            self.send(Say(line))

    def thank_you(self) -> None:
        answer = self.ask("\nSend a thank-you note? (y/n): ").strip().lower()
        if not answer.startswith("y"):
            self.send(Skip())
            return
        hours = self.ask_int("How many hours after the meeting", 12)
        body = self.ask_block("Thank-you note")
        self.send(ThankYou(body, hours))

    def play(self, *, brief: bool = True) -> Report | None:
        """Run to the debrief and show the report (graded once); None if input ended first."""
        attempt = self.attempt
        attempt.listen(lambda notice: self.say(f"! {notice}"))
        if brief:
            self.briefing()
        try:
            while not self.session.finished:
                self.step()
        except EndOfInput:
            recorder = attempt.recorder
            if recorder is not None and recorder.problem is None:
                self.say(
                    "\n(Input ended. Your finished turns are saved; "
                    f"`simulator resume {recorder.session_id}` continues.)"
                )
            else:
                self.say("\n(Input ended. This session was not saved.)")
            return None
        report = attempt.finish()
        self.say("\n=== Debrief ===")
        self.say(report_text(report))
        if attempt.saved_to is not None:
            self.say(f"\nSaved to {attempt.saved_to}")
        elif attempt.recorder is not None:
            self.save_elsewhere()
        return report

    def save_elsewhere(self) -> None:
        """After a storage problem: offer to write the session to a path the user picks."""
        while True:
            try:
                answer = self.ask("\nSave this session elsewhere? Path (Enter to skip): ")
            except EndOfInput:
                return
            if not answer.strip():
                self.say("Not saved.")
                return
            try:
                self.say(f"Saved to {self.attempt.save_copy(Path(answer.strip()))}")
                return
            except StorageError as exc:
                self.say(f"! {exc}")


def play_plain(
    bundle: Bundle,
    seed: int,
    stdin: IO[str],
    stdout: IO[str],
    *,
    record: bool = True,
    learner_name: str | None = None,
) -> Attempt:
    """Play a whole session in a plain terminal (journalled unless ``record`` is False;
    ``learner_name``: the name in the user's settings)."""
    attempt = Attempt(bundle, seed, client="plain", record=record, learner_name=learner_name)
    try:
        PlainPlayer(attempt, stdin, stdout).play()
    finally:
        attempt.close()
    return attempt
