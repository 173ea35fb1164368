"""Drive a rescan: skip what is done, run an engine, annotate and write each result."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .results import ResultsWriter
from .scanner import ScanSettings
from .sources import ScanItem


class Engine(Protocol):
    """Turns items into result lines (``LocalEngine``, ``RayEngine``)."""

    name: str

    def run(self, items: Iterable[ScanItem], settings: ScanSettings) -> Iterator[dict[str, Any]]: ...


@dataclass
class RescanSummary:
    """Counts of one run (``skipped``: already in the results file from an earlier run)."""

    scanned: int = 0
    skipped: int = 0
    errors: int = 0
    with_faces: int = 0
    matched: int = 0
    in_audit: int = 0
    dropped_torn_line: bool = False
    identities: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"scanned": self.scanned, "skipped": self.skipped, "errors": self.errors,
                "with_faces": self.with_faces, "matched": self.matched, "in_audit": self.in_audit,
                "dropped_torn_line": self.dropped_torn_line}


def rescan(items: Iterable[ScanItem], settings: ScanSettings, out: str | os.PathLike[str], engine: Engine | None = None,
           *, audit: dict[str, list[str]] | None = None, retry_errors: bool = False,
           on_result: Callable[[dict[str, Any]], None] | None = None) -> RescanSummary:
    """Scan ``items`` not yet in ``out`` and append one JSON line per image to it.

    Args:
        items: what to scan (see :func:`~aplguard.rescan.sources.collect`).
        settings: gallery and matcher settings every worker builds its auditor from.
        out: the results file (JSON lines); an existing one is resumed.
        engine: ``LocalEngine`` (default, one worker process) or ``RayEngine``.
        audit: output-image hashes of an audit log
            (:func:`~aplguard.rescan.sources.audit_hashes`); each line then gets
            ``audit_records``: the ids of the records that hold its ``sha256``.
        retry_errors: scan again the items whose earlier line has an error.
        on_result: called with each written line (progress reporting).

    Returns:
        Counts of this run.
    """
    from .local import LocalEngine

    engine = engine or LocalEngine(1)
    summary = RescanSummary()
    with ResultsWriter(out, retry_errors=retry_errors) as writer:
        summary.dropped_torn_line = writer.dropped_torn

        def todo() -> Iterator[ScanItem]:
            for item in items:
                if writer.is_done(item.path, item.size, item.mtime_ns):
                    summary.skipped += 1
                else:
                    yield item

        for result in engine.run(todo(), settings):
            if audit is not None:
                result["audit_records"] = list(audit.get(result["sha256"] or "", []))
                summary.in_audit += bool(result["audit_records"])
            writer.write(result)
            summary.scanned += 1
            summary.errors += result["error"] is not None
            summary.with_faces += result["faces"] > 0
            summary.matched += bool(result["matches"])
            for m in result["matches"]:
                summary.identities[m["identity"]] = summary.identities.get(m["identity"], 0) + 1
            if on_result is not None:
                on_result(result)
    return summary
