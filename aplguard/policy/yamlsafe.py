"""Strict, position-aware YAML loading for policy files.

PyYAML's ``safe_load`` forgets where values came from and silently keeps the
last of two duplicate keys. Policies need both: every error must point at
``file:line:col``, and a duplicated rule key must never silently drop a rule.
:func:`load_with_marks` composes the node tree with a SafeLoader, converts it
to plain Python data itself (rejecting duplicate keys, recursive aliases and
alias bombs) and returns a map from data paths to source positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Union

import yaml

from ..errors import PolicyError

#: A data path: keys and list indices from the document root.
KeyPath = tuple[Any, ...]

# Alias expansion can blow a tiny file up exponentially ("billion laughs").
# Without aliases a document has fewer nodes than characters, so the budget
# grows with the text: big list files load, tiny bombs stop early.
MAX_NODES = 100_000
MAX_DEPTH = 64
# libyaml's parser when PyYAML was built with it (~3x faster on big list files).
_AnyLoader = Union[yaml.SafeLoader, "yaml.CSafeLoader"]
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = yaml.SafeLoader
if yaml.__with_libyaml__ and hasattr(yaml, "CSafeLoader"):
    _Loader = yaml.CSafeLoader

_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_*-]+$")
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass(frozen=True)
class Mark:
    """A 1-based source position."""

    line: int
    col: int


def format_path(path: KeyPath) -> str:
    """``("rules", 2, "action")`` -> ``rules[2].action``; the empty path is ``(root)``."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        elif isinstance(part, str) and _PLAIN_KEY.match(part):
            out += ("." if out else "") + part
        else:  # keys with spaces, dots, ...: quoted, so the path stays unambiguous
            out += f"[{str(part)!r}]"
    return out or "(root)"


def located(source: str, mark: Mark | None, path: KeyPath, message: str) -> str:
    """Format one error as ``file:line:col: path.to.key: message``."""
    where = f"{source}:{mark.line}:{mark.col}" if mark else f"{source}"
    return f"{where}: {format_path(path)}: {message}"


def _mark(node_mark: Any) -> Mark:
    return Mark(node_mark.line + 1, node_mark.column + 1)


def _tab_errors(text: str, source: str) -> list[str]:
    # YAML forbids tabs in indentation, but PyYAML's message ("found character
    # '\t' that cannot start any token") does not say what to do about it.
    errors = []
    for i, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") and stripped.strip():
            col = len(line) - len(stripped) + 1
            errors.append(f"{source}:{i}:{col}: (root): tab character in indentation; YAML indents with spaces only")
    return errors


class _Converter:
    """Turns a composed node tree into Python data plus a path -> Mark map."""

    def __init__(self, loader: _AnyLoader, source: str, max_nodes: int = MAX_NODES) -> None:
        self.loader = loader
        self.max_nodes = max_nodes
        self.source = source
        self.marks: dict[KeyPath, Mark] = {}
        self.key_marks: dict[KeyPath, Mark] = {}
        self.errors: list[str] = []
        self.count = 0
        self._active: set[int] = set()

    def error(self, node: yaml.Node, path: KeyPath, message: str) -> None:
        self.errors.append(located(self.source, _mark(node.start_mark), path, message))

    def scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. a timestamp-looking scalar with month 13, or an unsafe tag
            detail = getattr(exc, "problem", None) or str(exc)
            self.error(node, path, f"invalid value {node.value!r}: {detail}")
            return None

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > self.max_nodes:
            raise PolicyError(located(self.source, _mark(node.start_mark), path,
                                      f"document expands to more than {self.max_nodes} nodes (alias bomb?)"))
        if len(path) > MAX_DEPTH:
            raise PolicyError(located(self.source, _mark(node.start_mark), path,
                                      f"nesting deeper than {MAX_DEPTH} levels"))
        if id(node) in self._active:
            raise PolicyError(located(self.source, _mark(node.start_mark), path, "recursive alias"))
        self.marks.setdefault(path, _mark(node.start_mark))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if node.tag not in _PLAIN_TAGS:
            self.error(node, path, f"unsupported YAML tag {node.tag!r}")
            return None
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(child, path + (i,)) for i, child in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
        finally:
            self._active.discard(id(node))
        raise PolicyError(located(self.source, _mark(node.start_mark), path, "unsupported YAML node"))

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[Any, Any]:
        # Standard merge keys: "<<: *base" then explicit keys that override merged ones.
        # PyYAML's flatten_mapping puts the merged pairs first (earlier merge sources last),
        # so among merged pairs and over them the last occurrence wins; only two explicit
        # occurrences of one key are a duplicate.
        explicit = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
        try:
            self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        except yaml.MarkedYAMLError as exc:  # a merge key whose value is not a mapping
            mark = exc.problem_mark or exc.context_mark or node.start_mark
            raise PolicyError(located(self.source, _mark(mark), path, f"invalid YAML: {exc.problem}")) from None
        chosen: dict[Any, tuple[yaml.Node, yaml.Node]] = {}
        explicit_keys: set[Any] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, path, "mapping keys must be plain scalars")
                continue
            key = self.scalar(key_node, path)
            if key is None:
                self.error(key_node, path, "empty mapping key")
                continue
            try:
                hash(key)
            except TypeError:
                self.error(key_node, path, "mapping keys must be plain scalars")
                continue
            if id(key_node) in explicit:
                if key in explicit_keys:
                    first = self.key_marks.get(path + (key,))
                    where = f" (first defined at line {first.line})" if first else ""
                    self.error(key_node, path + (key,), f"duplicate key {str(key)!r}{where}")
                    continue
                explicit_keys.add(key)
                self.key_marks[path + (key,)] = _mark(key_node.start_mark)
            chosen[key] = (key_node, value_node)
        out: dict[Any, Any] = {}
        for key, (key_node, value_node) in chosen.items():
            self.key_marks.setdefault(path + (key,), _mark(key_node.start_mark))
            out[key] = self.convert(value_node, path + (key,))
        return out


@dataclass
class Loaded:
    """The result of :func:`load_with_marks`."""

    data: Any
    marks: dict[KeyPath, Mark]
    key_marks: dict[KeyPath, Mark]

    def mark_for(self, path: KeyPath, value_first: bool = False) -> Mark | None:
        """The position of the deepest existing prefix of ``path``.

        Key positions win (an unknown or duplicate key is reported where the key
        is), except with ``value_first`` for an exact match: a bad value is
        reported where the value starts.
        """
        if value_first and path in self.marks:
            return self.marks[path]
        for n in range(len(path), -1, -1):
            prefix = tuple(path[:n])
            if prefix in self.key_marks:
                return self.key_marks[prefix]
            if prefix in self.marks:
                return self.marks[prefix]
        return None


def _reader_error(text: str, source: str, exc: yaml.reader.ReaderError) -> str:
    # Control characters and the like: PyYAML reports a character offset only.
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    return f"{source}:{line}:{col}: (root): invalid YAML: unacceptable character #x{exc.character:04x}"


def load_with_marks(text: str, source: str = "<string>") -> Loaded:
    """Parse one YAML document safely, keeping positions.

    Raises:
        PolicyError: with every located problem (syntax, tabs, duplicate keys,
            recursive aliases, more than one document).
    """
    tab_errors = _tab_errors(text, source)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        raise PolicyError(_reader_error(text, source, exc)) from None
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            msg = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
            err = located(source, _mark(mark) if mark else None, (), f"invalid YAML: {msg}")
            # A tab in indentation is the usual cause; say so first.
            errors = tab_errors + [err]
            raise PolicyError(errors[0], errors) from None
        except yaml.reader.ReaderError as exc:
            raise PolicyError(_reader_error(text, source, exc)) from None
        except yaml.YAMLError as exc:
            raise PolicyError(f"{source}: (root): invalid YAML: {exc}") from None
        except RecursionError:
            raise PolicyError(f"{source}: (root): YAML nested too deeply") from None
        if node is None:
            raise PolicyError(f"{source}:1:1: (root): the policy is empty")
        conv = _Converter(loader, source, MAX_NODES + 2 * len(text))
        try:
            data = conv.convert(node, ())
        except PolicyError:
            raise
        except RecursionError:
            raise PolicyError(f"{source}: (root): YAML nested too deeply") from None
        if conv.errors:
            raise PolicyError(conv.errors[0], conv.errors)
        return Loaded(data, conv.marks, conv.key_marks)
    finally:
        loader.dispose()
