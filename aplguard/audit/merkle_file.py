"""The Merkle side file of a JSONL log (``<log>.merkle``): complete subtree hashes in a flat array.

Layout: a 16-byte header (``APLMRKL1`` + the base seq as 8 bytes big-endian),
then 32-byte node hashes in post-order creation order (a leaf, then the
complete subtrees it closes, lowest first; :func:`~aplguard.audit.merkle.node_position`).
Appending never rewrites a byte, node (level, index) sits at a computable
offset, and a crash mid-write leaves a prefix that :func:`complete_leaves`
rounds down to the last whole leaf.
"""

from __future__ import annotations

import os
import struct

from ..errors import AuditError
from .merkle import leaves_for_nodes, node_position, nodes_for_leaves

MAGIC = b"APLMRKL1"
HEADER = 16


def side_path(log_path: str) -> str:
    return log_path + ".merkle"


def write_header(fd: int, base: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, MAGIC + struct.pack(">Q", base), 0)


def read_base(fd: int, path: str) -> int:
    head = os.pread(fd, HEADER, 0)
    if len(head) != HEADER or not head.startswith(MAGIC):
        raise AuditError(f"{path} is not an aplguard Merkle side file")
    return int(struct.unpack(">Q", head[8:])[0])


def complete_leaves(fd: int) -> int:
    """Leaves whose nodes are all in the file."""
    size = os.fstat(fd).st_size
    return leaves_for_nodes(max(0, size - HEADER) // 32)


def getter(fd: int, path: str, leaves: int) -> NodeGetter:
    return NodeGetter(fd, path, leaves)


class NodeGetter:
    """Reads node (level, index) of a side file with one ``pread``."""

    def __init__(self, fd: int, path: str, leaves: int):
        self.fd, self.path, self.leaves = fd, path, leaves

    def __call__(self, level: int, index: int) -> bytes:
        if (index + 1) << level > self.leaves:
            raise AuditError(f"{self.path}: node ({level}, {index}) is beyond the tree's {self.leaves} leaves")
        data = os.pread(self.fd, 32, HEADER + 32 * node_position(level, index))
        if len(data) != 32:
            raise AuditError(f"{self.path}: node ({level}, {index}) is missing (file truncated)")
        return data


def append(fd: int, leaves: int, nodes: list[tuple[int, int, bytes]]) -> None:
    """Write the nodes created after ``leaves`` leaves (dropping any partial step left by a crash)."""
    offset = HEADER + 32 * nodes_for_leaves(leaves)
    os.ftruncate(fd, offset)
    data = b"".join(h for _, _, h in nodes)
    if os.pwrite(fd, data, offset) != len(data):
        os.ftruncate(fd, offset)
        raise OSError("short write to the Merkle side file")
