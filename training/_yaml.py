"""YAML loading that remembers where every value came from, for located errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aplguard.errors import TrainingError

#: Largest data spec read (specs name image folders and templates; they stay small).
MAX_SPEC_BYTES = 4 * 1024 * 1024


def load_yaml_nodes(path: str | Path) -> tuple[Any, Any]:
    """Parse a YAML file safely; return (data, node tree) for error locations.

    Raises:
        TrainingError: missing file or YAML syntax error (with line and column).
    """
    path = Path(path)
    if not path.is_file():
        raise TrainingError(f"{path}: file not found" if not path.exists() else f"{path}: not a regular file")
    with open(path, "rb") as f:
        raw = f.read(MAX_SPEC_BYTES + 1)
    if len(raw) > MAX_SPEC_BYTES:
        raise TrainingError(f"{path}: larger than {MAX_SPEC_BYTES} bytes; a data spec lists files, it does not hold them")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise TrainingError(f"{path}:{line}:{col}: not valid UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise TrainingError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    return data, node


def locate(node: Any, loc: tuple) -> tuple[int, int] | None:
    """1-based (line, column) of the deepest node on ``loc`` that exists."""
    best = None
    for key in loc:
        if node is None:
            break
        best = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
    if node is not None:
        best = (node.start_mark.line + 1, node.start_mark.column + 1)
    return best


def loc_str(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def format_validation_error(exc, source: str, nodes: Any = None, base_loc: tuple = ()) -> str:
    """One line per pydantic error: ``file:line:col: key.path: message``."""
    lines = []
    for err in exc.errors():
        loc = base_loc + tuple(err["loc"])
        where = source
        if nodes is not None:
            pos = locate(nodes, tuple(err["loc"]))
            if pos:
                where = f"{source}:{pos[0]}:{pos[1]}"
        lines.append(f"{where}: {loc_str(loc)}: {err['msg']}")
    return "\n".join(lines)
