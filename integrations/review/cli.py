"""``aplguard review AUDIT_URL``: the review web app alone, read-only, on loopback.

The app has no authentication of its own: by default it binds to 127.0.0.1 and
accepts only loopback Host headers (a web page cannot reach it through DNS
rebinding). Binding elsewhere needs ``--allow-remote`` and a proxy that
authenticates reviewers in front of it.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys

from aplguard.audit import HMAC_KEY_ENV, open_sink
from aplguard.audit.cli import read_key_file
from aplguard.errors import ConfigError

_LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _read_key(path: str | None) -> bytes | None:
    return read_key_file(path)  # None: the app reads $APLGUARD_AUDIT_HMAC_KEY


def cmd_review(args: argparse.Namespace) -> int:
    if not 1 <= args.port <= 65535:
        raise ConfigError(f"--port must be 1..65535, got {args.port}")
    loopback = _is_loopback(args.host)
    if not loopback and not args.allow_remote:
        raise ConfigError(f"--host {args.host} is not a loopback address; the review app has no authentication. "
                          "Put an authenticating proxy in front of it and pass --allow-remote")
    try:
        import uvicorn

        from .app import create_review_app
    except ModuleNotFoundError as exc:
        raise ConfigError(f"aplguard review needs {exc.name}: pip install 'aplguard[review]'") from None
    key = _read_key(args.key_file)
    open_sink(args.url, hmac_key=key, create=False).close()  # fail now, with the sink's message
    hosts = [*_LOOPBACK_NAMES, args.host] if loopback else None
    app = create_review_app(args.url, hmac_key=key, anchor=args.anchor, allowed_hosts=hosts)
    shown = f"[{args.host}]" if ":" in args.host and not args.host.startswith("[") else args.host
    print(f"aplguard review: {args.url} at http://{shown}:{args.port}/ (read-only; Ctrl-C to stop)",
          file=sys.stderr)
    # No access log: filter values in URLs (an identity, a tenant) are reviewers' searches.
    uvicorn.run(app, host=args.host.strip("[]"), port=args.port, log_level="warning", access_log=False)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="serve the audit review web app (read-only, loopback)",
                       description="Browse, filter, verify and export an audit log in the browser.")
    p.add_argument("url", help="audit log: sqlite:///audit.db, jsonl:///audit.jsonl, postgresql://...")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    p.add_argument("--key-file", help=f"file holding the HMAC key, to check MACs (default: ${HMAC_KEY_ENV})")
    p.add_argument("--anchor", help="external anchor file, to detect truncation of the log's tail")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow a non-loopback --host (the app has no authentication: use a proxy that has)")
    p.set_defaults(func=cmd_review)
