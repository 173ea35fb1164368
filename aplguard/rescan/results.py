"""The results file: one JSON line per image, appended atomically, resumable.

Each line is written with a single ``write`` on a file opened with ``O_APPEND``, so
a line is either wholly in the file or, if the process died inside the write, a torn
last line without its newline. On reopening, a torn last line is cut off and every
complete line's item is remembered, so a rerun skips what is already done.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..errors import ConfigError


def item_key(path: str, size: int | None, mtime_ns: int | None) -> bytes:
    """The resume key of an item: its absolute path, size and mtime (a changed file is scanned again).

    Stored as a 16-byte digest so that the set of done items stays small (about 70
    bytes per item in memory: ~0.7 GB for 10M images).
    """
    text = f"{os.path.abspath(path)}\0{size}\0{mtime_ns}"
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).digest()


class ResultsWriter:
    """Append result lines to ``path``; remembers what earlier runs wrote.

    Args:
        path: the JSON-lines results file (created when missing).
        retry_errors: when resuming, scan again the items whose line has an ``error``
            (their old lines stay; the newest line for a path wins).
        fsync: fsync after every line (slow; for results on storage that may lose
            acknowledged writes on power loss).

    Attributes:
        done: resume keys of the items already in the file.
        dropped_torn: True when a torn last line was cut off on opening.
    """

    def __init__(self, path: str | os.PathLike[str], *, retry_errors: bool = False, fsync: bool = False) -> None:
        self.path = Path(path)
        self.fsync = fsync
        self.done: set[bytes] = set()
        self.dropped_torn = False
        self._fd: int | None = None
        if self.path.exists():
            self._load(retry_errors)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _load(self, retry_errors: bool) -> None:
        with self.path.open("rb+") as fh:
            data = fh.read()
            end = data.rfind(b"\n") + 1
            if end < len(data):  # a torn last line: the run died inside its write
                fh.truncate(end)
                self.dropped_torn = True
        for lineno, raw in enumerate(data[:end].splitlines(), 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
                key = item_key(obj["path"], obj.get("size"), obj.get("mtime_ns"))
            except (ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"{self.path}:{lineno}: not a rescan result line ({exc}); "
                                  "pass a new --out file") from None
            if retry_errors and obj.get("error"):
                continue
            self.done.add(key)

    def is_done(self, path: str, size: int | None, mtime_ns: int | None) -> bool:
        """Whether an earlier run already wrote this item (same path, size and mtime)."""
        return item_key(path, size, mtime_ns) in self.done

    def write(self, result: dict[str, Any]) -> None:
        """Append one result as one line, in one write."""
        if self._fd is None:
            raise ConfigError(f"{self.path}: results file is closed")
        line = (json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8",
                                                                                             "surrogateescape")
        view = memoryview(line)
        while view:  # regular files write it all at once; loop for the rare partial write
            n = os.write(self._fd, view)
            view = view[n:]
        if self.fsync:
            os.fsync(self._fd)
        self.done.add(item_key(result["path"], result.get("size"), result.get("mtime_ns")))

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ResultsWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
