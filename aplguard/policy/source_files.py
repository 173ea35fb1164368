"""Bounded, single-read access to policy and list files.

Every file the policy package reads goes through :func:`read_bounded`: one
``open``, one ``fstat`` and at most ``limit + 1`` bytes, so a path pointing at
``/dev/zero``, a FIFO or a huge file ends with a clear :class:`PolicyError`
instead of hanging or exhausting memory. The returned :class:`FileStamp` is
taken from the same open file as the bytes, so a reloading store can tell
exactly which version of a file a loaded policy was built from.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyError

#: Files modified this recently (ns) are compared by content, not only by stat:
#: a second write within the file system's timestamp granularity leaves the stat unchanged.
RACY_NS = 2_000_000_000

StatKey = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class FileStamp:
    """What was read from one file: its stat key and content hash (None when it could not be read)."""

    stat: StatKey | None
    sha256: str | None
    mtime_ns: int = 0

    def racy(self, now_ns: int | None = None) -> bool:
        """Whether the file was modified too recently for its stat to prove it unchanged."""
        if self.stat is None or self.sha256 is None:
            return False
        now = time.time_ns() if now_ns is None else now_ns
        return now - self.mtime_ns < RACY_NS


MISSING = FileStamp(None, None)


def failed_stamp(path: Path) -> FileStamp:
    """The stamp of a file that exists but could not be read (or not found: stat None)."""
    return FileStamp(stat_key(path), None)


def _key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def stat_key(path: Path) -> StatKey | None:
    """The stat key of ``path`` (None when it cannot be stat'ed)."""
    try:
        return _key(os.stat(path))
    except (OSError, ValueError):
        return None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bounded(path: Path, limit: int, what: str) -> tuple[bytes, FileStamp]:
    """Read a regular file of at most ``limit`` bytes, with the stamp of the version read.

    Raises:
        FileNotFoundError: the file does not exist (callers locate that themselves).
        PolicyError: not a regular file, too large, or unreadable.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(3):
        try:
            fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
        except FileNotFoundError:
            raise
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise PolicyError(f"{path}: cannot read {what}: {reason}") from None
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                raise PolicyError(f"{path}: cannot read {what}: {_kind(before.st_mode)}, not a regular file")
            if before.st_size > limit:
                raise PolicyError(f"{path}: {what} is too large ({before.st_size} bytes; the limit is {limit})")
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > limit:
                raise PolicyError(f"{path}: {what} is too large (more than {limit} bytes)")
            after = os.fstat(fd)
        except OSError as exc:
            raise PolicyError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
        finally:
            os.close(fd)
        data = b"".join(chunks)
        if _key(before) == _key(after):
            return data, FileStamp(_key(before), hashlib.sha256(data).hexdigest(), before.st_mtime_ns)
        # Changed while being read (a writer at work): read it again.
    # Still changing: keep what was read, stamped so that the next check sees a change.
    return data, FileStamp(_key(before), hashlib.sha256(data).hexdigest(), before.st_mtime_ns)


def decode_utf8(data: bytes, source: str) -> str:
    """Decode UTF-8, or raise a PolicyError located at the first bad byte (line:col)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        raise PolicyError(f"{source}:{line}:{col}: (root): not UTF-8 text ({exc.reason} at byte {start})") from None
