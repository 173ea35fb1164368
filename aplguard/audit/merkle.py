"""RFC 9162 (Certificate Transparency v2) Merkle tree hashing, proofs and verification.

Pure functions over a *node reader* ``get(level, index) -> bytes``: the hash of
the complete, aligned subtree over leaves ``[index * 2**level, (index + 1) * 2**level)``.
Backends store exactly those nodes (created once, when their last leaf arrives;
about two per leaf), so the root of any tree size, an inclusion proof and a
consistency proof each read O(log n) stored nodes.

Definitions (RFC 9162 section 2.1.1)::

    leaf  = SHA-256(0x00 || leaf bytes)
    node  = SHA-256(0x01 || left || right)
    MTH({}) = SHA-256(""); MTH(D[n]) = node(MTH(D[0:k]), MTH(D[k:n])), k = largest power of 2 < n

Verification follows RFC 9162 sections 2.1.3.2 and 2.1.4.2 step by step, so a
proof produced here verifies with any CT-style verifier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

NodeReader = Callable[[int, int], bytes]
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    """SHA-256(0x00 || data)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def subtree_hash(lo: int, hi: int, get: NodeReader) -> bytes:
    """MTH(D[lo:hi]) from stored complete subtrees (lo aligned as in the RFC recursion)."""
    n = hi - lo
    if n <= 0:
        return EMPTY_ROOT
    if n & (n - 1) == 0 and lo % n == 0:
        level = n.bit_length() - 1
        return get(level, lo >> level)
    k = _split(n)
    return node_hash(subtree_hash(lo, lo + k, get), subtree_hash(lo + k, hi, get))


def root_hash(size: int, get: NodeReader) -> bytes:
    """MTH of the first ``size`` leaves."""
    return subtree_hash(0, size, get)


def inclusion_path(index: int, size: int, get: NodeReader) -> list[bytes]:
    """PATH(index, D[0:size]) (RFC 9162 2.1.3.1), leaf-side first."""
    if not 0 <= index < size:
        raise ValueError(f"leaf index {index} is outside a tree of size {size}")
    path: list[bytes] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            path.append(subtree_hash(lo + k, hi, get))
            hi = lo + k
        else:
            path.append(subtree_hash(lo, lo + k, get))
            lo = lo + k
    path.reverse()
    return path


def consistency_path(old_size: int, new_size: int, get: NodeReader) -> list[bytes]:
    """PROOF(old_size, D[0:new_size]) (RFC 9162 2.1.4.1); empty when the sizes are equal or old is 0."""
    if not 0 <= old_size <= new_size:
        raise ValueError(f"cannot prove consistency from size {old_size} to size {new_size}")
    if old_size in (0, new_size):
        return []
    out: list[bytes] = []
    lo, hi, m, complete = 0, new_size, old_size, True
    while True:
        n = hi - lo
        if m == n:
            if not complete:
                out.append(subtree_hash(lo, hi, get))
            break
        k = _split(n)
        if m <= k:
            out.append(subtree_hash(lo + k, hi, get))
            hi = lo + k
        else:
            out.append(subtree_hash(lo, lo + k, get))
            lo, m, complete = lo + k, m - k, False
    out.reverse()
    return out


def verify_inclusion(leaf: bytes, index: int, size: int, path: Sequence[bytes], root: bytes) -> bool:
    """RFC 9162 2.1.3.2: does ``path`` prove leaf ``index`` is in the tree of ``size`` with ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes,
                       path: Sequence[bytes]) -> bool:
    """RFC 9162 2.1.4.2: is the tree (old_size, old_root) a prefix of (new_size, new_root)?"""
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not path and old_root == new_root
    if old_size == 0:
        return not path  # the empty tree is a prefix of every tree
    proof = list(path)
    if not proof:
        return False
    if old_size & (old_size - 1) == 0:
        proof.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root


def append_nodes(size: int, leaves: Iterable[bytes], get: NodeReader) -> list[tuple[int, int, bytes]]:
    """The stored nodes created by appending ``leaves`` to a tree of ``size`` leaves.

    Returns (level, index, hash) in creation order (post-order: a leaf, then the
    complete subtrees it closes, lowest first), which is also the order of the
    flat node file (:func:`node_position`). ``get`` reads nodes stored before.
    """
    out: dict[tuple[int, int], bytes] = {}

    def lookup(level: int, index: int) -> bytes:
        h = out.get((level, index))
        return h if h is not None else get(level, index)

    n = size
    for h in leaves:
        out[(0, n)] = h
        level, index = 0, n
        while index & 1:
            h = node_hash(lookup(level, index - 1), h)
            level, index = level + 1, index >> 1
            out[(level, index)] = h
        n += 1
    return [(lv, ix, h) for (lv, ix), h in out.items()]


def nodes_for_leaves(leaves: int) -> int:
    """How many complete subtrees a tree of ``leaves`` leaves has (2n - popcount(n))."""
    return 2 * leaves - bin(leaves).count("1")


def node_position(level: int, index: int) -> int:
    """Position of node (level, index) in post-order creation order (the flat node file)."""
    c = (index + 1) << level  # leaves once this node exists
    return nodes_for_leaves(c - 1) + level


def leaves_for_nodes(nodes: int) -> int:
    """The largest leaf count whose complete subtrees fit in ``nodes`` stored nodes."""
    c = max(0, nodes // 2)
    while nodes_for_leaves(c + 1) <= nodes:
        c += 1
    return c


class Frontier:
    """The right edge of a growing tree (its perfect subtrees), for streaming roots in O(log n) memory."""

    def __init__(self, size: int = 0, get: NodeReader | None = None):
        self.size = 0
        self._stack: list[tuple[int, bytes]] = []  # (level, hash), largest subtree first
        if size:
            if get is None:
                raise ValueError("a frontier of a non-empty tree needs stored nodes")
            lo = 0
            for level in range(size.bit_length() - 1, -1, -1):
                if size >> level & 1:
                    self._stack.append((level, get(level, lo >> level)))
                    lo += 1 << level
            self.size = size

    def append(self, leaf: bytes) -> None:
        h, level = leaf, 0
        while self._stack and self._stack[-1][0] == level:
            h = node_hash(self._stack.pop()[1], h)
            level += 1
        self._stack.append((level, h))
        self.size += 1

    def root(self) -> bytes:
        if not self._stack:
            return EMPTY_ROOT
        r = self._stack[-1][1]
        for _, h in reversed(self._stack[:-1]):
            r = node_hash(h, r)
        return r
