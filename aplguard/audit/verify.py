"""Verify an audit log: chain links, hashes, MACs, prune anchors, external anchors.

What each check catches (see docs/audit.md for the threat model):

* ``seq`` gaps/duplicates and ``prev`` links: deleted, inserted, reordered entries;
* the entry hash: modified entries (body or indexed columns);
* MACs (with the key): anyone without the key re-chaining, forging or appending;
* a missing head: deletions at the start not vouched for by a ``prune`` entry;
* an external anchor file: truncation of the tail (optionally followed by appends);
* the Merkle tree (:mod:`.tree_check`): every stored tree head matches the entries before it
  and, with the Ed25519 public key, is signed; a published tree head (``against``) is a prefix
  of the log (truncation, rollback); the stored tree equals the recomputed one.

Anything the log *claims* but this run cannot check (MACs without the HMAC key, tree head
signatures without the public key) makes the result fail unless ``allow_unverified``: a forged
log that merely claims MACs must not pass. ``verified``/``unverified`` say exactly what was and
was not checked.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import AuditError, ConfigError
from .chain import (
    CHECKPOINT,
    GENESIS,
    KINDS,
    PRUNE,
    RECORD,
    TREE_HEAD,
    Entry,
    MalformedEntry,
    entry_bytes,
    entry_mac,
    resolve_key,
)
from .merkle import leaf_hash
from .records import AuditRecord
from .sink import AuditSink, open_sink
from .sth import TreeHead, load_public_key, verify_tree_head
from .tree_check import TreeCheck, TreeProblem


@dataclass
class VerifyResult:
    """Outcome of :func:`verify_log`.

    Attributes:
        ok: True when every check passed.
        records: audit records verified (checkpoints and prune anchors excluded).
        entries: all entries verified.
        checkpoints: checkpoint entries seen.
        first_bad: seq of the first bad entry (or where the problem shows), None when ok.
        bad_record_id: record id of that entry when it has one.
        reason: why it is bad ("" when ok).
        bad_entry: the stored fields of that entry (seq, kind, rid, ts, tenant, prev,
            hash, mac) when there is one; the body is left out (it may hold prompts).
        signed: MACs were checked with a key.
        first_seq: seq of the first entry present (> 0 after a prune).
        last_seq: seq of the last entry (-1 when empty).
        head_hash: hash of the last entry (what to anchor externally).
        warnings: things that do not fail the check but a reviewer should know.
        verified: what was checked, in words.
        unverified: what the log claims but this run could not check (fails unless allowed).
        tree_size: leaves of the recomputed Merkle tree; root_hash: its root (hex).
        tree_heads: signed tree heads whose signatures verified.
    """

    ok: bool
    records: int = 0
    entries: int = 0
    checkpoints: int = 0
    first_bad: int | None = None
    bad_record_id: str | None = None
    reason: str = ""
    bad_entry: dict[str, Any] | None = None
    signed: bool = False
    first_seq: int | None = None
    last_seq: int = -1
    head_hash: str = GENESIS
    warnings: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    tree_size: int = 0
    root_hash: str = ""
    tree_heads: int = 0

    def __bool__(self) -> bool:
        return self.ok

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """One line for humans."""
        if self.ok:
            how = "entries and MACs verified" if self.signed else "hash chain verified (no HMAC key)"
            if self.tree_heads:
                how += f", {self.tree_heads} signed tree heads verified"
            if self.unverified:
                how += "; NOT everything verified (allowed by --allow-unverified)"
            return (f"OK: {self.records} records, {self.entries} entries (seq {self.first_seq}..{self.last_seq}), "
                    f"{self.checkpoints} checkpoints; {how}")
        if self.first_bad is None and self.unverified and not self.reason:
            return "FAILED: the log claims signatures this run cannot check: " + "; ".join(self.unverified) \
                + " (pass the keys, or --allow-unverified to accept a partial check)"
        if self.first_bad is None:
            return f"FAILED: {self.reason}"
        where = f"seq {self.first_bad}" + (f" (record {self.bad_record_id})" if self.bad_record_id else "")
        return f"FAILED at {where}: {self.reason} [{self.records} records verified before it]"


_HEX64 = re.compile(r"[0-9a-f]{64}")


class _Bad(Exception):
    def __init__(self, seq: int | None, reason: str, rid: str | None = None):
        super().__init__(reason)
        self.seq, self.reason, self.rid = seq, reason, rid
        self.entry: dict[str, Any] | None = None


def _same(a: str, b: str) -> bool:
    """Constant-time comparison of two stored strings (any characters; compare_digest wants ASCII)."""
    return hmac.compare_digest(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))


def _read_anchor(path: str, key: bytes | None) -> dict[int, str]:
    anchored: dict[int, str] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    a = json.loads(line)
                except (ValueError, RecursionError):
                    a = None
                seq, digest, mac = (a.get("seq"), a.get("hash"), a.get("mac")) if isinstance(a, dict) else (0, 0, 0)
                if not (isinstance(seq, int) and not isinstance(seq, bool) and isinstance(digest, str)
                        and _HEX64.fullmatch(digest) and (mac is None or isinstance(mac, str))):
                    raise AuditError(f"{path}:{lineno}: not an anchor line")
                if key is not None and mac and not _same(entry_mac(key, digest), mac):
                    raise AuditError(f"{path}:{lineno}: anchor MAC does not verify (wrong key or forged anchor)")
                anchored[seq] = digest
    except UnicodeDecodeError:
        raise AuditError(f"{path}: the anchor file is not UTF-8") from None
    except OSError as exc:
        raise AuditError(f"cannot read the anchor file {path}: {exc.strerror or exc}") from None
    return anchored


def verify_log(url_or_sink: str | AuditSink, hmac_key: bytes | str | None = None, *,
               anchor: str | None = None, deep: bool = False, public_key: Any = None,
               against: TreeHead | dict[str, Any] | str | None = None,
               allow_unverified: bool = False) -> VerifyResult:
    """Check the whole chain of an audit log.

    Args:
        url_or_sink: a sink URL (opened read-only, never created) or an open sink.
        hmac_key: the log's key; None reads ``$APLGUARD_AUDIT_HMAC_KEY``. Without
            a key only the unkeyed hash chain is checked (and a warning says so).
        anchor: an external anchor file (checkpoints mirrored by the writer's
            ``anchor=`` option): detects truncation of the tail.
        deep: also validate every record against the schema and check its
            indexed columns (id, timestamp, tenant) against the body.
        public_key: Ed25519 public key (object or PEM path) that signs tree heads:
            every tree head in the log (and ``against``) must verify under it.
        against: a published tree head (TreeHead, dict or JSON file path; a JSON
            lines file: its last line): the log must extend it, else truncation
            or rollback is reported.
        allow_unverified: accept a log that claims MACs or signatures this run
            cannot check (they are listed in ``unverified``).

    Returns:
        A :class:`VerifyResult`; an unreadable log gives ``ok=False`` with the reason.

    Raises:
        ConfigError: malformed URL or unknown scheme.
    """
    key = resolve_key(hmac_key)
    if key is None and isinstance(url_or_sink, AuditSink):
        key = url_or_sink.key  # an open sink verifies with the key it writes with
    res = VerifyResult(ok=False, signed=key is not None)
    pub = load_public_key(public_key) if isinstance(public_key, str) else public_key
    head = load_tree_head(against)
    owned = not isinstance(url_or_sink, AuditSink)
    try:
        sink = url_or_sink if isinstance(url_or_sink, AuditSink) else open_sink(url_or_sink, hmac_key=key,
                                                                                 create=False)
    except AuditError as exc:
        res.reason = str(exc)
        return res
    try:
        anchored = _read_anchor(anchor, key) if anchor else {}
        if head is not None and pub is not None:
            why = verify_tree_head(head, pub)
            if why:
                raise _Bad(None, f"the published tree head: {why}")
        _walk(sink, key, anchored, deep, res, TreeCheck(sink, pub, head))
        if not anchored and head is None:
            res.warnings.append("no anchor file or published tree head given: removal of the newest entries "
                                "cannot be detected")
        if anchored:
            res.verified.append(f"anchor file: every anchored checkpoint is in the log ({len(anchored)})")
        if head is not None:
            res.verified.append(f"the log extends the published tree head (size {head.tree_size}): no truncation "
                                "or rollback before it")
            if pub is None:
                res.unverified.append("the published tree head's signature (no public key)")
        torn = getattr(sink, "torn_tail", None)
        if torn is not None and torn():
            res.warnings.append(f"torn last line ({torn()} bytes): a write that never completed; "
                                "ignored, and cut off (saved to <file>.torn) by the next append")
        res.ok = allow_unverified or not res.unverified
    except _Bad as bad:
        res.first_bad, res.reason, res.bad_record_id, res.bad_entry = bad.seq, bad.reason, bad.rid, bad.entry
    except MalformedEntry as exc:  # a stored row of the wrong shape: tampering or foreign data
        res.first_bad = exc.seq if exc.seq is not None else res.last_seq + 1
        res.bad_record_id, res.reason, res.bad_entry = exc.rid, str(exc), exc.fields or None
    except AuditError as exc:
        res.first_bad, res.reason = res.last_seq + 1, f"cannot read further: {exc}"
    finally:
        if owned:
            sink.close()
    if not res.ok and res.first_bad is None and res.unverified and not res.reason:
        res.reason = ("the log claims MACs or signatures this run cannot check: " + "; ".join(res.unverified)
                      + " (give the keys, or allow_unverified / --allow-unverified to accept a partial check)")
    return res


def _check_entry(e: Entry, expected: int | None, prev: str, key: bytes | None, anchored: dict[int, str],
                 deep: bool) -> bytes:
    """All checks of one entry against its predecessor; raises _Bad. Returns the entry's Merkle leaf hash."""
    if expected is None:
        if e.seq == 0 and e.prev != GENESIS:
            raise _Bad(e.seq, "the first entry does not start a chain (prev is not the genesis hash)", e.rid)
    else:
        if e.seq > expected:
            raise _Bad(e.seq, f"entries {expected}..{e.seq - 1} are missing (deleted)", e.rid)
        if e.seq < expected:
            raise _Bad(e.seq, f"seq {e.seq} appears after seq {expected - 1} (inserted, duplicated or "
                              "reordered entry)", e.rid)
        if e.prev != prev:
            raise _Bad(e.seq, f"its prev hash does not match entry {e.seq - 1} (entry {e.seq - 1} was "
                              "modified or replaced, or this one was inserted)", e.rid)
    if e.kind not in KINDS:
        raise _Bad(e.seq, f"unknown entry kind {e.kind[:40]!r}", e.rid)
    data = entry_bytes(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.body)  # hashed twice: chain and leaf
    digest = hashlib.sha256(data).hexdigest()
    if digest != e.hash:
        raise _Bad(e.seq, "hash mismatch: the entry was modified after it was written", e.rid)
    if key is not None:
        if not e.mac:
            raise _Bad(e.seq, "entry has no MAC but the log is verified with a key "
                              "(written without the key, or the MAC was stripped)", e.rid)
        if not _same(entry_mac(key, digest), e.mac):
            raise _Bad(e.seq, "MAC mismatch: forged or re-chained without the key (or wrong key)", e.rid)
    if e.seq in anchored and anchored[e.seq] != e.hash:
        raise _Bad(e.seq, "differs from the hash in the anchor file (the log was rewritten from here)", e.rid)
    if not (e.body.startswith("{") and e.body.endswith("}")):  # O(1); --deep parses every body
        raise _Bad(e.seq, f"the {e.kind} entry's body is not a JSON object", e.rid)
    if deep and e.kind == RECORD:
        _deep_check(e)
    return leaf_hash(data)


def load_tree_head(against: TreeHead | dict[str, Any] | str | None) -> TreeHead | None:
    """A tree head from an object, a dict, or a JSON (or JSON-lines: the last line) file; None passes through."""
    if against is None or isinstance(against, TreeHead):
        return against
    if isinstance(against, dict):
        return TreeHead.from_dict(against, "the published tree head")
    try:
        with open(against, encoding="utf-8") as f:
            text = f.read(1 << 20)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the tree head file {against}: {exc}") from None
    lines = [ln for ln in text.splitlines() if ln.strip()]
    try:  # one JSON document, or JSON lines (what sth_publish appends): the last line
        data = json.loads(text)
    except (ValueError, RecursionError):
        try:
            data = json.loads(lines[-1]) if lines else None
        except (ValueError, RecursionError):
            raise ConfigError(f"{against}: not a JSON tree head") from None
    try:
        return TreeHead.from_dict(data, against)
    except AuditError as exc:
        raise ConfigError(str(exc)) from None


def _walk(sink: AuditSink, key: bytes | None, anchored: dict[int, str], deep: bool, res: VerifyResult,
          tree: TreeCheck) -> None:
    expected: int | None = None
    prev = GENESIS
    needs_vouch: tuple[int, str] | None = None  # (first seq, its prev) after a prune
    macs_unchecked = 0  # entries since the last verified tree head whose MACs could not be checked
    first_unchecked: int | None = None
    heads_in_log = 0
    for e in sink.iter_entries():
        try:
            leaf = _check_entry(e, expected, prev, key, anchored, deep)
            if expected is None:
                tree.start(e.seq)
            head_verified = tree.entry(e, leaf)
        except TreeProblem as tp:
            bad = _Bad(tp.seq, tp.reason, e.rid)
            bad.entry = e.envelope()
            raise bad from None
        except _Bad as bad:
            bad.entry = e.envelope()
            raise
        if expected is None:
            res.first_seq = e.seq
            if e.seq != 0:
                needs_vouch = (e.seq, e.prev)
        if key is None and e.mac:
            macs_unchecked += 1
            first_unchecked = e.seq if first_unchecked is None else first_unchecked
        if head_verified:  # the signature covers every entry before it, and the head's own content
            macs_unchecked, first_unchecked = 0, None
        heads_in_log += e.kind == TREE_HEAD
        if e.kind == RECORD:
            res.records += 1
        elif e.kind == CHECKPOINT:
            res.checkpoints += 1
        elif e.kind == PRUNE and needs_vouch is not None:
            try:
                body = _json_object(e)
            except _Bad as bad:
                bad.entry = e.envelope()
                raise
            if body.get("first_kept_seq") == needs_vouch[0] and body.get("first_kept_prev") == needs_vouch[1]:
                needs_vouch = None
        res.entries += 1
        res.last_seq, res.head_hash = e.seq, e.hash
        expected, prev = e.seq + 1, e.hash
    if needs_vouch is not None:
        raise _Bad(needs_vouch[0], f"entries before seq {needs_vouch[0]} are missing and no prune entry "
                                   "vouches for the cut (deleted from the start)")
    beyond = [s for s in anchored if s > res.last_seq]
    if beyond:
        raise _Bad(res.last_seq + 1, f"the anchor file records seq {max(beyond)} but the log ends at seq "
                                     f"{res.last_seq} (truncated)")
    try:
        tree.finish(res.last_seq)
    except TreeProblem as tp:
        raise _Bad(tp.seq, tp.reason) from None
    _describe(res, key, tree, heads_in_log, macs_unchecked, first_unchecked)


def _describe(res: VerifyResult, key: bytes | None, tree: TreeCheck, heads_in_log: int, macs_unchecked: int,
              first_unchecked: int | None) -> None:
    """Fill ``verified``/``unverified``/``warnings``: exactly what this run did and did not check."""
    res.tree_size, res.root_hash, res.tree_heads = tree.frontier.size, tree.frontier.root().hex(), tree.heads_verified
    res.warnings.extend(tree.warnings)
    span = f"seq {res.first_seq}..{res.last_seq}" if res.entries else "empty log"
    res.verified.append(f"hash chain: {res.entries} entries ({span}): seq, links and hashes")
    if key is not None:
        res.verified.append(f"MACs of all {res.entries} entries (HMAC key)")
    res.verified.append(f"Merkle tree recomputed: size {res.tree_size}, root {res.root_hash[:16]}…"
                        + ("; the stored tree matches" if tree.stored else " (no stored tree)"))
    if tree.heads_verified:
        assert tree.last_head_seq is not None
        res.verified.append(f"{tree.heads_verified} signed tree heads (Ed25519 key {tree.key_label()}): each "
                            f"matches the entries before it; entries up to seq {tree.last_head_seq - 1} are signed")
    elif heads_in_log:
        res.verified.append(f"{heads_in_log} tree heads match the entries before them (signatures not checked)")
    if tree.public_key is not None and not heads_in_log:
        res.unverified.append("the log has no signed tree head: nothing was checked with the public key")
    if key is None and tree.heads_unchecked:
        res.unverified.append(f"signatures of {tree.heads_unchecked} tree heads (no public key given)")
    elif key is not None and tree.heads_unchecked:
        res.warnings.append(f"signatures of {tree.heads_unchecked} tree heads not checked (no public key); "
                            "the MACs covered those entries")
    if macs_unchecked:
        res.unverified.append(f"MACs of {macs_unchecked} entries from seq {first_unchecked} (no HMAC key"
                              + (", and no verified tree head covers them" if tree.public_key is not None else "")
                              + "): only the unkeyed hash chain was checked, which anyone with write access "
                                "can recompute")
    if key is None and not macs_unchecked and not heads_in_log and res.entries:
        res.warnings.append("unsigned log: the hash chain detects accidental damage and naive edits, not an "
                            "attacker who recomputes it (configure APLGUARD_AUDIT_HMAC_KEY)")


def _json_object(e: Entry) -> dict[str, Any]:
    """The body of a checkpoint or prune entry as a JSON object, else _Bad."""
    try:
        body = json.loads(e.body)
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise _Bad(e.seq, f"the {e.kind} entry's body is not a JSON object", e.rid)
    return body


def _deep_check(e: Entry) -> None:
    try:
        rec = AuditRecord.model_validate_json(e.body)
    except AuditError as exc:
        raise _Bad(e.seq, f"record does not validate: {exc}", e.rid) from None
    if (rec.id, rec.timestamp_str, rec.tenant) != (e.rid, e.ts, e.tenant):
        raise _Bad(e.seq, "indexed columns (id, timestamp, tenant) disagree with the record body", e.rid)
