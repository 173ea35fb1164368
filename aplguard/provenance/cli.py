"""``aplguard c2pa verify IMAGE... [--audit URL] [--trust CA.pem] [--json]``.

Exit codes (aplguard/cli.py): 0 every image verified, 1 a check failed for at
least one image, 2 usage (unreadable file, bad URL, extra not installed).
"""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``aplguard c2pa ...`` to the main parser."""
    p = sub.add_parser("c2pa", help="content credentials (C2PA) on generated images",
                       description="Content credentials (C2PA manifests) on images Guard returned.")
    c2pa_sub = p.add_subparsers(dest="c2pa_command", metavar="ACTION")

    def usage(_: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=usage)
    v = c2pa_sub.add_parser(
        "verify", help="validate images' content credentials (and cross-check an audit log)",
        description="Read each image's C2PA manifest, validate the signature and the hard binding of the "
                    "file bytes, check the aplguard assertion, and with --audit check that the audit record "
                    "exists and holds the same image hash. Exit 0: all verified; 1: a check failed.")
    v.add_argument("images", nargs="+", metavar="IMAGE", help="PNG or JPEG files")
    v.add_argument("--audit", metavar="URL", help="audit log to cross-check (sqlite:///audit.db, jsonl:///a.jsonl, ...)")
    v.add_argument("--trust", metavar="PEM", help="CA certificate(s) the signer must chain to; without it only "
                                                  "integrity is checked, not who signed")
    v.add_argument("--pub", metavar="PEM", help="with --audit: the audit log's Ed25519 tree-head public key; the "
                                                  "record's inclusion in a signed tree head is then verified")
    v.add_argument("--json", action="store_true", help="one JSON document with a report per image")
    v.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from .._deps import require
    from .verify import cross_check_audit, read_image_bytes, reader_settings, verify_image

    c2pa = require("c2pa", "c2pa")
    trust = read_image_bytes(args.trust) if args.trust else None  # bounded read; PEM checked by c2pa-rs
    if trust is not None and b"-----BEGIN CERTIFICATE-----" not in trust:
        from ..errors import ConfigError
        raise ConfigError(f"--trust {args.trust}: no PEM certificate in the file")
    files = [(path, read_image_bytes(path)) for path in args.images]  # all readable before any verdict
    ctx = c2pa.Context.from_dict(reader_settings(trust))
    reports = [verify_image(data, path, trust_anchors_pem=trust, context=ctx) for path, data in files]
    if args.audit:
        from ..audit import open_sink

        sink = open_sink(args.audit, create=False)
        try:
            from ..audit.sth import load_public_key

            cross_check_audit(reports, sink,
                              tree_head_key=load_public_key(args.pub) if args.pub else None)
        finally:
            sink.close()
    else:
        for rep in reports:
            rep.notes.append("audit log not checked (pass --audit URL)")
    if args.json:
        print(json.dumps({"ok": all(r.ok for r in reports), "images": [r.to_dict() for r in reports]}, indent=2))
    else:
        for rep in reports:
            print(rep.summary())
            for failure in rep.failures:
                print(f"  failed: {failure}")
            if rep.audit and rep.audit.get("record_found"):
                leaf = rep.audit.get("leaf_index")
                print(f"  audit: record {rep.audit['record_id']} found, image hash "
                      f"{'matches' if rep.audit['checks']['image_sha256'] else 'DIFFERS'}"
                      + (f", Merkle leaf {leaf}" if leaf is not None else ""))
            for note in rep.notes:
                print(f"  note: {note}")
    return 0 if all(r.ok for r in reports) else 1
