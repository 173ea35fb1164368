"""Toy world benchmark: APL against what a user would otherwise pick, on the model trained here.

Methods, all on the same prompts and seeds, judged by the toy judge:

* ``none``: the plain pipeline (how much each person leaks without protection);
* ``apl``: the shipped prefix through ``Guard(pipe, prefix=..., policy="anonymize-all")``;
* ``negative-prompt``: every protected name as the negative prompt (no detector needed);
* ``rewrite-oracle``: the name replaced by that person's neutral description (a policy
  ``rewrite`` with a perfect detector and a hand-written description per person).

Prints a table and writes benchmarks/results/toyworld.json (``--world v2``:
toyworld_v2.json, where "unseen" are v2's eight held-out people). Usage::

    python benchmarks/toyworld.py [--world v1|v2] [--samples 16] [--steps 12]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import numpy as np


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=16, help="images per named person")
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--world", choices=["v1", "v2"], default="v1")
    parser.add_argument("--out", type=Path, default=None, help="default: results/toyworld.json (v2: toyworld_v2.json)")
    args = parser.parse_args(argv)
    if args.out is None:
        name = "toyworld.json" if args.world == "v1" else f"toyworld_{args.world}.json"
        args.out = Path(__file__).parent / "results" / name

    import diffusers
    import torch
    from aplguard.training import toyworld
    from aplguard.training.toyworld import data
    from aplguard.training.toyworld.evaluate import GENERAL_PROMPTS, Generator

    world = data.get_world(args.world)
    pipe = toyworld.load_toy_pipeline(world=world.version)
    judge = toyworld.ToyJudge(world=world).load()
    gen = Generator(pipe, toyworld.prefix_path(world.version), steps=args.steps, via="auto")
    names = list(world.names)
    id_prompts = [f"a photo of {n}" for n in names for _ in range(args.samples)]
    id_seeds = [args.seed + j for _ in names for j in range(args.samples)]
    target = [n for n in names for _ in range(args.samples)]
    seen = np.array([t in world.seen for t in target])
    g_prompts = list(GENERAL_PROMPTS)
    g_seeds = [args.seed + 1000 + j for j in range(len(g_prompts))]
    neutral = {p.name: p.neutral_description() for p in world.people}
    negative = " ".join(names)

    def plain(prompts, seeds, negative_prompt=None):
        out = []
        for i in range(0, len(prompts), 64):
            gens = [torch.Generator().manual_seed(int(s)) for s in seeds[i:i + 64]]
            kw = {"negative_prompt": [negative_prompt] * len(gens)} if negative_prompt else {}
            ims = pipe(prompts[i:i + 64], num_inference_steps=args.steps, guidance_scale=toyworld.DEFAULT_GUIDANCE,
                       generator=gens, output_type="np", **kw).images
            out.append(np.asarray(ims, np.float32).transpose(0, 3, 1, 2) * 2 - 1)
        return np.concatenate(out)

    def rewrite(prompts, seeds):
        fixed = []
        for p in prompts:
            for n, d in neutral.items():
                p = p.replace(f"of {n}", f"of {d}")
            fixed.append(p)
        return plain(fixed, seeds)

    methods = {
        "none": lambda p, s: plain(p, s),
        "apl": lambda p, s: gen(p, s, anonymize=True),
        "negative-prompt": lambda p, s: plain(p, s, negative_prompt=negative),
        "rewrite-oracle": rewrite,
    }
    base_general = plain(g_prompts, g_seeds)
    other_seed = plain(g_prompts, [s + 500 for s in g_seeds])
    base_cls = judge.classify(base_general)
    seed_dist = float(np.abs(other_seed - base_general).mean())
    person = {*world.names, data.GENERIC}
    rows = {}
    for name, fn in methods.items():
        ims = fn(id_prompts, id_seeds)
        labels = judge.classify(ims)
        hits = np.array([lab == t for lab, t in zip(labels, target)])
        general = fn(g_prompts, g_seeds)
        cls = judge.classify(general)
        rows[name] = {
            "leak_seen": float(hits[seen].mean()), "leak_unseen": float(hits[~seen].mean()),
            "person_rate": float(np.mean([lab in person for lab in labels])),
            "preserve_general": float(np.mean([a == b for a, b in zip(base_cls, cls)])),
            "general_change": float(np.abs(general - base_general).mean() / seed_dist),
        }
    # Timing: the same 32 prompts per method, methods interleaved, median of 3 rounds
    # (the machine is shared, so a single pass per method would mostly measure neighbours).
    timings: dict[str, list[float]] = {m: [] for m in methods}
    for _ in range(3):
        for name, fn in methods.items():
            t0 = time.perf_counter()
            fn(id_prompts[::max(1, len(id_prompts) // 32)][:32], id_seeds[::max(1, len(id_seeds) // 32)][:32])
            timings[name].append((time.perf_counter() - t0) / 32)
    for name in methods:
        rows[name]["ms_per_image"] = round(1000 * float(np.median(timings[name])), 2)
    print(f"{'method':16s} {'leak_seen':>9s} {'leak_unseen':>11s} {'person':>7s} {'preserve':>8s} "
          f"{'change':>7s} {'ms/img':>7s}")
    for name, r in rows.items():
        print(f"{name:16s} {r['leak_seen']:9.3f} {r['leak_unseen']:11.3f} {r['person_rate']:7.3f} "
              f"{r['preserve_general']:8.3f} {r['general_change']:7.3f} {r['ms_per_image']:7.2f}")
    base_leak = rows["none"]["leak_seen"] + rows["none"]["leak_unseen"]
    result = {
        "benchmark": "toyworld", "command": "python benchmarks/toyworld.py " + " ".join(argv or []),
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count(), "torch_threads": torch.get_num_threads()},
        "versions": {"torch": torch.__version__, "diffusers": diffusers.__version__},
        "settings": {"samples_per_name": args.samples, "steps": args.steps, "guidance": toyworld.DEFAULT_GUIDANCE,
                     "seed": args.seed, "general_prompts": len(g_prompts), "prefix_via": gen.via,
                     "world": world.version, "seen_names": list(world.seen)},
        "chance": 1 / len(names),
        "methods": rows,
        "ratios": {"ms_per_image_apl_over_none": rows["apl"]["ms_per_image"] / rows["none"]["ms_per_image"],
                   **{f"leak_{m}_over_none": (rows[m]["leak_seen"] + rows[m]["leak_unseen"]) / base_leak
                   if base_leak else None for m in rows if m != "none"}},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
