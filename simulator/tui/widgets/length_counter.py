"""LengthCounter: the live word count of a draft, or its characters against a hard limit."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widget import Widget


class LengthCounter(Widget):
    """``87/100 words`` (a soft aim) or ``180/300 chars`` (a hard limit)."""

    DEFAULT_CSS = """
    LengthCounter { height: auto; width: auto; }
    """

    def __init__(
        self, *, aim_words: int = 100, max_chars: int | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.aim_words = aim_words
        self.max_chars = max_chars
        self.text = ""

    def count(self, text: str) -> None:
        self.text = text
        self.set_class(self.over, "-over")
        self.refresh(layout=True)

    @property
    def words(self) -> int:
        return len(re.findall(r"\S+", self.text))

    @property
    def over(self) -> bool:
        if self.max_chars is not None:
            return len(self.text) > self.max_chars
        return self.words > self.aim_words

    def render(self) -> Text:
        style = "bold red" if self.over else ""
        if self.max_chars is not None:
            return Text(f"{len(self.text)}/{self.max_chars} chars", style=style, no_wrap=True)
        return Text(f"{self.words}/{self.aim_words} words", style=style, no_wrap=True)
