"""``aplguard rescan``: find protected people in images already generated.

Writes one JSON line per image to ``--out`` (see docs/rescan.md); per-image problems
go into the line's ``error`` and the batch goes on. A summary line goes to stderr.
Exit 0 unless the run itself failed (bad input, gallery or models missing).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import ConfigError


def cmd_rescan(args: argparse.Namespace) -> int:
    from .run import Engine, rescan
    from .scanner import ScanSettings
    from .sources import audit_hashes, collect

    if not args.images and not args.manifest:
        raise ConfigError("rescan: give IMAGES (directories, files, manifests) or --manifest")
    settings = ScanSettings(gallery=args.gallery, home=args.home, matcher=args.matcher, threshold=args.threshold,
                            far=args.far, min_score=args.min_score)
    settings.auditor()  # fail fast (missing gallery or model files) before any worker starts
    engine: Engine
    if args.engine == "ray":
        from .ray_engine import RayEngine

        engine = RayEngine(workers=args.workers, address=args.ray_address, num_cpus=args.ray_num_cpus,
                           batch_size=args.batch_size)
    else:
        from .local import LocalEngine

        engine = LocalEngine(workers=args.workers)
    audit = audit_hashes(args.audit) if args.audit else None
    summary = rescan(collect(args.images, args.manifest), settings, args.out, engine, audit=audit,
                     retry_errors=args.retry_errors)
    report: dict[str, Any] = {"out": args.out, "engine": engine.name, **summary.as_dict()}
    if audit is not None:
        report["audit_hashes"] = len(audit)
    print(json.dumps(report), file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``aplguard rescan`` to the main parser."""
    p = subparsers.add_parser("rescan", help="scan generated images for faces of protected people (resumable)")
    p.add_argument("images", nargs="*", help="directories, image files, or CSV/JSONL manifests with a 'path' column")
    p.add_argument("--gallery", required=True, help="gallery folder of protected identities")
    p.add_argument("--out", required=True, help="results file (JSON lines); an existing one is resumed")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: process pool (default); ray: Ray Data actor pool (pip install 'aplguard[ray]')")
    p.add_argument("--workers", type=int, default=1, help="worker processes or Ray actors (default 1)")
    p.add_argument("--manifest", help="CSV (path column) or JSONL (path key) of local paths or file:// URLs")
    p.add_argument("--audit", help="audit log URL: report which images' sha256 appear in its output records")
    p.add_argument("--retry-errors", action="store_true", help="when resuming, scan again the items that failed")
    p.add_argument("--home", help="model cache root (default $APLGUARD_HOME or ~/.cache/aplguard)")
    p.add_argument("--matcher", help="matcher name (default: the gallery's)")
    p.add_argument("--threshold", type=float, help="cosine threshold override")
    p.add_argument("--far", type=float, help="tolerated false accept rate instead of --threshold")
    p.add_argument("--min-score", type=float, default=0.5, help="face detection confidence (default 0.5)")
    p.add_argument("--ray-address", help="Ray cluster address (default: start a local Ray instance)")
    p.add_argument("--ray-num-cpus", type=int, help="CPUs of the local Ray instance (default: all)")
    p.add_argument("--batch-size", type=int, default=8, help="images per Ray map_batches call (default 8)")
    p.set_defaults(func=cmd_rescan)
