"""Rescans at scale: find the faces of protected people in images already generated.

When a person is added to the gallery, ``aplguard rescan`` runs face detection and
gallery matching over a directory, a manifest or the outputs an audit log refers to,
on a local process pool or a Ray cluster, writing one JSON line per image and
resuming after interruption. See docs/rescan.md.

    from aplguard.rescan import ScanSettings, collect, rescan
    summary = rescan(collect(["outputs/"]), ScanSettings(gallery="gallery/"), "results.jsonl")
"""

from __future__ import annotations

from .results import ResultsWriter, item_key
from .run import RescanSummary, rescan
from .scanner import Scanner, ScanSettings
from .sources import ScanItem, audit_hashes, collect

__all__ = ["ScanItem", "collect", "audit_hashes", "ScanSettings", "Scanner", "ResultsWriter", "item_key",
           "rescan", "RescanSummary"]
