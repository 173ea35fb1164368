"""Recall and false-positive rate of the default detector stack on every unseen batch, in one process.

The README's column "after its own fixes (current code)" for issue 16: each
``tests/adversarial/unseen_batchN.tsv`` read with the same loader and decision as
``benchmarks/prompt_detection.py`` (``is_identity_seeking`` over the default stack, no NER),
without its latency and start-up runs (one load, then each batch once). First looks and the
"still unseen" measurements are per-batch runs of ``prompt_detection.py`` (their JSON files).
Writes ``benchmarks/results/prompt_detection_unseen_all.json``.

    python benchmarks/unseen_batches.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from prompt_detection import load_rows, versions  # noqa: E402 (the benchmark next to this one)


def batch_number(path: Path) -> int:
    return int(re.sub(r"\D", "", path.stem))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "prompt_detection_unseen_all.json")
    args = ap.parse_args(argv)

    from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking  # noqa: PLC0415

    stack = [d.load() for d in default_detectors()]
    batches = sorted((REPO / "tests" / "adversarial").glob("unseen_batch*.tsv"), key=batch_number)
    results = {}
    started = time.perf_counter()
    for path in batches:
        rows = load_rows(path)
        flagged = [is_identity_seeking(detect_prompt(r["prompt"], stack)) for r in rows]
        pos = [f for f, r in zip(flagged, rows) if r["identity_seeking"]]
        neg = [f for f, r in zip(flagged, rows) if not r["identity_seeking"]]
        results[path.stem] = {"recall": round(sum(pos) / len(pos), 3),
                              "false_positive_rate": round(sum(neg) / len(neg), 3),
                              "positives": len(pos), "negatives": len(neg),
                              "tp": sum(pos), "fp": sum(neg)}
        print(f"{path.stem:16} recall {results[path.stem]['recall']:.3f}  FPR "
              f"{results[path.stem]['false_positive_rate']:.3f}")
    report = {"benchmark": "unseen_batches", "stack": "default (no NER)", "versions": versions(),
              "seconds": round(time.perf_counter() - started, 1), "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
