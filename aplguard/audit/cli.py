"""``aplguard audit verify|query|stats|export|report|prune|checkpoint|keygen|prove|consistency|verify-proof``.

The HMAC key never goes on the command line (it would show in ``ps``): it comes
from ``$APLGUARD_AUDIT_HMAC_KEY`` or ``--key-file``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from ..errors import ConfigError
from ..small_files import read_small_file
from .records import HMAC_KEY_ENV, format_ts
from .sink import AuditSink, RecordFilter, open_sink, parse_time
from .summary import compute_stats, export_csv, export_jsonl, format_stats
from .verify import verify_log


def read_key_file(path: str | None) -> bytes | None:
    """The HMAC key in ``--key-file PATH`` (None without one: the sink reads the environment).

    Bounded (a key, not a file to slurp: ``--key-file /dev/zero`` must not exhaust memory); a
    trailing newline is dropped; shared by every command that takes ``--key-file``.
    """
    if not path:
        return None
    try:
        key = read_small_file(path, 4096, "--key-file").rstrip(b"\r\n")
    except ConfigError as exc:
        raise ConfigError(f"--key-file {path}: {exc}") from None
    if not key:
        raise ConfigError(f"--key-file {path} is empty")
    return key


def _key(args: argparse.Namespace) -> bytes | None:
    return read_key_file(getattr(args, "key_file", None))


@contextmanager
def _sink(args: argparse.Namespace, create: bool = False) -> Iterator[AuditSink]:
    sink = open_sink(args.url, hmac_key=_key(args), create=create)
    try:
        yield sink
    finally:
        sink.close()


def _filter(args: argparse.Namespace) -> RecordFilter:
    return RecordFilter(since=args.since, until=args.until, tenant=args.tenant, decision=args.decision,
                        rule=args.rule, identity=args.identity, min_match=args.min_match, has_faces=args.has_faces)


@contextmanager
def _out(path: str | None) -> Iterator[IO[str]]:
    if not path or path == "-":
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 -- closed by the with below
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
    with f:
        yield f


def cmd_verify(args: argparse.Namespace) -> int:
    res = verify_log(args.url, hmac_key=_key(args), anchor=args.anchor, deep=args.deep, public_key=args.pub,
                     against=args.against, allow_unverified=args.allow_unverified)
    if args.json:
        print(json.dumps(res.to_dict(), indent=2))
    else:
        print(res.summary())
        if res.bad_entry:
            print("first bad entry: " + json.dumps(res.bad_entry))
        for v in res.verified if res.ok or res.first_bad is None else []:
            print(f"verified: {v}")
        for u in res.unverified:
            print(f"NOT verified: {u}")
        for w in res.warnings:
            print(f"warning: {w}")
    return 0 if res.ok else 1


def cmd_checkpoint(args: argparse.Namespace) -> int:
    from .sth import load_private_key

    key = load_private_key(args.key)
    with _sink(args) as sink:
        sth = sink.sign_tree_head(key, publish=args.publish)
    print(json.dumps(sth.to_dict(), indent=2))
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from .sth import generate_keypair

    priv, pub = generate_keypair(args.out)
    print(f"wrote {priv} (private, mode 0600: keep it with the writers) and {pub} (public: give it to reviewers)",
          file=sys.stderr)
    return 0


def _print_json(doc: object, out: str | None) -> None:
    with _out(out) as f:
        f.write(json.dumps(doc, indent=2) + "\n")


def cmd_prove(args: argparse.Namespace) -> int:
    with _sink(args) as sink:
        if args.index is not None:
            proof = sink.inclusion_proof(index=args.index, include_entry=not args.no_entry)
        elif args.record_id:
            proof = sink.inclusion_proof(args.record_id, include_entry=not args.no_entry)
        else:
            raise ConfigError("give a RECORD_ID or --index N")
    _print_json(proof, args.out)
    if proof.get("tree_head") is None:
        print("note: no signed tree head covers this record yet (run `aplguard audit checkpoint`): the proof is "
              "against the current, unsigned root", file=sys.stderr)
    return 0


def cmd_consistency(args: argparse.Namespace) -> int:
    with _sink(args) as sink:
        proof = sink.consistency_proof(args.from_size, args.to_size)
    _print_json(proof, args.out)
    return 0


def cmd_verify_proof(args: argparse.Namespace) -> int:
    from .proofs import verify_proof
    from .sth import load_public_key
    from .verify import load_tree_head

    try:
        with open(args.proof, encoding="utf-8") as f:
            doc = json.loads(f.read(16 * 1024 * 1024))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ConfigError(f"cannot read the proof {args.proof}: {exc}") from None
    if args.against and isinstance(doc, dict):  # a reviewer's own copy of a tree head fills in an unsigned side
        loaded = load_tree_head(args.against)
        assert loaded is not None  # a path always gives a tree head (or raises)
        head = loaded.to_dict()
        for side, size_key in (("tree_head", "tree_size"), ("first_tree_head", "first_size"),
                               ("second_tree_head", "second_size")):
            if side in doc and doc[side] is None and doc.get(size_key) == head["tree_size"]:
                doc[side] = head
    res = verify_proof(doc, load_public_key(args.pub) if args.pub else None, allow_unverified=args.allow_unverified)
    if args.json:
        print(json.dumps({"ok": res.ok, "verified": res.verified, "unverified": res.unverified,
                          "reason": res.reason}, indent=2))
    else:
        print("OK" if res.ok else f"FAILED: {res.reason}")
        for v in res.verified:
            print(f"verified: {v}")
        for u in res.unverified:
            print(f"NOT verified: {u}")
    return 0 if res.ok else 1


def cmd_query(args: argparse.Namespace) -> int:
    with _sink(args) as sink:
        recs = sink.query(_filter(args), limit=args.limit)
    if args.json:
        for r in recs:
            print(r.model_dump_json())
        return 0
    for r in recs:
        decisions = ",".join(f"{p.decision}:{p.rule}" for p in r.prompts) or "-"
        matches = ",".join(f"{m.identity}:{m.score:.2f}" for o in r.outputs for m in o.matches) or "-"
        actions = ",".join(o.action for o in r.outputs) or "-"
        print(f"{r.timestamp_str}  {r.tenant or '-':<12} {decisions:<30} faces={sum(o.faces for o in r.outputs)} "
              f"matches={matches} output={actions}  {r.id}")
    print(f"{len(recs)} record(s)", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _sink(args) as sink:
        stats = compute_stats(sink.iter_records(_filter(args)))
    print(json.dumps(stats, indent=2) if args.json else format_stats(stats))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _sink(args) as sink, _out(args.out) as out:
        if args.format == "jsonl":
            n = export_jsonl(sink, out)
        else:
            n = export_csv(sink.iter_records(), out)
    print(f"exported {n} {'entries' if args.format == 'jsonl' else 'rows'}", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_report

    summary = None if args.no_verify else verify_log(args.url, hmac_key=_key(args), anchor=args.anchor).summary()
    with _sink(args) as sink:
        page = render_report(sink.iter_records(_filter(args)), title=args.title, verify_summary=summary,
                             max_rows=args.max_rows)
    try:
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(page)
    except OSError as exc:
        raise ConfigError(f"cannot write {args.html}: {exc.strerror or exc}") from None
    print(f"wrote {args.html} ({len(page) // 1024} KiB)", file=sys.stderr)
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    with _sink(args) as sink:
        if args.dry_run:
            cut = format_ts(parse_time(args.before, "--before"))
            n = sum(1 for _ in sink.iter_entries(until_ts=cut))
            print(f"dry run: at most {n} entries are older than {args.before}")
            return 0
        res = sink.prune(args.before)
    if res.anchor_seq is None:
        print(f"nothing pruned ({'; '.join(res.notes)})")
    else:
        print(f"pruned {res.pruned_entries} entries; the log now starts at seq {res.first_kept_seq}; "
              f"prune anchor at seq {res.anchor_seq}")
    return 0


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("url", help="sink URL: sqlite:///audit.db, jsonl:///audit.jsonl, postgresql://...")
    p.add_argument("--key-file", help=f"file holding the HMAC key (default: ${HMAC_KEY_ENV})")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="records at or after this date/time (UTC; 2026-11-28 or ISO 8601)")
    p.add_argument("--until", help="records before this date/time (exclusive)")
    p.add_argument("--tenant", help="tenant id")
    p.add_argument("--decision", help="prompt decision or output action (allow, anonymize, rewrite, block, "
                                      "flag, blur, regenerate)")
    p.add_argument("--rule", help="rule id")
    p.add_argument("--identity", help="protected identity id (gallery match or protected finding)")
    p.add_argument("--min-match", type=float, help="minimum gallery match score")
    p.add_argument("--has-faces", action="store_const", const=True, default=None, help="outputs with faces only")
    p.add_argument("--no-faces", dest="has_faces", action="store_const", const=False, help="outputs without faces")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``aplguard audit ...`` to the main parser."""
    audit = subparsers.add_parser("audit", help="verify, query, export and prune the compliance audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    def usage(_: argparse.Namespace) -> int:
        audit.print_help()
        return 2

    audit.set_defaults(func=usage)

    p = sub.add_parser("verify", help="check the hash chain, MACs and anchors; exit 1 when tampered")
    _add_common(p)
    p.add_argument("--anchor", help="external anchor file written by the sink's anchor= option")
    p.add_argument("--deep", action="store_true", help="also validate every record against the schema")
    p.add_argument("--pub", help="Ed25519 public key (PEM) that signs the tree heads: verify their signatures")
    p.add_argument("--against", help="a published signed tree head (JSON, or the last line of a JSON-lines "
                                     "file): detect truncation and rollback")
    p.add_argument("--allow-unverified", action="store_true",
                   help="exit 0 even when MACs or signatures the log claims cannot be checked (no key given)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("checkpoint", help="sign the Merkle tree head (size, root, time) with Ed25519 and append it")
    _add_common(p)
    p.add_argument("--key", required=True, help="Ed25519 private key (PEM; `aplguard audit keygen` makes one)")
    p.add_argument("--publish", help="also append the signed tree head to this file (kept by an outside party)")
    p.set_defaults(func=cmd_checkpoint)

    p = sub.add_parser("keygen", help="write a new Ed25519 key pair for signed tree heads (OUT and OUT.pub)")
    p.add_argument("out", help="private key file to create (the public key goes to OUT.pub)")
    p.set_defaults(func=cmd_keygen)

    p = sub.add_parser("prove", help="print an inclusion proof (JSON) for a record")
    _add_common(p)
    p.add_argument("record_id", nargs="?", help="the record id")
    p.add_argument("--index", type=int, help="prove a leaf index instead of a record id")
    p.add_argument("--no-entry", action="store_true", help="leave the entry itself out of the proof")
    p.add_argument("--out", help="output file (default: stdout)")
    p.set_defaults(func=cmd_prove)

    p = sub.add_parser("consistency", help="print a consistency proof (JSON) from an older tree size")
    _add_common(p)
    p.add_argument("--from", dest="from_size", type=int, required=True, help="the older tree size")
    p.add_argument("--to", dest="to_size", type=int, help="the newer size (default: the latest signed tree head)")
    p.add_argument("--out", help="output file (default: stdout)")
    p.set_defaults(func=cmd_consistency)

    p = sub.add_parser("verify-proof", help="verify an inclusion or consistency proof offline")
    p.add_argument("proof", help="the proof JSON file")
    p.add_argument("--pub", help="Ed25519 public key (PEM) of the tree heads")
    p.add_argument("--against", help="your copy of a signed tree head: fills in a side the proof has unsigned")
    p.add_argument("--allow-unverified", action="store_true", help="exit 0 even when a signature is not checked")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_verify_proof)

    p = sub.add_parser("query", help="list records matching filters")
    _add_common(p)
    _add_filters(p)
    p.add_argument("--limit", type=int, help="at most this many records")
    p.add_argument("--json", action="store_true", help="one JSON record per line")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("stats", help="counts by decision, rule, tenant, identity; latency")
    _add_common(p)
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="export the log as JSONL (verifiable) or CSV (one row per prompt)")
    _add_common(p)
    p.add_argument("--format", choices=("jsonl", "csv"), required=True, help="output format")
    p.add_argument("--out", help="output file (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="write a self-contained HTML report")
    _add_common(p)
    _add_filters(p)
    p.add_argument("--html", required=True, help="output HTML file")
    p.add_argument("--title", default="aplguard audit report", help="page title")
    p.add_argument("--max-rows", type=int, default=5000, help="table rows (charts use all records)")
    p.add_argument("--anchor", help="anchor file for the integrity line")
    p.add_argument("--no-verify", action="store_true", help="skip the integrity check in the header")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("prune", help="delete records older than a date, keeping the chain verifiable")
    _add_common(p)
    p.add_argument("--before", required=True, help="delete entries older than this date/time (UTC)")
    p.add_argument("--dry-run", action="store_true", help="only count")
    p.set_defaults(func=cmd_prune)


__all__ = ["register"]
