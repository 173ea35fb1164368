"""What the review app reads from an audit log: filters, pages, one record, exports.

No HTTP here (testable alone). Every function opens the log read-only
(``create=False``) for the duration of one call and closes it, so a request never
holds a connection and the app never creates or writes a log.
"""

from __future__ import annotations

import hmac
import io
import re
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import IO

from aplguard.audit import AuditRecord, AuditSink, RecordFilter, VerifyResult, open_sink, parse_time
from aplguard.audit.chain import RECORD, Entry, entry_hash, entry_mac
from aplguard.audit.jsonl_sink import format_line, parse_line
from aplguard.audit.summary import export_csv
from aplguard.errors import AuditError, ConfigError

#: Decisions a record can be filtered by: prompt decisions, then output actions.
DECISIONS = ("allow", "anonymize", "rewrite", "block", "flag", "blur", "regenerate")
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 200
#: The list keeps (page + 1) * per_page records in memory; deeper pages are refused (filter instead).
MAX_LISTED = 20_000
_MAX_TEXT = 200  # a filter value longer than this is not a tenant, rule or identity id
_B64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


@dataclass(frozen=True)
class Filters:
    """The reviewer's filter form, as typed (strings), and its :class:`RecordFilter`.

    ``date_to`` is inclusive (a reviewer means "up to and including that day"); the
    record filter's ``until`` is exclusive, so it gets the next midnight.
    """

    date_from: str = ""
    date_to: str = ""
    tenant: str = ""
    decision: str = ""
    rule: str = ""
    identity: str = ""
    faces: str = ""  # "" any, "yes", "no"

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Filters:
        """Read the form fields from query parameters (unknown parameters are ignored)."""
        values = {name: str(params.get(name, "")).strip() for name in cls.__dataclass_fields__}
        for name, value in values.items():
            if len(value) > _MAX_TEXT:
                raise ConfigError(f"filter {name}: longer than {_MAX_TEXT} characters")
        return cls(**values)

    def record_filter(self) -> RecordFilter:
        """The :class:`RecordFilter` these fields mean; ConfigError names a bad field."""
        if self.decision and self.decision not in DECISIONS:
            raise ConfigError(f"filter decision: expected one of {', '.join(DECISIONS)}, got {self.decision!r}")
        if self.faces not in ("", "yes", "no"):
            raise ConfigError(f"filter faces: expected yes, no or empty, got {self.faces!r}")
        since = parse_time(self.date_from, "filter from") if self.date_from else None
        until = parse_time(self.date_to, "filter to") if self.date_to else None
        if until is not None and len(self.date_to) == 10:  # a bare date: include that whole day
            until += timedelta(days=1)
        if since is not None and until is not None and until <= since:
            raise ConfigError("filter dates: 'to' is before 'from'")
        return RecordFilter(since=since, until=until, tenant=self.tenant or None,
                            decision=self.decision or None, rule=self.rule or None,
                            identity=self.identity or None,
                            has_faces={"": None, "yes": True, "no": False}[self.faces])

    def active(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)

    def params(self) -> dict[str, str]:
        """The non-empty fields, for links that keep the filter (pages, exports)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if getattr(self, name)}


@dataclass(frozen=True)
class Integrity:
    """What the integrity panel shows, from :func:`aplguard.audit.verify_log`'s result.

    ``state`` is ``ok``; ``unverified`` (nothing failed, but the log claims MACs or
    signatures this app cannot check, e.g. it runs without the HMAC key); or
    ``tampered`` (a check failed, or the log cannot be read to the end).
    """

    state: str
    result: VerifyResult
    verified: list[str]
    unverified: list[str]


def integrity_of(res: VerifyResult) -> Integrity:
    verified = list(getattr(res, "verified", []) or [])
    unverified = list(getattr(res, "unverified", []) or [])
    if res.ok:
        state = "unverified" if unverified else "ok"
    elif res.first_bad is None and unverified:
        state = "unverified"  # a claim this run cannot check is not evidence of tampering
    else:
        state = "tampered"
    return Integrity(state, res, verified, unverified)


def int_param(params: Mapping[str, str], name: str, default: int) -> int:
    """A small positive integer query parameter (page numbers), ConfigError naming it otherwise."""
    text = str(params.get(name, "")).strip()
    if not text:
        return default
    if not text.isdigit() or len(text) > 6:
        raise ConfigError(f"{name}: expected a positive whole number, got {text[:20]!r}")
    return int(text)


@dataclass
class Page:
    """One page of matching records, newest first."""

    records: list[AuditRecord]
    total: int
    page: int
    per_page: int
    pages: int = field(init=False)

    def __post_init__(self) -> None:
        self.pages = max(1, -(-self.total // self.per_page))


@contextmanager
def opened(url: str, hmac_key: bytes | None) -> Iterator[AuditSink]:
    """The log opened read-only for one request (never created)."""
    sink = open_sink(url, hmac_key=hmac_key, create=False)
    try:
        yield sink
    finally:
        sink.close()


def page_of(sink: AuditSink, flt: RecordFilter, page: int, per_page: int) -> Page:
    """Page ``page`` (0-based) of the matching records, newest first.

    The sinks iterate oldest first; one pass keeps only the newest
    ``(page + 1) * per_page`` matches (bounded memory) and counts them all.
    """
    if not 1 <= per_page <= PER_PAGE_MAX:
        raise ConfigError(f"per_page must be 1..{PER_PAGE_MAX}, got {per_page}")
    if page < 0:
        raise ConfigError(f"page must be 1 or more, got {page + 1}")
    if (page + 1) * per_page > MAX_LISTED:
        raise ConfigError(f"page {page + 1} is too deep (at most {MAX_LISTED} records are listed); narrow the filter")
    window: deque[AuditRecord] = deque(maxlen=(page + 1) * per_page)
    total = 0
    for rec in sink.iter_records(flt):
        window.append(rec)
        total += 1
    newest_first = list(reversed(window))
    return Page(newest_first[page * per_page:(page + 1) * per_page], total, page, per_page)


@dataclass
class Located:
    """One record with the chain entry that stores it."""

    record: AuditRecord | None  # None when the stored body no longer validates
    entry: Entry
    problem: str = ""  # why the body does not validate


def find_record(sink: AuditSink, record_id: str) -> Located | None:
    """The record with this id and its entry, or None (a linear scan: ids are not indexed)."""
    for e in sink.iter_entries(kinds=(RECORD,)):
        if e.kind == RECORD and e.rid == record_id:
            try:
                return Located(AuditRecord.model_validate_json(e.body), e)
            except AuditError as exc:
                return Located(None, e, str(exc))
    return None


@dataclass(frozen=True)
class EntryCheck:
    """The checks one entry passes on its own (the chain links are verify_log's job)."""

    hash_ok: bool
    mac: str  # "ok", "bad", "missing" (signed check but no MAC), "unchecked" (no key)


def check_entry(e: Entry, key: bytes | None) -> EntryCheck:
    """Recompute one entry's hash and, with a key, its MAC."""
    digest = entry_hash(e.seq, e.kind, e.rid, e.ts, e.tenant, e.prev, e.body)
    hash_ok = _same(digest, e.hash)
    if key is None:
        mac = "unchecked"
    elif not e.mac:
        mac = "missing"
    else:  # the MAC of the recomputed hash: a modified body fails here too
        mac = "ok" if _same(entry_mac(key, digest), e.mac) else "bad"
    return EntryCheck(hash_ok, mac)


def _same(a: str, b: str) -> bool:
    # Stored fields of a tampered log may hold any characters; compare_digest on str wants ASCII.
    return hmac.compare_digest(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))


def thumbnail_ok(value: str | None) -> bool:
    """A stored thumbnail is inlined only when it is plain base64 (a tampered log may hold anything)."""
    return bool(value) and len(value or "") <= 1_000_000 and _B64.fullmatch(value or "") is not None


def export_jsonl(sink: AuditSink, flt: RecordFilter | None, out: IO[str]) -> int:
    """Write entries in the JSONL log format, with their chain fields; returns the entry count.

    Without a filter every entry (records, checkpoints, prune anchors) is written:
    the file verifies as a whole log (``aplguard audit verify jsonl:///file``).
    With a filter only the matching records' entries are written, unchanged: each
    one verifies on its own (hash, and MAC with the key; see :func:`verify_export`)
    and can be matched to the full log by ``seq`` and ``hash``, but the chain has
    gaps, so it is not a log by itself.
    """
    n = 0
    for e in sink.iter_entries():
        if flt is not None:
            if e.kind != RECORD:
                continue
            try:
                rec = AuditRecord.model_validate_json(e.body)
            except AuditError as exc:
                raise AuditError(f"{sink.url}: entry seq {e.seq}: {exc}") from None
            if not flt.matches(rec):
                continue
        out.write(format_line(e))
        n += 1
    return n


def export_csv_text(sink: AuditSink, flt: RecordFilter | None) -> str:
    """The matching records as CSV through the audit package's formula-safe writer."""
    buf = io.StringIO(newline="")
    export_csv(sink.iter_records(flt), buf)
    return buf.getvalue()


@dataclass
class ExportCheck:
    """Outcome of :func:`verify_export`."""

    ok: bool
    entries: int = 0
    problems: list[str] = field(default_factory=list)


def verify_export(lines: Iterator[str] | list[str], hmac_key: bytes | None = None) -> ExportCheck:
    """Check a filtered JSONL export entry by entry: hash, MAC (with the key), increasing ``seq``.

    A full (unfiltered) export is a whole log: check it with ``verify_log`` instead,
    which also checks the links between entries.
    """
    res = ExportCheck(ok=True)
    last = -1
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            e = parse_line(line.rstrip("\n"), f"line {lineno}")
        except AuditError as exc:
            res.problems.append(str(exc))
            continue
        res.entries += 1
        check = check_entry(e, hmac_key)
        if not check.hash_ok:
            res.problems.append(f"line {lineno} (seq {e.seq}): hash mismatch: the entry was modified")
        if check.mac in ("bad", "missing"):
            res.problems.append(f"line {lineno} (seq {e.seq}): MAC {check.mac}")
        if e.seq <= last:
            res.problems.append(f"line {lineno}: seq {e.seq} after seq {last} (reordered or duplicated)")
        last = e.seq
    res.ok = not res.problems
    return res
