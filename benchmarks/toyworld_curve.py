"""Toy world v2: does APL generalise to people it never saw? Leak on held-out people vs. training identities.

For each N in ``--counts`` (default 4, 8, 16, 24) a prefix is trained on the first N of the world's
seen pool (``data.WORLD_V2.seen``, 24 people) with the same recipe and step budget, then measured by
:func:`aplguard.training.toyworld.evaluate.evaluate`. Every run is judged on the same 8 held-out people
(``leak_apl_heldout``), who are in no run's training set. The N = 24 prefix is the world's shipped one
when ``--install`` is given (copied to ``model_v2/prefix.safetensors``).

Resumable: each run's data, training cache, checkpoints and prefix live under ``--work/N``; finished
prefixes are reused. Writes ``benchmarks/results/toyworld_v2_curve.json``. Usage::

    python benchmarks/toyworld_curve.py --work /tmp/curve [--counts 4,8,16,24] [--jobs 2] [--install]

``--jobs J`` trains J runs at once, each in its own process with ``--threads`` torch threads
(on a 2-core CPU: ``--jobs 2 --threads 1``), and merges their rows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RESULTS = Path(__file__).parent / "results"


def _counts(text: str) -> list[int]:
    try:
        counts = sorted({int(c) for c in text.split(",") if c.strip()})
    except ValueError as exc:
        raise SystemExit(f"--counts: comma-separated integers expected, got {text!r}") from exc
    if not counts or counts[0] < 1:
        raise SystemExit(f"--counts: positive integers expected, got {text!r}")
    return counts


def train_one(pipe, world, n: int, work: Path, recipe: Path, threads: int,
              with_attributes: bool = False) -> tuple[Path, dict]:
    """Train (or reuse) the prefix on the first ``n`` seen names; returns its path and the fit summary.

    ``with_attributes``: identity prompts also state hair/hat colours (``prefix_data.attribute_templates``).
    """
    import torch
    from aplguard.training.config import load_recipe
    from aplguard.training.spec import load_spec
    from aplguard.training.toyworld.prefix_data import write_spec
    from aplguard.training.trainer import fit

    run = work / str(n)
    prefix = run / "prefix.safetensors"
    summary_file = run / "fit.json"
    if prefix.is_file() and summary_file.is_file():
        return prefix, json.loads(summary_file.read_text(encoding="utf-8"))
    spec_path = write_spec(run / "data", seen=world.seen[:n], world=world, with_attributes=with_attributes)
    torch.set_num_threads(threads)
    result = fit(pipe, load_spec(spec_path), load_recipe(recipe), out=prefix, checkpoint_dir=run / "ckpt",
                 cache_dir=run / "cache")
    summary = result.summary()
    summary_file.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return prefix, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for each run's data and checkpoints")
    parser.add_argument("--counts", default="4,8,16,24", help="training identities per run (default 4,8,16,24)")
    parser.add_argument("--recipe", type=Path, default=None, help="default: training/toyworld/recipe_v2.yaml")
    parser.add_argument("--samples", type=int, default=16, help="images per named person in the evaluation")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="runs trained at once, one process each")
    parser.add_argument("--with-attributes", action="store_true",
                        help="identity prompts that also state hair/hat colours (prefix_data.attribute_templates)")
    parser.add_argument("--install", action="store_true", help="copy the largest run's prefix into model_v2/")
    parser.add_argument("--out", type=Path, default=RESULTS / "toyworld_v2_curve.json")
    args = parser.parse_args(argv)
    counts = _counts(args.counts)
    if args.jobs > 1 and len(counts) > 1:
        rows = _parallel(args, counts)
    else:
        rows = _run(args, counts)
    _write(args, argv, counts, rows)
    return 0


def _recipe(args: argparse.Namespace) -> Path:
    """The recipe every run uses: ``--recipe``, else the shipped ``recipe_v2.yaml``."""
    from aplguard.training import toyworld

    return args.recipe or Path(toyworld.__file__).parent / "recipe_v2.yaml"


def _parallel(args: argparse.Namespace, counts: list[int]) -> list[dict]:
    """One subprocess of this script per count, ``args.jobs`` at a time; their rows, in count order."""
    def one(n: int) -> list[dict]:
        out = args.work / str(n) / "row.json"
        cmd = [sys.executable, __file__, "--work", str(args.work), "--counts", str(n), "--samples",
               str(args.samples), "--threads", str(args.threads), "--out", str(out)]
        if args.recipe:
            cmd += ["--recipe", str(args.recipe)]
        if args.with_attributes:
            cmd.append("--with-attributes")
        subprocess.run(cmd, check=True)
        return json.loads(out.read_text(encoding="utf-8"))["runs"]

    with ThreadPoolExecutor(args.jobs) as pool:
        return [row for rows in pool.map(one, counts) for row in rows]


def _run(args: argparse.Namespace, counts: list[int]) -> list[dict]:
    """Train and measure each count in this process."""
    import torch
    from aplguard.training import toyworld
    from aplguard.training.toyworld.data import WORLD_V2
    from aplguard.training.toyworld.evaluate import evaluate

    torch.set_num_threads(args.threads)
    world = WORLD_V2
    if counts[-1] > len(world.seen):
        raise SystemExit(f"--counts: at most {len(world.seen)} training identities exist in v2")
    recipe = _recipe(args)
    pipe = toyworld.load_toy_pipeline(world="v2")
    judge = toyworld.ToyJudge(world="v2").load()
    rows = []
    for n in counts:
        t0 = time.monotonic()
        prefix, fit_summary = train_one(pipe, world, n, args.work, recipe, args.threads,
                                          with_attributes=args.with_attributes)
        report = evaluate(pipe, judge, prefix, samples_per_name=args.samples, seen=world.seen[:n], world=world)
        rows.append({"training_identities": n, "fit": {k: fit_summary.get(k) for k in
                                                       ("steps", "initial_loss", "final_loss", "samples_per_s")},
                     "minutes": round((time.monotonic() - t0) / 60, 1), **report})
        print(f"N={n:2d}  leak_apl_seen {report['leak_apl_seen']:.3f}  leak_apl_heldout "
              f"{report['leak_apl_heldout']:.3f}  person {report['person_rate_apl']:.3f}  "
              f"preserve_general {report['preserve_general']:.3f}  "
              f"preserve_generic_person {report['preserve_generic_person']:.3f}", flush=True)
    return rows


def _write(args: argparse.Namespace, argv: list[str] | None, counts: list[int], rows: list[dict]) -> None:
    import torch
    from aplguard.training import toyworld
    from aplguard.training.toyworld.data import WORLD_V2

    recipe = _recipe(args)
    if args.install:
        shutil.copyfile(args.work / str(counts[-1]) / "prefix.safetensors", toyworld.prefix_path("v2"))
    result = {
        "benchmark": "toyworld_v2_curve",
        "command": "python benchmarks/toyworld_curve.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "torch_threads": args.threads},
        "versions": {"torch": torch.__version__},
        "recipe": recipe.read_text(encoding="utf-8"),
        "identity_templates": "attribute_templates" if args.with_attributes else "plain",
        "heldout_names": list(WORLD_V2.unseen),
        "runs": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    raise SystemExit(main())
