"""Safe YAML reading for untrusted files, without a UI.

``yaml.safe_load`` semantics plus the limits PyYAML lacks: a size cap checked before
parsing, strict UTF-8, duplicate keys refused (citing both lines), aliases capped,
nesting depth capped, numbers capped in length, and a node budget so no file can make us
allocate or loop without bound. Every value comes back with its position, so model errors
can point at ``line:col``.

We compose the document ourselves from the parser's events (libyaml's when available, so
even a file at the size limit parses in a fraction of a second): that is where the limits
are enforced, before any value is built, and where problems that leave the rest of the
file readable (a duplicate key, a forbidden tag) are collected instead of stopping at the
first one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from simulator.content.errors import ContentError, ContentLoadError

MAX_BYTES = 512 * 1024
"""Largest content file accepted (the whole built-in library is far smaller)."""
MAX_DEPTH = 40
"""Deepest nesting of lists and mappings (real files need fewer than ten levels)."""
MAX_ALIASES = 10
"""Most ``*alias`` references in one file; each one may repeat a whole subtree."""
MAX_NODES = 20_000
"""Most values in one file, counting every repetition an alias makes (a full persona
has about 1,000)."""
MAX_PROBLEMS = 100
"""After this many problems in one file, reading stops (the first ones are what matter)."""
MAX_NUMBER_CHARS = 40
"""Longest number YAML may read as a number (longer ones would cost time to convert)."""

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null")}
_SCALAR_TAGS.add(f"{_TAG}timestamp")
_SEQ_TAGS = {None, "!", f"{_TAG}seq"}
_MAP_TAGS = {None, "!", f"{_TAG}map"}
_OPENED = {
    "while scanning a quoted scalar": "a quoted text",
    "while parsing a flow sequence": "a [ list",
    "while parsing a flow mapping": "a { mapping",
}
_HINTS = {
    "mapping values are not allowed": "a ':' followed by a space inside a value: "
    "put the value in quotes",
    "could not find expected ':'": "expected 'key: value' here",
    "did not find expected key": "this line does not line up with the keys above it",
    "found unexpected end of stream": "the file ends inside a quoted text or a bracket",
    "found character that cannot start any token": "this character cannot start a value: "
    "put the value in quotes",
    "found undefined tag handle": "tags like !x are not allowed",
}


@dataclass
class Located:
    """Plain data from a YAML file and where each key and value stood in it."""

    data: Any
    source: str
    text: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """For each path: (line, col) of the value; for mapping keys see ``key_positions``."""
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    """Problems that left the rest of the file readable (duplicate keys, forbidden tags)."""
    bad_paths: set[Path_] = field(default_factory=set)
    """Values that could not be read (set to None); model errors under them are noise."""
    _lines: tuple[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def where(self, path: Path_) -> tuple[int, int]:
        """The closest known position of a path (walking up to its parents)."""
        while True:
            if path in self.key_positions:
                return self.key_positions[path]
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def value_where(self, path: Path_) -> tuple[int, int]:
        """Where a value stands (rather than its key), falling back to ``where``."""
        return self.positions.get(path) or self.where(path)

    def error(
        self, path: Path_, message: str, *, at_value: bool = False, warning: bool = False
    ) -> ContentError:
        line, col = self.value_where(path) if at_value else self.where(path)
        return ContentError(
            self.source, line, col, message, self.line_text(line), "warning" if warning else "error"
        )

    def line_text(self, line: int) -> str:
        if self._lines is None or self._lines[0] is not self.text:
            self._lines = (self.text, self.text.splitlines())
        lines = self._lines[1]
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def is_bad(self, path: Path_) -> bool:
        """Whether a path lies under a value that could not be read."""
        return any(path[:n] in self.bad_paths for n in range(len(path) + 1))


def line_of(text: str, line: int) -> str:
    """One line of a text (1-based), or "" when out of range."""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based (line, col) of a character index, counting lines as YAML does."""
    before = text[:index].splitlines(keepends=True)
    if not before:
        return 1, 1
    last = before[-1]
    if last.splitlines() != [last]:  # ends with a line break: the index starts a new line
        return len(before) + 1, 1
    return len(before), len(last) + 1


def decode(raw: bytes, source: str) -> str:
    """Strict UTF-8 (a BOM is allowed); a bad byte is reported with its position."""
    if len(raw) > MAX_BYTES:
        raise ContentLoadError(
            [
                ContentError(
                    source, 1, 1, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} bytes"
                )
            ]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentLoadError([ContentError(source, 1, 1, "file is UTF-16; save it as UTF-8")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8-sig")
        line, col = position_of(good, len(good))
        raise ContentLoadError(
            [
                ContentError(
                    source,
                    line,
                    col,
                    f"not UTF-8: byte 0x{raw[exc.start]:02x} here (save the file as UTF-8)",
                    line_of(good + "\n", line),
                )
            ]
        ) from None
    if "\x00" in text:
        line, col = position_of(text, text.index("\x00"))
        raise ContentLoadError([ContentError(source, line, col, "NUL character in file")])
    return text


def load_located(text: str, source: str, *, collect: bool = False) -> Located:
    """Parse one YAML document into plain data with positions.

    Raises ContentLoadError (with every problem found up to that point) when the file
    cannot be read further. Problems that leave the rest readable are raised too, unless
    ``collect`` is set: then they are returned in ``Located.problems``.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentLoadError(
            [ContentError(source, 1, 1, f"file is larger than the limit of {MAX_BYTES:,} bytes")]
        )
    composer = _Composer(text, source)
    located = composer.located
    try:
        located.data = composer.document(_events(text))
    except _Fatal as exc:
        fatal = ContentError(source, exc.line, exc.col, exc.message, located.line_text(exc.line))
        problems = [*located.problems, fatal]
        problems += _tab_lines(source, text, exc.line) if exc.tab else []
        raise ContentLoadError(sorted(problems, key=lambda e: (e.line, e.col))) from None
    located.problems.sort(key=lambda e: (e.line, e.col))
    if located.problems and not collect:
        raise ContentLoadError(located.problems)
    return located


def _err(source: str, text: str, line: int, col: int, message: str) -> ContentError:
    return ContentError(source, line, col, message, line_of(text, line))


class _Fatal(Exception):
    """A problem after which nothing more of the file can be read."""

    def __init__(self, line: int, col: int, message: str, *, tab: bool = False) -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.tab = line, col, message, tab


class _PyLoader(yaml.SafeLoader):
    """The pure-Python parser, for when libyaml is missing: flow nesting capped early
    (its scanner slows down with every open bracket)."""

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        if self.flow_level >= MAX_DEPTH:
            raise yaml.scanner.ScannerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", self.get_mark()
            )
        super().fetch_flow_collection_start(token_class)


def _events(text: str) -> Iterator[ev.Event]:
    """The parser's events, turning every parser failure into a positioned ``_Fatal``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, col = position_of(text, exc.start)
        raise _Fatal(line, col, "not valid text (a lone surrogate character)") from None
    loader: Any = None
    try:
        loader = yaml.CSafeLoader(text) if yaml.__with_libyaml__ else _PyLoader(text)
        while loader.check_event():
            yield loader.get_event()
    except yaml.reader.ReaderError as exc:
        line, col = position_of(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _Fatal(line, col, f"character U+{ord(char):04X} is not allowed in YAML") from None
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or ""
        mark = exc.problem_mark or exc.context_mark
        if problem.startswith("found unexpected end of stream") and exc.context_mark:
            mark = exc.context_mark  # where the unclosed quote or bracket opened
            opened = _OPENED.get(exc.context or "", "this value")
            problem = f"{opened} that starts here is never closed"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _parser_fatal(text, line, col, problem) from None
    except yaml.YAMLError as exc:
        raise _Fatal(1, 1, f"invalid YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _parser_fatal(text: str, line: int, col: int, problem: str) -> _Fatal:
    here = line_of(text, line)[col - 1 : col]
    if here == "\t" or "\\t" in problem:
        return _Fatal(line, col, "tab character: indent with spaces, not tabs", tab=True)
    message = problem or "invalid YAML"
    if "maximum nesting depth" in message:
        return _Fatal(line, col, f"nested more than {MAX_DEPTH} levels deep")
    for start, hint in _HINTS.items():
        if message.startswith(start):
            message = f"{message} ({hint})"
            break
    return _Fatal(line, col, message)


def _tab_lines(source: str, text: str, reported: int) -> list[ContentError]:
    """Every other line indented with a tab, so one run shows them all."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and number != reported:
            col = indent.index("\t") + 1
            found.append(_err(source, text, number, col, "tab character: indent with spaces"))
    return found


class _Composer:
    """Builds plain data from events, enforcing the limits and recording positions."""

    def __init__(self, text: str, source: str) -> None:
        self.located = Located(None, source, text)
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.depth = 0
        self.nodes = 0
        self.aliases = 0

    def problem(self, event: ev.Event, message: str, path: Path_ | None = None) -> None:
        line, col = _where(event)
        located = self.located
        if len(located.problems) >= MAX_PROBLEMS:
            raise _Fatal(line, col, f"more than {MAX_PROBLEMS} problems: stopping here")
        located.problems.append(
            ContentError(located.source, line, col, message, located.line_text(line))
        )
        if path is not None:
            located.bad_paths.add(path)

    def document(self, events: Iterator[ev.Event]) -> Any:
        next(events)  # StreamStart
        start = next(events)
        if isinstance(start, ev.StreamEndEvent):
            return None
        data = self.node(next(events), events, ())
        next(events)  # DocumentEnd
        after = next(events)
        if isinstance(after, ev.DocumentStartEvent):
            line, col = _where(after)
            raise _Fatal(line, col, "a second document ('---'): a file holds one document")
        return data

    def node(self, event: ev.Event, events: Iterator[ev.Event], path: Path_) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Fatal(*_where(event), f"more than {MAX_NODES:,} values in one file")
        self.located.positions.setdefault(path, _where(event))
        if isinstance(event, ev.AliasEvent):
            return self.alias(event, path)
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.open_anchors.add(anchor)
        before = self.nodes
        if isinstance(event, ev.ScalarEvent):
            value = self.scalar(event, path)
        elif isinstance(event, ev.SequenceStartEvent):
            value = self.sequence(event, events, path)
        elif isinstance(event, ev.MappingStartEvent):
            value = self.mapping(event, events, path)
        else:  # pragma: no cover - the parser only yields node events here
            raise _Fatal(*_where(event), "unexpected YAML structure")
        if anchor:
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = (value, self.nodes - before + 1)
        return value

    def alias(self, event: ev.AliasEvent, path: Path_) -> Any:
        self.aliases += 1
        name = event.anchor
        if self.aliases > MAX_ALIASES:
            raise _Fatal(
                *_where(event),
                f"too many aliases (more than {MAX_ALIASES}, at *{name}): write the values out",
            )
        if name in self.open_anchors:
            raise _Fatal(*_where(event), f"alias *{name} refers to a value that contains it")
        if name not in self.anchors:
            self.problem(event, f"no anchor &{name} before this alias *{name}", path)
            return None
        value, count = self.anchors[name]
        self.nodes += count
        if self.nodes > MAX_NODES:
            raise _Fatal(
                *_where(event), f"alias *{name} makes more than {MAX_NODES:,} values in one file"
            )
        return value

    def scalar(self, event: ev.ScalarEvent, path: Path_) -> Any:
        tag = event.tag
        if tag == "!":
            tag = f"{_TAG}str"
        elif tag is None:
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        elif tag not in _SCALAR_TAGS:
            self.problem(event, f"tag {_short_tag(tag)} is not allowed here", path)
            return None
        if tag in (f"{_TAG}int", f"{_TAG}float") and len(event.value) > MAX_NUMBER_CHARS:
            self.problem(event, f"number longer than {MAX_NUMBER_CHARS} characters", path)
            return None
        if tag == f"{_TAG}str":
            return event.value
        node = ScalarNode(tag, event.value, None, None, event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as exc:  # a bad date, a bad number: the value, not the program
            reason = getattr(exc, "problem", None) or str(exc)
            self.problem(event, f"cannot read {event.value[:40]!r}: {reason}", path)
            return None

    def collection(self, event: ev.CollectionStartEvent, path: Path_, allowed: set[Any]) -> None:
        if event.tag not in allowed:
            self.problem(event, f"tag {_short_tag(event.tag or '')} is not allowed here", path)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Fatal(*_where(event), f"nested more than {MAX_DEPTH} levels deep")

    def sequence(
        self, event: ev.SequenceStartEvent, events: Iterator[ev.Event], path: Path_
    ) -> Any:
        self.collection(event, path, _SEQ_TAGS)
        items: list[Any] = []
        child = next(events)
        while not isinstance(child, ev.SequenceEndEvent):
            items.append(self.node(child, events, (*path, len(items))))
            child = next(events)
        self.depth -= 1
        return None if path in self.located.bad_paths else items

    def mapping(self, event: ev.MappingStartEvent, events: Iterator[ev.Event], path: Path_) -> Any:
        self.collection(event, path, _MAP_TAGS)
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        key_event = next(events)
        skipped = 0
        while not isinstance(key_event, ev.MappingEndEvent):
            key = self.key(key_event, events, path)
            value_event = next(events)
            if key is not None and key in first_line:
                self.problem(
                    key_event, f"duplicate key '{key}' (first defined on line {first_line[key]})"
                )
                key = None
            if key is None:  # read (for limits and problems) but not kept
                skipped += 1
                self.node(value_event, events, (*path, f"<skipped {skipped}>"))
            else:
                first_line[key] = _where(key_event)[0]
                self.located.key_positions[(*path, key)] = _where(key_event)
                result[key] = self.node(value_event, events, (*path, key))
            key_event = next(events)
        self.depth -= 1
        return None if path in self.located.bad_paths else result

    def key(self, event: ev.Event, events: Iterator[ev.Event], path: Path_) -> str | None:
        """A mapping key as the author wrote it (``yes:`` is the key "yes", not True)."""
        if not isinstance(event, ev.ScalarEvent):
            self.problem(event, "a key must be a plain word, not a list, mapping or alias")
            self.node(event, events, (*path, "<key>"))
            return None
        self.nodes += 1
        if event.tag not in (None, "!", f"{_TAG}str"):
            self.problem(event, f"tag {_short_tag(event.tag)} is not allowed on a key")
            return None
        if event.value == "<<" and event.implicit[0]:
            self.problem(event, "merge keys (<<) are not supported: write the keys out")
            return None
        return str(event.value)


def _where(event: ev.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _short_tag(tag: str) -> str:
    return tag
