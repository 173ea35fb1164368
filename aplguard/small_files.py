"""Reading small files that a user points at (keys, certificates, images to verify), bounded.

One place for the rules: only regular files (a FIFO or ``/dev/zero`` must not hang or
exhaust memory), at most ``limit`` bytes, and errors that name the file and what it was for.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ConfigError


def read_small_file(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Args:
        path: the file.
        limit: the most bytes accepted.
        what: what the file is for, for messages ("the signing key", "the image").

    Raises:
        ConfigError: missing, unreadable, not a regular file, or larger than ``limit``.
    """
    where = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {what} {where}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ConfigError(f"cannot read {what} {where}: not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {where}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise ConfigError(f"{what} {where} is larger than {limit} bytes")
    return b"".join(chunks)
