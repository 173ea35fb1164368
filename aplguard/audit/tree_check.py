"""The Merkle part of ``verify``: recompute the tree from the entries and check every tree head.

While ``verify`` walks the chain, :class:`TreeCheck` streams each entry's leaf
into a :class:`~aplguard.audit.merkle.Frontier` (O(log n) memory), so at every
``sth`` entry it knows the root the entries before it really have: a stored tree
head that disagrees (a rewritten log, a forged head) fails, and with the public
key its signature is checked. A published tree head (``--against``) must be a
prefix of the log: a shorter log is a truncation, another root a rollback or
rewrite. At the end the stored tree (what proofs are served from) must equal the
recomputed one.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import AuditError
from .chain import TREE_HEAD, Entry
from .merkle import Frontier, root_hash
from .sink import AuditSink
from .sth import TreeHead, key_id, verify_tree_head


class TreeProblem(Exception):
    """The tree or a tree head disagrees with the entries (``seq``: where it shows)."""

    def __init__(self, seq: int | None, reason: str):
        super().__init__(reason)
        self.seq, self.reason = seq, reason


class TreeCheck:
    """Streaming Merkle checks for one verify pass.

    Args:
        sink: the log (its stored tree is read twice: the frontier of a pruned log, the final root).
        public_key: Ed25519 public key, or None (signatures are then not checked).
        against: a published tree head the log must extend.
    """

    def __init__(self, sink: AuditSink, public_key: Any = None, against: TreeHead | None = None):
        self.sink, self.public_key, self.against = sink, public_key, against
        self.base: int | None = None
        self.frontier = Frontier()
        self.heads_verified = 0
        self.heads_unchecked = 0
        self.last_head_seq: int | None = None  # seq of the last tree head whose signature verified
        self.against_matched = against is not None and against.tree_size == 0
        self.stored = True
        self.warnings: list[str] = []
        self._stored_size: int | None = None  # stored leaves when the walk began (a JSONL side file may lag)
        self._stored_root: bytes | None = None  # the recomputed root at that size

    def start(self, first_seq: int) -> None:
        with self.sink._tree() as t:
            if t is None:
                self.stored, self.base = False, first_seq
                return
            self.base = t.base
            self._stored_size = t.size
            if first_seq < t.base:
                raise TreeProblem(first_seq, f"entry {first_seq} precedes the Merkle tree's first leaf "
                                             f"(seq {t.base}): inserted before the start")
            if first_seq > t.base:  # pruned: the pruned leaves live on in the stored tree
                if first_seq - t.base > t.size:
                    raise TreeProblem(first_seq, "the stored Merkle tree is shorter than the pruned part of the log")
                self.frontier = Frontier(first_seq - t.base, t.get)

    def entry(self, e: Entry, leaf: bytes) -> bool:
        """Check ``e`` (before adding its ``leaf`` hash); True when it is a tree head whose signature verified."""
        verified = False
        if self.against is not None and self.frontier.size == self.against.tree_size:
            self._match_against(e.seq)
        if e.kind == TREE_HEAD:
            verified = self._check_head(e)
        if self.frontier.size == self._stored_size:
            self._stored_root = self.frontier.root()
        self.frontier.append(leaf)
        return verified

    def _match_against(self, seq: int | None) -> None:
        assert self.against is not None
        if self.frontier.root().hex() != self.against.root_hash:
            raise TreeProblem(seq, f"the log's first {self.against.tree_size} entries do not have the published "
                                   f"tree head's root: the log was rolled back or rewritten")
        self.against_matched = True

    def _check_head(self, e: Entry) -> bool:
        try:
            head = TreeHead.from_dict(json.loads(e.body), "tree head")
        except (ValueError, RecursionError, AuditError) as exc:
            raise TreeProblem(e.seq, f"malformed tree head entry: {exc}") from None
        if head.tree_size != self.frontier.size or head.root_hash != self.frontier.root().hex():
            raise TreeProblem(e.seq, f"the tree head (size {head.tree_size}) does not match the entries before it "
                                     "(they were rewritten, or the tree head was forged)")
        if self.public_key is None:
            self.heads_unchecked += 1
            return False
        why = verify_tree_head(head, self.public_key)
        if why:
            raise TreeProblem(e.seq, f"tree head: {why}")
        self.heads_verified += 1
        self.last_head_seq = e.seq
        return True

    def finish(self, last_seq: int) -> None:
        if self.against is not None and not self.against_matched:
            if self.frontier.size == self.against.tree_size:
                self._match_against(None)
            else:
                raise TreeProblem(last_seq + 1, f"the log has {self.frontier.size} entries in its tree but the "
                                                f"published tree head has {self.against.tree_size}: truncated")
        if not self.stored:
            return
        with self.sink._tree() as t:
            if t is None:
                return
            if t.size < self.frontier.size and getattr(self.sink, "tree_may_lag", False) \
                    and t.size == self._stored_size:
                if root_hash(t.size, t.get) != self._stored_root:
                    raise TreeProblem(None, "the stored Merkle tree does not match the entries (tree nodes "
                                            "altered): proofs served from it would fail")
                self.warnings.append(f"the Merkle side file is {self.frontier.size - t.size} leaves behind the log "
                                     "(a write interrupted between the two); the next append catches it up")
                return
            if t.size != self.frontier.size:
                raise TreeProblem(None, f"the stored Merkle tree has {t.size} leaves but the log has "
                                        f"{self.frontier.size}: edited outside aplguard")
            if root_hash(t.size, t.get) != self.frontier.root():
                raise TreeProblem(None, "the stored Merkle tree does not match the entries (tree nodes altered): "
                                        "proofs served from it would fail")

    def key_label(self) -> str:
        return key_id(self.public_key)[:16] + "…" if self.public_key is not None else "-"
