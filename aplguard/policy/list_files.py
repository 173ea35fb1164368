"""Protected-identity list files (YAML, CSV, TXT), loaded relative to the policy file."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import PolicyError
from .limits import MAX_LIST_BYTES, MAX_LIST_ENTRIES
from .schema import ProtectedIdentity
from .source_files import FileStamp, decode_utf8, read_bounded
from .yamlsafe import KeyPath, format_path, load_with_marks


def _too_many(where: str) -> PolicyError:
    return PolicyError(f"{where}: more than {MAX_LIST_ENTRIES} entries in one list file")


def _identity(item: Any, where: Callable[[KeyPath], str], path: KeyPath,
              errors: list[str]) -> ProtectedIdentity | None:
    """One entry (a name or a mapping); a problem goes to ``errors``, located by ``where``."""
    try:
        if isinstance(item, str):
            return ProtectedIdentity.model_validate({"name": item})
        return ProtectedIdentity.model_validate(item)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            sub = path + tuple(err["loc"])
            errors.append(f"{where(sub)}: {format_path(sub)}: {str(err['msg']).removeprefix('Value error, ')}")
        return None


def _at_line(source: str, lineno: int) -> Callable[[KeyPath], str]:
    def where(_path: KeyPath) -> str:
        return f"{source}:{lineno}:1"

    return where


def _from_yaml(text: str, source: str) -> list[ProtectedIdentity]:
    loaded = load_with_marks(text, source)
    data: Any = loaded.data
    root: KeyPath = ()
    if isinstance(data, dict) and set(data) == {"identities"}:
        data, root = data["identities"], ("identities",)

    def where(path: KeyPath) -> str:
        mark = loaded.mark_for(path, value_first=True)
        return f"{source}:{mark.line}:{mark.col}" if mark else source

    if not isinstance(data, list):
        raise PolicyError(f"{where(root)}: {format_path(root)}: expected a list of identities "
                          "(names or {name, aliases, description} mappings)")
    if len(data) > MAX_LIST_ENTRIES:
        raise _too_many(where(root))
    out: list[ProtectedIdentity] = []
    errors: list[str] = []
    for i, item in enumerate(data):
        got = _identity(item, where, root + (i,), errors)
        if got is not None:
            out.append(got)
    if errors:
        raise PolicyError(errors[0], errors)
    return out


def _from_csv(text: str, source: str) -> list[ProtectedIdentity]:
    out: list[ProtectedIdentity] = []
    errors: list[str] = []
    try:
        for lineno, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                continue
            if lineno == 1 and row[0].strip().lower() == "name":
                continue  # header
            if len(row) > 3:
                raise PolicyError(f"{source}:{lineno}:1: expected at most 3 columns (name, aliases, description), "
                                  f"got {len(row)}")
            if len(out) >= MAX_LIST_ENTRIES:
                raise _too_many(f"{source}:{lineno}:1")
            aliases = [a.strip() for a in row[1].split("|") if a.strip()] if len(row) > 1 else []
            description = (row[2].strip() or None) if len(row) > 2 else None
            got = _identity({"name": row[0].strip(), "aliases": aliases, "description": description},
                            _at_line(source, lineno), (), errors)
            if got is not None:
                out.append(got)
    except csv.Error as exc:
        raise PolicyError(f"{source}: invalid CSV: {exc}") from None
    if errors:
        raise PolicyError(errors[0], errors)
    return out


def _from_txt(text: str, source: str) -> list[ProtectedIdentity]:
    out: list[ProtectedIdentity] = []
    errors: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        if len(out) >= MAX_LIST_ENTRIES:
            raise _too_many(f"{source}:{lineno}:1")
        got = _identity(name, _at_line(source, lineno), (), errors)
        if got is not None:
            out.append(got)
    if errors:
        raise PolicyError(errors[0], errors)
    return out


def load_list_file(path: Path, reads: dict[Path, FileStamp] | None = None) -> list[ProtectedIdentity]:
    """Read a protected list file; the format follows the suffix (.yaml/.yml, .csv, .txt).

    Args:
        path: the list file.
        reads: when given, receives ``path -> FileStamp`` of the version read.

    Raises:
        PolicyError: unreadable, not a regular file, too large, unknown suffix or bad
            entries (located in that file).
        FileNotFoundError: the file does not exist (the caller locates it in the policy).
    """
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv", ".txt"):
        raise PolicyError(f"{path}: unsupported list format {suffix!r} (use .yaml, .yml, .csv or .txt)")
    raw, stamp = read_bounded(path, MAX_LIST_BYTES, "list file")
    if reads is not None:
        reads[path] = stamp
    text = decode_utf8(raw, str(path))
    if suffix in (".yaml", ".yml"):
        return _from_yaml(text, str(path))
    if suffix == ".csv":
        return _from_csv(text, str(path))
    return _from_txt(text, str(path))
