"""JSONL sink: one entry per line, append-only, readable with any tool.

Line layout (envelope first, then the record body exactly as hashed)::

    {"seq":0,"kind":"record","rid":"…","ts":"…","tenant":…,"prev":"…","hash":"…","mac":…,"body":{…}}

Writers take ``fcntl.flock`` on the file, read the last line for the chain
head, and add their entries with one ``write`` on an ``O_APPEND`` descriptor
(optionally ``fsync``), so threads and processes never interleave. A line
without its newline is a write that never completed (crash, full disk): the
next writer moves those bytes to ``<file>.torn`` and cuts them off, and
``verify`` reports such a tail without failing the log.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from ..errors import AuditError
from . import merkle_file
from .chain import GENESIS, RECORD, Entry, MalformedEntry, entry_from_row, entry_leaf
from .merkle import append_nodes, root_hash
from .sink import AuditSink, BuildFn, PruneResult, TreeState, tree_out_of_step

log = logging.getLogger("aplguard.audit")
_BODY_KEY = ',"body":'
_ENVELOPE = ("seq", "kind", "rid", "ts", "tenant", "prev", "hash", "mac")


def format_line(e: Entry) -> str:
    """One JSONL line for an entry (the body is embedded verbatim)."""
    env = json.dumps(e.envelope(), ensure_ascii=False, separators=(",", ":"))
    return env[:-1] + _BODY_KEY + e.body + "}\n"


def parse_line(line: str, where: str) -> Entry:
    """Parse a line written by :func:`format_line` (``where`` names it in errors).

    Raises:
        MalformedEntry: not an entry line, or a field of the wrong type.
    """
    line = line.rstrip("\n")
    i = line.find(_BODY_KEY)
    if i < 0 or not line.startswith("{") or not line.endswith("}"):
        raise MalformedEntry(where, "not an audit entry line")
    try:
        env = json.loads(line[:i] + "}")
    except (ValueError, RecursionError) as exc:
        raise MalformedEntry(where, f"the entry fields are not JSON ({type(exc).__name__})") from None
    if not isinstance(env, dict):
        raise MalformedEntry(where, "the entry fields are not a JSON object")
    missing = [k for k in _ENVELOPE if k not in env]
    if missing:
        raise MalformedEntry(where, f"missing field(s) {', '.join(missing)}")
    for k in _ENVELOPE:
        value = env[k]
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate escape (\ud800): never written by a sink
                raise MalformedEntry(where, f"{k} is not valid Unicode text") from None
    return entry_from_row([env[k] for k in _ENVELOPE] + [line[i + len(_BODY_KEY):-1]], where)


#: The longest line a JSONL log may hold (a record with thumbnails is far below this).
MAX_LINE_BYTES = 64 * 1024 * 1024

class JsonlSink(AuditSink):
    #: The side file is written after the log: a crash in between leaves it behind (caught up later).
    tree_may_lag = True

    """Audit log in a JSON-lines file (see :func:`aplguard.audit.open_sink`).

    Args:
        url: the sink URL (messages only).
        path: the file; parent directories are created.
        fsync: fsync after every append (durable across power loss; slower).
        create: create the file when missing.
    """

    def __init__(self, url: str, path: str, *, hmac_key: bytes | str | None = None, checkpoint_every: int = 1000,
                 anchor: str | None = None, fsync: bool = False, create: bool = True, **tree_opts: Any):
        super().__init__(url, hmac_key=hmac_key, checkpoint_every=checkpoint_every, anchor=anchor,
                         **tree_opts)
        self.path = os.path.abspath(path)  # reopened later (prune, torn tails), maybe after a chdir
        self.fsync = bool(fsync)
        self._lock = threading.Lock()
        self._fd: int | None = None
        #: Torn tails cut off by this sink: (offset, bytes, where they were saved).
        self.repairs: list[tuple[int, int, str]] = []
        if not os.path.exists(path) and not create:
            raise AuditError(f"no audit log at {path} ({url})")
        if os.path.exists(path) and not os.path.isfile(path):  # a device or FIFO would never end
            raise AuditError(f"the audit log {path} is not a regular file")
        self._fd = self._open()
        self.tree_path = merkle_file.side_path(self.path)
        self._tree_fd: int | None = None
        try:  # build the Merkle side file over an existing log on first open (migration), once
            with self._lock:
                fd = self._locked_fd()
                try:
                    # Read-only tools (create=False) never repair a torn tail: they only build a missing file.
                    if create or not os.path.exists(self.tree_path):
                        self._sync_tree_locked(fd, repair=create)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError as exc:
            if create:
                self.close()
                raise AuditError(f"cannot build the Merkle side file {self.tree_path}: {exc.strerror or exc}") \
                    from None
            # read-only copy of an old log: verifiable, no stored tree

    def _head_locked(self, fd: int) -> tuple[int, str]:
        size = os.fstat(fd).st_size
        last = self._tail(fd, size) if size else b""
        if not last:
            return -1, GENESIS
        head = parse_line(last.decode("utf-8", "replace"), f"{self.path}: last line")
        return head.seq, head.hash

    def _sync_tree_locked(self, fd: int, repair: bool = True) -> tuple[int, int, int, tuple[int, str]]:
        """(side fd, base, leaves, log head) with the side file caught up to the log's head (under the log's flock).

        Behind (a crash between the log write and the side-file write, or a log
        written by an older aplguard): the missing leaves are added from the log.
        Ahead: the log lost entries the tree has, so the writer refuses.
        """
        if repair:
            head = self._head_locked(fd)
        else:  # the last complete line, leaving a torn tail in place
            last = deque(self.iter_entries(), maxlen=1)
            head = (last[0].seq, last[0].hash) if last else (-1, GENESIS)
        head_seq = head[0]
        if self._tree_fd is None:
            self._tree_fd = os.open(self.tree_path, os.O_RDWR | os.O_CREAT, 0o644)
        tfd = self._tree_fd
        if os.fstat(tfd).st_size < merkle_file.HEADER:
            first = next(iter(self.iter_entries()), None) if head_seq >= 0 else None
            merkle_file.write_header(tfd, first.seq if first else 0)
        base = merkle_file.read_base(tfd, self.tree_path)
        leaves = merkle_file.complete_leaves(tfd)
        if head_seq < 0 and leaves:  # the log was deleted or emptied: a stale tree cannot describe a new log
            stale = f"{self.tree_path}.stale-{os.getpid()}-{leaves}"
            os.rename(self.tree_path, stale)
            log.warning("audit log %s is empty but its Merkle side file has %d leaves: moved it to %s",
                        self.path, leaves, stale)
            os.close(tfd)
            self._tree_fd = tfd = os.open(self.tree_path, os.O_RDWR | os.O_CREAT, 0o644)
            merkle_file.write_header(tfd, 0)
            base, leaves = 0, 0
        expected = head_seq + 1 - base
        if leaves > expected:
            tree_out_of_step(self.url, leaves, expected)
        if leaves < expected:
            missing = [entry_leaf(e) for e in self.iter_entries() if e.seq >= base + leaves]
            merkle_file.append(tfd, leaves, append_nodes(
                leaves, missing, merkle_file.getter(tfd, self.tree_path, leaves)))
            leaves += len(missing)
        return tfd, base, leaves, head

    def _grow_locked(self, tfd: int, leaves: int, entries: list[Entry]) -> None:
        merkle_file.append(tfd, leaves, append_nodes(leaves, [entry_leaf(e) for e in entries],
                                                     merkle_file.getter(tfd, self.tree_path, leaves)))
        if self.fsync:
            os.fsync(tfd)

    @contextmanager
    def _tree(self) -> Iterator[TreeState | None]:
        try:
            tfd = os.open(self.tree_path, os.O_RDONLY)
        except FileNotFoundError:
            yield None
            return
        except OSError as exc:
            raise AuditError(f"cannot read {self.tree_path}: {exc.strerror or exc}") from None
        try:
            leaves = merkle_file.complete_leaves(tfd)
            yield TreeState(merkle_file.read_base(tfd, self.tree_path), leaves,
                            merkle_file.getter(tfd, self.tree_path, leaves))
        finally:
            os.close(tfd)

    def _open(self) -> int:
        try:
            parent = os.path.dirname(os.path.abspath(self.path))
            os.makedirs(parent, exist_ok=True)
            return os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise AuditError(f"cannot open the audit log {self.path}: {exc.strerror or exc}") from None

    def _locked_fd(self) -> int:
        """flock the current file, reopening when a prune replaced it meanwhile."""
        if self._fd is None:
            raise AuditError(f"audit sink {self.url} is closed")
        while True:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
            try:
                same = os.path.samestat(os.fstat(self._fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
                log.warning("audit log %s disappeared; starting a new file", self.path)
            if same:
                return self._fd
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = self._open()

    def _tail(self, fd: int, size: int) -> bytes:
        """The bytes of the last complete line (repairs a torn tail first)."""
        chunk = 4096
        while True:
            n = min(size, chunk)
            data = os.pread(fd, n, size - n)
            if not data.endswith(b"\n"):
                cut = data.rfind(b"\n")
                if cut < 0 and n < size:
                    chunk *= 4
                    continue
                self._repair(fd, size - n + cut + 1, data[cut + 1:])
                size = size - n + cut + 1
                if size == 0:
                    return b""
                continue
            start = data.rfind(b"\n", 0, len(data) - 1)
            if start >= 0 or n == size:
                return data[start + 1:]
            chunk *= 4

    def _repair(self, fd: int, offset: int, torn: bytes) -> None:
        saved = self.path + ".torn"
        with open(saved, "ab") as f:
            f.write(torn + b"\n")
            f.flush()
            os.fsync(f.fileno())
        os.ftruncate(fd, offset)
        self.repairs.append((offset, len(torn), saved))
        log.warning("audit log %s: cut a torn last line (%d bytes at offset %d, saved to %s)",
                    self.path, len(torn), offset, saved)

    def _write(self, build: BuildFn) -> list[Entry]:
        with self._lock:
            try:
                fd = self._locked_fd()
                try:
                    tfd, base, leaves, head = self._sync_tree_locked(fd)  # also repairs a torn tail
                    size = os.fstat(fd).st_size

                    def root() -> tuple[int, bytes]:
                        return leaves, root_hash(leaves, merkle_file.getter(tfd, self.tree_path, leaves))
                    entries = build(head[0], head[1], root)
                    data = "".join(format_line(e) for e in entries).encode("utf-8")
                    try:
                        written = os.write(fd, data)
                    except OSError:
                        os.ftruncate(fd, size)
                        raise
                    if written != len(data):  # short write: disk full; leave no partial line
                        os.ftruncate(fd, size)
                        raise AuditError(f"audit write to {self.path} failed: short write "
                                         f"({written} of {len(data)} bytes; disk full?)")
                    if self.fsync:
                        os.fsync(fd)
                    # After the log: a crash in between leaves the side file behind, and the next
                    # writer catches it up from the log (_sync_tree_locked).
                    self._grow_locked(tfd, leaves, entries)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            except OSError as exc:
                raise AuditError(f"audit write to {self.path} failed: {exc.strerror or exc}") from None
        return entries

    def torn_tail(self) -> int:
        """Bytes after the last newline (a write that never completed); 0 when clean."""
        try:
            with open(self.path, "rb") as f:
                size = f.seek(0, os.SEEK_END)
                if size == 0:
                    return 0
                back = min(size, 1 << 20)
                f.seek(size - back)
                data = f.read()
        except OSError as exc:
            raise AuditError(f"cannot read the audit log {self.path}: {exc.strerror or exc}") from None
        return 0 if data.endswith(b"\n") else len(data) - data.rfind(b"\n") - 1

    def iter_entries(self, since_ts: str | None = None, until_ts: str | None = None,
                     tenant: str | None = None, kinds: tuple[str, ...] | None = None) -> Iterator[Entry]:
        try:
            with open(self.path, "rb") as f:
                yield from self._iter_file(f, since_ts, until_ts, tenant, kinds)
        except OSError as exc:
            raise AuditError(f"cannot read the audit log {self.path}: {exc.strerror or exc}") from None

    def _iter_file(self, f: BinaryIO, since_ts: str | None, until_ts: str | None, tenant: str | None,
                   kinds: tuple[str, ...] | None) -> Iterator[Entry]:
        lineno = 0
        while raw := f.readline(MAX_LINE_BYTES + 1):
            lineno += 1
            if len(raw) > MAX_LINE_BYTES:
                raise MalformedEntry(f"{self.path}:{lineno}", f"line longer than {MAX_LINE_BYTES} bytes")
            if not raw.endswith(b"\n"):
                break  # torn tail: never committed (see torn_tail())
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise MalformedEntry(f"{self.path}:{lineno}", "not UTF-8") from None
            e = parse_line(text, f"{self.path}:{lineno}")
            if (since_ts and e.ts < since_ts) or (until_ts and e.ts >= until_ts) \
                    or (tenant is not None and e.tenant != tenant) or (kinds and e.kind not in kinds):
                continue
            yield e

    def _prune(self, before_ts: str, anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        with self._lock:
            try:
                fd = self._locked_fd()
                try:
                    return self._prune_locked(before_ts, anchor)
                finally:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            except OSError as exc:
                raise AuditError(f"audit prune of {self.path} failed: {exc.strerror or exc}") from None

    def _prune_locked(self, before_ts: str, anchor: Callable[[int, str, int, str, int], Entry]) -> PruneResult:
        assert self._fd is not None
        tfd, _, leaves, _ = self._sync_tree_locked(self._fd)
        entries = list(self.iter_entries())
        if not entries:
            return PruneResult(0, None, None, ["the log is empty"])
        keep = next((i for i, e in enumerate(entries) if e.kind == RECORD and e.ts >= before_ts), len(entries))
        if keep == 0:
            return PruneResult(0, entries[0].seq, None, ["nothing older than the cut-off"])
        head = entries[-1]
        first_kept_seq = entries[keep].seq if keep < len(entries) else head.seq + 1
        a = anchor(head.seq + 1, head.hash, first_kept_seq, entries[keep - 1].hash, keep)
        tmp = f"{self.path}.prune-{os.getpid()}"
        with open(tmp, "w", encoding="utf-8") as out:
            out.writelines(format_line(e) for e in entries[keep:])
            out.write(format_line(a))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)  # writers notice the new inode under the lock and reopen
        self._grow_locked(tfd, leaves, [a])  # the tree keeps the pruned leaves' hashes: old proofs stay valid
        return PruneResult(keep, first_kept_seq, a.seq)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            if self._tree_fd is not None:
                os.close(self._tree_fd)
                self._tree_fd = None
