"""Safe YAML reading for untrusted files, without a UI.

``yaml.safe_load`` semantics plus the limits PyYAML lacks: a size cap checked before
parsing, strict UTF-8, duplicate keys refused (citing both lines), aliases capped,
nesting depth capped, and a node budget so no file can make us allocate without bound.
Every value comes back with its position, so model errors can point at ``line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from simulator.content.errors import ContentError, ContentLoadError

MAX_BYTES = 512 * 1024
"""Largest content file accepted (the whole built-in library is far smaller)."""
MAX_DEPTH = 40
MAX_ALIASES = 10
MAX_NODES = 100_000

Path_ = tuple[str | int, ...]


@dataclass
class Located:
    """Plain data from a YAML file and where each key and value stood in it."""

    data: Any
    source: str
    text: str
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """For each path: (line, col) of the value; for mapping keys see ``key_positions``."""
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

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

    def error(self, path: Path_, message: str, *, at_value: bool = False) -> ContentError:
        line, col = self.value_where(path) if at_value else self.where(path)
        return ContentError(self.source, line, col, message, self.line_text(line))

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


class _LimitedLoader(yaml.SafeLoader):
    """A SafeLoader that counts aliases and depth while composing."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise _Refused(
                    mark.line + 1,
                    mark.column + 1,
                    f"too many aliases (more than {MAX_ALIASES}); write the values out",
                )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise _Refused(
                mark.line + 1, mark.column + 1, f"nested more than {MAX_DEPTH} levels deep"
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ContentLoadError(
            [ContentError(source, line, col, f"not UTF-8: byte 0x{raw[exc.start]:02x} here")]
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise ContentLoadError([ContentError(source, line, col, "NUL character in file")])
    return text


def load_located(text: str, source: str) -> Located:
    """Parse one YAML document into plain data with positions, or raise ContentLoadError."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentLoadError(
            [ContentError(source, 1, 1, f"file is larger than the limit of {MAX_BYTES:,} bytes")]
        )
    try:
        loader = _LimitedLoader(text)
    except yaml.reader.ReaderError as exc:  # a control character anywhere in the text
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"control character U+{exc.character:04X} is not allowed in YAML; remove it"
        raise ContentLoadError([_err(source, text, line, col, message)]) from None
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise ContentLoadError([_err(source, text, exc.line, exc.col, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        if "\t" in message or "tab" in message.lower():
            message = "tab character: indent with spaces"
        raise ContentLoadError([_err(source, text, line, col, message)]) from None
    except yaml.YAMLError as exc:
        raise ContentLoadError([_err(source, text, 1, 1, f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise ContentLoadError([_err(source, text, 1, 1, "nested too deeply")]) from None
    finally:
        loader.dispose()
    located = Located(None, source, text)
    if node is None:
        return located
    builder = _Builder(loader, located)
    located.data = builder.build(node, ())
    return located


def _err(source: str, text: str, line: int, col: int, message: str) -> ContentError:
    lines = text.splitlines()
    return ContentError(
        source, line, col, message, lines[line - 1] if 0 < line <= len(lines) else ""
    )


class _Builder:
    """Turns composed nodes into plain Python data, recording positions."""

    def __init__(self, loader: yaml.SafeLoader, located: Located) -> None:
        self.loader = loader
        self.located = located
        self.nodes = 0

    def fail(self, node: Node, message: str) -> ContentLoadError:
        mark = node.start_mark
        return ContentLoadError(
            [_err(self.located.source, self.located.text, mark.line + 1, mark.column + 1, message)]
        )

    def build(self, node: Node, path: Path_) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(node, f"more than {MAX_NODES:,} values in one file")
        self.located.positions.setdefault(
            path, (node.start_mark.line + 1, node.start_mark.column + 1)
        )
        if isinstance(node, ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except yaml.constructor.ConstructorError as exc:
                raise self.fail(node, f"not allowed: {exc.problem}") from None
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"tag {node.tag} is not allowed")
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise self.fail(node, f"tag {node.tag} is not allowed")
            result: dict[Any, Any] = {}
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise self.fail(key_node, "a key must be a plain word")
                key = self.build(key_node, (*path, "<key>"))
                if not isinstance(key, str):
                    key = str(key).lower() if isinstance(key, bool) else str(key)
                if key in seen:
                    raise self.fail(
                        key_node,
                        f"duplicate key '{key}' (first defined on line {seen[key]})",
                    )
                seen[key] = key_node.start_mark.line + 1
                child = (*path, key)
                self.located.key_positions[child] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.build(value_node, child)
            self.located.positions.pop((*path, "<key>"), None)
            return result
        raise self.fail(node, "unsupported YAML node")
