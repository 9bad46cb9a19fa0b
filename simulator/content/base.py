"""Building blocks of the content models, without a UI: strict text, ids, phrases."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

from simulator.core.criteria import CRITERIA as CRITERIA
from simulator.core.criteria import Criterion as Criterion

Slug = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", max_length=64)]
Text = Annotated[StrictStr, Field(max_length=4000)]
Line = Annotated[StrictStr, Field(min_length=1, max_length=1200)]
_PHRASE_PUNCTUATION = set(" '\u2019-.,?!&/:")


def _plain_phrase(value: str) -> str:
    """Lexicon phrases are plain words: a pattern character would only mislead an author."""
    odd = sorted({ch for ch in value if not (ch.isalnum() or ch in _PHRASE_PUNCTUATION)})
    if odd:
        shown = " ".join(odd)
        raise ValueError(f"phrases are plain words, not patterns: remove {shown}")
    if not any(sum(ch.isalpha() for ch in word) >= 2 for word in value.split()):
        raise ValueError("a phrase needs at least one word of two or more letters")
    return value


Phrase = Annotated[StrictStr, Field(min_length=2, max_length=120), AfterValidator(_plain_phrase)]
Percent = Annotated[StrictInt, Field(ge=0, le=100)]
FileKind = Literal[
    "resume", "cv", "cover_letter", "portfolio", "transcript", "writing_sample", "other"
]
FILE_KINDS: tuple[str, ...] = (
    "resume",
    "cv",
    "cover_letter",
    "portfolio",
    "transcript",
    "writing_sample",
    "other",
)
PITCH_FILE_KINDS: tuple[FileKind, ...] = (
    "resume",
    "cv",
    "cover_letter",
    "portfolio",
    "transcript",
)
"""The file kinds that count as a pitch unless a persona says otherwise."""

ReplyKind = Literal["accept", "redirect", "silence"]


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, values are not coerced."""

    # Attribute docstrings become field descriptions: the JSON Schema (editor hovers),
    # the "missing field" messages and docs/authoring.md all read them.
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )
