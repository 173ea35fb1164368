"""Protected-identity list files (YAML, CSV, TXT), loaded relative to the policy file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from ..errors import PolicyError
from .schema import ProtectedIdentity
from .yamlsafe import format_path, load_with_marks


def _from_yaml(text: str, source: str) -> list[ProtectedIdentity]:
    loaded = load_with_marks(text, source)
    data = loaded.data
    root: tuple = ()
    if isinstance(data, dict) and set(data) == {"identities"}:
        data, root = data["identities"], ("identities",)
    if not isinstance(data, list):
        mark = loaded.mark_for(root)
        where = f"{source}:{mark.line}:{mark.col}" if mark else source
        raise PolicyError(f"{where}: {format_path(root)}: expected a list of identities "
                          "(names or {name, aliases, description} mappings)")
    out, errors = [], []
    for i, item in enumerate(data):
        path = root + (i,)
        try:
            out.append(ProtectedIdentity(name=item) if isinstance(item, str) else ProtectedIdentity.model_validate(item))
        except ValidationError as exc:
            for err in exc.errors():
                sub = path + tuple(err["loc"])
                mark = loaded.mark_for(sub)
                where = f"{source}:{mark.line}:{mark.col}" if mark else source
                errors.append(f"{where}: {format_path(sub)}: {err['msg']}")
    if errors:
        raise PolicyError(errors[0], errors)
    return out


def _from_csv(text: str, source: str) -> list[ProtectedIdentity]:
    out = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        if lineno == 1 and row[0].strip().lower() == "name":
            continue  # header
        if len(row) > 3:
            raise PolicyError(f"{source}:{lineno}:1: expected at most 3 columns (name, aliases, description), "
                              f"got {len(row)}")
        aliases = [a.strip() for a in row[1].split("|") if a.strip()] if len(row) > 1 else []
        description = row[2].strip() or None if len(row) > 2 else None
        out.append(ProtectedIdentity(name=row[0].strip(), aliases=aliases, description=description))
    return out


def _from_txt(text: str) -> list[ProtectedIdentity]:
    names = (line.strip() for line in text.splitlines())
    return [ProtectedIdentity(name=n) for n in names if n and not n.startswith("#")]


def load_list_file(path: Path) -> list[ProtectedIdentity]:
    """Read a protected list file; the format follows the suffix (.yaml/.yml, .csv, .txt).

    Raises:
        PolicyError: unreadable file, unknown suffix or bad entries (located in that file).
        FileNotFoundError: the file does not exist (the caller locates it in the policy).
    """
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv", ".txt"):
        raise PolicyError(f"{path}: unsupported list format {suffix!r} (use .yaml, .yml, .csv or .txt)")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except IsADirectoryError:
        raise PolicyError(f"{path}: is a directory, not a list file") from None
    if suffix in (".yaml", ".yml"):
        return _from_yaml(text, str(path))
    if suffix == ".csv":
        return _from_csv(text, str(path))
    return _from_txt(text)
