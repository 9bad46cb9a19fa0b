"""Building blocks of the content models, without a UI: strict text, ids, phrases."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Literal

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

    # A model's validator is built on its first use (``defer_build``): ``analyze`` never
    # builds the scenario models it does not validate. Attribute docstrings become field
    # descriptions through ``describe_fields`` (pydantic's own ``use_attribute_docstrings``
    # reads each class's source through ``inspect``: about 40 ms at import), run before
    # the first validator or schema is built (pydantic builds them through
    # ``model_rebuild``), so a process that builds none (a cached persona) skips it.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    @classmethod
    def model_rebuild(
        cls,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: Any = None,
    ) -> bool | None:
        """Pydantic's ``model_rebuild``, once every content model has its descriptions."""
        describe_pending()
        return super().model_rebuild(
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,  # this frame
            _types_namespace=_types_namespace,
        )


_UNDESCRIBED: list[ModuleType] = []


def describe_later(module: ModuleType) -> None:
    """``describe_fields(module)`` before the first validator or schema is built."""
    _UNDESCRIBED.append(module)


def describe_pending() -> None:
    """Describe the fields of every module waiting for it (see ``Strict``)."""
    while _UNDESCRIBED:
        describe_fields(_UNDESCRIBED.pop(0))


def describe_fields(module: ModuleType) -> None:
    """Give the fields of every ``Strict`` model in ``module`` their attribute docstrings
    as descriptions, from one parse of the module's source, before any validator is
    built: the JSON Schema (editor hovers), the "missing field" messages and
    docs/authoring.md all read them. As pydantic's ``use_attribute_docstrings``: a string
    right after an annotated attribute in the class body, cleaned as a docstring."""
    import ast
    import inspect

    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        model = getattr(module, node.name, None)
        if not (isinstance(model, type) and issubclass(model, Strict)):
            continue
        docs: dict[str, str] = {}
        target: str | None = None
        previous: ast.stmt | None = None
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                target = statement.target.id
            elif (
                isinstance(previous, ast.AnnAssign)
                and isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                if target:
                    docs[target] = inspect.cleandoc(statement.value.value)
                target = None
            previous = statement
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
